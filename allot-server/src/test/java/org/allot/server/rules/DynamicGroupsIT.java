package org.allot.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.catalog.Product;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserAttribute;
import org.allot.core.testing.MutableClock;
import org.allot.server.persistence.CatalogFiles;
import org.allot.server.testing.BulkDirectory;
import org.allot.server.testing.DatabaseCounts;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dynamic groups over a directory of thousands, in transactions and background jobs as the server runs them: a rule
 * change writes only the difference (the audit log shows no member removed and added again, no license taken and
 * given back), a paused group is left alone, and a recompute interrupted between chunks carries on from its cursor.
 * BulkDirectory gives every fifth user the same department: 1,000 each of Sales, Marketing, Engineering, Finance and
 * Support.
 */
class DynamicGroupsIT {
    private static final int USERS = 5_000;
    private static final String SALES = "user.department -eq \"Sales\"";
    private static final String SALES_AND_MARKETING = "user.department -in [\"Sales\", \"Marketing\"]";

    private final PostgresInstallation allot = new PostgresInstallation(
            TestDatabase.shared(),
            CatalogFiles.builtIn(),
            new LicensingSettings(200, 500, 2000),
            MutableClock.startingAt("2026-01-05T09:00:00Z"));
    private final JdbcClient jdbc = allot.jdbc();
    private Caller admin;
    private TenantId tenant;
    private Product e3;

    @BeforeEach
    void aTenantOfFiveThousand() {
        admin = allot.newTenant("Contoso");
        tenant = admin.tenant();
        e3 = allot.subscribe(admin, "ENTERPRISEPACK", USERS);
        BulkDirectory.addUsers(jdbc, tenant, "user", USERS, "US");
    }

    @Test
    void aRuleChangeWritesOnlyTheDifference() {
        GroupId group = licensedDynamicGroup(SALES);
        assertThat(members(group)).isEqualTo(1_000);
        Map<String, Long> before = activities();

        allot.work().run(() -> allot.groupDirectory()
                .update(admin, group, Map.of(GroupAttribute.MEMBERSHIP_RULE, SALES_AND_MARKETING)));
        assertThat(queued()).isEqualTo(1);
        allot.runJobs();

        assertThat(members(group)).isEqualTo(2_000);
        Map<String, Long> added = since(before);
        assertThat(added.getOrDefault("ADD_MEMBER", 0L)).isEqualTo(1_000);
        assertThat(added.getOrDefault("REMOVE_MEMBER", 0L)).isZero();
        assertThat(added.getOrDefault("CHANGE_USER_LICENSE", 0L)).isEqualTo(1_000);
        assertThat(licenseEventsFor("Sales"))
                .as("no Sales member lost or regained a license")
                .isEqualTo(1_000);
        assertThat(seatsConsumed()).isEqualTo(2_000);

        Map<String, Long> widened = activities();
        allot.work()
                .run(() -> allot.groupDirectory().update(admin, group, Map.of(GroupAttribute.MEMBERSHIP_RULE, SALES)));
        allot.runJobs();

        Map<String, Long> narrowed = since(widened);
        assertThat(narrowed.getOrDefault("REMOVE_MEMBER", 0L)).isEqualTo(1_000);
        assertThat(narrowed.getOrDefault("ADD_MEMBER", 0L)).isZero();
        assertThat(narrowed.getOrDefault("CHANGE_USER_LICENSE", 0L)).isEqualTo(1_000);
        assertThat(seatsConsumed()).isEqualTo(1_000);
    }

    @Test
    void editingAUsersDepartmentMovesThemBetweenLicensedDynamicGroups() {
        GroupId sales = licensedDynamicGroup(SALES);
        GroupId marketing = licensedDynamicGroup("user.department -eq \"Marketing\"");
        var ada = allot.work()
                .read(() -> allot.memberships().userMembers(tenant, sales, false, null, 1))
                .get(0);

        allot.work().run(() -> allot.userDirectory().update(admin, ada, Map.of(UserAttribute.DEPARTMENT, "Marketing")));

        assertThat(allot.memberships().isDirectMember(tenant, sales, Member.user(ada)))
                .isFalse();
        assertThat(allot.memberships().isDirectMember(tenant, marketing, Member.user(ada)))
                .isTrue();
        assertThat(allot.assignments().of(tenant, List.of(ada)).get(ada))
                .singleElement()
                .satisfies(a -> assertThat(a.source().groupOrNull()).isEqualTo(marketing))
                .satisfies(a -> assertThat(a.holdsSeat()).isTrue());
        assertThat(seatsConsumed()).isEqualTo(2_000);
    }

