package org.allot.server.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.allot.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A digest of everything a tenant's directory, licensing and subscriptions are made of: every table keyed by
 * {@code tenant_id} (found in the schema, so new tables count too) and the tenant's own row. The audit log is left
 * out (refused requests are audited; its records are stored in audit_record, which audit_event reads), as are throttles and sessions, which are not kept in tables.
 */
final class TenantDigest {
    private static final List<String> LEFT_OUT = List.of("audit_event", "audit_record");

    private final JdbcClient jdbc;
    private final TenantId tenant;

    TenantDigest(JdbcClient jdbc, TenantId tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /** Table name to the digest of the tenant's rows in it. */
    Map<String, String> now() {
        Map<String, String> digest = new TreeMap<>();
        List<String> tables = jdbc.sql("""
                        select c.table_name from information_schema.columns c
                        join information_schema.tables t using (table_schema, table_name)
                        where c.column_name = 'tenant_id' and c.table_schema = current_schema()
                          and t.table_type = 'BASE TABLE'
                        order by c.table_name""").query(String.class).list();
        for (String table : tables) {
            if (LEFT_OUT.contains(table) || table.contains("throttle") || table.contains("session")) {
                continue;
            }
            digest.put(
                    table,
                    rows("select coalesce(md5(string_agg(r::text, '|' order by r::text)), '') from \"" + table
                            + "\" r where tenant_id = ?"));
        }
        digest.put("tenant", rows("select md5(r::text) from tenant r where id = ?"));
        return digest;
    }

    /** The digest once background work for the tenant has finished (two readings a moment apart agree). */
    Map<String, String> settled() {
        Map<String, String> last = now();
        for (int i = 0; i < 50; i++) {
            sleep();
            Map<String, String> again = now();
            if (again.equals(last)) {
                return again;
            }
            last = again;
        }
        throw new IllegalStateException("the tenant's tables keep changing");
    }

    private String rows(String sql) {
        return jdbc.sql(sql).param(tenant.value()).query(String.class).single();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
