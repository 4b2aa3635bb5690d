package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Through the API, an app that holds License and User Administrator over North only reads, licenses and changes North's
 * users and groups, and nothing of South's: South's objects are not found, changes to them refused with 403, lists and
 * the audit log hold none of them ({@link TwoUnitsApiIT}; every other endpoint: {@link UnitScopeOpenApiWalkIT}).
 */
class AdministrativeUnitsIT extends TwoUnitsApiIT {
    @Test
    void aUnitAdministratorReadsOnlyItsUnitsUsersGroupsAndAuditRecords() {
        assertThat(ids(north.get("/v1.0/users"))).containsExactly(ada);
        assertThat(north.get("/v1.0/users/$count", Map.of("ConsistencyLevel", "eventual"))
                        .raw()
                        .body())
                .isEqualTo("1");
        assertThat(ids(north.get("/v1.0/users?$filter=startswith(displayName,'b')")))
                .isEmpty();
        assertThat(ids(north.get("/v1.0/groups"))).containsExactly(northStaff);
        assertThat(north.get("/v1.0/users/" + ada).status()).isEqualTo(200);
        assertThat(north.get("/v1.0/users/" + ada + "/licenseDetails").status()).isEqualTo(200);
        assertThat(north.get("/v1.0/groups/" + northStaff).status()).isEqualTo(200);
        for (String path : List.of(
                "/v1.0/users/" + bob,
                "/v1.0/users/bob@" + global.domain,
                "/v1.0/users/" + bob + "/licenseDetails",
                "/v1.0/groups/" + southStaff,
                "/v1.0/groups/" + southStaff + "/members",
                "/v1.0/directory/administrativeUnits/" + southUnit,
                "/v1.0/directory/administrativeUnits/" + southUnit + "/members")) {
            Response answer = north.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.errorCode()).as(path).isEqualTo("Request_ResourceNotFound");
        }
        String audits =
                north.get("/v1.0/auditLogs/directoryAudits?$top=999").raw().body();
        assertThat(audits)
                .contains(ada)
                .contains(northStaff)
                .doesNotContain(bob)
                .doesNotContain(southStaff);
        // a member of North's group who is not in North is left out of the group's members
        assertThat(global.post("/v1.0/groups/" + northStaff + "/members/$ref", ref(bob))
                        .status())
                .isEqualTo(204);
        assertThat(global.post("/v1.0/groups/" + northStaff + "/members/$ref", ref(ada))
                        .status())
                .isEqualTo(204);
        assertThat(ids(north.get("/v1.0/groups/" + northStaff + "/members"))).containsExactly(ada);
        // and a group of South that holds North's user is left out of what the user belongs to
        assertThat(global.post("/v1.0/groups/" + southStaff + "/members/$ref", ref(ada))
                        .status())
                .isEqualTo(204);
        assertThat(north.get("/v1.0/users/" + ada + "?$expand=memberOf")
                        .body()
                        .path("memberOf")
                        .findValuesAsString("id"))
                .containsExactly(northStaff);
        assertThat(ids(north.get("/v1.0/users/" + ada + "/memberOf"))).containsExactly(northStaff);
        assertThat(north.get("/v1.0/users/" + bob + "/memberOf").status()).isEqualTo(404);
        assertThat(ids(north.get("/v1.0/directory/administrativeUnits"))).containsExactly(northUnit);
        // a manager in South is left out of $expand=manager, as South's users are
        assertThat(global.send("PUT", "/v1.0/users/" + ada + "/manager/$ref", ref(bob), Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(global.get("/v1.0/users/" + ada + "?$expand=manager")
                        .body()
                        .path("manager")
                        .path("id")
                        .asString())
                .isEqualTo(bob);
        assertThat(north.get("/v1.0/users/" + ada + "?$expand=manager").body().has("manager"))
                .isFalse();
        assertThat(north.get("/v1.0/users?$expand=manager")
                        .body()
                        .path("value")
                        .path(0)
                        .has("manager"))
                .isFalse();
        // the Graph Java SDK reads the units as Graph's own
        assertThat(north.graph().directory().administrativeUnits().get().getValue())
                .singleElement()
                .satisfies(u -> {
                    assertThat(u.getId()).isEqualTo(northUnit);
                    assertThat(u.getDisplayName()).isEqualTo("North");
                });

        assertThat(north.get("/v1.0/subscribedSkus")
                        .body()
                        .path("value")
                        .path(0)
                        .path("consumedUnits")
                        .asInt())
                .as("SKU totals are the tenant's: bob's and ada's seats from South's group included")
                .isEqualTo(2);
    }

    @Test
    void aUnitAdministratorLicensesAndChangesItsUnitsObjectsAndNothingOfTheOtherUnit() {
        assertThat(north.post("/v1.0/users/" + ada + "/assignLicense", assign()).status())
                .isEqualTo(200);
        assertThat(north.patch("/v1.0/users/" + ada, "{\"department\":\"North\"}")
                        .status())
                .isEqualTo(204);
        assertThat(north.post("/v1.0/groups/" + northStaff + "/assignLicense", assign())
                        .status())
                .isEqualTo(202);
        assertThat(north.post("/v1.0/groups/" + northStaff + "/members/$ref", ref(ada))
                        .status())
                .isEqualTo(204);

        assertDenied(north.post("/v1.0/users/" + bob + "/assignLicense", assign()));
        assertDenied(north.post("/v1.0/users/bob@" + global.domain + "/assignLicense", assign()));
        assertDenied(north.post("/v1.0/users/nobody@" + global.domain + "/assignLicense", assign()));
        assertDenied(north.patch("/v1.0/users/" + bob, "{\"usageLocation\":\"SE\"}"));
        assertDenied(north.delete("/v1.0/users/" + bob));
        assertDenied(north.post("/v1.0/groups/" + southStaff + "/assignLicense", assign()));
        assertDenied(north.patch("/v1.0/groups/" + southStaff, "{\"description\":\"x\"}"));
        assertDenied(north.delete("/v1.0/groups/" + southStaff));
        assertDenied(north.post("/v1.0/groups/" + northStaff + "/members/$ref", ref(bob)));
        assertDenied(north.post("/v1.0/groups/" + southStaff + "/members/$ref", ref(ada)));
        assertDenied(north.delete("/v1.0/groups/" + southStaff + "/members/" + bob + "/$ref"));
        assertDenied(north.post("/v1.0/users", """
                {"accountEnabled":true,"displayName":"New","mailNickname":"new","userPrincipalName":"new@%s"}""".formatted(global.domain)));
        assertDenied(north.post("/v1.0/groups", """
                {"displayName":"New","mailEnabled":false,"mailNickname":"new","securityEnabled":true}"""));
        // SKU totals are read-only, units are the Global Administrator's
        assertDenied(north.post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"EMS\",\"seats\":5}"));
        assertDenied(north.post("/v1.0/directory/administrativeUnits/" + northUnit + "/members/$ref", ref(bob)));
        assertDenied(north.post("/v1.0/directory/administrativeUnits", "{\"displayName\":\"Mine\"}"));
        // Allot's extensions that reach beyond the units are refused to unit administrators
        assertDenied(north.get("/allot/v1/reclaim/policies"));
        assertDenied(north.post("/allot/v1/reclaim/runs", "{\"apply\":false}"));
        assertDenied(north.get("/v1.0/users/delta"));
        assertDenied(north.get("/v1.0/groups/delta()"));

        JsonNode bobNow = global.get("/v1.0/users/" + bob + "?$select=usageLocation,assignedLicenses")
                .body();
        assertThat(bobNow.path("usageLocation").asString()).isEqualTo("US");
        assertThat(ids(global.get("/v1.0/groups/" + southStaff + "/members"))).containsExactly(bob);
        assertThat(global.get("/v1.0/users/" + bob).status()).isEqualTo(200);
    }

