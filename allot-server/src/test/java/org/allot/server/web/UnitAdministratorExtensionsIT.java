package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Allot's extensions for an app that holds License and User Administrator over North only (docs/delegation.md, "Roles
 * held over units"): the reports list and charge North's users only (the usage history is SKU totals), pending
 * removals are North's users', validation answers rows naming other users as the real requests would (403, whether
 * the user exists or not), and what stays the tenant's (delta queries, migrations) is refused with the reason.
 */
class UnitAdministratorExtensionsIT extends ApiIT {
    private static final String LICENSE_ADMINISTRATOR = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";
    private static final String USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";

    private ApiClient global;
    private ApiClient north;
    private String ada;
    private String bob;
    private String southStaff;
    private String e3;

    @BeforeEach
    void twoUnits() {
        global = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(global, "ENTERPRISEPACK", 10);
        e3 = product("ENTERPRISEPACK").skuId().toString();
        ada = createUser(global, "ada");
        bob = createUser(global, "bob");
        southStaff = global.post("/v1.0/groups", """
                        {"displayName":"South staff","mailEnabled":false,"mailNickname":"s","securityEnabled":true}""").body().path("id").asString();
        String northUnit = unit("North", ada);
        String southUnit = unit("South", bob);
        assertThat(global.post("/v1.0/directory/administrativeUnits/" + southUnit + "/members/$ref", ref(southStaff))
                        .status())
                .isEqualTo(204);
        assertThat(global.post("/v1.0/groups/" + southStaff + "/members/$ref", ref(bob))
                        .status())
                .isEqualTo(204);
        assertThat(global.post("/v1.0/groups/" + southStaff + "/assignLicense", assign())
                        .status())
                .isEqualTo(202);
        assertThat(global.post("/v1.0/users/" + ada + "/assignLicense", assign())
                        .status())
                .isEqualTo(200);
        north = as(global, Role.GLOBAL_READER);
        role(northUnit, LICENSE_ADMINISTRATOR);
        role(northUnit, USER_ADMINISTRATOR);
    }

    @Test
    void aUnitAdministratorsReportsHoldItsUnitsUsersOnly() {
        Response holders = north.get("/allot/v1/reports/licenseHolders");
        assertThat(holders.status()).as(holders.raw().body()).isEqualTo(200);
        assertThat(holders.body().path("value").findValuesAsString("userId")).containsExactly(ada);
        assertThat(global.get("/allot/v1/reports/licenseHolders")
                        .body()
                        .path("value")
                        .findValuesAsString("userId"))
                .containsExactlyInAnyOrder(ada, bob);
        Response paged = north.get("/allot/v1/reports/licenseHolders?$top=1");
        assertThat(paged.body().path("value")).hasSize(1);
        assertThat(paged.body().has("@odata.nextLink"))
                .as("one holder: one page")
                .isFalse();
        assertThat(north.get("/allot/v1/reports/licenseHolders.csv").raw().body())
                .contains(ada)
                .doesNotContain(bob);

        JsonNode costs = north.get("/allot/v1/reports/costs?by=group").body();
        assertThat(costs.path("value").findValuesAsString("id"))
                .as("ada's direct seat only: neither South's group nor the seats nobody holds")
                .containsExactly("direct");
        assertThat(costs.path("totals").path(0).path("seats").asInt()).isEqualTo(1);
        assertThat(global.get("/allot/v1/reports/costs?by=group")
                        .body()
                        .path("value")
                        .findValuesAsString("id"))
                .containsExactlyInAnyOrder(southStaff, "direct", "unassigned");
        assertThat(north.get("/allot/v1/reports/costs.csv?by=line").raw().body())
                .doesNotContain(southStaff);
        // the usage history is SKU totals, read-only, as /subscribedSkus is
        assertThat(north.get("/allot/v1/reports/usage").status()).isEqualTo(200);
        assertThat(north.get("/allot/v1/reports/usage.csv").status()).isEqualTo(200);
    }

    @Test
    void aUnitAdministratorSeesAndUndoesThePendingRemovalsOfItsUnitsUsersOnly() {
        assertThat(global.patch("/allot/v1/subscribedSkus/ENTERPRISEPACK/removalGrace", "{\"removalGraceDays\":30}")
                        .status())
                .isEqualTo(200);
        assertThat(global.post("/v1.0/users/" + ada + "/assignLicense", remove())
                        .status())
                .isEqualTo(200);
        assertThat(global.delete("/v1.0/groups/" + southStaff + "/members/" + bob + "/$ref")
                        .status())
                .isEqualTo(204);
        assertThat(global.get("/allot/v1/users/" + bob + "/pendingRemovals")
                        .body()
                        .path("value"))
                .hasSize(1);

        assertThat(north.get("/allot/v1/users/" + ada + "/pendingRemovals")
                        .body()
                        .path("value")
                        .findValuesAsString("userId"))
                .containsExactly(ada);
        Response bobsRead = north.get("/allot/v1/users/" + bob + "/pendingRemovals");
        assertThat(bobsRead.status()).isEqualTo(404);
        assertThat(bobsRead.errorCode()).isEqualTo("Request_ResourceNotFound");
        assertThat(north.get("/allot/v1/users/bob@" + global.domain + "/pendingRemovals")
                        .status())
                .isEqualTo(404);
        assertDenied(north.post("/allot/v1/users/" + bob + "/pendingRemovals/" + e3 + "/cancel", null));
        assertDenied(
                north.post("/allot/v1/users/nobody@" + global.domain + "/pendingRemovals/" + e3 + "/cancel", null));
        assertThat(global.get("/allot/v1/users/" + bob + "/pendingRemovals")
                        .body()
                        .path("value"))
                .as("South's pending removal is not undone")
                .hasSize(1);

        Response undone = north.post("/allot/v1/users/" + ada + "/pendingRemovals/" + e3 + "/cancel", null);
        assertThat(undone.status()).as(undone.raw().body()).isEqualTo(200);
        assertThat(undone.body().path("value")).isEmpty();
        assertThat(global.get("/v1.0/users/" + ada + "/licenseDetails").body().path("value"))
                .hasSize(1);
    }

