package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.query.Entity;
import org.allot.core.query.Filter;
import org.allot.core.query.Query;
import org.allot.server.persistence.query.JdbcAuditQueries;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit records written in bulk (COPY, as a fan-out's chunk writes them) and one at a time (INSERT) read back as they
 * were written, whatever their text; a record with one target keeps it in its target columns only, and a user's
 * history still finds it through {@code targetResources/any(t: t/id eq …)}.
 */
class JdbcAuditLogIT {
    private final DataSource dataSource = TestDatabase.shared();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final JdbcAuditLog log =
            new JdbcAuditLog(dataSource, jdbc, JsonMapper.builder().build());
    private final JdbcAuditQueries queries = new JdbcAuditQueries(jdbc, log);
    private final TenantId tenant = TenantId.random();
    private final Caller caller = new Caller(tenant, Actor.GROUP_BASED_LICENSING, "job-1");
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void recordsWrittenInBulkAndAloneReadBackAsWritten() {
        UUID group = UUID.randomUUID();
        List<AuditEvent> bulk = new ArrayList<>();
        bulk.add(license(UUID.randomUUID(), "zoë.\"quoted\"@contoso.com"));
        bulk.add(license(UUID.randomUUID(), "名前😀, comma\nnewline@contoso.com"));
        bulk.add(license(UUID.randomUUID(), null));
        bulk.add(AuditEvent.of(
                caller,
                now,
                Activity.ADD_MEMBER,
                List.of(AuditTarget.user(UUID.randomUUID(), "ann@contoso.com"), AuditTarget.group(group, "Ventes")),
                List.of()));
        AuditEvent alone = license(UUID.randomUUID(), "ångström@contoso.com");

        log.appendAll(bulk);
        log.append(alone);

        List<AuditEvent> expected = new ArrayList<>(bulk);
        expected.add(alone);
        assertThat(log.events(tenant)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aRecordWithOneTargetStoresNoTargetsJsonAndIsFoundByItsTarget() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        AuditEvent adas = license(ada, "ada@contoso.com");
        AuditEvent joined = AuditEvent.of(
                caller,
                now,
                Activity.ADD_MEMBER,
                List.of(AuditTarget.user(ada, "ada@contoso.com"), AuditTarget.group(UUID.randomUUID(), "Staff")),
                List.of());
        log.appendAll(List.of(adas, license(bob, "bob@contoso.com"), joined));

        assertThat(storedTargets(adas.id())).isNull();
        assertThat(storedTargets(joined.id())).contains("Staff");
        Filter byId = new Filter.Compare(
                Entity.AUDIT.property("targetResources/any/id").orElseThrow(), Filter.Operator.EQ, ada.toString());
        assertThat(queries.events(tenant, new Query(byId, null, 10, null, true)).rows())
                .containsExactlyInAnyOrder(adas, joined);
        Filter byName = new Filter.StartsWith(
                Entity.AUDIT.property("targetResources/any/displayName").orElseThrow(), "bob@");
        assertThat(queries.events(tenant, new Query(byName, null, 10, null, false))
                        .rows())
                .singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo(AuditTarget.user(bob, "bob@contoso.com")));
    }

    /**
     * A chunk's users given the same change at the same moment are stored as one row per distinct change, and every
     * reader still finds each user's record as it was appended: by id, by its target, page after page, counted.
     */
    @Test
    void usersGivenTheSameChangeAreStoredAsOneRowAndReadOneByOne() {
        List<AuditEvent> chunk = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            chunk.add(license(UUID.randomUUID(), "user" + i + "@contoso.com"));
        }
        chunk.add(license(UUID.randomUUID(), null));
        AuditEvent waiting = AuditEvent.of(
                caller,
                now,
                Activity.CHANGE_USER_LICENSE,
                AuditTarget.user(UUID.randomUUID(), "\"quoted\", {braced}@contoso.com"),
                List.of(PropertyChange.of("LicenseAssignment SPE_E5 (group x)", null, "CountViolation")));
        chunk.add(waiting);
        chunk.add(AuditEvent.of(
                caller,
                now,
                Activity.CHANGE_USER_LICENSE,
                AuditTarget.user(UUID.randomUUID(), "other@contoso.com"),
                waiting.changes()));
        List<AuditEvent> own = List.of(
                AuditEvent.of(
                        caller,
                        now.plusMillis(1),
                        Activity.ADD_MEMBER,
                        List.of(
                                AuditTarget.user(UUID.randomUUID(), "a@contoso.com"),
                                AuditTarget.group(UUID.randomUUID(), "G")),
                        List.of()),
                AuditEvent.of(
                        caller,
                        now.minusMillis(1),
                        Activity.ADD_MEMBER,
                        List.of(
                                AuditTarget.user(UUID.randomUUID(), "b@contoso.com"),
                                AuditTarget.group(UUID.randomUUID(), "G")),
                        List.of()));

        log.appendAll(chunk);
        log.appendAll(own);

        assertThat(jdbc.sql("select count(*) from audit_record where tenant_id = ?")
                        .param(tenant.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        chunk.addAll(own);
        assertThat(log.events(tenant)).containsExactlyInAnyOrderElementsOf(chunk);
        for (AuditEvent e : chunk) {
            assertThat(queries.event(tenant, e.id())).contains(e);
            Filter byTarget = new Filter.Compare(
                    Entity.AUDIT.property("targetResources/any/id").orElseThrow(),
                    Filter.Operator.EQ,
                    e.target().id());
            assertThat(queries.events(tenant, new Query(byTarget, null, 10, null, true))
                            .rows())
                    .containsExactly(e);
        }
        assertThat(queries.event(tenant, UUID.randomUUID())).isEmpty();
        List<AuditEvent> paged = new ArrayList<>();
        Query.Cursor after = null;
        do {
            var page = queries.events(tenant, new Query(null, null, 3, after, true));
            assertThat(page.count()).isEqualTo(chunk.size());
            paged.addAll(page.rows());
            after = page.next();
        } while (after != null);
        List<AuditEvent> newestFirst = new ArrayList<>(chunk);
        newestFirst.sort(java.util.Comparator.comparing(AuditEvent::time)
                .thenComparing(AuditEvent::id)
                .reversed());
        assertThat(paged).containsExactlyElementsOf(newestFirst);
    }

    /**
     * A sync's new members of a group (records of two targets, the user then the group, at the same moment) are stored
     * as one row per group, and each member's record reads back as it was appended, both targets included: by id, by
     * the user's id and by the group's id, page after page.
     */
    @Test
    void aGroupsNewMembersAreStoredAsOneRowAndReadOneByOne() {
        AuditTarget sales = AuditTarget.group(UUID.randomUUID(), "Ventes");
        AuditTarget staff = AuditTarget.group(UUID.randomUUID(), "Staff \"all\", [x]");
        List<AuditEvent> joined = new ArrayList<>();
        for (AuditTarget group : List.of(sales, staff)) {
            for (int i = 0; i < 3; i++) {
                joined.add(AuditEvent.of(
                        caller,
                        now,
                        Activity.ADD_MEMBER,
                        List.of(AuditTarget.user(UUID.randomUUID(), i == 0 ? null : "m" + i + "@contoso.com"), group),
                        List.of()));
            }
        }

        log.appendAll(joined);

        assertThat(jdbc.sql("select count(*) from audit_record where tenant_id = ?")
                        .param(tenant.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(log.events(tenant)).containsExactlyInAnyOrderElementsOf(joined);
        for (AuditEvent e : joined) {
            assertThat(queries.event(tenant, e.id())).contains(e);
            Filter byUser = new Filter.Compare(
                    Entity.AUDIT.property("targetResources/any/id").orElseThrow(),
                    Filter.Operator.EQ,
                    e.target().id());
            assertThat(queries.events(tenant, new Query(byUser, null, 10, null, true))
                            .rows())
                    .containsExactly(e);
        }
        Filter byGroup = new Filter.Compare(
                Entity.AUDIT.property("targetResources/any/id").orElseThrow(), Filter.Operator.EQ, staff.id());
        assertThat(queries.events(tenant, new Query(byGroup, null, 10, null, true))
                        .rows())
                .containsExactlyInAnyOrderElementsOf(joined.subList(3, 6));
        List<AuditEvent> paged = new ArrayList<>();
        Query.Cursor after = null;
        do {
            var page = queries.events(tenant, new Query(null, null, 4, after, false));
            paged.addAll(page.rows());
            after = page.next();
        } while (after != null);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(joined);
    }

    /**
     * A sync's page of new users (records of one user each, at the same moment, each with its own values) is stored as
     * one row, those whose changes happen to be the same as a row of their own, and every user's record reads back as
     * it was appended, changes included: by id, by its user, page after page, counted.
     */
    @Test
    void aPageOfNewUsersIsStoredAsOneRowAndReadOneByOne() {
        List<AuditEvent> added = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = i == 0 ? "\"quoted\", {braced} [é]@contoso.com" : "user" + i + "@contoso.com";
            added.add(AuditEvent.of(
                    caller,
                    now,
                    Activity.ADD_USER,
                    AuditTarget.user(UUID.randomUUID(), i == 5 ? null : name),
                    List.of(
                            PropertyChange.of("UserPrincipalName", null, name),
                            PropertyChange.of("DisplayName", null, i == 1 ? null : "Usér \"" + i + "\"\n"),
                            PropertyChange.of("AccountEnabled", null, "true"))));
        }
        List<PropertyChange> same = List.of(PropertyChange.of("Department", null, "Sales"));
        for (int i = 0; i < 2; i++) {
            added.add(AuditEvent.of(
                    caller,
                    now,
                    Activity.ADD_USER,
                    AuditTarget.user(UUID.randomUUID(), "same" + i + "@contoso.com"),
                    same));
        }

        log.appendAll(added);

        assertThat(jdbc.sql("select count(*) from audit_record where tenant_id = ?")
                        .param(tenant.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(log.events(tenant)).containsExactlyInAnyOrderElementsOf(added);
        for (AuditEvent e : added) {
            assertThat(queries.event(tenant, e.id())).contains(e);
            Filter byUser = new Filter.Compare(
                    Entity.AUDIT.property("targetResources/any/id").orElseThrow(),
                    Filter.Operator.EQ,
                    e.target().id());
            assertThat(queries.events(tenant, new Query(byUser, null, 10, null, true))
                            .rows())
                    .containsExactly(e);
        }
        List<AuditEvent> paged = new ArrayList<>();
        Query.Cursor after = null;
        do {
            var page = queries.events(tenant, new Query(null, null, 3, after, true));
            assertThat(page.count()).isEqualTo(added.size());
            paged.addAll(page.rows());
            after = page.next();
        } while (after != null);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(added);
    }

    private AuditEvent license(UUID user, String userPrincipalName) {
        return AuditEvent.of(
                caller,
                now,
                Activity.CHANGE_USER_LICENSE,
                AuditTarget.user(user, userPrincipalName),
                List.of(
                        PropertyChange.of("AssignedLicense", "[]", "[SPE_E5]"),
                        PropertyChange.of("LicenseAssignment SPE_E5 (group x)", null, "Active")));
    }

    private String storedTargets(UUID id) {
        return jdbc.sql("select targets::text from audit_event where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(String.class)
                .list()
                .get(0);
    }
}
