package org.allot.bench.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.allot.bench.harness.Api;
import org.allot.bench.harness.DiskFlush;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.Ids;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Result;
import org.allot.bench.run.Stats;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 2: a user joins a licensed group through the API and their licenseDetails are read back, one after the
 * other, as a script would; the latency of the pair, p50 and p99 per run. Baseline: the same number of calls to a
 * trivial authenticated endpoint ({@code GET /v1.0/organization}). Each run also times as many flushes of a page to
 * the disk ({@link DiskFlush}), the floor of the join's durable commit, and reports their p99 beside the pair's.
 */
public final class JoinLatency implements Scenario {
    private static final String SKU = "ENTERPRISEPACK";

    @Override
    public String id() {
        return "join";
    }

    @Override
    public String title() {
        return "Membership to license: add a member to a licensed group, read their licenseDetails";
    }

    @Override
    public List<Result> run(Target target, Context context) {
        Fixtures fx = new Fixtures(target);
        int joins = context.sizes().joins();
        // a warm-up four times as long as a run: with a tenth of it, then with as long as a run, the JIT was still
        // compiling the path (a few hundred ms of a core each) during the runs, on the two cores the server, the
        // database and this client share, and the figures of both the join and the trivial request fell run after run
        int warmUp = joins * 4;
        int base = context.sizes().joinGroupMembers();
        fx.subscribe(SKU, base + warmUp + joins * context.runs());
        UUID sku = fx.sku(SKU);
        UUID group = fx.createGroup("Licensed " + context.prefix(id(), 0));
        String basePrefix = context.prefix(id(), 0) + "base-";
        fx.addUsers(basePrefix, base);
        fx.addMembers(group, basePrefix, base);
        fx.assignToGroup(group, sku);
        fx.awaitProcessingComplete(group, Duration.ofMillis(50), Duration.ofMinutes(30));
        context.say("a group of %,d members holds %s", base, SKU);

        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> baseP50 = new ArrayList<>();
        List<Double> baseP99 = new ArrayList<>();
        List<Double> flushP99 = new ArrayList<>();
        List<Double> floorP99 = new ArrayList<>();
        for (int run = -1; run < context.runs(); run++) {
            int size = run < 0 ? warmUp : joins;
            String prefix = context.prefix(id(), run);
            fx.addUsers(prefix, size);
            List<Double> latencies = new ArrayList<>(size);
            List<Double> posts = new ArrayList<>(size);
            List<Long> startedAt = new ArrayList<>(size);
            for (int i = 1; i <= size; i++) {
                startedAt.add(System.currentTimeMillis());
                double[] times = join(target, group, Ids.user(prefix, i), sku);
                latencies.add(times[0] + times[1]);
                posts.add(times[0]);
            }
            List<Double> trivial = new ArrayList<>(size);
            for (int i = 1; i <= size; i++) {
                long started = System.nanoTime();
                target.api().get("/v1.0/organization").orFail("GET /organization");
                trivial.add(Stats.millisSince(started));
            }
            // the floor of a join: its commit waits for one flush of the WAL to the disk, which the trivial request
            // never does; timed right after, as many times
            List<Double> flushes = DiskFlush.measure(context.databaseDirectory(), size);
            List<Double> floor = floorPairs(target, size);
            context.say(
                    "%s: %,d joins p50 %.1f ms p99 %.1f ms; GET /organization p50 %.1f ms p99 %.1f ms;"
                            + " 8 KiB write + flush to the %s p50 %.2f ms p99 %.2f ms",
                    run < 0 ? "warm-up" : "run " + (run + 1),
                    size,
                    Stats.percentile(latencies, 50),
                    Stats.percentile(latencies, 99),
                    Stats.percentile(trivial, 50),
                    Stats.percentile(trivial, 99),
                    flushedWhere(context),
                    Stats.percentile(flushes, 50),
                    Stats.percentile(flushes, 99));
            context.say("  %s", slowest(latencies, posts, startedAt, trivial));
            context.say(
                    "  floor of a pair (trivial request, durable commit of one row, trivial request):"
                            + " p50 %.1f ms p99 %.1f ms, %.2f× the trivial request's p99",
                    Stats.percentile(floor, 50),
                    Stats.percentile(floor, 99),
                    Stats.percentile(floor, 99) / Stats.percentile(trivial, 99));
            if (run >= 0) {
                p50.add(Stats.percentile(latencies, 50));
                p99.add(Stats.percentile(latencies, 99));
                baseP50.add(Stats.percentile(trivial, 50));
                baseP99.add(Stats.percentile(trivial, 99));
                flushP99.add(Stats.percentile(flushes, 99));
                floorP99.add(Stats.percentile(floor, 99));
            }
        }
        Map<String, Object> details = Map.of(
                "joinsPerRun",
                joins,
                "groupMembers",
                base,
                "sku",
                SKU,
                "diskFlushP99MsPerRun",
                flushP99,
                "diskFlushWhere",
                flushedWhere(context));
        return List.of(
                Result.of(id(), "join + licenseDetails p50", "ms", p50)
                        .withBaseline("GET /organization p50", baseP50)
                        .withDetails(details),
                Result.of(id(), "join + licenseDetails p99", "ms", p99)
                        .withBaseline("GET /organization p99", baseP99)
                        .withGoals(Goal.medianAtMost(25), Goal.ratioAtMost(2))
                        .withDetails(details),
                Result.of(id(), "floor of a pair p99: trivial request, durable commit, trivial request", "ms", floorP99)
                        .withBaseline("GET /organization p99", baseP99)
                        .withDetails(details));
    }

