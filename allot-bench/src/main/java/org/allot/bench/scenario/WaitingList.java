package org.allot.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Result;
import org.allot.bench.run.Stats;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 4: W users of a licensed group wait for a SKU that has no seats; F seats are added to its subscription, and
 * the time runs until F of them are Active — checked to be the first F of the waiting list as the API showed it
 * before. Each run uses a SKU of its own, so that no earlier run's waiters are ahead in the queue. Baseline: the
 * same seat change on a subscription nobody waits for.
 */
public final class WaitingList implements Scenario {
    private static final List<String> SKUS = List.of(
            "EMS",
            "POWER_BI_PRO",
            "EXCHANGESTANDARD",
            "STANDARDPACK",
            "VISIOCLIENT",
            "PROJECTPROFESSIONAL",
            "EMSPREMIUM",
            "DESKLESSPACK",
            "ENTERPRISEPREMIUM",
            "SPE_F1");
    private static final String BASELINE_SKU = "FLOW_FREE";

    @Override
    public String id() {
        return "waiting";
    }

    @Override
    public String title() {
        return "Seats freed: waiting users licensed in queue order";
    }

    @Override
    public List<Result> run(Target target, Context context) {
        if (context.runs() + 1 > SKUS.size()) {
            throw new IllegalArgumentException("at most " + (SKUS.size() - 1) + " runs: one SKU per run");
        }
        Fixtures fx = new Fixtures(target);
        int waiting = context.sizes().waitingUsers();
        int freed = context.sizes().freedSeats();
        String baselineSubscription = fx.subscribe(BASELINE_SKU, 1);
        List<Double> times = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        boolean allInOrder = true;
        for (int run = -1; run < context.runs(); run++) {
            String part = SKUS.get(run + 1);
            String prefix = context.prefix(id(), run);
            String subscription = fx.subscribe(part, 0);
            UUID sku = fx.sku(part);
            UUID group = fx.createGroup("Waiting " + prefix);
            fx.addUsers(prefix, waiting);
            fx.addMembers(group, prefix, waiting);
            fx.assignToGroup(group, sku);
            fx.awaitProcessingComplete(group, Duration.ofMillis(50), Duration.ofMinutes(30));
            List<String> head = head(target, part, freed);

            long started = System.nanoTime();
            fx.setSeats(subscription, freed).orFail("PATCH /subscriptions/{id}");
            Fixtures.await(
                    () -> active(target, sku) >= freed, Duration.ofMillis(5), Duration.ofMinutes(10), "seats given");
            double millis = Stats.millisSince(started);

            Set<String> granted = new HashSet<>();
            target.db()
                    .queryIds(
                            "select user_id from license_assignment where tenant_id = ? and sku_id = ?"
                                    + " and state = 'Active'",
                            target.tenant(),
                            sku)
                    .forEach(id -> granted.add(id.toString()));
            boolean inOrder = granted.equals(new HashSet<>(head));
            long stillWaiting = fx.count(
                    "select count(*) from license_assignment where tenant_id = ? and sku_id = ?"
                            + " and error = 'CountViolation'",
                    target.tenant(),
                    sku);

            long baselineStarted = System.nanoTime();
            fx.setSeats(baselineSubscription, freed * (run + 3)).orFail("PATCH /subscriptions/{id}");
            double baselineMillis = Stats.millisSince(baselineStarted);
            context.say(
                    "%s: %,d of %,d waiting users of %s licensed in %,.0f ms (in queue order: %s, %,d still wait);"
                            + " the same PATCH with nobody waiting %,.0f ms",
                    run < 0 ? "warm-up" : "run " + (run + 1),
                    granted.size(),
                    waiting,
                    part,
                    millis,
                    inOrder,
                    stillWaiting,
                    baselineMillis);
            if (run >= 0) {
                times.add(millis);
                baseline.add(baselineMillis);
                allInOrder &= inOrder;
            }
        }
        if (!allInOrder) {
            throw new IllegalStateException("seats were not given in the order of the waiting list");
        }
        return List.of(Result.of(
                        id(),
                        String.format(Locale.ROOT, "%,d of %,d waiting users Active", freed, waiting),
                        "ms",
                        times)
                .withBaseline("PATCH seats, nobody waiting", baseline)
                .withGoals(Goal.medianAtMost(1_000))
                .withDetails(Map.of("waiting", waiting, "freed", freed, "inQueueOrder", allInOrder)));
    }

    /** The first {@code count} user ids of the SKU's waiting list, as the API shows it. */
    private static List<String> head(Target target, String part, int count) {
        List<String> ids = new ArrayList<>();
        while (ids.size() < count) {
            int top = Math.min(999, count - ids.size());
            JsonNode page = target.api()
                    .get("/allot/v1/subscribedSkus/" + part + "/waitingList?$top=" + top + "&$skip=" + ids.size())
                    .orFail("GET waitingList")
                    .body();
            int before = ids.size();
            page.path("value").forEach(e -> ids.add(e.path("userId").asString()));
            if (ids.size() == before) {
                break;
            }
        }
        return ids;
    }

    private static long active(Target target, UUID sku) {
        return target.db()
                .queryLong(
                        "select count(*) from license_assignment where tenant_id = ? and sku_id = ?"
                                + " and state = 'Active'",
                        target.tenant(),
                        sku);
    }
}
