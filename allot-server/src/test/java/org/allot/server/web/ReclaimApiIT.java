package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.allot.core.reclaim.Reclaim;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Reclaim through the API (docs/license-lifecycle.md, "Reclaim"): sign-ins set one by one and imported, a policy, the
 * report with its saving, applying it (the waiting user gets the freed seat at once), the kept runs, the daily run
 * once a day, and bad input answered 4xx with Graph's error body.
 */
class ReclaimApiIT extends ApiIT {
    @Autowired
    private Reclaim reclaim;

    private static String at(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String daysAgo(int days) {
        return at(Instant.now().minus(Duration.ofDays(days)));
    }

    private static Response signIn(ApiClient admin, String user, String when) {
        return admin.send(
                "PUT", "/allot/v1/users/" + user + "/signInActivity", """
                {"lastSignInDateTime":"%s"}""".formatted(when), java.util.Map.of());
    }

    private static String state(ApiClient admin, String user) {
        JsonNode states = admin.get("/v1.0/users/" + user + "?$select=licenseAssignmentStates")
                .body()
                .path("licenseAssignmentStates");
        return states.isEmpty()
                ? "none"
                : states.get(0).path("state").asString() + "/"
                        + states.get(0).path("error").asString();
    }

    @Test
    void anInactiveUsersSeatIsReportedWithItsSavingAndAppliedToTheWaitingUserAtOnce() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        assertThat(admin.post("/allot/v1/subscriptions", """
                        {"skuPartNumber":"ENTERPRISEPACK","seats":2,"unitPrice":32.50,"currency":"EUR"}""").status()).isEqualTo(201);
        String sku = product("ENTERPRISEPACK").skuId().toString();
        String ada = createUser(admin, "ada");
        String bob = createUser(admin, "bob");
        String cy = createUser(admin, "cy");
        assertThat(assignLicense(admin, ada, sku).status()).isEqualTo(200);
        assertThat(assignLicense(admin, bob, sku).status()).isEqualTo(200);
        String sales = admin.post("/v1.0/groups", """
                        {"displayName":"Sales","mailEnabled":false,"mailNickname":"sales","securityEnabled":true}""").body().path("id").asString();
        assertThat(admin.post("/v1.0/groups/" + sales + "/assignLicense", """
                        {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku))
                        .status())
                .isEqualTo(202);
        assertThat(admin.post("/v1.0/groups/" + sales + "/members/$ref", """
                        {"@odata.id":"%s/v1.0/directoryObjects/%s"}""".formatted(admin.base, cy))
                        .status())
                .isEqualTo(204);
        assertThat(state(admin, cy)).as("cy waits for a seat").isEqualTo("Error/CountViolation");

        String adaSignedIn = daysAgo(100);
        Response set = signIn(admin, ada, adaSignedIn);
        assertThat(set.status()).isEqualTo(200);
        assertThat(Instant.parse(set.body().path("lastSignInDateTime").asString()))
                .isEqualTo(Instant.parse(adaSignedIn).truncatedTo(ChronoUnit.SECONDS));
        assertThat(signIn(admin, bob, daysAgo(1)).status()).isEqualTo(200);
        assertThat(admin.get("/allot/v1/users/ada@" + admin.domain + "/signInActivity")
                        .body()
                        .path("lastSignInDateTime")
                        .asString())
                .isNotEmpty();
        assertThat(admin.get("/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20"
                                + "'Set%20sign-in%20activity'")
                        .body()
                        .path("value"))
                .as("a sign-in set decides what reclaim lists: audited, once per user set")
                .hasSize(2);

        Response policy = admin.send("PUT", "/allot/v1/reclaim/policies/ENTERPRISEPACK", """
                {"inactiveDays":90}""", java.util.Map.of());
        assertThat(policy.status()).isEqualTo(200);
        assertThat(policy.body().path("mode").asString()).isEqualTo("ReportOnly");
        assertThat(policy.body().path("skuId").asString()).isEqualTo(sku);
        assertThat(admin.get("/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20"
                                + "'Set%20license%20reclaim%20policy'")
                        .body()
                        .path("value"))
                .as("a policy change is audited")
                .hasSize(1);

        JsonNode report = admin.get("/allot/v1/reclaim/report").body();
        assertThat(report.path("items")).hasSize(1);
        JsonNode item = report.path("items").get(0);
        assertThat(item.path("userPrincipalName").asString()).startsWith("ada@");
        assertThat(item.path("reason").asString()).isEqualTo("Inactive");
        assertThat(item.path("action").asString()).isEqualTo("RemoveDirect");
        assertThat(item.path("skuPartNumber").asString()).isEqualTo("ENTERPRISEPACK");
        assertThat(item.path("monthlySaving").decimalValue()).isEqualByComparingTo("32.5");
        assertThat(item.path("currency").asString()).isEqualTo("EUR");
        assertThat(report.path("monthlySavings").path("EUR").decimalValue()).isEqualByComparingTo("32.5");
        assertThat(state(admin, ada)).as("a report changes nothing").startsWith("Active");

        Response applied = admin.post("/allot/v1/reclaim/runs", "{\"apply\":true}");
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.body().path("applied").asBoolean()).isTrue();
        assertThat(applied.body().path("items").get(0).path("outcome").asString())
                .isEqualTo("Removed");
        assertThat(state(admin, ada)).isEqualTo("none");
        assertThat(state(admin, cy))
                .as("the freed seat went to the waiting user at once")
                .startsWith("Active");
        assertThat(state(admin, bob)).startsWith("Active");

        String run = applied.body().path("id").asString();
        JsonNode kept = admin.get("/allot/v1/reclaim/runs/" + run).body();
        assertThat(kept.path("items").get(0).path("outcome").asString()).isEqualTo("Removed");
        assertThat(admin.get("/allot/v1/reclaim/runs").body().path("value")).hasSize(1);
        assertThat(admin.post("/allot/v1/reclaim/runs", "{\"apply\":true}")
                        .body()
                        .path("items"))
                .as("applying again finds nothing more")
                .isEmpty();
    }

    @Test
    void theDailyRunActsOnceADayOnPoliciesThatAct() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(admin, "ENTERPRISEPACK", 3);
        String sku = product("ENTERPRISEPACK").skuId().toString();
        String off = createUser(admin, "off");
        String kept = createUser(admin, "kept");
        String nested = createUser(admin, "nested");
        assertThat(assignLicense(admin, off, sku).status()).isEqualTo(200);
        assertThat(assignLicense(admin, kept, sku).status()).isEqualTo(200);
        assertThat(assignLicense(admin, nested, sku).status()).isEqualTo(200);
        String inner = group(admin, "Inner", nested);
        String outer = group(admin, "Outer", inner);
        assertThat(admin.patch("/v1.0/users/" + nested, "{\"accountEnabled\":false}")
                        .status())
                .isEqualTo(204);
        assertThat(admin.patch("/v1.0/users/" + off, "{\"accountEnabled\":false}")
                        .status())
                .isEqualTo(204);
        assertThat(admin.get("/allot/v1/users/" + off + "/signInActivity")
                        .body()
                        .path("disabledDateTime")
                        .asString())
                .as("when the account was disabled is kept")
                .isNotEmpty();
        assertThat(admin.send(
                                "PUT",
                                "/allot/v1/reclaim/policies/" + sku,
                                """
                        {"disabledDays":0,"mode":"Act","exemptUserIds":["%s"],"exemptGroupIds":["%s"]}""".formatted(kept, outer),
                                java.util.Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(admin.patch("/v1.0/users/" + kept, "{\"accountEnabled\":false}")
                        .status())
                .isEqualTo(204);

        reclaim.runScheduled();
        reclaim.runScheduled();

        JsonNode runs = admin.get("/allot/v1/reclaim/runs").body().path("value");
        assertThat(runs).as("one run a day, however often started").hasSize(1);
        assertThat(runs.get(0).path("actor").asString()).isEqualTo("license reclaim");
        assertThat(runs.get(0).path("items")).singleElement().satisfies(i -> {
            assertThat(i.path("reason").asString()).isEqualTo("Disabled");
            assertThat(i.path("outcome").asString()).isEqualTo("Removed");
        });
        assertThat(state(admin, off)).isEqualTo("none");
        assertThat(state(admin, kept)).as("exempt").startsWith("Active");
        assertThat(state(admin, nested))
                .as("exempt as a member of a group nested in an exempt group")
                .startsWith("Active");
    }

    /** A security group with these members (users or groups). */
    private static String group(ApiClient admin, String name, String... members) {
        String id = admin.post(
                        "/v1.0/groups",
                        "{\"displayName\":\"" + name
                                + "\",\"mailEnabled\":false,\"mailNickname\":\"x\",\"securityEnabled\":true}")
                .body()
                .path("id")
                .asString();
        for (String member : members) {
            assertThat(admin.post(
                                    "/v1.0/groups/" + id + "/members/$ref",
                                    "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + member
                                            + "\"}")
                            .status())
                    .isEqualTo(204);
        }
        return id;
    }

    @Test
    void badInputIsRefusedWithGraphsErrorBodyAndNothingIsHalfApplied() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String ada = createUser(admin, "ada");

        Response noRule = admin.send("PUT", "/allot/v1/reclaim/policies/ENTERPRISEPACK", "{}", java.util.Map.of());
        assertThat(noRule.status()).isEqualTo(400);
        assertThat(noRule.errorMessage()).contains("inactiveDays");
        Response badMode = admin.send(
                "PUT",
                "/allot/v1/reclaim/policies/ENTERPRISEPACK",
                "{\"inactiveDays\":9,\"mode\":\"Now\"}",
                java.util.Map.of());
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(admin.send("PUT", "/allot/v1/reclaim/policies/NOSUCHSKU", "{\"inactiveDays\":9}", java.util.Map.of())
                        .status())
                .isEqualTo(400);
        assertThat(admin.get("/allot/v1/reclaim/report?skuId=ENTERPRISEPACK").status())
                .as("no policy for the product")
                .isEqualTo(404);

        Response future = signIn(admin, ada, at(Instant.now().plus(Duration.ofDays(1))));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.errorMessage()).contains("future");
        assertThat(signIn(admin, "00000000-0000-0000-0000-000000000001", daysAgo(1))
                        .status())
                .isEqualTo(404);

        Response half = admin.post(
                "/allot/v1/signInActivity/import", """
                {"value":[{"userPrincipalName":"ada@%s","lastSignInDateTime":"%s"},
                          {"userPrincipalName":"nobody@%s","lastSignInDateTime":"%s"}]}""".formatted(admin.domain, daysAgo(3), admin.domain, daysAgo(3)));
        assertThat(half.status()).isEqualTo(404);
        assertThat(admin.get("/allot/v1/users/" + ada + "/signInActivity")
                        .body()
                        .has("lastSignInDateTime"))
                .as("all or nothing")
                .isFalse();
        Response imported = admin.post("/allot/v1/signInActivity/import", """
                {"value":[{"id":"%s","lastSignInDateTime":"%s"}]}""".formatted(ada, daysAgo(3)));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body().path("users").asInt()).isEqualTo(1);
        assertThat(admin.get("/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20"
                                + "'Import%20sign-in%20activity'")
                        .body()
                        .path("value"))
                .as("one audit record per import, none for the import refused")
                .hasSize(1);
        assertThat(admin.post("/allot/v1/signInActivity/import", "{\"value\":[{\"id\":\"" + ada + "\"}]}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void thePolicyOfAProductRemovedFromTheCatalogueCanStillBeRemovedAndIsAudited() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String sku = admin.post("/allot/v1/products", """
                        {"skuPartNumber":"RECLAIM_GONE","displayName":"Gone","servicePlans":[
                         {"servicePlanName":"RECLAIM_GONE_A","displayName":"A"}]}""").body().path("skuId").asString();
        assertThat(admin.send("PUT", "/allot/v1/reclaim/policies/RECLAIM_GONE", """
                        {"inactiveDays":90}""", java.util.Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(admin.delete("/allot/v1/products/" + sku).status()).isEqualTo(204);

        assertThat(admin.delete("/allot/v1/reclaim/policies/" + sku).status())
                .as("removed by its id, though the catalogue no longer has the product")
                .isEqualTo(204);
        assertThat(admin.get("/allot/v1/reclaim/policies").body().path("value")).isEmpty();
        JsonNode removed = admin.get("/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20"
                        + "'Remove%20license%20reclaim%20policy'")
                .body()
                .path("value");
        assertThat(removed).hasSize(1);
        assertThat(removed.get(0).path("targetResources").get(0).path("id").asString())
                .isEqualTo(sku);
    }
}