    /**
     * The floor of a join and its read on this machine, whatever the server does: a pair is two authenticated
     * requests, each at least the trivial one, and the join's durable commit. So each floor pair is the trivial
     * request, one row committed durably by plain JDBC (one round trip, the WAL flushed as the server's commits are),
     * and the trivial request again. Where its p99 is more than twice the trivial request's, so is any pair's.
     */
    private static List<Double> floorPairs(Target target, int size) {
        target.db()
                .update("create table if not exists bench_join_floor (id bigserial primary key, at timestamptz"
                        + " not null default now())");
        List<Double> pairs = new ArrayList<>(size);
        try (Connection connection = target.db().newConnection();
                PreparedStatement insert = connection.prepareStatement("insert into bench_join_floor default values")) {
            connection.setAutoCommit(true);
            for (int i = 0; i < size; i++) {
                long started = System.nanoTime();
                target.api().get("/v1.0/organization").orFail("GET /organization");
                insert.executeUpdate();
                target.api().get("/v1.0/organization").orFail("GET /organization");
                pairs.add(Stats.millisSince(started));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the floor's commit", e);
        }
        return pairs;
    }

    /**
     * Where the flush is timed: the embedded PostgreSQL's data directory, or, when the database is elsewhere
     * ({@code --url}), this machine's temporary folder, which says nothing of the database's disk.
     */
    private static String flushedWhere(Context context) {
        return context.databaseDirectory() != null
                ? "database's disk"
                : "local disk (local only: the database is elsewhere)";
    }

    /**
     * Where a run's tail lies: the POST's and the GET's own p99, and the 1% slowest joins by position in the run (a
     * pause of the server or the database shows as neighbours; the machine's noise as scattered ones), each as
     * POST + GET ms, beside the trivial request's slowest.
     */
    private static String slowest(List<Double> joins, List<Double> posts, List<Long> startedAt, List<Double> trivial) {
        List<Double> gets = new ArrayList<>(joins.size());
        for (int i = 0; i < joins.size(); i++) {
            gets.add(joins.get(i) - posts.get(i));
        }
        int n = Math.max(1, joins.size() / 100);
        StringBuilder s = new StringBuilder(String.format(
                Locale.ROOT,
                "POST p50 %.1f p99 %.1f ms, GET p50 %.1f p99 %.1f ms; slowest joins (#, UTC time: POST+GET ms):",
                Stats.percentile(posts, 50),
                Stats.percentile(posts, 99),
                Stats.percentile(gets, 50),
                Stats.percentile(gets, 99)));
        IntStream.range(0, joins.size())
                .boxed()
                .sorted((a, b) -> Double.compare(joins.get(b), joins.get(a)))
                .limit(n)
                .sorted()
                .forEach(i -> s.append(String.format(
                        Locale.ROOT,
                        " %d %s: %.1f+%.1f",
                        i,
                        Instant.ofEpochMilli(startedAt.get(i)).toString().substring(11, 23),
                        posts.get(i),
                        gets.get(i))));
        s.append("; slowest trivial at:");
        IntStream.range(0, trivial.size())
                .boxed()
                .sorted((a, b) -> Double.compare(trivial.get(b), trivial.get(a)))
                .limit(n)
                .sorted()
                .forEach(i -> s.append(String.format(Locale.ROOT, " %d: %.1f", i, trivial.get(i))));
        return s.toString();
    }

    /** One join and its read: the POST's and the GET's milliseconds. */
    private static double[] join(Target target, UUID group, UUID user, UUID sku) {
        Api api = target.api();
        long started = System.nanoTime();
        api.post(
                        "/v1.0/groups/" + group + "/members/$ref",
                        Map.of("@odata.id", api.url() + "/v1.0/directoryObjects/" + user))
                .orFail("POST /groups/{id}/members/$ref");
        double post = Stats.millisSince(started);
        long read = System.nanoTime();
        JsonNode details = api.get("/v1.0/users/" + user + "/licenseDetails")
                .orFail("GET licenseDetails")
                .body();
        double millis = Stats.millisSince(read);
        boolean licensed = false;
        for (JsonNode d : details.path("value")) {
            licensed |= sku.toString().equals(d.path("skuId").asString());
        }
        if (!licensed) {
            throw new IllegalStateException("user " + user + " joined but has no license yet: " + details);
        }
        return new double[] {post, millis};
    }
}