    @Test
    void aPausedGroupIsLeftAloneUntilItIsSwitchedBackOn() {
        GroupId group = licensedDynamicGroup(SALES);
        allot.work().run(() -> allot.groupDirectory()
                .update(admin, group, Map.of(GroupAttribute.MEMBERSHIP_RULE_PROCESSING_STATE, "Paused")));
        Map<String, Long> before = activities();

        allot.work().run(() -> allot.groupDirectory()
                .update(admin, group, Map.of(GroupAttribute.MEMBERSHIP_RULE, SALES_AND_MARKETING)));
        assertThat(queued()).isZero();
        allot.runJobs();
        assertThat(members(group)).isEqualTo(1_000);
        assertThat(since(before)).containsOnlyKeys("UPDATE_GROUP");

        allot.work().run(() -> allot.groupDirectory()
                .update(admin, group, Map.of(GroupAttribute.MEMBERSHIP_RULE_PROCESSING_STATE, "On")));
        allot.runJobs();
        assertThat(members(group)).isEqualTo(2_000);
    }

    @Test
    void aRecomputeInterruptedBetweenChunksCarriesOnFromItsCursor() {
        GroupId group = allot.dynamicGroup(admin, "Revenue", SALES);
        // a worker that processed two chunks, committing each with the cursor, then died
        var first = allot.work().execute(() -> allot.dynamicMembership().recomputeChunk(admin, group, null, 500));
        var second =
                allot.work().execute(() -> allot.dynamicMembership().recomputeChunk(admin, group, first.next(), 500));
        jdbc.sql("""
                        update license_job set state = 'RUNNING', started = true, cursor_user_id = ?, processed = 1000
                        where tenant_id = ? and kind = 'RULE'""").params(second.next().value(), tenant.value()).update();

        allot.runJobs();

        assertThat(members(group)).isEqualTo(1_000);
        assertThat(activities().get("ADD_MEMBER")).as("each member added once").isEqualTo(1_000);
        assertThat(jdbc.sql("select processed from license_job where tenant_id = ? and kind = 'RULE'")
                        .param(tenant.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(USERS);
    }

    @Test
    void recomputingAGroupThatIsInLineChangesNothing() {
        GroupId group = licensedDynamicGroup(SALES);
        Map<String, Long> before = activities();

        allot.work().run(() -> allot.dynamicMembership().recompute(admin, group));
        allot.runJobs();

        assertThat(since(before)).isEmpty();
    }

    private GroupId licensedDynamicGroup(String rule) {
        GroupId group = allot.dynamicGroup(admin, "Dynamic", rule);
        allot.runJobs();
        allot.work().run(() -> allot.licensing()
                .groups()
                .assign(admin, group, List.of(AssignedLicense.of(e3.skuId())), List.of()));
        allot.runJobs();
        return group;
    }

    private long members(GroupId group) {
        return allot.memberships().countUserMembers(tenant, group, false);
    }

    private long queued() {
        return jdbc.sql("select count(*) from license_job where tenant_id = ? and state = 'QUEUED' and kind = 'RULE'")
                .param(tenant.value())
                .query(Long.class)
                .single();
    }

    private int seatsConsumed() {
        return allot.seats().all(tenant).get(e3.skuId()).consumed();
    }

    private Map<String, Long> activities() {
        return DatabaseCounts.auditActivities(jdbc, tenant);
    }

    private Map<String, Long> since(Map<String, Long> before) {
        Map<String, Long> now = activities();
        Map<String, Long> added = new HashMap<>();
        now.forEach((activity, n) -> {
            long delta = n - before.getOrDefault(activity, 0L);
            if (delta != 0) {
                added.put(activity, delta);
            }
        });
        return added;
    }

    /** License changes, over the whole test, of the users of one department. */
    private long licenseEventsFor(String department) {
        return jdbc.sql("""
                        select count(*) from audit_event e
                        join directory_user u on u.tenant_id = e.tenant_id and u.id::text = e.target_id
                        where e.tenant_id = ? and e.activity = 'CHANGE_USER_LICENSE' and u.department = ?""")
                .params(tenant.value(), department)
                .query(Long.class)
                .single();
    }
}
