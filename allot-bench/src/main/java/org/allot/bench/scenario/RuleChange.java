package org.allot.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Result;
import org.allot.bench.run.Stats;

/**
 * Issue 7's scenario: a licensed dynamic group's rule widened over a directory of U users, from
 * {@code department -eq "Sales"} to {@code department -in ["Sales", "Marketing"]}: a fifth of the users join and get
 * the group's license. Timed from the PATCH until its recompute job is done. Baseline: PostgreSQL inserting the
 * joiners' membership rows itself ({@code INSERT … SELECT} into a table like {@code group_member_user}).
 */
public final class RuleChange implements Scenario {
    private static final String SKU = "SPE_E5";
    private static final String BEFORE = "user.department -eq \"Sales\"";
    private static final String AFTER = "user.department -in [\"Sales\", \"Marketing\"]";

    @Override
    public String id() {
        return "rule";
    }

    @Override
    public String title() {
        return "Dynamic group rule change over the directory, licenses following";
    }

    @Override
    public List<Result> run(Target target, Context context) {
        Fixtures fx = new Fixtures(target);
        int users = context.sizes().ruleUsers();
        int joiners = users / 5;
        fx.subscribe(SKU, 2 * joiners * (context.runs() + 1));
        UUID sku = fx.sku(SKU);
        fx.addUsers(context.prefix(id(), 0), users);
        target.db().update("create table if not exists bench_inserted_member (like group_member_user including all)");
        List<Double> times = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int run = -1; run < context.runs(); run++) {
            UUID group = fx.createDynamicGroup("Revenue " + context.prefix(id(), run), BEFORE);
            fx.awaitJobs("RULE", group, Duration.ofMillis(50), Duration.ofMinutes(30));
            fx.assignToGroup(group, sku);
            fx.awaitProcessingComplete(group, Duration.ofMillis(50), Duration.ofMinutes(30));

            long started = System.nanoTime();
            target.api()
                    .patch("/v1.0/groups/" + group, Map.of("membershipRule", AFTER))
                    .orFail("PATCH /groups/{id}");
            fx.awaitJobs("RULE", group, Duration.ofMillis(20), Duration.ofMinutes(60));
            double millis = Stats.millisSince(started);
            long members = fx.count(
                    "select count(*) from group_member_user where tenant_id = ? and group_id = ?",
                    target.tenant(),
                    group);
            long licensed = fx.count(
                    "select count(*) from license_assignment where tenant_id = ? and source_group_id = ?"
                            + " and state = 'Active'",
                    target.tenant(),
                    group);
            if (members != 2L * joiners || licensed != 2L * joiners) {
                throw new IllegalStateException(
                        "expected " + 2 * joiners + " members and licenses, found " + members + " and " + licensed);
            }

            long insertStarted = System.nanoTime();
            target.db()
                    .update(
                            "insert into bench_inserted_member (tenant_id, group_id, user_id) select tenant_id, ?, id"
                                    + " from directory_user where tenant_id = ? and department = 'Marketing'",
                            UUID.randomUUID(),
                            target.tenant());
            double insertMillis = Stats.millisSince(insertStarted);
            context.say(
                    "%s: rule widened over %,d users, %,d joined and were licensed in %,.0f ms;"
                            + " INSERT … SELECT of their memberships %,.0f ms",
                    run < 0 ? "warm-up" : "run " + (run + 1), users, joiners, millis, insertMillis);
            if (run >= 0) {
                times.add(millis);
                baseline.add(insertMillis);
            }
        }
        return List.of(Result.of(
                        id(),
                        String.format(Locale.ROOT, "rule change over %,d users, %,d join", users, joiners),
                        "ms",
                        times)
                .withBaseline("INSERT … SELECT of the joiners' memberships", baseline)
                .withDetails(Map.of("users", users, "joiners", joiners, "before", BEFORE, "after", AFTER)));
    }
}
