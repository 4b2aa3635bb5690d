package org.allot.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.allot.bench.harness.Api;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.Ids;
import org.allot.bench.harness.Load;
import org.allot.bench.harness.Pinning;
import org.allot.bench.harness.ServerProcess;
import org.allot.bench.harness.Target;
import org.allot.bench.harness.WaitSampler;
import org.allot.bench.run.Context;
import org.allot.bench.run.Result;
import org.allot.bench.run.Stats;

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
    /** Concurrent scripts joining users to the licensed group. */
    private static final int JOINERS = 8;

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
        Sizes sizes = Sizes.of(context);
        int rounds = context.runs() + 1;
        fx.subscribe(ASSIGN_SKU, sizes.assignUsers * NODES * rounds);
        fx.subscribe(JOIN_SKU, sizes.joins * NODES * rounds + 100);
        fx.subscribe(FAN_OUT_SKU, sizes.fanOutMembers * NODES * rounds);
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
                    Measure assign = measure(target, on, assign(target, to, assignSku, prefix, sizes, context));
                    Measure join = measure(target, on, join(target, to, licensed, joinSku, prefix, sizes));
                    Measure fanOut = measure(target, on, fanOut(target, to, fanOutSku, prefix, sizes));
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
                "assignUsers", sizes.assignUsers,
                "joinUsers", sizes.joins,
                "fanOutMembers", sizes.fanOutMembers,
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

    /** The sizes of each load. */
    private record Sizes(int assignUsers, Duration time, int joins, int fanOutMembers, int clients) {
        static Sizes of(Context context) {
            return context.sizes().fullSize()
                    ? new Sizes(
                            20_000,
                            Duration.ofSeconds(5),
                            3_000,
                            15_000,
                            context.sizes().clients())
                    : new Sizes(
                            2_000,
                            Duration.ofSeconds(1),
                            300,
                            300,
                            context.sizes().clients());
        }
    }

    /** A load whose data is in place: runs it, and returns its figure. */
    @FunctionalInterface
    private interface Work {
        double run();
    }

    /** Runs a load and measures the CPU the nodes and the database spent on it, and the database's waits. */
    private static Measure measure(Target target, List<ServerProcess> nodes, Work load) {
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

    /** assignLicense for other users each, the connections shared out among the nodes; assignments per second. */
    private static Work assign(Target target, List<Api> nodes, UUID sku, String prefix, Sizes sizes, Context context) {
        String users = prefix + "a-";
        new Fixtures(target).addUsers(users, sizes.assignUsers());
        String body = Api.json().writeValueAsString(Fixtures.licenseBody(sku));
        return () -> assign(nodes, users, body, sizes, context);
    }

    private static double assign(List<Api> nodes, String users, String body, Sizes sizes, Context context) {
        int n = nodes.size();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Load.Rate>> loads = new ArrayList<>();
            List<List<Load.Post>> slices = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                List<Load.Post> posts = new ArrayList<>();
                slices.add(posts);
                for (int i = 1 + k; i <= sizes.assignUsers(); i += n) {
                    posts.add(new Load.Post("/v1.0/users/" + Ids.user(users, i) + "/assignLicense", body));
                }
                int connections = sizes.clients() / n + (k < sizes.clients() % n ? 1 : 0);
                String url = nodes.get(k).url();
                // a token names the node that issued it (no public URL is configured): each node is sent its own
                String bearer = "Bearer " + nodes.get(k).accessToken();
                loads.add(pool.submit(() -> Load.postEach(url, posts, bearer, connections, sizes.time())));
            }
            double perSecond = 0;
            long failures = 0;
            long requests = 0;
            List<String> clients = new ArrayList<>();
            for (Future<Load.Rate> load : loads) {
                Load.Rate rate = load.get();
                clients.add(rate.client());
                perSecond += rate.perSecond();
                failures += rate.failures();
                requests += rate.requests();
            }
            if (failures > 0) {
                // under contention a call can wait longer than the server's connection timeout: it answers 503
                StringBuilder answers = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    Load.Post last = slices.get(k).get(slices.get(k).size() - 1);
                    answers.append(", node ")
                            .append(k + 1)
                            .append(" answers one more with ")
                            .append(nodes.get(k)
                                    .post(last.path(), Api.json().readTree(last.json()))
                                    .status());
                }
                context.say(
                        "  %d assignLicense calls failed (not counted), %d succeeded%s; %s",
                        failures, requests, answers, clients);
            }
            return perSecond;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Users joining a licensed group and their licenseDetails read back, by 8 scripts at once for a few seconds,
     * script k talking to node k mod n; joins per second.
     */
    private static Work join(Target target, List<Api> nodes, UUID group, UUID sku, String prefix, Sizes sizes) {
        String users = prefix + "j-";
        new Fixtures(target).addUsers(users, sizes.joins());
        return () -> join(nodes, group, sku, users, sizes);
    }

    private static double join(List<Api> nodes, UUID group, UUID sku, String users, Sizes sizes) {
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger joined = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(JOINERS);
        long started = System.nanoTime();
        long deadline = started + sizes.time().toNanos();
        try {
            List<Future<?>> scripts = new ArrayList<>();
            for (int k = 0; k < JOINERS; k++) {
                Api api = nodes.get(k % nodes.size());
                scripts.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement();
                            i <= sizes.joins() && System.nanoTime() < deadline;
                            i = next.getAndIncrement()) {
                        UUID user = Ids.user(users, i);
                        api.post(
                                        "/v1.0/groups/" + group + "/members/$ref",
                                        Map.of("@odata.id", api.url() + "/v1.0/directoryObjects/" + user))
                                .orFail("POST /groups/{id}/members/$ref");
                        String details = api.get("/v1.0/users/" + user + "/licenseDetails")
                                .orFail("GET licenseDetails")
                                .body()
                                .toString();
                        if (!details.contains(sku.toString())) {
                            throw new IllegalStateException("user " + user + " joined but has no license yet");
                        }
                        joined.incrementAndGet();
                    }
                }));
            }
            for (Future<?> script : scripts) {
                script.get();
            }
            return joined.get() / ((System.nanoTime() - started) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One SKU assigned to three groups at once, group g through node g mod n, timed until all three read
     * ProcessingComplete: the nodes' job workers share the three jobs. Milliseconds.
     */
    private static Work fanOut(Target target, List<Api> nodes, UUID sku, String prefix, Sizes sizes) {
        Fixtures fx = new Fixtures(target);
        int groups = 3;
        int each = sizes.fanOutMembers() / groups;
        List<UUID> ids = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            String members = prefix + "f" + g + "-";
            UUID group = fx.createGroup("Fan-out " + members);
            fx.addUsers(members, each);
            fx.addMembers(group, members, each);
            ids.add(group);
        }
        return () -> fanOut(target, nodes, sku, ids, each);
    }

    private static double fanOut(Target target, List<Api> nodes, UUID sku, List<UUID> ids, int each) {
        Fixtures fx = new Fixtures(target);
        int groups = ids.size();
        long started = System.nanoTime();
        for (int g = 0; g < groups; g++) {
            nodes.get(g % nodes.size())
                    .post("/v1.0/groups/" + ids.get(g) + "/assignLicense", Fixtures.licenseBody(sku))
                    .orFail("POST /groups/{id}/assignLicense");
        }
        for (UUID group : ids) {
            fx.awaitProcessingComplete(group, Duration.ofMillis(20), Duration.ofMinutes(30));
        }
        double millis = Stats.millisSince(started);
        for (UUID group : ids) {
            long licensed = fx.count(
                    "select count(*) from license_assignment where tenant_id = ? and source_group_id = ?"
                            + " and state = 'Active'",
                    target.tenant(),
                    group);
            if (licensed != each) {
                throw new IllegalStateException("expected " + each + " active assignments, found " + licensed);
            }
        }
        return millis;
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