    @Test
    void aUnitAdministratorUsesRequestsBatchesAndDirectoryObjectsWithinItsUnitsOnly() {
        Response mine = north.post("/allot/v1/licenseRequests", request(ada));
        assertThat(mine.status()).as(mine.raw().body()).isEqualTo(201);
        String adaRequest = mine.body().path("id").asString();
        assertDenied(north.post("/allot/v1/licenseRequests", request(bob)));
        Response listed = north.get("/allot/v1/licenseRequests");
        List<String> requests = new ArrayList<>();
        listed.body().path("value").forEach(v -> requests.add(v.path("id").asString()));
        assertThat(requests).containsExactly(adaRequest);
        assertThat(north.get("/allot/v1/licenseRequests/" + bobRequest).status())
                .isEqualTo(404);
        assertThat(north.get("/allot/v1/licenseRequests?userId=" + bob).status())
                .isEqualTo(404);
        assertDenied(north.post("/allot/v1/licenseRequests/" + bobRequest + "/deny", "{\"reason\":\"no\"}"));
        assertThat(global.get("/allot/v1/licenseRequests/" + bobRequest)
                        .body()
                        .path("status")
                        .asString())
                .isEqualTo("pending");
        Response approved = north.post("/allot/v1/licenseRequests/" + adaRequest + "/approve", "{}");
        assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);

