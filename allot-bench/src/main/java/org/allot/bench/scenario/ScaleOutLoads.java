package org.allot.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.allot.bench.harness.Api;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.Ids;
import org.allot.bench.harness.Load;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Stats;

/** The loads {@link ScaleOut} spreads over the nodes: assignLicense, joins of a licensed group, a group's fan-out. */
final class ScaleOutLoads {
    /** Concurrent scripts joining users to the licensed group. */
    private static final int JOINERS = 8;

    private ScaleOutLoads() {}

    /** The sizes of each load. */
    record Sizes(int assignUsers, Duration time, int joins, int fanOutMembers, int clients) {
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
    interface Work {
        double run();
    }

    /** assignLicense for other users each, the connections shared out among the nodes; assignments per second. */
    static Work assign(Target target, List<Api> nodes, UUID sku, String prefix, Sizes sizes, Context context) {
        String users = prefix + "a-";
        new Fixtures(target).addUsers(users, sizes.assignUsers());
        String body = Api.json().writeValueAsString(Fixtures.licenseBody(sku));
        return () -> assign(nodes, users, body, sizes, context);
    }

    private static double assign(List<Api> nodes, String users, String body, Sizes sizes, Context context) {
        int n = nodes.size();
        return Pools.on(n, pool -> {
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
        });
    }

    /**
     * Users joining a licensed group and their licenseDetails read back, by 8 scripts at once for a few seconds,
     * script k talking to node k mod n; joins per second.
     */
    static Work join(Target target, List<Api> nodes, UUID group, UUID sku, String prefix, Sizes sizes) {
        String users = prefix + "j-";
        new Fixtures(target).addUsers(users, sizes.joins());
        return () -> join(nodes, group, sku, users, sizes);
    }

    private static double join(List<Api> nodes, UUID group, UUID sku, String users, Sizes sizes) {
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger joined = new AtomicInteger();
        return Pools.on(JOINERS, pool -> {
            long started = System.nanoTime();
            long deadline = started + sizes.time().toNanos();
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
        });
    }

    /**
     * One SKU assigned to three groups at once, group g through node g mod n, timed until all three read
     * ProcessingComplete: the nodes' job workers share the three jobs. Milliseconds.
     */
    static Work fanOut(Target target, List<Api> nodes, UUID sku, String prefix, Sizes sizes) {
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
}
