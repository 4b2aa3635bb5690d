package org.allot.bench.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.allot.bench.harness.Api;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.LicenseInvariants;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Result;
import tools.jackson.databind.JsonNode;

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

    /** One run's tenant layout: its users, groups, subscriptions and departments. */
    private record Layout(
            List<UUID> users,
            UUID sales,
            UUID staff,
            UUID mobile,
            UUID analysts,
            UUID legal,
            List<String> subscriptions,
            List<UUID> skus,
            String sway,
            List<String> departments,
            int mostSeats) {}

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
            Layout layout = setUp(target, fx, prefix, users);
            AtomicLong refused = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            List<String> firstFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicInteger next = new AtomicInteger();
            long seed = context.seed() * 31 + run;
            double rate = AssignThroughput.perSecond(size, clients, i -> {
                Api api = i % 2 == 0 ? first : second;
                Api.Response r = randomRequest(api, layout, new Random(seed * 1_000_003L + next.incrementAndGet()));
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

    private static Layout setUp(Target target, Fixtures fx, String prefix, int users) {
        Api api = target.api();
        List<String> skuNames = List.of("ENTERPRISEPACK", "EMS", "POWER_BI_PRO");
        List<UUID> skus = skuNames.stream().map(fx::sku).toList();
        List<String> subscriptions = new ArrayList<>();
        for (int i = 0; i < skuNames.size(); i++) {
            subscriptions.add(fx.subscribe(skuNames.get(i), users * (4 - i) / 8));
        }
        String sway = null;
        for (JsonNode plan : api.get("/allot/v1/products/ENTERPRISEPACK")
                .orFail("GET /products")
                .body()
                .path("servicePlans")) {
            if ("SWAY".equals(plan.path("servicePlanName").asString())) {
                sway = plan.path("servicePlanId").asString();
            }
        }
        List<String> departments = List.of("Legal-" + prefix, "Finance-" + prefix, "Sales-" + prefix);
        fx.addUsers(prefix, users);
        target.db()
                .update("""
                        update directory_user set department = (array[?, ?, ?])[1 + abs(hashtext(id::text)) % 3],
                            usage_location = case when abs(hashtext(id::text)) % 20 = 7 then null
                                                  else usage_location end,
                            user_type = case when abs(hashtext(id::text)) % 40 = 11 then 'Guest' else user_type end
                        where tenant_id = ? and user_principal_name like ?""", departments.get(0), departments.get(1), departments.get(2), target.tenant(), prefix + "%");
        UUID sales = fx.createGroup("Sales " + prefix);
        UUID staff = fx.createGroup("Staff " + prefix);
        UUID mobile = fx.createGroup("Mobile " + prefix);
        UUID analysts = fx.createGroup("Analysts " + prefix);
        List<UUID> ids = new ArrayList<>();
        for (int i = 1; i <= users; i++) {
            ids.add(fx.userId(prefix, i));
        }
        List<UUID> groups = List.of(sales, staff, mobile, analysts);
        for (int i = 0; i < ids.size(); i++) {
            target.db()
                    .update(
                            "insert into group_member_user (tenant_id, group_id, user_id) values (?, ?, ?)",
                            target.tenant(),
                            groups.get(i % groups.size()),
                            ids.get(i));
        }
        member(api, sales, analysts, true).orFail("nest Analysts in Sales");
        member(api, staff, mobile, true).orFail("nest Mobile in Staff");
        UUID legal = fx.createDynamicGroup("Legal " + prefix, "user.department -eq \"Legal-" + prefix + "\"");
        assign(api, sales, skus.get(0), List.of()).orFail("license Sales");
        assign(api, staff, skus.get(0), List.of(sway)).orFail("license Staff");
        assign(api, staff, skus.get(1), List.of()).orFail("license Staff");
        assign(api, mobile, skus.get(1), List.of()).orFail("license Mobile");
        assign(api, analysts, skus.get(2), List.of()).orFail("license Analysts");
        assign(api, legal, skus.get(2), List.of()).orFail("license Legal");
        api.patch("/allot/v1/groups/" + staff + "/licensing", Map.of("licensePriority", 5))
                .orFail("PATCH /groups/{id}/licensing");
        fx.awaitNoJobs(java.time.Duration.ofMinutes(10), "the groups' licenses");
        return new Layout(
                ids, sales, staff, mobile, analysts, legal, subscriptions, skus, sway, departments, users * 3 / 4);
    }

    private static Api.Response randomRequest(Api api, Layout layout, Random random) {
        UUID user = layout.users().get(random.nextInt(layout.users().size()));
        List<UUID> groups = List.of(layout.sales(), layout.staff(), layout.mobile(), layout.analysts());
        UUID group = groups.get(random.nextInt(groups.size()));
        UUID sku = layout.skus().get(random.nextInt(layout.skus().size()));
        int dice = random.nextInt(1000);
        if (dice < 250) {
            return memberUser(api, group, user, true);
        }
        if (dice < 450) {
            return memberUser(api, group, user, false);
        }
        if (dice < 550) {
            return license(api, user, List.of(sku), List.of());
        }
        if (dice < 630) {
            return license(api, user, List.of(), List.of(sku));
        }
        if (dice < 710) {
            Map<String, Object> body = new HashMap<>();
            body.put("usageLocation", List.of("US", "GB", "").get(random.nextInt(3)));
            if ("".equals(body.get("usageLocation"))) {
                body.put("usageLocation", null);
            }
            return api.patch("/v1.0/users/" + user, body);
        }
        if (dice < 780) {
            String department =
                    layout.departments().get(random.nextInt(layout.departments().size()));
            return api.patch("/v1.0/users/" + user, Map.of("department", department));
        }
        if (dice < 830) {
            return api.delete("/v1.0/users/" + user);
        }
        if (dice < 880) {
            return api.post("/v1.0/directory/deletedItems/" + user + "/restore", Map.of());
        }
        if (dice < 884) {
            return api.delete("/v1.0/directory/deletedItems/" + user);
        }
        if (dice < 930) {
            String subscription = layout.subscriptions()
                    .get(random.nextInt(layout.subscriptions().size()));
            int most = layout.mostSeats();
            return api.patch(
                    "/allot/v1/subscriptions/" + subscription,
                    Map.of("seats", most / 5 + random.nextInt(most * 4 / 5)));
        }
        if (dice < 950) {
            String legal = layout.departments().get(0);
            String finance = layout.departments().get(1);
            String rule = random.nextBoolean()
                    ? "user.department -eq \"" + legal + "\""
                    : "user.department -in [\"" + legal + "\",\"" + finance + "\"]";
            return api.patch("/v1.0/groups/" + layout.legal(), Map.of("membershipRule", rule));
        }
        if (dice < 975) {
            List<String> disabled = random.nextBoolean() ? List.of(layout.sway()) : List.of();
            return assign(api, layout.staff(), layout.skus().get(0), disabled);
        }
        boolean nest = random.nextBoolean();
        boolean mobile = random.nextBoolean();
        return member(
                api, mobile ? layout.staff() : layout.sales(), mobile ? layout.mobile() : layout.analysts(), nest);
    }

    private static Api.Response memberUser(Api api, UUID group, UUID user, boolean add) {
        return add
                ? api.post(
                        "/v1.0/groups/" + group + "/members/$ref",
                        Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + user))
                : api.delete("/v1.0/groups/" + group + "/members/" + user + "/$ref");
    }

    private static Api.Response member(Api api, UUID parent, UUID child, boolean add) {
        return memberUser(api, parent, child, add);
    }

    private static Api.Response license(Api api, UUID user, List<UUID> add, List<UUID> remove) {
        return api.post(
                "/v1.0/users/" + user + "/assignLicense",
                Map.of(
                        "addLicenses",
                        add.stream()
                                .map(s -> Map.of("skuId", s.toString(), "disabledPlans", List.of()))
                                .toList(),
                        "removeLicenses",
                        remove.stream().map(UUID::toString).toList()));
    }

    private static Api.Response assign(Api api, UUID group, UUID sku, List<String> disabled) {
        return api.post(
                "/v1.0/groups/" + group + "/assignLicense",
                Map.of(
                        "addLicenses",
                        List.of(Map.of("skuId", sku.toString(), "disabledPlans", disabled)),
                        "removeLicenses",
                        List.of()));
    }
}
