package org.allot.bench.harness;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What must hold of a tenant's stored licenses whatever happened before, counted in SQL straight from the tables and
 * sharing nothing with the server's engine: each count is a number of mismatches, and all must be zero.
 */
public final class LicenseInvariants {
    private static final String NON_DELETED = """
            join directory_user u on u.tenant_id = a.tenant_id and u.id = a.user_id and u.deleted_at is null""";

    private static final Map<String, String> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put(
                "inherited assignments that differ from memberships and group licenses",
                String.format(Locale.ROOT, """
                with recursive up(user_id, group_id) as (
                    select user_id, group_id from group_member_user where tenant_id = :t
                    union
                    select up.user_id, m.group_id from up
                    join group_member_group m on m.tenant_id = :t and m.member_group_id = up.group_id
                    where (select nested_group_licensing from tenant where id = :t)),
                expected as (
                    select up.user_id, l.sku_id, l.group_id,
                           array(select unnest(l.disabled_plans) order by 1) as disabled
                    from up
                    join group_license l on l.tenant_id = :t and l.group_id = up.group_id
                    join directory_user u on u.tenant_id = :t and u.id = up.user_id and u.deleted_at is null),
                stored as (
                    select a.user_id, a.sku_id, a.source_group_id as group_id,
                           array(select unnest(a.disabled_plans) order by 1) as disabled
                    from license_assignment a %s
                    where a.tenant_id = :t and a.source_group_id <> '00000000-0000-0000-0000-000000000000')
                select count(*) from ((select * from expected except select * from stored)
                                      union all (select * from stored except select * from expected)) d""", NON_DELETED));
        CHECKS.put("direct licenses of users without usage location", String.format(Locale.ROOT, """
                select count(*) from license_assignment a %s
                where a.tenant_id = :t and a.source_group_id = '00000000-0000-0000-0000-000000000000'
                  and u.usage_location is null""", NON_DELETED));
        CHECKS.put(
                "users both holding and waiting for a seat of one SKU", String.format(Locale.ROOT, """
                select count(*) from (
                    select a.user_id, a.sku_id from license_assignment a %s
                    where a.tenant_id = :t and (a.state like 'Active%%' or a.error = 'CountViolation')
                      and not (u.user_type = 'Guest' and a.source_group_id <> '00000000-0000-0000-0000-000000000000')
                    group by a.user_id, a.sku_id
                    having bool_or(a.state like 'Active%%') and bool_or(a.error = 'CountViolation')) x""", NON_DELETED));
        CHECKS.put("SKUs whose consumed seats differ from the users holding one", """
                select count(*) from seat_count s
                where s.tenant_id = :t and s.consumed <> (
                    select count(distinct a.user_id) from license_assignment a
                    where a.tenant_id = :t and a.sku_id = s.sku_id and a.state like 'Active%')""");
        CHECKS.put("SKUs over-allocated", """
                select count(*) from seat_count where tenant_id = :t and consumed > enabled""");
        CHECKS.put(
                "SKUs whose waiting count differs from the users waiting",
                String.format(Locale.ROOT, """
                select count(*) from seat_count s
                where s.tenant_id = :t and s.waiting <> (
                    select count(distinct a.user_id) from license_assignment a %s
                    where a.tenant_id = :t and a.sku_id = s.sku_id and a.error = 'CountViolation')""", NON_DELETED));
        CHECKS.put("SKUs with free seats while users wait", """
                select count(*) from seat_count where tenant_id = :t and waiting > 0 and enabled > consumed""");
    }

    private final Database db;

    public LicenseInvariants(Database db) {
        this.db = db;
    }

    /** Each check and its number of mismatches in the tenant. */
    public Map<String, Long> count(UUID tenant) {
        Map<String, Long> result = new LinkedHashMap<>();
        CHECKS.forEach((name, sql) -> {
            int params = sql.split(":t", -1).length - 1;
            Object[] values = new Object[params];
            java.util.Arrays.fill(values, tenant);
            result.put(name, db.queryLong(sql.replace(":t", "?"), values));
        });
        return result;
    }

    /** How many users of the tenant are members of a group but should not be by its rule, or the other way round. */
    public long dynamicMismatches(UUID tenant, UUID group, String matchingDepartmentsSql) {
        return db.queryLong(String.format(Locale.ROOT, """
                select count(*) from directory_user u
                where u.tenant_id = ? and u.deleted_at is null
                  and (exists (select 1 from group_member_user m
                               where m.tenant_id = u.tenant_id and m.group_id = ? and m.user_id = u.id))
                      <> (coalesce(u.department, '') in (%s))""", matchingDepartmentsSql), tenant, group);
    }
}
