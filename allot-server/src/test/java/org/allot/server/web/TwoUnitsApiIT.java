package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Two business units of one tenant, North and South, and an app ({@code north}) that holds License and User
 * Administrator over North only; Bob of South has a license request and South's group a license.
 */
abstract class TwoUnitsApiIT extends ApiIT {
    static final String LICENSE_ADMINISTRATOR = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";
    static final String USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";

    ApiClient global;
    ApiClient north;
    String northUnit;
    String southUnit;
    String ada;
    String bob;
    String northStaff;
    String southStaff;
    String e3;
    String bobRequest;

    @BeforeEach
    void twoUnits() {
        global = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(global, "ENTERPRISEPACK", 10);
        e3 = product("ENTERPRISEPACK").skuId().toString();
        ada = createUser(global, "ada");
        bob = createUser(global, "bob");
        northStaff = group("North staff");
        southStaff = group("South staff");
        northUnit = unit("North");
        southUnit = unit("South");
        addMember(northUnit, ada);
        addMember(northUnit, northStaff);
        addMember(southUnit, bob);
        addMember(southUnit, southStaff);
        assertThat(global.post("/v1.0/groups/" + southStaff + "/members/$ref", ref(bob))
                        .status())
                .isEqualTo(204);
        assertThat(global.post("/v1.0/groups/" + southStaff + "/assignLicense", assign())
                        .status())
                .isEqualTo(202);
        Response filed = global.post("/allot/v1/licenseRequests", request(bob));
        assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        bobRequest = filed.body().path("id").asString();
        north = as(global, Role.GLOBAL_READER);
        role(northUnit, LICENSE_ADMINISTRATOR, north.clientId);
        role(northUnit, USER_ADMINISTRATOR, north.clientId);
    }

    String request(String user) {
        return "{\"userId\":\"%s\",\"skuId\":\"%s\",\"justification\":\"New starter\"}".formatted(user, e3);
    }

    String group(String name) {
        return global.post("/v1.0/groups", """
                        {"displayName":"%s","mailEnabled":false,"mailNickname":"g","securityEnabled":true}""".formatted(name))
                .body()
                .path("id")
                .asString();
    }

    String unit(String name) {
        Response created = global.post("/v1.0/directory/administrativeUnits", "{\"displayName\":\"" + name + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    void addMember(String unit, String member) {
        assertThat(global.post("/v1.0/directory/administrativeUnits/" + unit + "/members/$ref", ref(member))
                        .status())
                .isEqualTo(204);
    }

    void role(String unit, String roleId, String clientId) {
        Response created = global.post(
                "/v1.0/directory/administrativeUnits/" + unit + "/scopedRoleMembers", """
                {"roleId":"%s","roleMemberInfo":{"id":"%s"}}""".formatted(roleId, clientId));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    }

    String assign() {
        return "{\"addLicenses\":[{\"skuId\":\"" + e3 + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}";
    }

    static String ref(String id) {
        return "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"}";
    }

    static List<String> ids(Response page) {
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        return page.body().path("value").findValuesAsString("id");
    }

    static void assertDenied(Response r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("Authorization_RequestDenied");
    }

    static Map<String, JsonNode> properties(JsonNode object) {
        Map<String, JsonNode> map = new TreeMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
