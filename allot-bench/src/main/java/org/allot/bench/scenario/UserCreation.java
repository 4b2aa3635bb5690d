package org.allot.bench.scenario;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.allot.bench.harness.Api;
import org.allot.bench.harness.Load;
import org.allot.bench.harness.ServerProcess;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Result;

/**
 * {@code POST /v1.0/users} from 8 concurrent connections for a few seconds, each request a new user, sent by wrk when
 * it is installed (else the harness's own minimal client, {@link Load}). Baseline: plain JDBC writing the
 * same rows, durably, one transaction per request from as many connections ({@link PlainJdbcWrites}): the user
 * inserted into a table like {@code directory_user} (its unique principal-name index included), the audit record
 * and the change log's row inserted, for as long as the server's load ran. Beside each rate, the CPU of each side's PostgreSQL backends per
 * user.
 */
public final class UserCreation implements Scenario {
    static final int CLIENTS = 8;
    /** Users created before the counted warm-up at full size, if {@link #WARM_UP_ROUNDS} rounds allow. */
    static final int WARM_UP_USERS = 20_000;
    /** At most so many rounds of load (each as long as the counted warm-up) before the counted warm-up. */
    static final int WARM_UP_ROUNDS = 2;
    /** Rounds of the plain-JDBC baseline before the counted warm-up, for the harness's own JIT. */
    static final int BASELINE_WARM_UP_ROUNDS = 4;

    @Override
    public String id() {
        return "users";
    }

    @Override
    public String title() {
        return "User creation: POST /v1.0/users from concurrent clients";
    }