    @Test
    void aUnitAdministratorValidatesRowsAndRowsNamingOtherUsersAreRefusedAsTheRequestsWouldBe() {
        Response licenses = north.post("/allot/v1/licenseChanges/validate", """
                {"value":[
                 {"userId":"%1$s","addLicenses":[],"removeLicenses":["%2$s"]},
                 {"userId":"%3$s","addLicenses":[],"removeLicenses":["%2$s"]},
                 {"userId":"bob@%4$s","addLicenses":[{"skuId":"%2$s","disabledPlans":[]}]},
                 {"userId":"nobody@%4$s","addLicenses":[{"skuId":"%2$s","disabledPlans":[]}]}
                ]}""".formatted(ada, e3, bob, global.domain));
        assertThat(licenses.status()).as(licenses.raw().body()).isEqualTo(200);
        assertThat(rows(licenses.body()))
                .containsExactly(
                        "0 valid 200",
                        "1 refused 403 Authorization_RequestDenied",
                        "2 refused 403 Authorization_RequestDenied",
                        "3 refused 403 Authorization_RequestDenied");
        assertThat(licenses.raw().body()).doesNotContain(bob).doesNotContain("bob@");

        Response users = north.post("/allot/v1/users/validate", """
                {"value":[
                 {"id":"%1$s","user":{"usageLocation":"SE"}},
                 {"id":"%2$s","user":{"usageLocation":"SE"}},
                 {"id":"nobody@%3$s","user":{"department":"Sales"}},
                 {"user":{"userPrincipalName":"new@%3$s","displayName":"New","usageLocation":"US"}}
                ]}""".formatted(ada, bob, global.domain));
        assertThat(users.status()).as(users.raw().body()).isEqualTo(200);
        assertThat(rows(users.body()))
                .containsExactly(
                        "0 valid 204",
                        "1 refused 403 Authorization_RequestDenied",
                        "2 refused 403 Authorization_RequestDenied",
                        "3 refused 403 Authorization_RequestDenied");
        assertThat(users.raw().body()).doesNotContain(bob);
        // nothing was changed
        assertThat(global.get("/v1.0/users/" + ada + "/licenseDetails").body().path("value"))
                .hasSize(1);
        assertThat(global.get("/v1.0/users/" + ada + "?$select=usageLocation")
                        .body()
                        .path("usageLocation")
                        .asString())
                .isEqualTo("US");
    }

    @Test
    void deltaQueriesAndMigrationsStayTheTenantsAndTheRefusalSaysWhy() {
        for (String path : List.of("/v1.0/users/delta", "/v1.0/groups/delta()")) {
            Response refused = north.get(path);
            assertDenied(refused);
            assertThat(refused.errorMessage())
                    .as(path)
                    .startsWith("Insufficient privileges to complete the operation.")
                    .contains("Delta queries are for roles over the whole tenant");
        }
        for (String path : List.of(
                "/allot/v1/subscribedSkus/" + e3 + "/migrateToGroups/preview",
                "/allot/v1/subscribedSkus/" + e3 + "/migrateToGroups")) {
            Response refused = north.post(path, "{}");
            assertDenied(refused);
            assertThat(refused.errorMessage())
                    .as(path)
                    .contains("Moving direct licenses to group licensing is for roles over the whole tenant");
        }
        assertThat(global.get("/v1.0/users/delta").status()).isEqualTo(200);
        // a tenant-wide role without the right permission is told what Graph tells it, nothing more
        ApiClient reader = as(global, Role.GLOBAL_READER);
        assertThat(reader.post("/allot/v1/subscribedSkus/" + e3 + "/migrateToGroups", "{}")
                        .errorMessage())
                .isEqualTo("Insufficient privileges to complete the operation.");
    }

    private String unit(String name, String member) {
        Response created = global.post("/v1.0/directory/administrativeUnits", "{\"displayName\":\"" + name + "\"}");
        assertThat(created.status()).isEqualTo(201);
        String unit = created.body().path("id").asString();
        assertThat(global.post("/v1.0/directory/administrativeUnits/" + unit + "/members/$ref", ref(member))
                        .status())
                .isEqualTo(204);
        return unit;
    }

    private void role(String unit, String roleId) {
        Response created =
                global.post("/v1.0/directory/administrativeUnits/" + unit + "/scopedRoleMembers", """
                {"roleId":"%s","roleMemberInfo":{"id":"%s"}}""".formatted(
                                roleId, north.clientId));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    }

    private String assign() {
        return "{\"addLicenses\":[{\"skuId\":\"" + e3 + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}";
    }

    private String remove() {
        return "{\"addLicenses\":[],\"removeLicenses\":[\"" + e3 + "\"]}";
    }

    private static String ref(String id) {
        return "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"}";
    }

    private static List<String> rows(JsonNode body) {
        List<String> rows = new ArrayList<>();
        body.path("value")
                .forEach(r -> rows.add(r.path("index").asInt() + " "
                        + (r.path("valid").asBoolean() ? "valid" : "refused")
                        + " " + r.path("status").asInt()
                        + (r.has("error") ? " " + r.path("error").path("code").asString() : "")));
        return rows;
    }

    private static void assertDenied(Response r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("Authorization_RequestDenied");
    }
}
