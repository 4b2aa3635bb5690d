package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/**
 * Creations (201) and accepted requests (202) send their answer in one piece with its {@code Content-Length}, as
 * {@code POST /users} and every {@code GET} do, not chunked after an early flush (two writes on the wire); the
 * {@code Location} headers stay.
 */
class CreatedAnswersLengthIT extends ApiIT {

    @Test
    void aCreatedGroupIsSentWithItsLength() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        sentWithItsLength(admin.post("/v1.0/groups", """
                {"displayName":"Staff","mailEnabled":false,"mailNickname":"staff","securityEnabled":true}"""), 201);
    }

    @Test
    void aGroupsAssignedLicenseIsSentWithItsLengthAndLocation() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(admin, "ENTERPRISEPACK", 5);
        String group = admin.post("/v1.0/groups", """
                        {"displayName":"Staff","mailEnabled":false,"mailNickname":"staff","securityEnabled":true}""").body().path("id").asString();
        String sku = product("ENTERPRISEPACK").skuId().toString();
        ApiClient.Response assigned = admin.post("/v1.0/groups/" + group + "/assignLicense", """
                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku));
        sentWithItsLength(assigned, 202);
        assertThat(assigned.raw().headers().firstValue("location").orElseThrow())
                .endsWith("/v1.0/groups/" + group);
    }

    @Test
    void anAddedDomainIsSentWithItsLength() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        sentWithItsLength(admin.post("/v1.0/domains", "{\"id\": \"corp.example.test\"}"), 201);
    }

    @Test
    void aBoughtSubscriptionIsSentWithItsLength() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        sentWithItsLength(
                admin.post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"seats\":3}"), 201);
    }

    @Test
    void anAddedProductAndPlanRuleAreSentWithTheirLength() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient.Response product = admin.post("/allot/v1/products", """
                {"skuPartNumber":"LENGTH_BASE","displayName":"Length base","servicePlans":[
                 {"servicePlanName":"LENGTH_A","displayName":"A"},{"servicePlanName":"LENGTH_B","displayName":"B"}]}""");
        sentWithItsLength(product, 201);
        String planA = product.body()
                .path("servicePlans")
                .path(0)
                .path("servicePlanId")
                .asString();
        String planB = product.body()
                .path("servicePlans")
                .path(1)
                .path("servicePlanId")
                .asString();
        sentWithItsLength(admin.post("/allot/v1/planRules", """
                {"kind":"REQUIRES","servicePlanId":"%s","servicePlanIds":["%s"],"note":"length"}""".formatted(planA, planB)), 201);
    }

    @Test
    void aRegisteredAppIsSentWithItsLength() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        sentWithItsLength(
                admin.post("/allot/v1/appRegistrations", "{\"displayName\":\"CI\",\"role\":\"Global Reader\"}"), 201);
    }

    @Test
    void aRequestedLicenseCheckIsSentWithItsLengthAndLocation() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient.Response started = admin.post("/allot/v1/reconciliation", "{\"dryRun\": true}");
        sentWithItsLength(started, 202);
        assertThat(started.raw().headers().firstValue("location").orElseThrow())
                .isEqualTo("/allot/v1/reconciliation/runs/"
                        + started.body().path("id").asString());
    }

    private static void sentWithItsLength(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.raw().headers().firstValue("transfer-encoding")).isEmpty();
        assertThat(response.raw().headers().firstValueAsLong("content-length"))
                .hasValue(response.raw().body().getBytes(StandardCharsets.UTF_8).length);
    }
}
