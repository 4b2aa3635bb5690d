package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.allot.server.testing.DistributionPlan;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migrated schema is ready to be sharded by tenant (docs/scale-out.md, "Sharding with Citus"): every table's
 * primary key and every foreign key starts with {@code tenant_id}, and every unique index of a tenant's table includes
 * it, so that each table can be distributed by {@code tenant_id} and co-located with the others; the tables and
 * indexes that hold across tenants are the listed ones ({@link DistributionPlan}).
 */
class TenantKeysIT {
    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.shared());

    /** The columns of a key or an index, in order; an expression's place is "(expression)". */
    private static final String COLUMNS = """
            (select string_agg(coalesce(a.attname, '(expression)'), ',' order by k.ord)
               from unnest(%s) with ordinality k(att, ord)
               left join pg_attribute a on a.attrelid = %s and a.attnum = k.att)""";

    @Test
    void everyTablesPrimaryKeyStartsWithTheTenant() {
        List<String> wrong = new ArrayList<>();
        jdbc.sql("""
                        select c.relname as name,
                               exists (select 1 from pg_attribute a
                                        where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                                 as has_tenant,
                               %s as pk
                          from pg_class c
                          left join pg_constraint p on p.conrelid = c.oid and p.contype = 'p'
                         where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
                           and not c.relispartition and c.relname <> 'flyway_schema_history'
                         order by c.relname""".formatted(COLUMNS.formatted("p.conkey", "c.oid"))).query(rs -> {
            String table = rs.getString("name");
            String pk = rs.getString("pk");
            boolean hasTenant = rs.getBoolean("has_tenant");
            if (table.equals(DistributionPlan.TENANT_ROOT)) {
                if (!"id".equals(pk)) {
                    wrong.add(table + ": primary key (" + pk + "), not (id)");
                }
            } else if (DistributionPlan.GLOBAL_TABLES.containsKey(table)) {
                if (hasTenant) {
                    wrong.add(table + ": listed as global but has a tenant_id");
                }
            } else if (!hasTenant) {
                wrong.add(table + ": no tenant_id, and not listed as a global table");
            } else if (pk == null) {
                wrong.add(table + ": no primary key");
            } else if (!pk.startsWith("tenant_id")) {
                wrong.add(table + ": primary key (" + pk + ") does not start with tenant_id");
            }
        });

        assertThat(wrong).as("tables not keyed by tenant").isEmpty();
    }

    @Test
    void everyForeignKeyStartsWithTheTenant() {
        List<String> wrong = new ArrayList<>();
        jdbc.sql("""
                        select f.conname as name, f.conrelid::regclass::text as child,
                               f.confrelid::regclass::text as parent,
                               %s as columns, %s as referenced
                          from pg_constraint f
                         where f.contype = 'f' and f.connamespace = 'public'::regnamespace
                         order by 1""".formatted(
                        COLUMNS.formatted("f.conkey", "f.conrelid"), COLUMNS.formatted("f.confkey", "f.confrelid")))
                .query(rs -> {
                    String child = rs.getString("child");
                    String parent = rs.getString("parent");
                    String referenced = rs.getString("referenced");
                    String key = rs.getString("name") + " " + child + "(" + rs.getString("columns") + ") → " + parent
                            + "(" + referenced + ")";
                    boolean toTheTenant = parent.equals(DistributionPlan.TENANT_ROOT) && referenced.equals("id");
                    boolean globalChild = DistributionPlan.GLOBAL_TABLES.containsKey(child);
                    boolean globalParent = DistributionPlan.GLOBAL_TABLES.containsKey(parent);
                    if (globalChild && globalParent) {
                        return; // between two global tables: Citus allows it between reference or local tables
                    }
                    if (globalChild || globalParent) {
                        wrong.add(key + ": between a tenant's table and a global one");
                    } else if (!rs.getString("columns").startsWith("tenant_id")
                            || !(toTheTenant || referenced.startsWith("tenant_id"))) {
                        wrong.add(key + ": does not start with tenant_id");
                    }
                });

        assertThat(wrong).as("foreign keys not by tenant").isEmpty();
    }

    @Test
    void everyUniqueIndexOfATenantsTableIncludesTheTenant() {
        List<String> wrong = new ArrayList<>();
        jdbc.sql("""
                        select c.relname as name, t.relname as table_name, %s as columns
                          from pg_index i
                          join pg_class c on c.oid = i.indexrelid
                          join pg_class t on t.oid = i.indrelid
                         where i.indisunique and t.relnamespace = 'public'::regnamespace
                           and t.relname <> 'flyway_schema_history'
                         order by 2, 1""".formatted(COLUMNS.formatted("i.indkey::int2[]", "i.indrelid")))
                .query(rs -> {
                    String table = rs.getString("table_name");
                    String index = rs.getString("name");
                    String columns = rs.getString("columns");
                    boolean tenantTable = !DistributionPlan.GLOBAL_TABLES.containsKey(table)
                            && !table.equals(DistributionPlan.TENANT_ROOT);
                    if (tenantTable
                            && !List.of(columns.split(",")).contains("tenant_id")
                            && !DistributionPlan.GLOBAL_UNIQUE_INDEXES.containsKey(index)) {
                        wrong.add(table + "." + index + " (" + columns + ") does not include tenant_id");
                    }
                });

        assertThat(wrong).as("unique indexes across tenants").isEmpty();
    }

    @Test
    void theListedIndexesExist() {
        List<String> indexes = jdbc.sql("select relname from pg_class where relnamespace = 'public'::regnamespace")
                .query(String.class)
                .list();

        assertThat(indexes).containsAll(DistributionPlan.GLOBAL_UNIQUE_INDEXES.keySet());
    }
}
