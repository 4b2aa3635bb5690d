package org.allot.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.allot.bench.harness.Api;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.LicenseInvariants;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Result;

/**
 * Concurrency as correctness, at size: clients split over two server processes sharing one database send random
 * license-affecting requests — members joining and leaving nested and overlapping licensed groups, direct licenses,
 * usage locations and departments (a dynamic rule follows them), delete, restore and purge, seat changes, rule edits,
 * group license and nesting changes. Once the background jobs are done and the seats are back at their highest, the
 * stored licenses are checked in SQL against the memberships, group licenses and seat figures, and against the
 * dynamic rule: every mismatch counts. Baseline: the same clients calling {@code GET /v1.0/organization} as often.
 */
public final class LicenseRace implements Scenario {
    @Override
    public String id() {
        return "race";
    }

    @Override
    public String title() {
        return "Random license changes from two servers: mismatches with the rules afterwards";
    }

    @Override
    public List<Result> run(Target target, Context context) {
        Api first = target.api();
        Api second = target.anotherServer("second").orElse(first);
        context.say(second == first ? "one server (--url)" : "a second server on the same database at " + second.url());
        Fixtures fx = new Fixtures(target);
        LicenseInvariants invariants = new LicenseInvariants(target.db());
        int users = context.sizes().raceUsers();
        int operations = context.sizes().raceOperations();
        int clients = context.sizes().clients();
        List<Double> rates = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> mismatches = new ArrayList<>();
        long totalOperations = 0;
        long serverErrors = 0;
        for (int run = -1; run < context.runs(); run++) {
            String prefix = context.prefix(id(), run);
            int size = run < 0 ? Math.max(200, operations / 10) : operations;
            RaceTenant layout = RaceTenant.setUp(target, fx, prefix, users);
            AtomicLong refused = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            List<String> firstFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicInteger next = new AtomicInteger();
            long seed = context.seed() * 31 + run;
            double rate = AssignThroughput.perSecond(size, clients, i -> {
                Api api = i % 2 == 0 ? first : second;
                Api.Response r = layout.randomRequest(api, new Random(seed * 1_000_003L + next.incrementAndGet()));
                if (r.status() >= 500) {
                    failed.incrementAndGet();
                    if (firstFailures.size() < 5) {
                        firstFailures.add(r.status() + " " + r.body());
                    }
                } else if (r.status() >= 400) {
                    refused.incrementAndGet();
                }
                return r;
            });
            double trivial = AssignThroughput.perSecond(
                    size, clients, i -> first.get("/v1.0/organization").orFail("GET /organization"));
            for (String subscription : layout.subscriptions()) {
                fx.setSeats(subscription, layout.mostSeats()).orFail("PATCH /subscriptions/{id}");
            }
            fx.awaitNoJobs(java.time.Duration.ofMinutes(10), "background jobs");
            Map<String, Long> found = invariants.count(target.tenant());
            String rule = first.get("/v1.0/groups/" + layout.legal() + "?$select=membershipRule")
                    .orFail("GET /groups/{id}")
                    .body()
                    .path("membershipRule")
                    .asString();
            long dynamic = invariants.dynamicMismatches(
                    target.tenant(),
                    layout.legal(),
                    rule.contains("-in")
                            ? "'Legal-" + prefix + "','Finance-" + prefix + "'"
                            : "'Legal-" + prefix + "'");
            long total = found.values().stream().mapToLong(Long::longValue).sum() + dynamic;
            context.say(
                    "%s: %,d requests at %,.0f/s (%,d refused, %,d server errors%s), GET /organization at %,.0f/s;"
                            + " %d mismatches %s, dynamic %d",
                    run < 0 ? "warm-up" : "run " + (run + 1),
                    size,
                    rate,
                    refused.get(),
                    failed.get(),
                    firstFailures.isEmpty() ? "" : " e.g. " + firstFailures,
                    trivial,
                    total,
                    found,
                    dynamic);
            if (run >= 0) {
                rates.add(rate);
                baseline.add(trivial);
                mismatches.add((double) total);
                totalOperations += size;
                serverErrors += failed.get();
            }
        }
        return List.of(
                Result.of(id(), "random license requests, " + clients + " clients, two servers", "requests/s", rates)
                        .withBaseline("GET /organization, same clients (requests/s)", baseline)
                        .withDetails(Map.of(
                                "users", users,
                                "requestsPerRun", operations,
                                "requestsInAll", totalOperations,
                                "serverErrors", serverErrors)),
                Result.of(id(), "mismatches with the rules after each run", "mismatches", mismatches)
                        .withGoals(Goal.medianAtMost(0))
                        .withDetails(Map.of("requestsInAll", totalOperations, "serverErrors", serverErrors)));
    }
}
