package org.allot.bench.scenario;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.allot.bench.harness.Api;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.Ids;
import org.allot.bench.harness.Load;
import org.allot.bench.harness.ServerProcess;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Result;

/**
 * Scenario 3: direct assignLicense calls from 16 concurrent connections for a few seconds, each call for another
 * user, one SKU, sent by wrk when it is installed (else the harness's own minimal client, {@link Load}). Baselines:
 * the same connections calling a trivial authenticated endpoint ({@code GET /v1.0/organization}) as long; and plain JDBC
 * writing the same rows, durably, one transaction per request from as many connections ({@link PlainJdbcWrites}):
 * the user's row locked, the assignment inserted, the SKU's seat row updated, the audit record inserted.
 */
public final class AssignThroughput implements Scenario {
    private static final String SKU = "SPE_E3";
    /** How many times as long as a run the warm-up is. */
    private static final int WARM_UP = 6;

    @Override
    public String id() {
        return "assign";
    }

    @Override
    public String title() {
        return "assignLicense throughput: direct assignments from concurrent clients";
    }

    @Override
    public List<Result> run(Target target, Context context) {
        Fixtures fx = new Fixtures(target);
        int count = context.sizes().assignments();
        int clients = context.sizes().clients();
        // the load runs for a time, on more users than it can license in it (4,000/s at full size)
        Duration time = Duration.ofSeconds(context.sizes().fullSize() ? 5 : 2);
        int users = context.sizes().fullSize() ? 20_000 : 4_000;
        // the warm-up is six times as long (and has six times the users): the JIT compiles the request path for
        // thousands of calls, and the rates still rose run after run after a warm-up as long as a run
        fx.subscribe(SKU, users * (context.runs() + WARM_UP));
        UUID sku = fx.sku(SKU);
        String body = Api.json().writeValueAsString(Fixtures.licenseBody(sku));
        String url = target.api().url();
        String bearer = "Bearer " + target.api().accessToken();
        List<Double> rates = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> serverCpu = new ArrayList<>();
        List<Double> databaseCpu = new ArrayList<>();
        List<Double> plainDatabaseCpu = new ArrayList<>();
        String client = "";
        createBaselineTables(target, sku);
        for (int run = -1; run < context.runs(); run++) {
            String prefix = context.prefix(id(), run);
            int runUsers = run < 0 ? users * WARM_UP : users;
            fx.addUsers(prefix, runUsers);
            long before = active(fx, target, sku);
            List<Load.Post> posts = IntStream.rangeClosed(1, runUsers)
                    .mapToObj(i -> new Load.Post("/v1.0/users/" + Ids.user(prefix, i) + "/assignLicense", body))
                    .toList();
            double serverBefore = target.server().map(ServerProcess::cpuSeconds).orElse(Double.NaN);
            double databaseBefore = target.db().cpuSeconds();
            long[] walBefore = wal(target);
            target.db().resetStatements();
            Load.Rate assigned =
                    Load.postEach(url, posts, bearer, clients, run < 0 ? time.multipliedBy(WARM_UP) : time);
            double serverMicros =
                    (target.server().map(ServerProcess::cpuSeconds).orElse(Double.NaN) - serverBefore)
                            / assigned.requests()
                            * 1e6;
            double databaseMicros = (target.db().cpuSeconds() - databaseBefore) / assigned.requests() * 1e6;
            long[] walAfter = wal(target);
            List<String> statements = target.db().topStatements(12, assigned.requests());
            context.say(
                    "  per assignLicense: %.2f WAL flushes, %.0f WAL bytes, %.2f commits",
                    (walAfter[0] - walBefore[0]) / (double) assigned.requests(),
                    (walAfter[1] - walBefore[1]) / (double) assigned.requests(),
                    (walAfter[2] - walBefore[2]) / (double) assigned.requests());
            statements.forEach(line -> context.say("    %s", line));
            Load.Rate trivial = Load.get(url + "/v1.0/organization", bearer, clients, time);
            long licensed = active(fx, target, sku) - before;
            // calls still under way when the time is up are answered but not counted: one per connection at most
            if (assigned.failures() > 0 || licensed < assigned.requests() || licensed > assigned.requests() + clients) {
                throw new IllegalStateException(assigned.failures() + " assignLicense calls failed, "
                        + assigned.requests() + " answered 2xx and " + licensed + " users were licensed");
            }
            Plain jdbc = plainJdbc(target, context, sku, prefix, count, clients);
            client = assigned.client();
            context.say(
                    "%s (%s): %,d assignments at %,.0f/s (CPU each: server %.0f µs, database %.0f µs);"
                            + " GET /organization at %,.0f/s; plain JDBC, same rows, at %,.0f/s (database %.0f µs"
                            + " each; ratio %.2f)",
                    run < 0 ? "warm-up" : "run " + (run + 1),
                    client,
                    assigned.requests(),
                    assigned.perSecond(),
                    serverMicros,
                    databaseMicros,
                    trivial.perSecond(),
                    jdbc.perSecond(),
                    jdbc.databaseMicros(),
                    assigned.perSecond() / jdbc.perSecond());
            if (run >= 0) {
                rates.add(assigned.perSecond());
                baseline.add(trivial.perSecond());
                plain.add(jdbc.perSecond());
                serverCpu.add(serverMicros);
                databaseCpu.add(databaseMicros);
                plainDatabaseCpu.add(jdbc.databaseMicros());
            }
        }
        Map<String, Object> details =
                Map.of("seconds", time.toSeconds(), "clients", clients, "sku", SKU, "client", client);
        return List.of(
                Result.of(id(), "assignLicense, " + clients + " clients", "assignments/s", rates)
                        .withBaseline("GET /organization, same clients (requests/s)", baseline)
                        .withGoals(Goal.medianAtLeast(2_000), Goal.ratioAtLeast(0.25))
                        .withDetails(details),
                Result.of(id(), "assignLicense vs plain JDBC, " + clients + " clients", "assignments/s", rates)
                        .withBaseline("plain JDBC, same rows, one durable transaction per request", plain)
                        .withGoals(Goal.ratioAtLeast(0.5))
                        .withDetails(details),
                Result.of(id(), "database CPU per assignLicense", "µs", databaseCpu)
                        .withBaseline("database CPU per plain JDBC request, same rows (µs)", plainDatabaseCpu),
                Result.of(id(), "server CPU per assignLicense", "µs", serverCpu)
                        .withBaseline("database CPU per assignLicense (µs)", databaseCpu));
    }

