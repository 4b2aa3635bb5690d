package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.allot.core.catalog.Product;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each role can do exactly what Entra's role of the same name can: allowed calls go through, others get 403. */
class RolesIT extends ApiIT {
    private ApiClient global;
    private String user;
    private String group;
    private Product e3;

    @BeforeEach
    void tenant() {
        global = newTenant(Role.GLOBAL_ADMINISTRATOR);
        e3 = product("ENTERPRISEPACK");
        subscribe(global, "ENTERPRISEPACK", 100);
        user = global.post("/v1.0/users", userBody("subject")).body().get("id").asString();
        group = global.post("/v1.0/groups", groupBody("Subjects"))
                .body()
                .get("id")
                .asString();
    }

    @Test
    void aGlobalReaderReadsEverythingAndChangesNothing() {
        ApiClient reader = as(global, Role.GLOBAL_READER);
        for (String path : List.of(
                "/v1.0/users",
                "/v1.0/users/" + user,
                "/v1.0/groups",
                "/v1.0/subscribedSkus",
                "/v1.0/organization",
                "/v1.0/directory/subscriptions",
                "/v1.0/auditLogs/directoryAudits",
                "/allot/v1/products",
                "/allot/v1/settings",
                "/allot/v1/subscribedSkus/ENTERPRISEPACK/waitingList",
                "/allot/v1/planRules")) {
            assertThat(reader.get(path).status()).as(path).isEqualTo(200);
        }
        assertDenied(reader.post("/v1.0/users", userBody("x")));
        assertDenied(reader.patch("/v1.0/users/" + user, "{\"usageLocation\":\"SE\"}"));
        assertDenied(reader.post("/v1.0/users/" + user + "/assignLicense", assign()));
        assertDenied(reader.post("/v1.0/groups/" + group + "/assignLicense", assign()));
        assertDenied(reader.post("/v1.0/groups", groupBody("x")));
        assertDenied(reader.patch("/allot/v1/settings", "{\"defaultUsageLocation\":\"SE\"}"));
        assertDenied(reader.get("/allot/v1/appRegistrations"));
    }

    @Test
    void aLicenseAdministratorAssignsLicensesAndSetsUsageLocationsOnly() {
        ApiClient licenses = as(global, Role.LICENSE_ADMINISTRATOR);
        assertThat(licenses.post("/v1.0/users/" + user + "/assignLicense", assign())
                        .status())
                .isEqualTo(200);
        assertThat(licenses.patch("/v1.0/users/" + user, "{\"usageLocation\":\"SE\"}")
                        .status())
                .isEqualTo(204);
        assertThat(licenses.post("/v1.0/groups/" + group + "/assignLicense", assign())
                        .status())
                .isEqualTo(202);
        assertDenied(licenses.patch("/v1.0/users/" + user, "{\"department\":\"Sales\"}"));
        assertDenied(licenses.post("/v1.0/users", userBody("x")));
        assertDenied(licenses.delete("/v1.0/users/" + user));
        assertDenied(licenses.post("/v1.0/groups", groupBody("x")));
        assertDenied(licenses.post("/v1.0/groups/" + group + "/members/$ref", ref(user)));
        assertDenied(licenses.post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"EMS\",\"seats\":5}"));
    }

    @Test
    void aUserAdministratorManagesUsersGroupsAndTheirLicenses() {
        ApiClient users = as(global, Role.USER_ADMINISTRATOR);
        assertThat(users.post("/v1.0/users", userBody("made")).status()).isEqualTo(201);
        assertThat(users.patch("/v1.0/users/" + user, "{\"department\":\"Sales\"}")
                        .status())
                .isEqualTo(204);
        assertThat(users.post("/v1.0/users/" + user + "/assignLicense", assign())
                        .status())
                .isEqualTo(200);
        assertThat(users.post("/v1.0/groups", groupBody("Made")).status()).isEqualTo(201);
        assertThat(users.post("/v1.0/groups/" + group + "/members/$ref", ref(user))
                        .status())
                .isEqualTo(204);
        assertDenied(users.patch("/allot/v1/settings", "{\"defaultUsageLocation\":\"SE\"}"));
        assertDenied(users.post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"EMS\",\"seats\":5}"));
        assertDenied(users.post("/allot/v1/appRegistrations", "{\"displayName\":\"x\",\"role\":\"Global Reader\"}"));
    }

    @Test
    void aGroupsAdministratorManagesGroupsTheirMembersAndTheirLicensesButNotUsers() {
        ApiClient groups = as(global, Role.GROUPS_ADMINISTRATOR);
        assertThat(groups.post("/v1.0/groups", groupBody("Made")).status()).isEqualTo(201);
        assertThat(groups.post("/v1.0/groups/" + group + "/members/$ref", ref(user))
                        .status())
                .isEqualTo(204);
        assertThat(groups.post("/v1.0/groups/" + group + "/assignLicense", assign())
                        .status())
                .isEqualTo(202);
        assertThat(groups.patch("/allot/v1/groups/" + group + "/licensing", "{\"licensePriority\":5}")
                        .status())
                .isEqualTo(200);
        assertDenied(groups.post("/v1.0/users", userBody("x")));
        assertDenied(groups.patch("/v1.0/users/" + user, "{\"usageLocation\":\"SE\"}"));
        assertDenied(groups.post("/v1.0/users/" + user + "/assignLicense", assign()));
    }

    @Test
    void aGlobalAdministratorManagesSubscriptionsProductsSettingsAndApps() {
        assertThat(global.post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"EMS\",\"seats\":5}")
                        .status())
                .isEqualTo(201);
        assertThat(global.patch("/allot/v1/settings", "{\"defaultUsageLocation\":\"SE\"}")
                        .status())
                .isEqualTo(200);
        Response app = global.post("/allot/v1/appRegistrations", "{\"displayName\":\"CI\",\"role\":\"Global Reader\"}");
        assertThat(app.status()).isEqualTo(201);
        assertThat(app.body().get("clientSecret").asString()).hasSizeGreaterThan(20);
        Response listed = global.get("/allot/v1/appRegistrations");
        List<String> secrets = new ArrayList<>();
        listed.body()
                .get("value")
                .forEach(a -> secrets.add(a.path("clientSecret").asString("")));
        assertThat(secrets).allMatch(String::isEmpty);
    }

    @Test
    void noTokenOrABadOneIsRefusedWith401() {
        Response none =
                ApiClient.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(global.base + "/v1.0/users"))
                        .build());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.errorCode()).isEqualTo("InvalidAuthenticationToken");
        Response forged =
                ApiClient.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(global.base + "/v1.0/users"))
                        .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ4In0.")
                        .build());
        assertThat(forged.status()).isEqualTo(401);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> ApiClient.token(global.base, global.clientId, "wrong-secret")))
                .hasMessageContaining("401");
    }

    private static void assertDenied(Response r) {
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("Authorization_RequestDenied");
    }

    private String assign() {
        return "{\"addLicenses\":[{\"skuId\":\"" + e3.skuId() + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}";
    }

    private static String ref(String id) {
        return "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"}";
    }

    private String userBody(String name) {
        return "{\"accountEnabled\":true,\"displayName\":\"" + name + "\",\"mailNickname\":\"" + name
                + "\",\"userPrincipalName\":\"" + name
                + UUID.randomUUID().toString().substring(0, 4) + "@"
                + global.domain + "\",\"usageLocation\":\"US\"}";
    }

    private static String groupBody(String name) {
        return "{\"displayName\":\"" + name
                + "\",\"mailEnabled\":false,\"mailNickname\":\"x\",\"securityEnabled\":true}";
    }
}
