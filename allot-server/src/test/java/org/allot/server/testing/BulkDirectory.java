package org.allot.server.testing;

import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes large directories straight into the tables, for tests and benchmarks that need 100,000 users quickly. User
 * ids are derived from the index alone, so two tenants filled alike hold the same ids in the same order.
 */
public final class BulkDirectory {
    private BulkDirectory() {}

    public static void addUsers(JdbcClient jdbc, TenantId tenant, String prefix, int count, String usageLocation) {
        jdbc.sql("""
                        insert into directory_user (tenant_id, id, user_principal_name, display_name, usage_location,
                            user_type, account_enabled, on_premises_sync_enabled, created_at, department)
                        select :tenant, md5(:prefix || i)::uuid, :prefix || i || '@contoso.com', 'User ' || i,
                               :location, 'Member', true, false, now(),
                               (array['Sales','Marketing','Engineering','Finance','Support'])[1 + i % 5]
                        from generate_series(1, :count) i""")
                .param("tenant", tenant.value())
                .param("prefix", prefix)
                .param("location", usageLocation)
                .param("count", count)
                .update();
        analyze(jdbc, "directory_user");
    }

    public static void addMembers(JdbcClient jdbc, TenantId tenant, GroupId group, String prefix, int count) {
        jdbc.sql("""
                        insert into group_member_user (tenant_id, group_id, user_id)
                        select :tenant, :group, md5(:prefix || i)::uuid from generate_series(1, :count) i""")
                .param("tenant", tenant.value())
                .param("group", group.value())
                .param("prefix", prefix)
                .param("count", count)
                .update();
        analyze(jdbc, "group_member_user");
    }

    /**
     * Refreshes the planner's statistics, as autovacuum would within a minute: a query planned on the statistics of
     * the empty table right after a bulk load can pick a nested loop over every row and run for many minutes.
     */
    private static void analyze(JdbcClient jdbc, String table) {
        jdbc.sql("analyze " + table).update();
    }
}
