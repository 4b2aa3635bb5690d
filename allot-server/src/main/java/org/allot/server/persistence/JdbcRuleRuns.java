package org.allot.server.persistence;

import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.core.rules.RuleRun;
import org.allot.core.rules.RuleRuns;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link RuleRuns} from the jobs that recompute dynamic groups ({@code license_job} rows of kind {@code RULE}). */
public final class JdbcRuleRuns implements RuleRuns {
    private final JdbcClient jdbc;

    public JdbcRuleRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RuleRun> latest(TenantId tenant, GroupId group) {
        return jdbc.sql("""
                        select state, started, processed, succeeded, failed, started_at, finished_at from license_job
                        where tenant_id = ? and kind = 'RULE' and target_id = ?
                        order by id desc limit 1""")
                .params(tenant.value(), group.value())
                .query((rs, i) -> new RuleRun(
                        switch (rs.getString("state")) {
                            case "QUEUED" -> "Queued";
                            case "RUNNING" -> rs.getBoolean("started") ? "Running" : "Queued";
                            case "DONE" -> "Complete";
                            default -> "Failed";
                        },
                        rs.getInt("processed"),
                        rs.getInt("succeeded"),
                        rs.getInt("failed"),
                        SqlValues.instant(rs, "started_at"),
                        SqlValues.instant(rs, "finished_at")))
                .optional();
    }
}
