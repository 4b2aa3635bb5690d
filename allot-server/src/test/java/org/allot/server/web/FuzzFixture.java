package org.allot.server.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tenant with an object of every kind the API's paths name (users, a deleted user, groups, subscriptions, a custom
 * product and its plan rule, an app, audit records), made through the API, and a valid body for every operation
 * that takes one, so that a request with one thing wrong is wrong in that one thing only.
 */
final class FuzzFixture {
    /** Buys seats for the tenant outside the API under test. */
    interface Subscriptions {
        UUID subscribe(ApiClient tenant, String partNumber, int seats);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BEAS_ANCHOR = "ZnV6ei1iZWEtYW5jaG9y";

    private final ApiClient admin;
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, ObjectNode> validBodies = new HashMap<>();
    private final Map<String, List<String>> ruleBreakingBodies = new HashMap<>();

    FuzzFixture(Function<Role, ApiClient> newTenant, Subscriptions subscriptions) {
        admin = newTenant.apply(Role.GLOBAL_ADMINISTRATOR);
        String domain = admin.domain;
        ids.put("tenant", admin.tenant.toString());
        subscriptions.subscribe(admin, "ENTERPRISEPACK", 5);
        ids.put("subscription", subscriptions.subscribe(admin, "EMS", 5).toString());
        ids.put("sku", skuOf("ENTERPRISEPACK"));
        ids.put("user", user("ada", domain));
        ids.put("directoryObject", ids.get("user"));
        ids.put(
                "domain",
                ok(admin.post("/v1.0/domains", "{\"id\":\"fuzzed.example\"}"))
                        .path("id")
                        .asString());
        String bea = user("bea", domain);
        // Bea is set up for a hard match: her immutable id is taken
        ok(admin.patch("/v1.0/users/" + bea, "{\"onPremisesImmutableId\":\"" + BEAS_ANCHOR + "\"}"));
        ids.put("deletedUser", user("gone", domain));
        ok(admin.delete("/v1.0/users/" + ids.get("deletedUser")));
        ids.put("group", create("/v1.0/groups", """
                {"displayName":"Staff","mailEnabled":false,"mailNickname":"staff","securityEnabled":true}"""));
        create("/v1.0/groups", """
                {"displayName":"Second","mailEnabled":false,"mailNickname":"second","securityEnabled":true}""");
        ok(admin.post("/v1.0/groups/" + ids.get("group") + "/members/$ref", reference(ids.get("user"))));
        ok(admin.post("/v1.0/groups/" + ids.get("group") + "/assignLicense", """
                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(ids.get("sku"))));
        JsonNode product = ok(admin.post("/allot/v1/products", """
                {"skuPartNumber":"FUZZ_BASE","displayName":"Fuzz base","servicePlans":[
                 {"servicePlanName":"FUZZ_A","displayName":"A"},{"servicePlanName":"FUZZ_B","displayName":"B"}]}"""));
        ids.put("product", product.path("skuId").asString());
        String planA =
                product.path("servicePlans").path(0).path("servicePlanId").asString();
        String planB =
                product.path("servicePlans").path(1).path("servicePlanId").asString();
        ids.put("rule", create("/allot/v1/planRules", """
                {"kind":"REQUIRES","servicePlanId":"%s","servicePlanIds":["%s"],"note":"fuzz"}""".formatted(planA, planB)));
        ids.put(
                "app",
                ok(admin.post("/allot/v1/appRegistrations", """
                        {"displayName":"Reader","role":"Global Reader"}""")).path("appId").asString());
        ids.put(
                "audit",
                ok(admin.get("/v1.0/auditLogs/directoryAudits?$top=1"))
                        .path("value")
                        .path(0)
                        .path("id")
                        .asString());
        ok(admin.patch("/allot/v1/settings/alerts", "{\"freeSeatsBelow\":1000000}"));
        ids.put(
                "alert",
                ok(admin.get("/allot/v1/alerts?$top=1"))
                        .path("value")
                        .path(0)
                        .path("id")
                        .asString());
        String request = ok(admin.post("/allot/v1/licenseRequests", """
                        {"userId":"%s","skuId":"%s","justification":"fuzz"}""".formatted(bea, ids.get("sku"))))
                .path("id")
                .asString();
        // decided: every decision on it is refused (409), so no fuzzed request can change it
        ok(admin.post("/allot/v1/licenseRequests/" + request + "/deny", "{\"reason\":\"fuzz\"}"));
        ids.put("licenseRequest", request);
        ids.put(
                "certificate",
                UUID.nameUUIDFromBytes("no such certificate".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
        ids.put(
                "run",
                UUID.nameUUIDFromBytes("no such run".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
        // a migration run that moves nobody: Ada gets the product from Staff only
        ids.put(
                "migration",
                ok(admin.post("/allot/v1/subscribedSkus/" + ids.get("sku") + "/migrateToGroups", "{}"))
                        .path("id")
                        .asString());
        ids.put("unit", create("/v1.0/directory/administrativeUnits", "{\"displayName\":\"Fuzz unit\"}"));
        ids.put(
                "scopedRole",
                create("/v1.0/directory/administrativeUnits/" + ids.get("unit") + "/scopedRoleMembers", """
                        {"roleId":"4d6ac14f-3453-41d0-bef9-a3e0c569773a","roleMemberInfo":{"id":"%s"}}""".formatted(
                                ids.get("app"))));
        // a pool of one seat for the unit: a fuzzed change or deletion of it must leave it as it is
        ids.put("allotment", create("/allot/v1/subscribedSkus/" + ids.get("sku") + "/allotments", """
                {"displayName":"Fuzz pool","ownerType":"administrativeUnit","ownerId":"%s","cap":1}""".formatted(
                        ids.get("unit"))));
        bodies(domain, skuOf("EMS"), bea, planA, planB);
        ruleBreakingBodies.putAll(
                RuleBreakingBodies.of(domain, BEAS_ANCHOR, validBodies.get("PUT /allot/v1/directorySync/connector")));
        ids.forEach((kind, id) -> {
            if (id == null || id.isBlank()) {
                throw new IllegalStateException("the fixture has no " + kind);
            }
        });
    }

    private void bodies(String domain, String emsSku, String bea, String planA, String planB) {
        String license = """
                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(emsSku);
        String connector = """
                {"preset":"genericLdap","url":"ldap://localhost:1","bindDn":"cn=reader","password":"secret",
                 "baseDns":["dc=example,dc=com"],"userFilter":"(objectClass=person)","enabled":false}""";
        Map<String, String> bodies = new HashMap<>();
        bodies.put("POST /v1.0/users", """
                {"accountEnabled":true,"displayName":"Fuzz","mailNickname":"fuzz","userPrincipalName":"fuzz@%s",
                 "usageLocation":"US","department":"QA"}""".formatted(domain));
        bodies.put("POST /v1.0/domains", "{\"id\":\"another.example\"}");
        bodies.put("POST /v1.0/domains/{id}/forceDelete", "{\"disableUserAccounts\":true}");
        bodies.put("PATCH /v1.0/users/{id}", "{\"department\":\"Fuzzing\",\"accountEnabled\":true}");
        bodies.put("POST /v1.0/users/{id}/assignLicense", license);
        bodies.put("POST /v1.0/groups", """
                {"displayName":"Fuzz","mailEnabled":false,"mailNickname":"fuzz","securityEnabled":true,
                 "description":"fuzz"}""");
        bodies.put("PATCH /v1.0/groups/{id}", "{\"description\":\"Fuzzed\",\"securityEnabled\":true}");
        bodies.put("POST /v1.0/groups/{id}/members/$ref", reference(bea));
        bodies.put("POST /v1.0/groups/{id}/assignLicense", license);
        bodies.put("POST /allot/v1/groups/{id}/seatImpact", license);
        bodies.put("POST /allot/v1/licenseChanges/validate", """
                {"value":[{"userId":"%s","addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}]}""".formatted(bea, emsSku));
        bodies.put("POST /allot/v1/users/validate", """
                {"value":[{"user":{"accountEnabled":true,"displayName":"Fuzz","userPrincipalName":"fuzz.valid@%s",
                 "usageLocation":"US"}},{"id":"%s","user":{"department":"Fuzzing"}}]}""".formatted(domain, bea));
        bodies.put("POST /allot/v1/subscriptions", """
                {"skuPartNumber":"EMS","seats":5,"status":"Enabled","isTrial":false,
                 "nextLifecycleDateTime":"2030-01-01T00:00:00Z","startDateTime":"2029-01-01T00:00:00Z",
                 "endDateTime":"2030-01-01T00:00:00Z","autoRenew":false,"unitPrice":12.5,"currency":"EUR"}""");
        bodies.put("PATCH /allot/v1/subscriptions/{id}", """
                {"seats":7,"status":"Enabled","endDateTime":"2031-01-01T00:00:00Z","autoRenew":true,
                 "unitPrice":13.25,"currency":"USD"}""");
        bodies.put("POST /allot/v1/products", """
                {"skuPartNumber":"FUZZ_NEW","displayName":"Fuzz new","servicePlans":[
                 {"servicePlanId":"%s","servicePlanName":"FUZZ_C","displayName":"C"}]}""".formatted(UUID.randomUUID()));
        bodies.put("POST /allot/v1/planRules", """
                {"kind":"EXCLUDES","servicePlanId":"%s","servicePlanIds":["%s"],"usageLocations":[],"note":"x"}""".formatted(planB, planA));
        String rule = "{\"membershipRule\":\"user.city -eq \\\"Oslo\\\"\"}";
        bodies.put("POST /allot/v1/groups/membershipRulePreview", rule);
        bodies.put("POST /allot/v1/groups/{id}/membershipRulePreview", rule);
        bodies.put("PATCH /allot/v1/settings", """
                {"displayName":"Fuzz tenant","defaultUsageLocation":"US","guestLicensing":"ALLOW",
                 "nestedGroupLicensing":true,"softDeleteRetentionDays":30,"syncDeleteThreshold":500}""");
        bodies.put("PATCH /allot/v1/groups/{id}/licensing", "{\"licensePriority\":1}");
        bodies.put("PATCH /allot/v1/settings/lifecycle", """
                {"warningDays":30,"suspendedDays":90,"overageGraceDays":30}""");
        bodies.put("PATCH /allot/v1/settings/alerts", """
                {"expiringWithinDays":30,"lapsed":true,"freeSeatsBelow":1000000,"waitingAtLeast":0}""");
        String secretEnd = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                .plusDays(90)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        bodies.put("POST /allot/v1/appRegistrations", """
                {"displayName":"Fuzz app","role":"Global Reader","secretEndDateTime":"%s"}""".formatted(secretEnd));
        bodies.put("PATCH /allot/v1/appRegistrations/{id}", "{\"role\":\"License Administrator\"}");
        bodies.put(
                "POST /allot/v1/appRegistrations/{id}/secret", "{\"secretEndDateTime\":\"%s\"}".formatted(secretEnd));
        bodies.put("PUT /allot/v1/directorySync/connector", connector);
        bodies.put("POST /allot/v1/directorySync/connector/testConnection", connector);
        bodies.put("POST /allot/v1/directorySync/connector/preview", connector);
        bodies.put("POST /allot/v1/directorySync/runs", "{\"full\":true}");
        bodies.put("PUT /allot/v1/users/{id}/signInActivity", "{\"lastSignInDateTime\":\"2026-01-01T00:00:00Z\"}");
        bodies.put("POST /allot/v1/signInActivity/import", """
                {"value":[{"id":"%s","lastSignInDateTime":"2026-01-01T00:00:00Z"}]}""".formatted(bea));
        bodies.put("PUT /allot/v1/reclaim/policies/{sku}", """
                {"inactiveDays":90,"disabledDays":30,"recentDays":7,"exemptUserIds":["%s"],"exemptGroupIds":[],
                 "mode":"ReportOnly"}""".formatted(bea));
        bodies.put("POST /allot/v1/reclaim/runs", "{\"apply\":false}");
        bodies.put("POST /allot/v1/licenseRequests", """
                {"userId":"%s","skuId":"%s","servicePlanIds":[],"justification":"fuzz",
                 "startDateTime":"2030-01-01T00:00:00Z","endDateTime":"2031-01-01T00:00:00Z"}""".formatted(bea, emsSku));
        String decision = """
                {"groupId":"%s","servicePlanIds":[],"startDateTime":"2030-01-01T00:00:00Z",
                 "endDateTime":"2031-01-01T00:00:00Z","onBehalfOf":"manager","reason":"fuzz"}""".formatted(ids.get("group"));
        bodies.put("POST /allot/v1/licenseRequests/{id}/approve", decision);
        bodies.put("POST /allot/v1/licenseRequests/{id}/deny", decision);
        bodies.put("POST /allot/v1/licenseRequests/{id}/cancel", decision);
        bodies.put("PATCH /allot/v1/settings/licenseRequests", "{\"expireAfterDays\":14}");
        bodies.put("PUT /v1.0/users/{id}/manager/$ref", reference(bea));
        bodies.put("POST /v1.0/directory/administrativeUnits", """
                {"displayName":"Fuzz","description":"x","membershipType":"Dynamic",
                 "membershipRule":"user.city -eq \\"Oslo\\"","membershipRuleProcessingState":"On"}""");
        bodies.put("PATCH /v1.0/directory/administrativeUnits/{id}", "{\"description\":\"Fuzzed\"}");
        bodies.put("POST /v1.0/directory/administrativeUnits/{id}/members/$ref", reference(bea));
        bodies.put("POST /v1.0/directory/administrativeUnits/{id}/scopedRoleMembers", """
                {"roleId":"fe930be7-5e62-47db-91af-98c3a49a38b1","roleMemberInfo":{"id":"%s"}}""".formatted(ids.get("app")));
        bodies.put("POST /allot/v1/subscribedSkus/{sku}/allotments", """
                {"displayName":"Fuzz pool","ownerType":"administrativeUnit","ownerId":"%s","cap":1,"position":1}""".formatted(ids.get("unit")));
        bodies.put("PATCH /allot/v1/allotments/{id}", "{\"cap\":1}");
        bodies.put("PUT /allot/v1/groups/{group}/licenseAllotments/{sku}", """
                {"allotmentId":"%s"}""".formatted(ids.get("allotment")));
        bodies.forEach((operation, body) -> validBodies.put(operation, (ObjectNode) JSON.readTree(body)));
    }

    /** For some operations, bodies a rule refuses ({@link RuleBreakingBodies}), each sent as it is. */
    Map<String, List<String>> ruleBreakingBodies() {
        return ruleBreakingBodies;
    }

    ApiClient admin() {
        return admin;
    }

    /**
     * Ids of every kind: user, deletedUser, group, domain (one added, not the tenant's own), subscription, sku (of the product the group assigns), tenant, audit,
     * product, rule, app, and run (which names none).
     */
    Map<String, String> ids() {
        return ids;
    }

    /** A valid body for each operation ("PATCH /v1.0/users/{id}") that takes one. */
    Map<String, ObjectNode> validBodies() {
        return validBodies;
    }

    /** The {@code $skiptoken} of the second page of a collection. */
    String skipToken(String collection) {
        String next =
                ok(admin.get(collection + "?$top=1")).path("@odata.nextLink").asString();
        return next.substring(next.indexOf("$skiptoken=") + "$skiptoken=".length());
    }

    private String skuOf(String partNumber) {
        for (JsonNode sku : ok(admin.get("/v1.0/subscribedSkus")).path("value")) {
            if (sku.path("skuPartNumber").asString().equals(partNumber)) {
                return sku.path("skuId").asString();
            }
        }
        throw new IllegalStateException("no subscription of " + partNumber);
    }

    private String user(String name, String domain) {
        return create("/v1.0/users", """
                {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s@%s",
                 "usageLocation":"US"}""".formatted(name, name, name, domain));
    }

    private String create(String path, String body) {
        return ok(admin.post(path, body)).path("id").asString();
    }

    private static String reference(String id) {
        return "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"}";
    }

    private static JsonNode ok(Response response) {
        if (response.status() >= 300) {
            throw new IllegalStateException("fixture refused: " + response.status() + " "
                    + response.raw().body());
        }
        return response.body() == null ? JSON.createObjectNode() : response.body();
    }
}
