package org.allot.server.persistence;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.catalog.PlanRule;
import org.allot.core.catalog.PlanRules;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.UsageLocation;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcPlanRules implements PlanRules {
    private final JdbcClient jdbc;
    private final TenantStamps stamps;

    /** Plan rules read from the database at every read. */
    public JdbcPlanRules(JdbcClient jdbc) {
        this(jdbc, TenantStamps.off());
    }

    /** A tenant's plan rules remembered while its stamp stays where it was. */
    public JdbcPlanRules(JdbcClient jdbc, TenantStamps stamps) {
        this.jdbc = jdbc;
        this.stamps = stamps;
    }

    @Override
    public List<PlanRule> custom(TenantId tenant) {
        return stamps.read(tenant, TenantStamps.Kind.PLAN_RULES, () -> List.copyOf(read(tenant)));
    }

    private List<PlanRule> read(TenantId tenant) {
        return jdbc.sql("select * from plan_rule where tenant_id = ? order by created_at, id")
                .param(tenant.value())
                .query((rs, i) -> new PlanRule(
                        SqlValues.uuid(rs, "id"),
                        PlanRule.Kind.valueOf(rs.getString("kind")),
                        new ServicePlanId(SqlValues.uuid(rs, "service_plan_id")),
                        new HashSet<>(SqlValues.uuids(rs, "plans", ServicePlanId::new)),
                        new HashSet<>(SqlValues.strings(rs, "locations").stream()
                                .map(UsageLocation::of)
                                .toList()),
                        rs.getString("note"),
                        false))
                .list();
    }

    @Override
    public void add(TenantId tenant, PlanRule rule) {
        stamps.wrote(tenant);
        jdbc.sql("""
                        insert into plan_rule (tenant_id, id, kind, service_plan_id, plans, locations, note, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        tenant.value(),
                        rule.id(),
                        rule.kind().name(),
                        rule.plan().value(),
                        SqlValues.uuidArray(rule.plans(), ServicePlanId::value),
                        rule.locations().stream()
                                .map(UsageLocation::code)
                                .sorted()
                                .toArray(String[]::new),
                        rule.note(),
                        SqlValues.time(Instant.now()))
                .update();
    }

    @Override
    public boolean remove(TenantId tenant, UUID id) {
        stamps.wrote(tenant);
        return jdbc.sql("delete from plan_rule where tenant_id = ? and id = ?")
                        .params(tenant.value(), id)
                        .update()
                == 1;
    }
}
