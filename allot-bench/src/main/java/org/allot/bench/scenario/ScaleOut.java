package org.allot.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.allot.bench.harness.Api;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.Pinning;
import org.allot.bench.harness.ServerProcess;
import org.allot.bench.harness.Target;
import org.allot.bench.harness.WaitSampler;
import org.allot.bench.run.Context;
import org.allot.bench.run.Result;

/**
 * Scale-out: the assign, join and fan-out loads against one, two and three server processes on one database, the
 * client spreading its requests over the nodes. Each run measures one node, then two, then three (the nodes not
 * taking part are paused with SIGSTOP, so that their job workers claim nothing), so the ratios to one node come from
 * the same run. Where taskset is installed the servers share core 0 and the database has core 1 to itself: on a
 * machine of two cores more nodes cannot add CPU, and what the ratios show is what a node costs (its overhead, the
 * contention it adds), and where the database stops the load (its CPU share, the backends waiting on locks).
 */
public final class ScaleOut implements Scenario {
    private static final int NODES = 3;
    private static final String ASSIGN_SKU = "SPE_E3";
    private static final String JOIN_SKU = "ENTERPRISEPACK";
    private static final String FAN_OUT_SKU = "SPE_E5";

    @Override
    public String id() {
        return "scaleout";
    }

    @Override
    public String title() {
        return "Scale-out: assign, join and fan-out on one, two and three server processes sharing one database";
    }

    /** What one load measured on n nodes: its figure, and the CPU and waits around it. */
    private record Measure(
            double value,
            double serverCpuShare,
            double databaseCpuShare,
            double serverMicros,
            String waits,
            double onLocks) {}

    @Override
    public List<Result> run(Target target, Context context) {
        List<ServerProcess> servers = new ArrayList<>();
        servers.add(target.server()
                .orElseThrow(() -> new IllegalStateException("scaleout starts servers of its own: not with --url")));
        for (int i = 2; i <= NODES; i++) {
            servers.add(target.anotherProcess("node" + i).orElseThrow());
        }
        List<Api> apis = servers.stream().map(s -> target.api().on(s.url())).toList();
        boolean pinned = Pinning.available();
        if (pinned) {
            servers.forEach(s -> Pinning.pin(s.pid(), "0"));
            Pinning.pinDatabase(target.db(), "1");
        }
        context.say(
                "%d servers (pids %s)%s",
                NODES,
                servers.stream().map(s -> Long.toString(s.pid())).toList(),
                pinned ? "; the servers pinned to core 0, the database to core 1" : "; nothing pinned");
        Fixtures fx = new Fixtures(target);
        ScaleOutLoads.Sizes sizes = ScaleOutLoads.Sizes.of(context);
        int rounds = context.runs() + 1;
        fx.subscribe(ASSIGN_SKU, sizes.assignUsers() * NODES * rounds);
        fx.subscribe(JOIN_SKU, sizes.joins() * NODES * rounds + 100);
        fx.subscribe(FAN_OUT_SKU, sizes.fanOutMembers() * NODES * rounds);
        UUID assignSku = fx.sku(ASSIGN_SKU);
        UUID joinSku = fx.sku(JOIN_SKU);
        UUID fanOutSku = fx.sku(FAN_OUT_SKU);
        UUID licensed = fx.createGroup("Licensed scale-out");
        fx.addUsers("scaleout-base-", 100);
        fx.addMembers(licensed, "scaleout-base-", 100);
        fx.assignToGroup(licensed, joinSku);
        fx.awaitProcessingComplete(licensed, Duration.ofMillis(50), Duration.ofMinutes(10));

        Map<String, List<List<Double>>> figures = new LinkedHashMap<>();
        try {
            for (int run = -1; run < context.runs(); run++) {
                for (int n = 1; n <= NODES; n++) {
                    takePart(target, servers, apis, n);
                    String prefix = context.prefix(id(), run) + n + "-";
                    List<ServerProcess> on = servers.subList(0, n);
                    List<Api> to = apis.subList(0, n);
                    Measure assign =
                            measure(target, on, ScaleOutLoads.assign(target, to, assignSku, prefix, sizes, context));
                    Measure join =
                            measure(target, on, ScaleOutLoads.join(target, to, licensed, joinSku, prefix, sizes));
                    Measure fanOut = measure(target, on, ScaleOutLoads.fanOut(target, to, fanOutSku, prefix, sizes));
                    context.say(
                            "%s, %d node%s: assign %,.0f/s (server CPU %.0f µs each, CPU shares: servers %.2f,"
                                    + " database %.2f; backends %s); join %,.0f/s (database %.2f, on locks %.2f);"
                                    + " fan-out %,.0f ms (database %.2f; %s)",
                            run < 0 ? "warm-up" : "run " + (run + 1),
                            n,
                            n == 1 ? "" : "s",
                            assign.value(),
                            assign.serverMicros(),
                            assign.serverCpuShare(),
                            assign.databaseCpuShare(),
                            assign.waits(),
                            join.value(),
                            join.databaseCpuShare(),
                            join.onLocks(),
                            fanOut.value(),
                            fanOut.databaseCpuShare(),
                            fanOut.waits());
                    if (run >= 0) {
                        record(figures, "assign", n, assign.value());
                        record(figures, "assignServerMicros", n, assign.serverMicros());
                        record(figures, "assignDatabaseShare", n, assign.databaseCpuShare());
                        record(figures, "join", n, join.value());
                        record(figures, "joinOnLocks", n, join.onLocks());
                        record(figures, "fanOut", n, fanOut.value());
                        record(figures, "fanOutDatabaseShare", n, fanOut.databaseCpuShare());
                    }
                }
            }
        } finally {
            servers.forEach(ServerProcess::resume);
        }
        double idle = idleCpuPerNode(servers);
        context.say("an idle node uses %.1f ms of CPU a second (its pollers)", idle * 1e3);
        Map<String, Object> details = Map.of(
                "pinned", pinned,
                "assignUsers", sizes.assignUsers(),
                "joinUsers", sizes.joins(),
                "fanOutMembers", sizes.fanOutMembers(),
                "idleNodeCpuMillisPerSecond", idle * 1e3);
        List<Result> results = new ArrayList<>();
        for (int n = 2; n <= NODES; n++) {
            results.add(ratio(figures, "assign", n, "assignLicense, 16 clients", "assignments/s", details));
            results.add(ratio(figures, "join", n, "join + licenseDetails, 8 scripts", "joins/s", details));
            results.add(ratio(figures, "fanOut", n, "fan-out to 3 groups", "ms", details));
            results.add(ratio(figures, "assignServerMicros", n, "server CPU per assignLicense", "µs", details));
            results.add(ratio(figures, "assignDatabaseShare", n, "database CPU share, assign", "cores", details));
            results.add(ratio(figures, "fanOutDatabaseShare", n, "database CPU share, fan-out", "cores", details));
            results.add(ratio(figures, "joinOnLocks", n, "backends on locks, join", "backends", details));
        }
        return results;
    }

