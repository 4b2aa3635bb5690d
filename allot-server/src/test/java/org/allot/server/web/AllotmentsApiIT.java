package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Allotments over HTTP on PostgreSQL (docs/delegation.md#allotments): an organisation with two business units, one of
 * which has a capped pool of E3 seats that fills and queues on its own while the remainder has seats; a unit's
 * administrator reads their pool and changes nothing; caps above the product's seats are refused with Graph's error
 * body; raising the cap serves the pool's waiting list; deleting the pool gives its users to the remainder. A dynamic
 * unit's pool follows its users as their attributes change, in the request that changes them.
 */
class AllotmentsApiIT extends ApiIT {
    private static final String LICENSE_ADMINISTRATOR = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";

    private ApiClient global;

    @Test
    void aUnitsPoolFillsAndQueuesOnItsOwnAndOnlyTenantWideAdministratorsChangeIt() {
        global = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient licenses = as(global, Role.LICENSE_ADMINISTRATOR);
        subscribe(global, "ENTERPRISEPACK", 4);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        String north = unit("North");
        String south = unit("South");
        String n1 = member(north, createUser(global, "n1"));
        String n2 = member(north, createUser(global, "n2"));
        String n3 = member(north, createUser(global, "n3"));
        String s1 = member(south, createUser(global, "s1"));
        ApiClient northAdmin = as(global, Role.GLOBAL_READER);
        Response scoped =
                global.post("/v1.0/directory/administrativeUnits/" + north + "/scopedRoleMembers", """
                {"roleId":"%s","roleMemberInfo":{"id":"%s"}}""".formatted(
                                LICENSE_ADMINISTRATOR, northAdmin.clientId));
        assertThat(scoped.status()).as(scoped.raw().body()).isEqualTo(201);

        String pool = "/allot/v1/subscribedSkus/" + e3 + "/allotments";
        Response tooBig = licenses.post(pool, body("North seats", north, 5));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(tooBig.errorMessage()).contains("5 seats, more than its 4 enabled seats");
        Response badOwner = licenses.post(pool, """
                {"displayName":"x","ownerType":"team","ownerId":"%s","cap":1}""".formatted(north));
        assertThat(badOwner.status()).isEqualTo(400);
        assertThat(badOwner.errorMessage()).contains("'ownerType' must be 'administrativeUnit' or 'group'");
        assertThat(as(global, Role.GLOBAL_READER)
                        .post(pool, body("North seats", north, 2))
                        .status())
                .isEqualTo(403);
        Response created = licenses.post(pool, body("North seats", north, 2));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.body().path("id").asString();
        assertThat(created.body().path("seats").asInt()).isEqualTo(2);

        String all = global.post("/v1.0/groups", """
                        {"displayName":"All","mailEnabled":false,"mailNickname":"all","securityEnabled":true}""").body().path("id").asString();
        assertThat(global.post("/v1.0/groups/" + all + "/assignLicense", """
                        {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(e3))
                        .status())
                .isEqualTo(202);
        for (String user : new String[] {n1, n2, n3, s1}) {
            assertThat(global.post("/v1.0/groups/" + all + "/members/$ref", ref(user))
                            .status())
                    .isEqualTo(204);
        }

        JsonNode figures = global.get(pool).body();
        assertThat(figures.path("enabledUnits").asInt()).isEqualTo(4);
        assertThat(figures(figures.path("value").get(0))).isEqualTo("North seats 2/2 waiting 1");
        assertThat(figures(figures.path("remainder"))).isEqualTo("Unallotted 2/1 waiting 0");
        assertThat(waitingFor(n3))
                .as("n3 waits although the remainder has a free seat")
                .isTrue();
        assertThat(waitingFor(s1)).isFalse();

        Response unitView = northAdmin.get(pool);
        assertThat(unitView.status()).as(unitView.raw().body()).isEqualTo(200);
        assertThat(unitView.body().path("value")).hasSize(1);
        assertThat(northAdmin.patch("/allot/v1/allotments/" + id, "{\"cap\":3}").status())
                .as("a unit's administrator changes no pool")
                .isEqualTo(403);

        Response raised = licenses.patch("/allot/v1/allotments/" + id, "{\"cap\":3}");
        assertThat(raised.status()).as(raised.raw().body()).isEqualTo(200);
        assertThat(figures(raised.body())).isEqualTo("North seats 3/3 waiting 0");
        assertThat(waitingFor(n3)).isFalse();

        assertThat(licenses.delete("/allot/v1/allotments/" + id).status()).isEqualTo(204);
        assertThat(figures(global.get(pool).body().path("remainder"))).isEqualTo("Unallotted 4/4 waiting 0");
        assertThat(jdbc.sql("select count(*) from license_assignment where tenant_id = ? and allotment_id is not null")
                        .param(global.tenant.value())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select consumed from seat_count where tenant_id = ? and sku_id = ?::uuid")
                        .params(global.tenant.value(), e3)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void aUserWhoseDepartmentChangesMovesIntoTheDynamicUnitsPoolOrWaitsForIt() {
        global = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(global, "ENTERPRISEPACK", 3);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        Response unit = global.post("/v1.0/directory/administrativeUnits", """
                {"displayName":"Sales","membershipType":"Dynamic","membershipRule":"user.department -eq \\"Sales\\"",
                 "membershipRuleProcessingState":"On"}""");
        assertThat(unit.status()).as(unit.raw().body()).isEqualTo(201);
        String pool = "/allot/v1/subscribedSkus/" + e3 + "/allotments";
        Response created =
                global.post(pool, body("Sales seats", unit.body().path("id").asString(), 1));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String all = global.post("/v1.0/groups", """
                        {"displayName":"All","mailEnabled":false,"mailNickname":"all","securityEnabled":true}""").body().path("id").asString();
        assertThat(global.post("/v1.0/groups/" + all + "/assignLicense", """
                        {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(e3))
                        .status())
                .isEqualTo(202);
        String ada = createUser(global, "ada");
        String bob = createUser(global, "bob");
        String cy = createUser(global, "cy");
        for (String user : new String[] {ada, bob}) {
            assertThat(global.post("/v1.0/groups/" + all + "/members/$ref", ref(user))
                            .status())
                    .isEqualTo(204);
        }
        assertThat(figures(global.get(pool).body().path("value").get(0))).isEqualTo("Sales seats 1/0 waiting 0");

        assertThat(department(ada, "Sales")).isEqualTo(204);

        JsonNode moved = global.get(pool).body();
        assertThat(figures(moved.path("value").get(0))).isEqualTo("Sales seats 1/1 waiting 0");
        assertThat(figures(moved.path("remainder"))).isEqualTo("Unallotted 2/1 waiting 0");

        assertThat(department(cy, "Sales")).isEqualTo(204);
        assertThat(global.post("/v1.0/groups/" + all + "/members/$ref", ref(cy)).status())
                .isEqualTo(204);
        assertThat(waitingFor(cy))
                .as("cy waits for the full Sales pool although the remainder has a free seat")
                .isTrue();
        assertThat(department(bob, "Sales")).isEqualTo(204);
        assertThat(waitingFor(bob))
                .as("a holder whose pool is full keeps the seat where it is")
                .isFalse();

        assertThat(department(ada, "Marketing")).isEqualTo(204);

        JsonNode after = global.get(pool).body();
        assertThat(figures(after.path("value").get(0))).isEqualTo("Sales seats 1/1 waiting 0");
        assertThat(waitingFor(cy))
                .as("ada's Sales seat went to cy, who waited for it")
                .isFalse();
        assertThat(jdbc.sql("select consumed from seat_count where tenant_id = ? and sku_id = ?::uuid")
                        .params(global.tenant.value(), e3)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    private int department(String user, String department) {
        return global.patch("/v1.0/users/" + user, "{\"department\":\"" + department + "\"}")
                .status();
    }

    private boolean waitingFor(String user) {
        return jdbc.sql("select count(*) from license_assignment where tenant_id = ? and user_id = ?::uuid"
                                + " and error = 'CountViolation'")
                        .params(global.tenant.value(), user)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static String figures(JsonNode pool) {
        return pool.path("displayName").asString() + " " + pool.path("seats").asInt() + "/"
                + pool.path("consumedUnits").asInt() + " waiting "
                + pool.path("waitingUnits").asInt();
    }

    private static String body(String name, String unit, int cap) {
        return """
                {"displayName":"%s","ownerType":"administrativeUnit","ownerId":"%s","cap":%d}""".formatted(name, unit, cap);
    }

    private String unit(String name) {
        Response created = global.post("/v1.0/directory/administrativeUnits", "{\"displayName\":\"" + name + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    private String member(String unit, String user) {
        assertThat(global.post("/v1.0/directory/administrativeUnits/" + unit + "/members/$ref", ref(user))
                        .status())
                .isEqualTo(204);
        return user;
    }

    private static String ref(String id) {
        return "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"}";
    }
}
