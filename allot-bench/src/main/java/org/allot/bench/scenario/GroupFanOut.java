package org.allot.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.Ids;
import org.allot.bench.harness.ServerProcess;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Result;
import org.allot.bench.run.Stats;

/**
 * Scenario 1: one SKU assigned to a group of N members, timed from the API call until the group reads
 * ProcessingComplete. Baseline: PostgreSQL's own {@code COPY} of N assignment rows into a table like
 * {@code license_assignment} (same columns, keys and indexes, created once and growing like the real one).
 */
public final class GroupFanOut implements Scenario {
    private static final String SKU = "SPE_E5";

    @Override
    public String id() {
        return "fanout";
    }

    @Override
    public String title() {
        return "Group fan-out: one SKU to every member of a group, until ProcessingComplete";
    }

    @Override
    public List<Result> run(Target target, Context context) {
        Fixtures fx = new Fixtures(target);
        int members = context.sizes().fanOutMembers();
        int warmUp = Math.max(100, members / 10);
        fx.subscribe(SKU, warmUp + members * context.runs());
        UUID sku = fx.sku(SKU);
        target.db()
                .update("create table if not exists bench_copied_assignment (like license_assignment including all)");
        List<Double> fanOut = new ArrayList<>();
        List<Double> copy = new ArrayList<>();
        for (int run = -1; run < context.runs(); run++) {
            int size = run < 0 ? warmUp : members;
            String prefix = context.prefix(id(), run);
            UUID group = fx.createGroup("Fan-out " + prefix);
            fx.addUsers(prefix, size);
            fx.addMembers(group, prefix, size);

            double serverBefore = target.server().map(ServerProcess::cpuSeconds).orElse(Double.NaN);
            Map<String, Double> threadsBefore =
                    target.server().map(ServerProcess::cpuSecondsByThreads).orElse(Map.of());
            double databaseBefore = target.db().cpuSeconds();
            long walBefore = wal(target);
            long started = System.nanoTime();
            fx.assignToGroup(group, sku);
            fx.awaitProcessingComplete(group, Duration.ofMillis(20), Duration.ofMinutes(60));
            double millis = Stats.millisSince(started);
            double serverCpu = target.server().map(ServerProcess::cpuSeconds).orElse(Double.NaN) - serverBefore;
            Map<String, Double> threads = new java.util.TreeMap<>(
                    target.server().map(ServerProcess::cpuSecondsByThreads).orElse(Map.of()));
            threads.replaceAll((kind, seconds) -> seconds - threadsBefore.getOrDefault(kind, 0.0));
            double databaseCpu = target.db().cpuSeconds() - databaseBefore;
            long walBytes = wal(target) - walBefore;
            long licensed = fx.count(
                    "select count(*) from license_assignment where tenant_id = ? and source_group_id = ?"
                            + " and state = 'Active'",
                    target.tenant(),
                    group);
            if (licensed != size) {
                throw new IllegalStateException("expected " + size + " active assignments, found " + licensed);
            }

            String csv = rows(target.tenant(), prefix, size, sku, group);
            double copyDatabaseBefore = target.db().cpuSeconds();
            long copyWalBefore = wal(target);
            long copyStarted = System.nanoTime();
            target.db()
                    .copy(
                            "copy bench_copied_assignment (tenant_id, user_id, sku_id, source_group_id,"
                                    + " disabled_plans, state, requested_at, updated_at) from stdin with (format csv)",
                            csv);
            double copyMillis = Stats.millisSince(copyStarted);
            double copyDatabaseCpu = target.db().cpuSeconds() - copyDatabaseBefore;
            long copyWalBytes = wal(target) - copyWalBefore;
            context.say(
                    "%s: %,d members licensed in %,.0f ms; COPY of as many rows %,.0f ms",
                    run < 0 ? "warm-up" : "run " + (run + 1), size, millis, copyMillis);
            context.say(
                    "  CPU: server %.2f s %s, database %.2f s (COPY: %.2f s); WAL %,d kB (COPY: %,d kB)",
                    serverCpu, threads, databaseCpu, copyDatabaseCpu, walBytes / 1024, copyWalBytes / 1024);
            if (run >= 0) {
                fanOut.add(millis);
                copy.add(copyMillis);
            }
        }
        return List.of(Result.of(id(), String.format(Locale.ROOT, "fan-out of %,d members", members), "ms", fanOut)
                .withBaseline("COPY of as many assignment rows", copy)
                .withGoals(Goal.medianAtMost(5_000), Goal.ratioAtMost(3))
                .withDetails(Map.of("members", members, "sku", SKU)));
    }

    private static long wal(Target target) {
        return target.db().queryLong("select wal_bytes::bigint from pg_stat_wal");
    }

    private static String rows(UUID tenant, String prefix, int size, UUID sku, UUID group) {
        StringBuilder csv = new StringBuilder(size * 160);
        String fixed = "," + sku + "," + group + ",{},Active,2026-01-05 09:00:00+00,2026-01-05 09:00:00+00\n";
        for (int i = 1; i <= size; i++) {
            csv.append(tenant).append(',').append(Ids.user(prefix, i)).append(fixed);
        }
        return csv.toString();
    }
}