    @Override
    public List<Result> run(Target target, Context context) {
        // the load runs for a time, with more users to create than it can create in it (4,000/s at full size)
        Duration measured = Duration.ofSeconds(context.sizes().fullSize() ? 5 : 2);
        int perSecond = context.sizes().fullSize() ? 4_000 : 2_000;
        target.db().update("create table if not exists bench_directory_user (like directory_user including all)");
        target.db().update("create table if not exists bench_directory_change (like directory_change including all)");
        target.db().update(PlainJdbcWrites.createAuditTable(target.db()));
        String url = target.api().url();
        String bearer = "Bearer " + target.api().accessToken();
        List<Double> rates = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> serverCpu = new ArrayList<>();
        List<Double> requestThreadsCpu = new ArrayList<>();
        List<Double> compilerCpu = new ArrayList<>();
        List<Double> clientCpu = new ArrayList<>();
        List<Double> plainClientCpu = new ArrayList<>();
        List<Double> databaseCpu = new ArrayList<>();
        List<Double> plainDatabaseCpu = new ArrayList<>();
        Optional<ServerProcess> server = target.server();
        String client = "";
        warmUp(target, context, url, bearer, measured.multipliedBy(4), perSecond);
        for (int run = -1; run < context.runs(); run++) {
            String prefix = context.prefix(id(), run);
            // the warm-up lasts as long as the trivial request's (TrivialRequest): the JIT compiles the path of a
            // POST for tens of thousands of requests, and a shorter one measured the server still compiling
            Duration time = run < 0 ? measured.multipliedBy(4) : measured;
            int users = (int) (perSecond * time.toSeconds());
            List<Load.Post> posts = IntStream.rangeClosed(1, users)
                    .mapToObj(i -> new Load.Post("/v1.0/users", json(body(prefix, i, target.domain()))))
                    .toList();
            double serverBefore = server.map(ServerProcess::cpuSeconds).orElse(Double.NaN);
            Map<String, Double> threadsBefore =
                    server.map(ServerProcess::cpuSecondsByThreads).orElse(Map.of());
            double databaseBefore = target.db().cpuSeconds();
            if (run == context.runs() - 1) {
                target.db().resetStatements();
            }
            Load.Rate created = Load.postEach(url, posts, bearer, CLIENTS, time);
            double databaseMicros = (target.db().cpuSeconds() - databaseBefore) / created.requests() * 1e6;
            if (run == context.runs() - 1) {
                target.db().topStatements(8, created.requests()).forEach(line -> context.say("  %s", line));
            }
            double serverMicros = (server.map(ServerProcess::cpuSeconds).orElse(Double.NaN) - serverBefore)
                    / created.requests()
                    * 1e6;
            Map<String, Double> threadMicros = perRequest(
                    threadsBefore,
                    server.map(ServerProcess::cpuSecondsByThreads).orElse(Map.of()),
                    created.requests());
            long made = target.db()
                    .queryLong(
                            "select count(*) from directory_user where tenant_id = ? and user_principal_name like ?",
                            target.tenant(),
                            prefix + "%");
            // calls still under way when the time is up are answered but not counted: one per connection at most
            if (created.failures() > 0 || made < created.requests() || made > created.requests() + CLIENTS) {
                throw new IllegalStateException(created.failures() + " POST /users failed, " + created.requests()
                        + " answered 2xx and " + made + " users were created");
            }
            double clientMicros = created.clientCpuSeconds() / created.requests() * 1e6;
            double plainBefore = Load.harnessCpuSeconds();
            if (run == context.runs() - 1) {
                target.db().resetStatements();
            }
            PlainJdbcWrites.Rate baseline = plainJdbc(target, "b" + prefix, time);
            if (run == context.runs() - 1) {
                context.say("  the baseline's statements:");
                target.db().topStatements(6, baseline.requests()).forEach(line -> context.say("  %s", line));
            }
            double jdbc = baseline.perSecond();
            double plainMicros = (Load.harnessCpuSeconds() - plainBefore) / baseline.requests() * 1e6;
            double plainDatabaseMicros = baseline.databaseCpuSeconds() / baseline.requests() * 1e6;
            client = created.client();
            context.say(
                    "%s (%s): %,d users created at %,.0f/s (server CPU %.0f µs each, by its threads %s; the load"
                            + " client's %.0f µs each; the database's %.0f µs each); plain JDBC, same rows, at"
                            + " %,.0f/s (harness's JDBC %.0f µs each, the database's %.0f µs each) (ratio %.2f)",
                    run < 0 ? "warm-up" : "run " + (run + 1),
                    client,
                    created.requests(),
                    created.perSecond(),
                    serverMicros,
                    threadMicros,
                    clientMicros,
                    databaseMicros,
                    jdbc,
                    plainMicros,
                    plainDatabaseMicros,
                    created.perSecond() / jdbc);
            if (run >= 0) {
                rates.add(created.perSecond());
                plain.add(jdbc);
                serverCpu.add(serverMicros);
                requestThreadsCpu.add(threadMicros.getOrDefault("requests", Double.NaN));
                compilerCpu.add(threadMicros.getOrDefault("compiler", Double.NaN));
                clientCpu.add(clientMicros);
                plainClientCpu.add(plainMicros);
                databaseCpu.add(databaseMicros);
                plainDatabaseCpu.add(plainDatabaseMicros);
            }
        }
        List<Result> results = new ArrayList<>();
        results.add(Result.of(id(), "POST /users, " + CLIENTS + " clients", "users/s", rates)
                .withBaseline("plain JDBC, same rows, one durable transaction per request", plain)
                .withGoals(Goal.ratioAtLeast(0.5))
                .withDetails(Map.of(
                        "seconds",
                        measured.toSeconds(),
                        "warmUpSeconds",
                        measured.multipliedBy(4).toSeconds(),
                        "clients",
                        CLIENTS,
                        "client",
                        client)));
        if (server.isPresent()) {
            results.add(Result.of(id(), "server CPU per POST /users", "µs", serverCpu));
            if (requestThreadsCpu.stream().noneMatch(v -> v.isNaN())) {
                results.add(Result.of(id(), "server CPU per POST /users, request threads", "µs", requestThreadsCpu));
                results.add(Result.of(id(), "server CPU per POST /users, JIT compiler", "µs", compilerCpu));
            }
        }
        results.add(Result.of(id(), "database CPU per POST /users", "µs", databaseCpu)
                .withBaseline("database CPU per plain-JDBC user (µs)", plainDatabaseCpu));
        results.add(Result.of(id(), "load client CPU per POST /users", "µs", clientCpu)
                .withBaseline("harness CPU per plain-JDBC user (its JDBC client, µs)", plainClientCpu));
        return results;
    }

