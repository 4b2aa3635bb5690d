package org.allot.bench.scenario;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.allot.bench.harness.Api;
import org.allot.bench.harness.ServerProcess;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Result;

/**
 * {@code POST /v1.0/users} from 8 concurrent clients, each request a new user. Baseline: plain JDBC writing the
 * same rows, durably, one transaction per request from as many connections ({@link PlainJdbcWrites}): the user
 * inserted into a table like {@code directory_user} (its unique principal-name index included) and the audit record
 * inserted.
 */
public final class UserCreation implements Scenario {
    static final int CLIENTS = 8;

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
        int count = context.sizes().assignments();
        int warmUp = Math.max(200, count / 10);
        target.db().update("create table if not exists bench_directory_user (like directory_user including all)");
        target.db().update("create table if not exists bench_audit_event (like audit_event including all)");
        List<Double> rates = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> serverCpu = new ArrayList<>();
        List<Double> clientCpu = new ArrayList<>();
        List<Double> plainClientCpu = new ArrayList<>();
        Optional<ServerProcess> server = target.server();
        for (int run = -1; run < context.runs(); run++) {
            int size = run < 0 ? warmUp : count;
            String prefix = context.prefix(id(), run);
            Api api = target.api();
            double serverBefore = server.map(ServerProcess::cpuSeconds).orElse(Double.NaN);
            double clientBefore = harnessCpuSeconds();
            double rate = AssignThroughput.perSecond(
                    size, CLIENTS, i -> api.post("/v1.0/users", body(prefix, i, target.domain()))
                            .orFail("POST /users"));
            double serverMicros =
                    (server.map(ServerProcess::cpuSeconds).orElse(Double.NaN) - serverBefore) / size * 1e6;
            double clientMicros = (harnessCpuSeconds() - clientBefore) / size * 1e6;
            double plainBefore = harnessCpuSeconds();
            double jdbc = plainJdbc(target, "b" + prefix, size);
            double plainMicros = (harnessCpuSeconds() - plainBefore) / size * 1e6;
            context.say(
                    "%s: %,d users created at %,.0f/s (server CPU %.0f µs, harness's HTTP client %.0f µs each);"
                            + " plain JDBC, same rows, at %,.0f/s (harness's JDBC %.0f µs each) (ratio %.2f)",
                    run < 0 ? "warm-up" : "run " + (run + 1),
                    size,
                    rate,
                    serverMicros,
                    clientMicros,
                    jdbc,
                    plainMicros,
                    rate / jdbc);
            if (run >= 0) {
                rates.add(rate);
                plain.add(jdbc);
                serverCpu.add(serverMicros);
                clientCpu.add(clientMicros);
                plainClientCpu.add(plainMicros);
            }
        }
        List<Result> results = new ArrayList<>();
        results.add(Result.of(id(), "POST /users, " + CLIENTS + " clients", "users/s", rates)
                .withBaseline("plain JDBC, same rows, one durable transaction per request", plain)
                .withGoals(Goal.ratioAtLeast(0.5))
                .withDetails(Map.of("usersPerRun", count, "clients", CLIENTS)));
        if (server.isPresent()) {
            results.add(Result.of(id(), "server CPU per POST /users", "µs", serverCpu));
        }
        results.add(Result.of(id(), "harness CPU per POST /users (its HTTP client)", "µs", clientCpu)
                .withBaseline("harness CPU per plain-JDBC user (its JDBC client, µs)", plainClientCpu));
        return results;
    }

    /** CPU time of the harness's own JVM so far, in seconds: the load client's cost. */
    private static double harnessCpuSeconds() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(d -> d.toNanos() / 1e9)
                .orElse(Double.NaN);
    }

    private static Map<String, Object> body(String prefix, int i, String domain) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountEnabled", true);
        body.put("displayName", "User " + prefix + i);
        body.put("mailNickname", prefix + i);
        body.put("userPrincipalName", prefix + i + "@" + domain);
        return body;
    }

    /** The same rows as the server wrote for as many users, by plain JDBC. */
    private static double plainJdbc(Target target, String prefix, int size) {
        UUID tenant = target.tenant();
        String[] audit = PlainJdbcWrites.sampleAudit(target.db(), tenant, "ADD_USER");
        try (PlainJdbcWrites writes = new PlainJdbcWrites(target.db(), CLIENTS)) {
            return writes.perSecond(size, (connection, i) -> {
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
            });
        }
    }
}
