package org.allot.bench.scenario;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Result;
import org.allot.bench.run.Stats;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 9: the license check (issue 12) over a consistent tenant of N users — everyone licensed through a group,
 * a fifth through a nested group whose product has too few seats (some wait) — timed from the run's start to its end
 * as the server records them (the wait for a free worker left out; the time from {@code POST /allot/v1/reconciliation}
 * until the harness saw it end, polling every 100 ms, is in the details); it must find nothing. Baseline: a plain
 * sequential read of
 * the same assignments and memberships (every column of every row of the tenant's {@code license_assignment},
 * {@code group_member_user} and {@code group_member_group}) over the harness's own connection, measured in the same
 * runs. A repair that finds nothing is timed once, for information.
 */
public final class LicenseCheckScale implements Scenario {
    private static final Duration POLL = Duration.ofMillis(100);

    @Override
    public String id() {
        return "reconcile";
    }

    @Override
    public String title() {
        return "License check: a dry run over a consistent tenant, finding nothing";
    }

    /** No scheduled run gets in the way. */
    @Override
    public List<String> serverArguments(Context context) {
        return List.of("--allot.reconciliation.interval=0");
    }

    @Override
    public List<Result> run(Target target, Context context) {
        int users = context.sizes().checkUsers();
        setUp(target, context, users);
        List<Double> checks = new ArrayList<>();
        List<Double> asked = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        for (int run = -1; run < context.runs(); run++) {
            double read = readBaseline(target);
            long started = System.nanoTime();
            JsonNode done = check(target, true, users);
            double seen = Stats.millisSince(started);
            double millis = serverMillis(done);
            context.say(
                    "%s: dry run over %,d users in %,.0f ms (seen ended %,.0f ms after asking); sequential read"
                            + " %,.0f ms",
                    run < 0 ? "warm-up" : "run " + (run + 1), users, millis, seen, read);
            if (run >= 0) {
                checks.add(millis);
                asked.add(seen);
                reads.add(read);
            }
        }
        double repair = serverMillis(check(target, false, users));
        context.say("a repair over %,d users, finding nothing: %,.0f ms", users, repair);
        return List.of(
                Result.of(
                                id(),
                                String.format(Locale.ROOT, "dry run over %,d users, nothing found", users),
                                "ms",
                                checks)
                        .withBaseline("sequential read of the same assignments and memberships", reads)
                        .withGoals(Goal.ratioAtMost(3))
                        .withDetails(Map.of("users", users, "millisFromRequestToSeenEnded", asked)),
                Result.of(
                        id(),
                        String.format(Locale.ROOT, "repair over %,d users, nothing found", users),
                        "ms",
                        List.of(repair)));
    }

    /**
     * N users: everyone in "Everyone" (SPE_E5), every fifth in "Sales team", nested in "Sales" (EMS, 50 seats short,
     * so 50 wait), all licensed through the API's fan-out.
     */
    private static void setUp(Target target, Context context, int users) {
        Fixtures fx = new Fixtures(target);
        String prefix = context.prefix("reconcile", 0);
        fx.subscribe("SPE_E5", users);
        fx.subscribe("EMS", users / 5 - 50);
        fx.addUsers(prefix, users);
        UUID everyone = fx.createGroup("Everyone " + prefix);
        UUID sales = fx.createGroup("Sales " + prefix);
        UUID team = fx.createGroup("Sales team " + prefix);
        fx.addMembers(everyone, prefix, users);
        target.db().update("""
                        insert into group_member_user (tenant_id, group_id, user_id)
                        select ?, ?, md5(? || i)::uuid from generate_series(5, ?, 5) i""", target.tenant(), team, prefix, users);
        target.api()
                .post(
                        "/v1.0/groups/" + sales + "/members/$ref",
                        Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + team))
                .orFail("POST /groups/{id}/members/$ref");
        long started = System.nanoTime();
        fx.assignToGroup(everyone, fx.sku("SPE_E5"));
        fx.awaitProcessingComplete(everyone, Duration.ofMillis(200), Duration.ofMinutes(60));
        fx.assignToGroup(sales, fx.sku("EMS"));
        fx.awaitProcessingComplete(sales, Duration.ofMillis(200), Duration.ofMinutes(60));
        target.db().update("analyze license_assignment");
        context.say(
                "set up: %,d users, %,d assignments (licensed in %,.0f ms)",
                users,
                fx.count("select count(*) from license_assignment where tenant_id = ?", target.tenant()),
                Stats.millisSince(started));
    }

    /** The fastest of three reads in a row: what the machine needs at least to read the same rows once. */
    private static double readBaseline(Target target) {
        double fastest = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            target.db().readAll("select * from license_assignment where tenant_id = ?", target.tenant());
            target.db().readAll("select * from group_member_user where tenant_id = ?", target.tenant());
            target.db().readAll("select * from group_member_group where tenant_id = ?", target.tenant());
            fastest = Math.min(fastest, Stats.millisSince(started));
        }
        return fastest;
    }

    /** Asks for a run and polls it until it has ended; a run that failed or found anything is an error. */
    private static JsonNode check(Target target, boolean dryRun, int users) {
        String id = target.api()
                .post("/allot/v1/reconciliation", Map.of("dryRun", dryRun))
                .orFail("POST /allot/v1/reconciliation")
                .body()
                .path("id")
                .asString();
        JsonNode[] run = new JsonNode[1];
        Fixtures.await(
                () -> {
                    run[0] = target.api()
                            .get("/allot/v1/reconciliation/runs/" + id)
                            .orFail("GET /allot/v1/reconciliation/runs/{id}")
                            .body();
                    return !run[0].path("state").asString().matches("Queued|Running");
                },
                POLL,
                Duration.ofMinutes(60),
                "license check " + id);
        if (!run[0].path("consistent").asBoolean()
                || run[0].path("differencesFound").asInt() != 0
                || run[0].path("usersChecked").asInt() != users) {
            throw new IllegalStateException("the check of a consistent tenant of " + users + " users answered "
                    + run[0] + "; first differences: "
                    + target.api()
                            .get("/allot/v1/reconciliation/runs/" + id + "/differences?$top=5")
                            .body()
                            .path("value"));
        }
        return run[0];
    }

    private static double serverMillis(JsonNode run) {
        OffsetDateTime started =
                OffsetDateTime.parse(run.path("startedDateTime").asString());
        OffsetDateTime finished =
                OffsetDateTime.parse(run.path("finishedDateTime").asString());
        return Duration.between(started, finished).toNanos() / 1e6;
    }
}
