package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's assignments are read through the primary key whatever plan PostgreSQL caches for the statement. After five
 * executions of a prepared statement PostgreSQL may keep a generic plan, made without the values, when it looks no
 * dearer than the ones made with them; for {@code user_id = any(?)} the generic plan costed the product index
 * ({@code tenant_id, sku_id, user_id}) below the primary key and read the whole tenant's part of it for one user: 167
 * pages at 14,000 assignments, a tenth of a join's time in the benchmark, growing with the tenant.
 */
class ReadsByUserPlansIT {
    private static final int OTHER_USERS = 5_000;

    private final Scenario contoso = Scenario.contoso();
    private final PostgresInstallation allot = (PostgresInstallation) contoso.allot;

    @Test
    void oneUsersAssignmentsAreReadFromAFewPagesHoweverManyTheTenantHolds() {
        UserId ada = contoso.user("ada");
        UUID sku = UUID.randomUUID();
        allot.jdbc()
                .sql("""
                        insert into license_assignment (tenant_id, user_id, sku_id, source_group_id, disabled_plans,
                            state, requested_at, updated_at)
                        select ?, case when n = 0 then ? else gen_random_uuid() end, ?, '00000000-0000-0000-0000-000000000000',
                            '{}', 'Active', now(), now()
                        from generate_series(0, ?) n""")
                .params(contoso.tenant.value(), ada.value(), sku, OTHER_USERS)
                .update();

        assertReadFromAFewPages(JdbcAssignments.OF_USERS, ada, "license_assignment");
    }

    @Test
    void oneUsersGroupsAreWalkedFromAFewPagesHoweverManyMembershipsTheTenantHolds() {
        UserId ada = contoso.user("ada");
        GroupId staff = contoso.aGroup("Staff").create();
        allot.jdbc()
                .sql("""
                        insert into directory_user
                        select (jsonb_populate_record(u, jsonb_build_object(
                            'id', gen_random_uuid(), 'user_principal_name', 'filler' || n || '@contoso.example',
                            'mail', null, 'on_premises_immutable_id', null))).*
                        from directory_user u, generate_series(1, ?) n where u.tenant_id = ? and u.id = ?""")
                .params(OTHER_USERS, contoso.tenant.value(), ada.value())
                .update();
        allot.jdbc()
                .sql("insert into group_member_user (tenant_id, group_id, user_id)"
                        + " select tenant_id, ?, id from directory_user where tenant_id = ?")
                .params(staff.value(), contoso.tenant.value())
                .update();

        assertReadFromAFewPages(
                GroupsOfUsers.GROUPS_OF_USERS.replace(":tenant", "$1").replace(":users", "$2::uuid[]"),
                ada,
                "group_member_user");
    }

    /**
     * {@code sql}, run for {@code user} with the plan PostgreSQL keeps once it settles on a generic one, finds their
     * one row from a few pages: before {@code table} has statistics (a tenant just loaded) and after.
     */
    private void assertReadFromAFewPages(String sql, UserId user, String table) {
        for (String when : List.of("before statistics", "after statistics")) {
            if (when.startsWith("after")) {
                allot.jdbc().sql("analyze " + table).update();
            }
            JsonNode plan = genericPlan(sql, contoso.tenant.value(), List.of(user.value()));
            assertThat(plan.path("Actual Rows").asLong()).as(when).isEqualTo(1);
            assertThat(plan.path("Shared Hit Blocks").asLong()
                            + plan.path("Shared Read Blocks").asLong())
                    .as("pages read %s for one user's row among %,d: %s", when, OTHER_USERS + 1, plan)
                    .isLessThanOrEqualTo(10);
        }
    }

    /**
     * The plan PostgreSQL keeps for {@code sql} once it settles on a generic one, run with {@code tenant} and
     * {@code users}: its top node, with the pages it read.
     */
    private JsonNode genericPlan(String sql, UUID tenant, List<UUID> users) {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                numbered.append('$').append(++parameter);
            } else {
                numbered.append(c);
            }
        }
        String arguments = "'" + tenant + "'::uuid, array["
                + String.join(", ", users.stream().map(u -> "'" + u + "'").toList()) + "]::uuid[]";
        String text = allot.work().run(() -> {
            allot.jdbc().sql("set local plan_cache_mode = force_generic_plan").update();
            allot.jdbc().sql("prepare reads_by_user as " + numbered).update();
            String explained = allot.jdbc()
                    .sql("explain (analyze, buffers, format json) execute reads_by_user(" + arguments + ")")
                    .query(String.class)
                    .single();
            allot.jdbc().sql("deallocate reads_by_user").update();
            return explained;
        });
        return JsonMapper.builder().build().readTree(text).get(0).get("Plan");
    }
}