    /** WAL flushes and bytes of the whole database server so far, and the commits in this database. */
    private static long[] wal(Target target) {
        return new long[] {
            target.db().queryLong("select wal_sync from pg_stat_wal"),
            target.db().queryLong("select wal_bytes::bigint from pg_stat_wal"),
            target.db().queryLong("select xact_commit from pg_stat_database where datname = current_database()")
        };
    }

    /** The plain JDBC baseline's rate, and the database's CPU time per request. */
    private record Plain(double perSecond, double databaseMicros) {}

    private static long active(Fixtures fx, Target target, UUID sku) {
        return fx.count(
                "select count(*) from license_assignment where tenant_id = ? and sku_id = ? and state = 'Active'",
                target.tenant(),
                sku);
    }

    /** Tables like the server's for the baseline's rows, and a seat row like the SKU's. */
    private static void createBaselineTables(Target target, UUID sku) {
        target.db().update("create table if not exists bench_assignment (like license_assignment including all)");
        target.db().update("create table if not exists bench_seat_count (like seat_count including all)");
        target.db().update(PlainJdbcWrites.createAuditTable(target.db()));
        target.db().update("delete from bench_seat_count");
        target.db()
                .update(
                        "insert into bench_seat_count select * from seat_count where tenant_id = ? and sku_id = ?",
                        target.tenant(),
                        sku);
    }

    /** The same rows as the server wrote for users 1..size of the prefix, by plain JDBC. */
    private static Plain plainJdbc(Target target, Context context, UUID sku, String prefix, int size, int clients) {
        UUID tenant = target.tenant();
        String[] audit = PlainJdbcWrites.sampleAudit(target.db(), tenant, "CHANGE_USER_LICENSE");
        try (PlainJdbcWrites writes = new PlainJdbcWrites(target.db(), clients)) {
            double before = target.db().cpuSeconds();
            long[] walBefore = wal(target);
            target.db().resetStatements();
            double rate = writes.perSecond(size, (connection, i) -> {
                UUID user = Ids.user(prefix, i);
                PlainJdbcWrites.lockUser(connection, tenant, user);
                try (PreparedStatement s = connection.prepareStatement("""
                        insert into bench_assignment (tenant_id, user_id, sku_id, source_group_id, disabled_plans,
                            state, error, reason, requested_at, updated_at)
                        values (?, ?, ?, '00000000-0000-0000-0000-000000000000', '{}', 'Active', null, null,
                            now(), now())""")) {
                    s.setObject(1, tenant);
                    s.setObject(2, user);
                    s.setObject(3, sku);
                    s.executeUpdate();
                }
                try (PreparedStatement s = connection.prepareStatement(
                        "update bench_seat_count set consumed = consumed + 1 where tenant_id = ? and sku_id = ?")) {
                    s.setObject(1, tenant);
                    s.setObject(2, sku);
                    s.executeUpdate();
                }
                PlainJdbcWrites.insertAudit(connection, "bench_audit_event", audit, user.toString());
            });
            double micros = (target.db().cpuSeconds() - before) / size * 1e6;
            long[] walAfter = wal(target);
            context.say(
                    "  per plain JDBC request: %.2f WAL flushes, %.0f WAL bytes, %.2f commits",
                    (walAfter[0] - walBefore[0]) / (double) size,
                    (walAfter[1] - walBefore[1]) / (double) size,
                    (walAfter[2] - walBefore[2]) / (double) size);
            target.db().topStatements(6, size).forEach(line -> context.say("    %s", line));
            return new Plain(rate, micros);
        }
    }

    /** Runs calls 1..count on {@code clients} threads, each taking the next number; returns calls per second. */
    static double perSecond(int count, int clients, IntFunction<?> call) {
        AtomicInteger next = new AtomicInteger(1);
        return Pools.on(clients, pool -> {
            long started = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i <= count; i = next.getAndIncrement()) {
                        var unused = call.apply(i); // made for its effect and its time
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            return count / ((System.nanoTime() - started) / 1e9);
        });
    }
}