    /**
     * Lets the first n nodes run and pauses the others, at a moment when none of the paused ones is inside a
     * transaction (a paused node holding a row's lock would stop the others); then waits until each running node
     * answers.
     */
    private static void takePart(Target target, List<ServerProcess> servers, List<Api> apis, int n) {
        for (int attempt = 1; ; attempt++) {
            servers.forEach(ServerProcess::resume);
            servers.subList(n, servers.size()).forEach(ServerProcess::pause);
            if (servers.size() == n || !stuckInTransaction(target)) {
                break;
            }
            if (attempt == 20) {
                throw new IllegalStateException("a paused node stays inside a transaction");
            }
        }
        for (Api api : apis.subList(0, n)) {
            Fixtures.await(
                    () -> api.get("/v1.0/organization").status() == 200,
                    Duration.ofMillis(100),
                    Duration.ofMinutes(2),
                    "node " + api.url() + " answering");
        }
    }

    /** Whether a backend of the database stays idle inside a transaction for half a second. */
    private static boolean stuckInTransaction(Target target) {
        String idle = "select count(*) from pg_stat_activity where datname = current_database()"
                + " and state like 'idle in transaction%' and state_change < now() - interval '500 milliseconds'";
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return target.db().queryLong(idle) > 0;
    }

    private Result ratio(
            Map<String, List<List<Double>>> figures,
            String key,
            int n,
            String what,
            String unit,
            Map<String, Object> details) {
        return Result.of(
                        id(), what + ", " + n + " nodes", unit, figures.get(key).get(n - 1))
                .withBaseline(what + ", 1 node", figures.get(key).get(0))
                .withDetails(details);
    }

    private static void record(Map<String, List<List<Double>>> figures, String key, int n, double value) {
        List<List<Double>> byNodes = figures.computeIfAbsent(key, k -> {
            List<List<Double>> lists = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                lists.add(new ArrayList<>());
            }
            return lists;
        });
        byNodes.get(n - 1).add(value);
    }

    /** Runs a load and measures the CPU the nodes and the database spent on it, and the database's waits. */
    private static Measure measure(Target target, List<ServerProcess> nodes, ScaleOutLoads.Work load) {
        double serverBefore =
                nodes.stream().mapToDouble(ServerProcess::cpuSeconds).sum();
        double databaseBefore = target.db().cpuSeconds();
        long started = System.nanoTime();
        double value;
        WaitSampler waits = new WaitSampler(target.db());
        try {
            value = load.run();
        } finally {
            waits.close();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double server = nodes.stream().mapToDouble(ServerProcess::cpuSeconds).sum() - serverBefore;
        double database = target.db().cpuSeconds() - databaseBefore;
        return new Measure(
                value,
                server / seconds,
                database / seconds,
                server / Math.max(1, requestsOf(value, seconds)) * 1e6,
                String.format(Locale.ROOT, "active %.1f: %s", waits.active(), waits.top(3)),
                waits.onLocks());
    }

    /** Requests a rate stands for over the time measured (a duration's value is no rate: then 1). */
    private static double requestsOf(double value, double seconds) {
        return value * seconds;
    }

    /** CPU seconds per second an idle node spends (its job, relay and sync pollers), over three idle seconds. */
    private static double idleCpuPerNode(List<ServerProcess> servers) {
        double before = servers.stream().mapToDouble(ServerProcess::cpuSeconds).sum();
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double after = servers.stream().mapToDouble(ServerProcess::cpuSeconds).sum();
        return (after - before) / 3 / servers.size();
    }
}
