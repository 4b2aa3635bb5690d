package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditTarget;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.allot.core.testing.MutableClock;
import org.allot.server.testing.BulkDirectory;
import org.allot.server.testing.DatabaseCounts;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The groups of many users at once (a chunk of a fan-out) are worked out in memory from their direct memberships and
 * the nesting: the same answer, direct flags included, as the recursive walk in SQL that a few users get. A member
 * added is written with its audit record.
 */
class JdbcMembershipsIT {
    private static final int USERS = 300;

    @Test
    void theGroupsOfManyUsersAreThoseOfEachUserAlone() {
        PostgresInstallation allot = installation(TestDatabase.shared());
        JdbcClient jdbc = allot.jdbc();
        Caller admin = allot.newTenant("Nested");
        TenantId tenant = admin.tenant();
        GroupId sales = group(allot, admin, "Sales");
        GroupId region = group(allot, admin, "Region");
        GroupId company = group(allot, admin, "Company");
        GroupId loop = group(allot, admin, "Loop");
        BulkDirectory.addUsers(jdbc, tenant, "nested", USERS, "US");
        BulkDirectory.addMembers(jdbc, tenant, sales, "nested", USERS / 2);
        BulkDirectory.addMembers(jdbc, tenant, company, "nested", USERS / 3);
        allot.work().run(() -> {
            allot.memberships().add(tenant, region, Member.group(sales));
            allot.memberships().add(tenant, company, Member.group(region));
            allot.memberships().add(tenant, loop, Member.group(company));
            allot.memberships().add(tenant, company, Member.group(loop));
            return null;
        });
        List<UserId> all = jdbc.sql("select id from directory_user where tenant_id = ? order by id")
                .param(tenant.value())
                .query((rs, i) -> new UserId(rs.getObject(1, UUID.class)))
                .list();

        Map<UserId, Map<GroupId, Boolean>> together =
                allot.work().read(() -> allot.memberships().groupsOfUsers(tenant, all));
        Map<UserId, Map<GroupId, Boolean>> alone = new HashMap<>();
        for (UserId user : all) {
            alone.putAll(allot.work().read(() -> allot.memberships().groupsOfUsers(tenant, List.of(user))));
        }

        assertThat(together).isEqualTo(alone);
        assertThat(together).hasSize(USERS / 2);
        assertThat(together.values())
                .contains(Map.of(sales, true, region, false, company, true, loop, false))
                .contains(Map.of(sales, true, region, false, company, false, loop, false));
    }

    /**
     * A member's addition and its audit record are written together (one statement): added once, recorded once with
     * the member and the group as its targets; added again, refused and recorded nothing.
     */
    @Test
    void aMemberAddedIsRecordedWithItAndARepeatRecordsNothing() {
        PostgresInstallation allot = installation(TestDatabase.shared());
        Caller admin = allot.newTenant("Recorded");
        GroupId team = group(allot, admin, "Team");
        BulkDirectory.addUsers(allot.jdbc(), admin.tenant(), "recorded", 1, "US");
        UUID user = allot.jdbc()
                .sql("select id from directory_user where tenant_id = ?")
                .param(admin.tenant().value())
                .query(UUID.class)
                .single();

        assertThat(allot.groupDirectory().addMember(admin, team, user).isDone()).isTrue();
        assertThat(allot.groupDirectory().addMember(admin, team, user).isDone()).isFalse();

        List<AuditEvent> added = allot.auditEvents(admin.tenant()).stream()
                .filter(e -> e.activity() == Activity.ADD_MEMBER)
                .toList();
        assertThat(added).hasSize(1);
        assertThat(added.get(0).targets())
                .extracting(AuditTarget::id)
                .containsExactly(user.toString(), team.toString());
        assertThat(allot.work().read(() -> allot.memberships()
                        .isDirectMember(admin.tenant(), team, Member.user(new UserId(user)))))
                .isTrue();
    }

    /**
     * A chunk's users are in a few nested groups of a tenant with much other nesting: the chunk reads the nesting above
     * its users' groups, not the tenant's whole nesting table once per chunk.
     */
    @Test
    void manyUsersReadOnlyTheNestingAboveTheirGroups() {
        String url = TestDatabase.newDatabase();
        try (HikariDataSource ds = TestDatabase.pool(url, 2)) {
            PostgresInstallation allot = installation(ds);
            JdbcClient jdbc = allot.jdbc();
            Caller admin = allot.newTenant("Nested");
            TenantId tenant = admin.tenant();
            GroupId sales = group(allot, admin, "Sales");
            GroupId region = group(allot, admin, "Region");
            GroupId company = group(allot, admin, "Company");
            BulkDirectory.addUsers(jdbc, tenant, "nested", USERS, "US");
            BulkDirectory.addMembers(jdbc, tenant, sales, "nested", USERS);
            List<GroupId> others = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                others.add(group(allot, admin, "Other " + i));
            }
            allot.work().run(() -> {
                allot.memberships().add(tenant, region, Member.group(sales));
                allot.memberships().add(tenant, company, Member.group(region));
                for (int i = 0; i < others.size(); i++) {
                    for (int j = i + 1; j < others.size(); j++) {
                        allot.memberships().add(tenant, others.get(j), Member.group(others.get(i)));
                    }
                }
                return null;
            });
            List<UserId> all = jdbc.sql("select id from directory_user where tenant_id = ? order by id")
                    .param(tenant.value())
                    .query((rs, i) -> new UserId(rs.getObject(1, UUID.class)))
                    .list();
            DatabaseCounts.resetStatements(jdbc);

            Map<UserId, Map<GroupId, Boolean>> groups =
                    allot.work().read(() -> allot.memberships().groupsOfUsers(tenant, all));

            assertThat(groups).hasSize(USERS);
            assertThat(Set.copyOf(groups.values())).containsExactly(Map.of(sales, true, region, false, company, false));
            assertThat(DatabaseCounts.rowsRead(jdbc, "from group_member_group"))
                    .as("pairs of the nesting read, of %d in the tenant", 2 + others.size() * (others.size() - 1) / 2)
                    .isEqualTo(2);
        }
    }

    private static PostgresInstallation installation(DataSource database) {
        return new PostgresInstallation(
                database,
                CatalogFiles.builtIn(),
                new LicensingSettings(200, 2_000, 2_000),
                MutableClock.startingAt("2026-01-05T09:00:00Z"));
    }

    private static GroupId group(PostgresInstallation allot, Caller admin, String name) {
        return allot.work()
                .run(() -> allot.groupDirectory().create(admin, Map.of(GroupAttribute.DISPLAY_NAME, name), Set.of()))
                .value()
                .id();
    }
}
