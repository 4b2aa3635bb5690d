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
import tools.jackson.databind.JsonNode;

/**
 * Reclaim and the daily usage snapshot (issue 18) over a tenant of N users (the license check's size), all holding
 * ENTERPRISEPACK through one group, half of them last signed in 100 days ago and half yesterday, under a policy that
 * lists those inactive for 30 days. A reclaim run that only reports ({@code POST /allot/v1/reclaim/runs} with
 * {@code apply: false}: selected, kept, answered) is timed from the request to its answer; it must list half the
 * users. The daily snapshot (whose {@code reclaimable} is the same selection) is timed from the deletion of the
 * tenant's row of the day to its reappearance, the server looking every 100 ms and the harness every 10 ms.
 */
public final class ReclaimScale implements Scenario {
    private static final Duration SNAPSHOT_EVERY = Duration.ofMillis(100);

    @Override
    public String id() {
        return "reclaim";
    }

    @Override
    public String title() {
        return "Reclaim: a report-only run, and the daily usage snapshot with its reclaimable seats";
    }

    @Override
    public List<String> serverArguments(Context context) {
        return List.of(
                "--allot.processing.reclaim=24h", "--allot.reports.usage-snapshot=" + SNAPSHOT_EVERY.toMillis() + "ms");
    }

    @Override
    public List<Result> run(Target target, Context context) {
        int users = context.sizes().checkUsers();
        setUp(target, context, users);
        List<Double> runs = new ArrayList<>();
        List<Double> snapshots = new ArrayList<>();
        for (int run = -1; run < context.runs(); run++) {
            long started = System.nanoTime();
            JsonNode report = target.api()
                    .post("/allot/v1/reclaim/runs", Map.of("apply", false))
                    .orFail("POST /allot/v1/reclaim/runs")
                    .body();
            double millis = Stats.millisSince(started);
            int listed = report.path("items").size();
            if (listed != users / 2) {
                throw new IllegalStateException("the run listed " + listed + " of " + users + " users");
            }
            double snapshot = snapshot(target, users / 2);
            context.say(
                    "%s: report-only run listing %,d of %,d users in %,.0f ms; daily snapshot in %,.0f ms",
                    run < 0 ? "warm-up" : "run " + (run + 1), listed, users, millis, snapshot);
            if (run >= 0) {
                runs.add(millis);
                snapshots.add(snapshot);
            }
        }
        return List.of(
                Result.of(
                                id(),
                                String.format(
                                        Locale.ROOT,
                                        "report-only reclaim run over %,d holders, %,d listed",
                                        users,
                                        users / 2),
                                "ms",
                                runs)
                        .withDetails(Map.of("users", users)),
                Result.of(
                                id(),
                                String.format(Locale.ROOT, "daily usage snapshot with reclaimable, %,d holders", users),
                                "ms",
                                snapshots)
                        .withDetails(Map.of("users", users, "stepEveryMillis", SNAPSHOT_EVERY.toMillis())));
    }

    private static void setUp(Target target, Context context, int users) {
        Fixtures fx = new Fixtures(target);
        String prefix = context.prefix("reclaim", 0);
        fx.subscribe("ENTERPRISEPACK", users);
        fx.addUsers(prefix, users);
        UUID everyone = fx.createGroup("Everyone " + prefix);
        fx.addMembers(everyone, prefix, users);
        long started = System.nanoTime();
        fx.assignToGroup(everyone, fx.sku("ENTERPRISEPACK"));
        fx.awaitProcessingComplete(everyone, Duration.ofMillis(200), Duration.ofMinutes(60));
        target.db().update("""
                        insert into user_activity (tenant_id, user_id, last_sign_in_at)
                        select ?, md5(? || i)::uuid,
                               now() - (case when i % 2 = 0 then interval '100 days' else interval '1 day' end)
                        from generate_series(1, ?) i
                        on conflict (tenant_id, user_id) do update set last_sign_in_at = excluded.last_sign_in_at""", target.tenant(), prefix, users);
        target.db().update("analyze user_activity");
        target.api()
                .put("/allot/v1/reclaim/policies/ENTERPRISEPACK", Map.of("inactiveDays", 30))
                .orFail("PUT /allot/v1/reclaim/policies/ENTERPRISEPACK");
        context.say(
                "set up: %,d users holding ENTERPRISEPACK through a group (licensed in %,.0f ms), half inactive",
                users, Stats.millisSince(started));
    }

    /** Deletes the tenant's snapshot of the day and waits for the server's step to take it again. */
    private static double snapshot(Target target, int reclaimable) {
        target.db().update("delete from usage_snapshot where tenant_id = ?", target.tenant());
        long started = System.nanoTime();
        Fixtures.await(
                () -> target.db()
                                .queryLong(
                                        "select count(*) from usage_snapshot where tenant_id = ? and reclaimable = ?",
                                        target.tenant(),
                                        reclaimable)
                        == 1,
                Duration.ofMillis(10),
                Duration.ofMinutes(10),
                "usage snapshot");
        return Stats.millisSince(started);
    }
}