    /**
     * Rounds of load before the counted warm-up (run -1), until the server has created {@link #WARM_UP_USERS} users
     * or {@link #WARM_UP_ROUNDS} rounds have passed: the JIT needs a number of requests, not a time, and a loaded
     * machine makes fewer in the same time.
     */
    private void warmUp(Target target, Context context, String url, String bearer, Duration round, int perSecond) {
        if (!context.sizes().fullSize()) {
            return;
        }
        long created = 0;
        for (int r = 0; r < WARM_UP_ROUNDS && created < WARM_UP_USERS; r++) {
            String prefix = context.prefix(id() + "-round" + r, -1);
            List<Load.Post> posts = IntStream.rangeClosed(1, (int) (perSecond * round.toSeconds()))
                    .mapToObj(i -> new Load.Post("/v1.0/users", json(body(prefix, i, target.domain()))))
                    .toList();
            Load.Rate rate = Load.postEach(url, posts, bearer, CLIENTS, round);
            if (rate.failures() > 0) {
                throw new IllegalStateException(rate.failures() + " POST /users failed in the warm-up");
            }
            created += rate.requests();
            context.say("warm-up round %d: %,d users created at %,.0f/s", r + 1, rate.requests(), rate.perSecond());
        }
        // the baseline's own client is warmed too: run after run, its rate rose (3,870 → 6,070/s) as the harness's
        // JDBC CPU per user fell (270 → 80 µs), so the ratio fell with no change in the server
        for (int r = 0; r < BASELINE_WARM_UP_ROUNDS; r++) {
            double before = Load.harnessCpuSeconds();
            PlainJdbcWrites.Rate rate = plainJdbc(target, "w" + r + context.prefix(id(), -1), round.dividedBy(4));
            context.say(
                    "warm-up of the baseline %d: plain JDBC at %,.0f/s (harness's JDBC %.0f µs each)",
                    r + 1, rate.perSecond(), (Load.harnessCpuSeconds() - before) / rate.requests() * 1e6);
        }
    }

    /** CPU time per request of each kind of the server's threads, in µs, between two readings. */
    private static Map<String, Double> perRequest(
            Map<String, Double> before, Map<String, Double> after, long requests) {
        Map<String, Double> micros = new LinkedHashMap<>();
        after.forEach((kind, seconds) ->
                micros.put(kind, Math.round((seconds - before.getOrDefault(kind, 0.0)) / requests * 1e6 * 10) / 10.0));
        return micros;
    }

    private static String json(Map<String, Object> body) {
        return Api.json().writeValueAsString(body);
    }

    private static Map<String, Object> body(String prefix, int i, String domain) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountEnabled", true);
        body.put("displayName", "User " + prefix + i);
        body.put("mailNickname", prefix + i);
        body.put("userPrincipalName", prefix + i + "@" + domain);
        return body;
    }

    /**
     * The same rows as the server wrote (the user, the record of its creation and the change log's row that delta
     * queries and change notifications read), by plain JDBC, for as long as the server's load ran: a baseline of 2,000 users
     * (half a second) varied by a third from run to run, with the harness's own JIT and the database's checkpoints.
     */
    private static PlainJdbcWrites.Rate plainJdbc(Target target, String prefix, Duration time) {
        UUID tenant = target.tenant();
        String[] audit = PlainJdbcWrites.sampleAudit(target.db(), tenant, "ADD_USER");
        try (PlainJdbcWrites writes = new PlainJdbcWrites(target.db(), CLIENTS)) {
            return writes.during(time, (connection, i) -> {
                UUID user = UUID.randomUUID();
                try (PreparedStatement s = connection.prepareStatement("""
                        insert into bench_directory_user (tenant_id, id, user_principal_name, display_name,
                            mail_nickname, user_type, account_enabled, on_premises_sync_enabled, created_at)
                        values (?, ?, ?, ?, ?, 'Member', true, false, now())""")) {
                    s.setObject(1, tenant);
                    s.setObject(2, user);
                    s.setString(3, prefix + i + "@" + target.domain());
                    s.setString(4, "User " + prefix + i);
                    s.setString(5, prefix + i);
                    s.executeUpdate();
                }
                PlainJdbcWrites.insertAudit(connection, "bench_audit_event", audit, user.toString());
                try (PreparedStatement s = connection.prepareStatement(
                        "insert into bench_directory_change (tenant_id, kind, object_id, op) values (?, 'user', ?, 'created')")) {
                    s.setObject(1, tenant);
                    s.setObject(2, user);
                    s.executeUpdate();
                }
            });
        }
    }
}