        Response byIds = north.post(
                "/v1.0/directoryObjects/getByIds",
                "{\"ids\":[\"%s\",\"%s\",\"%s\",\"%s\"]}".formatted(ada, bob, southStaff, northStaff));
        assertThat(ids(byIds)).containsExactly(ada, northStaff);
        assertThat(north.get("/v1.0/directoryObjects/" + bob).status()).isEqualTo(404);
        assertThat(north.get("/v1.0/directoryObjects/" + ada).status()).isEqualTo(200);

        Response batch = north.post("/v1.0/$batch", """
                {"requests":[{"id":"1","method":"GET","url":"/users/%s"},
                             {"id":"2","method":"GET","url":"/users/%s"},
                             {"id":"3","method":"POST","url":"/users/%s/assignLicense",
                              "headers":{"Content-Type":"application/json"},"body":%s}]}""".formatted(ada, bob, bob, assign()));
        assertThat(batch.status()).as(batch.raw().body()).isEqualTo(200);
        Map<String, Integer> statuses = new TreeMap<>();
        batch.body()
                .path("responses")
                .forEach(inner -> statuses.put(
                        inner.path("id").asString(), inner.path("status").asInt()));
        assertThat(statuses).containsEntry("1", 200).containsEntry("2", 404).containsEntry("3", 403);
    }

    @Test
    void aRoleTakenBackWidensNothingAndAGlobalAdministratorCannotBeScoped() {
        JsonNode held = global.get("/v1.0/directory/administrativeUnits/" + northUnit + "/scopedRoleMembers")
                .body()
                .path("value");
        assertThat(held.findValuesAsString("roleId")).containsExactly(LICENSE_ADMINISTRATOR, USER_ADMINISTRATOR);
        assertThat(held.path(0).path("roleMemberInfo").path("id").asString()).isEqualTo(north.clientId);
        Response scopedGlobal =
                global.post("/v1.0/directory/administrativeUnits/" + northUnit + "/scopedRoleMembers", """
                        {"roleId":"%s","roleMemberInfo":{"id":"%s"}}""".formatted(
                                LICENSE_ADMINISTRATOR, global.clientId));
        assertThat(scopedGlobal.status()).isEqualTo(400);
        Response globalRole =
                global.post("/v1.0/directory/administrativeUnits/" + northUnit + "/scopedRoleMembers", """
                        {"roleId":"62e90394-69f5-4237-9190-012177145e10","roleMemberInfo":{"id":"%s"}}""".formatted(
                                north.clientId));
        assertThat(globalRole.status()).isEqualTo(400);

        for (JsonNode role : held) {
            assertThat(global.delete("/v1.0/directory/administrativeUnits/" + northUnit + "/scopedRoleMembers/"
                                    + role.path("id").asString())
                            .status())
                    .isEqualTo(204);
        }

        // without roles over units, the app is again what its own role says: a Global Reader of the whole tenant
        assertThat(ids(north.get("/v1.0/users"))).containsExactlyInAnyOrder(ada, bob);
        assertDenied(north.post("/v1.0/users/" + ada + "/assignLicense", assign()));
    }
}
