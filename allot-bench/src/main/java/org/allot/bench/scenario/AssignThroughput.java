package org.allot.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.allot.bench.harness.Api;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.Ids;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Result;

/**
 * Scenario 3: direct assignLicense calls from 16 concurrent clients, each a distinct user. Baseline: the same clients
 * calling a trivial authenticated endpoint ({@code GET /v1.0/organization}) as often.
 */
public final class AssignThroughput implements Scenario {
    private static final String SKU = "SPE_E3";

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
        int warmUp = Math.max(200, count / 10);
        fx.subscribe(SKU, warmUp + count * context.runs());
        UUID sku = fx.sku(SKU);
        Map<String, Object> body = Fixtures.licenseBody(sku);
        List<Double> rates = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int run = -1; run < context.runs(); run++) {
            int size = run < 0 ? warmUp : count;
            String prefix = context.prefix(id(), run);
            fx.addUsers(prefix, size);
            Api api = target.api();
            double rate = perSecond(
                    size, clients, i -> api.post("/v1.0/users/" + Ids.user(prefix, i) + "/assignLicense", body)
                            .orFail("POST /users/{id}/assignLicense"));
            double trivial =
                    perSecond(size, clients, i -> api.get("/v1.0/organization").orFail("GET /organization"));
            long active = fx.count(
                    "select count(*) from license_assignment where tenant_id = ? and sku_id = ? and state = 'Active'",
                    target.tenant(),
                    sku);
            context.say(
                    "%s: %,d assignments at %,.0f/s (%,d active in all); GET /organization at %,.0f/s",
                    run < 0 ? "warm-up" : "run " + (run + 1), size, rate, active, trivial);
            if (run >= 0) {
                rates.add(rate);
                baseline.add(trivial);
            }
        }
        return List.of(Result.of(id(), "assignLicense, " + clients + " clients", "assignments/s", rates)
                .withBaseline("GET /organization, same clients (requests/s)", baseline)
                .withGoals(Goal.medianAtLeast(2_000), Goal.ratioAtLeast(0.25))
                .withDetails(Map.of("assignmentsPerRun", count, "clients", clients, "sku", SKU)));
    }

    /** Runs calls 1..count on {@code clients} threads, each taking the next number; returns calls per second. */
    static double perSecond(int count, int clients, IntFunction<?> call) {
        AtomicInteger next = new AtomicInteger(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
