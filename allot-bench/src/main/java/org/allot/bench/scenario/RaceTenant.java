package org.allot.bench.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.allot.bench.harness.Api;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.Target;
import tools.jackson.databind.JsonNode;

/**
 * One run's tenant for {@link LicenseRace} — its users, nested and overlapping licensed groups, a dynamic group
 * following the users' departments, subscriptions and departments — and the random license-affecting requests the
 * race sends to it.
 */
record RaceTenant(
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
        int mostSeats) {

    static RaceTenant setUp(Target target, Fixtures fx, String prefix, int users) {
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
        return new RaceTenant(
                ids, sales, staff, mobile, analysts, legal, subscriptions, skus, sway, departments, users * 3 / 4);
    }

    /** One request of the mix, drawn with {@code random}: what it does and to whom. */
    Api.Response randomRequest(Api api, Random random) {
        UUID user = users().get(random.nextInt(users().size()));
        List<UUID> groups = List.of(sales(), staff(), mobile(), analysts());
        UUID group = groups.get(random.nextInt(groups.size()));
        UUID sku = skus().get(random.nextInt(skus().size()));
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
            String department = departments().get(random.nextInt(departments().size()));
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
            String subscription =
                    subscriptions().get(random.nextInt(subscriptions().size()));
            int most = mostSeats();
            return api.patch(
                    "/allot/v1/subscriptions/" + subscription,
                    Map.of("seats", most / 5 + random.nextInt(most * 4 / 5)));
        }
        if (dice < 950) {
            String legal = departments().get(0);
            String finance = departments().get(1);
            String rule = random.nextBoolean()
                    ? "user.department -eq \"" + legal + "\""
                    : "user.department -in [\"" + legal + "\",\"" + finance + "\"]";
            return api.patch("/v1.0/groups/" + legal(), Map.of("membershipRule", rule));
        }
        if (dice < 975) {
            List<String> disabled = random.nextBoolean() ? List.of(sway()) : List.of();
            return assign(api, staff(), skus().get(0), disabled);
        }
        boolean nest = random.nextBoolean();
        boolean mobile = random.nextBoolean();
        return member(api, mobile ? staff() : sales(), mobile ? mobile() : analysts(), nest);
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
