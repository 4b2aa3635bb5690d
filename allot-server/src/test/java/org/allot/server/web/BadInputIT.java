package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind gets a 4xx with Graph's error body and the request id, and changes nothing: no
 * directory object, assignment or audit record appears or moves.
 */
class BadInputIT extends ApiIT {
    private ApiClient admin;
    private String user;
    private String group;
    private long before;

    @BeforeEach
    void tenantWithAUserAndAGroup() {
        admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(admin, "ENTERPRISEPACK", 5);
        user = admin.post("/v1.0/users", """
                        {"accountEnabled":true,"displayName":"Ada","mailNickname":"ada","userPrincipalName":"ada@%s",
                         "usageLocation":"US","passwordProfile":{"password":"x"}}""".formatted(admin.domain))
                .body()
                .get("id")
                .asString();
        group = admin.post("/v1.0/groups", """
                        {"displayName":"Staff","mailEnabled":false,"mailNickname":"staff","securityEnabled":true}""").body().get("id").asString();
        before = footprint();
    }

    @Test
    void malformedJsonIsRefusedOnEveryWritingEndpoint() {
        for (String[] call : List.of(
                new String[] {"POST", "/v1.0/users"},
                new String[] {"PATCH", "/v1.0/users/" + user},
                new String[] {"POST", "/v1.0/users/" + user + "/assignLicense"},
                new String[] {"POST", "/v1.0/groups"},
                new String[] {"PATCH", "/v1.0/groups/" + group},
                new String[] {"POST", "/v1.0/groups/" + group + "/assignLicense"},
                new String[] {"POST", "/v1.0/groups/" + group + "/members/$ref"},
                new String[] {"POST", "/allot/v1/subscriptions"},
                new String[] {"PATCH", "/allot/v1/settings"},
                new String[] {"POST", "/allot/v1/products"},
                new String[] {"POST", "/allot/v1/groups/" + group + "/seatImpact"})) {
            for (String body : List.of("{\"addLicenses\": [", "not json", "[1,2,3]", "\"text\"")) {
                Response r = admin.send(call[0], call[1], body, Map.of());
                assertGraphError(r, 400, call[0] + " " + call[1] + " with " + body);
            }
        }
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void wrongTypesAndUnknownPropertiesAreNamed() {
        Response wrongType = admin.patch("/v1.0/users/" + user, "{\"accountEnabled\":\"yes\"}");
        assertGraphError(wrongType, 400, "wrong type");
        assertThat(wrongType.errorMessage()).contains("accountEnabled");

        Response unknown = admin.patch("/v1.0/users/" + user, "{\"favouriteColour\":\"blue\"}");
        assertThat(unknown.errorMessage())
                .isEqualTo("Property 'favouriteColour' does not exist on type 'microsoft.graph.user'.");

        Response readOnly = admin.patch("/v1.0/users/" + user, "{\"assignedLicenses\":[]}");
        assertThat(readOnly.errorMessage()).contains("read-only");

        Response badSku = admin.post(
                "/v1.0/users/" + user + "/assignLicense",
                "{\"addLicenses\":[{\"skuId\":\"not-a-guid\",\"disabledPlans\":[]}],\"removeLicenses\":[]}");
        assertGraphError(badSku, 400, "bad sku");
        assertThat(badSku.errorMessage()).contains("GUID");

        Response badSeats = admin.post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"EMS\",\"seats\":\"many\"}");
        assertGraphError(badSeats, 400, "seats as text");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void unknownIdsAreNotFound() {
        String nobody = UUID.randomUUID().toString();
        assertGraphError(admin.get("/v1.0/users/" + nobody), 404, "user");
        assertGraphError(admin.get("/v1.0/users/nobody@" + admin.domain), 404, "upn");
        assertGraphError(admin.get("/v1.0/groups/" + nobody), 404, "group");
        assertGraphError(admin.get("/v1.0/groups/not-an-id"), 404, "malformed group id");
        assertGraphError(admin.patch("/v1.0/users/" + nobody, "{\"department\":\"x\"}"), 404, "patch");
        assertGraphError(admin.delete("/v1.0/users/" + nobody), 404, "delete");
        assertGraphError(admin.post("/v1.0/users/" + nobody + "/assignLicense", "{}"), 404, "assign");
        assertGraphError(
                admin.post(
                        "/v1.0/groups/" + group + "/members/$ref",
                        "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + nobody + "\"}"),
                404,
                "member");
        assertGraphError(admin.get("/v1.0/nothingHere"), 404, "unknown path");
        assertGraphError(admin.get("/allot/v1/subscribedSkus/NO_SUCH_SKU/waitingList"), 404, "unknown sku");
        assertThat(admin.get("/v1.0/users/" + nobody).errorCode()).isEqualTo("Request_ResourceNotFound");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String huge = "{\"displayName\":\"" + "x".repeat(2_000_000) + "\"}";
        assertGraphError(admin.post("/v1.0/groups", huge), 413, "huge");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void odataInjectionStaysData() {
        Response quote = admin.get("/v1.0/users?$filter=displayName%20eq%20'x''%20or%201=1%20--'");
        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.body().get("value")).isEmpty();

        Response sql = admin.get("/v1.0/users?$filter=displayName%20eq%20'Ada';%20drop%20table%20directory_user;--'");
        assertGraphError(sql, 400, "trailing statement");

        Response function = admin.get("/v1.0/users?$filter=pg_sleep(10)%20eq%201");
        assertGraphError(function, 400, "function");

        Response orderBy = admin.get("/v1.0/users?$orderby=displayName;delete%20from%20license_assignment");
        assertGraphError(orderBy, 400, "orderby");

        Response select = admin.get("/v1.0/users?$select=id,(select%201)");
        assertGraphError(select, 400, "select");

        Response token = admin.get("/v1.0/users?$skiptoken=%27%20or%201=1");
        assertGraphError(token, 400, "skiptoken");
        assertThat(admin.get("/v1.0/users/" + user).status()).isEqualTo(200);
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void unsupportedQueriesAreRefusedLikeGraphRefusesThem() {
        assertGraphError(admin.get("/v1.0/users?$top=0"), 400, "top 0");
        assertGraphError(admin.get("/v1.0/users?$top=1000"), 400, "top 1000");
        assertGraphError(admin.get("/v1.0/users?$skip=5"), 400, "skip");
        assertGraphError(admin.get("/v1.0/users?$count=true"), 400, "count without header");
        assertGraphError(admin.get("/v1.0/users?$filter=userType%20ne%20'Guest'"), 400, "ne without header");
        assertThat(admin.get(
                                "/v1.0/users?$filter=userType%20ne%20'Guest'&$count=true",
                                Map.of("ConsistencyLevel", "eventual"))
                        .status())
                .isEqualTo(200);
        assertGraphError(admin.get("/v1.0/users?$select=favouriteColour"), 400, "unknown select");
        assertGraphError(admin.get("/v1.0/users?$orderby=department"), 400, "orderby not supported");
        assertGraphError(admin.get("/v1.0/subscribedSkus?$filter=skuPartNumber%20eq%20'EMS'"), 400, "filter on skus");
    }

    @Test
    void aNewGroupsBooleansCannotBeNull() {
        for (String property : List.of("mailEnabled", "securityEnabled")) {
            String body = """
                    {"displayName":"Null","mailEnabled":false,"mailNickname":"null","securityEnabled":true}""".replace(
                            "\"" + property + "\":" + (property.equals("mailEnabled") ? "false" : "true"),
                            "\"" + property + "\":null");
            Response r = admin.post("/v1.0/groups", body);
            assertGraphError(r, 400, property + " null");
            assertThat(r.errorMessage()).contains(property);
        }
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void numbersAndBooleansAreNotCoerced() {
        for (String body : List.of(
                "{\"skuPartNumber\":\"EMS\",\"seats\":1.5}",
                "{\"skuPartNumber\":\"EMS\",\"seats\":\"5\"}",
                "{\"skuPartNumber\":\"EMS\",\"seats\":5e0}",
                "{\"skuPartNumber\":\"EMS\",\"seats\":true}",
                "{\"skuPartNumber\":\"EMS\",\"seats\":5,\"isTrial\":\"true\"}",
                "{\"skuPartNumber\":\"EMS\",\"seats\":5,\"isTrial\":1}",
                "{\"skuPartNumber\":\"EMS\",\"seats\":5,\"isTrial\":null}",
                "{\"skuPartNumber\":5,\"seats\":5}")) {
            Response r = admin.post("/allot/v1/subscriptions", body);
            assertGraphError(r, 400, body);
        }
        Response seats = admin.post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"EMS\",\"seats\":1.5}");
        assertThat(seats.errorMessage()).contains("seats");
        Response retention = admin.patch("/allot/v1/settings", "{\"softDeleteRetentionDays\":\"30\"}");
        assertGraphError(retention, 400, "retention as text");
        Response nested = admin.patch("/allot/v1/settings", "{\"nestedGroupLicensing\":\"false\"}");
        assertGraphError(nested, 400, "boolean as text");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aNumberTooLargeForItsPropertyIsNamedNotCalledUnreadableJson() {
        for (String property : List.of("syncDeleteThreshold", "syncLicenseLossThreshold", "softDeleteRetentionDays")) {
            for (String value : List.of("99999999999", "-99999999999", "1e400")) {
                Response r = admin.patch("/allot/v1/settings", "{\"" + property + "\":" + value + "}");
                assertGraphError(r, 400, property + " = " + value);
                assertThat(r.errorMessage()).as(property + " = " + value).contains("'" + property + "'");
            }
        }
        Response seats = admin.post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"EMS\",\"seats\":99999999999}");
        assertGraphError(seats, 400, "seats");
        assertThat(seats.errorMessage()).contains("'seats'");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void textPostgresCannotStoreIsRefusedNotStoredAsSomethingElse() {
        List<String[]> calls = List.of(
                new String[] {"/allot/v1/products", """
                        {"skuPartNumber":"NUL_NAME","displayName":"Nul\\u0000Product","servicePlans":[]}"""},
                new String[] {"/allot/v1/products", """
                        {"skuPartNumber":"NUL_PLAN","displayName":"Plan","servicePlans":[{"servicePlanName":"P\\u0000",
                         "displayName":"Plan"}]}"""},
                new String[] {"/allot/v1/appRegistrations", """
                        {"displayName":"App\\u0000","role":"Global Reader"}"""},
                new String[] {"/v1.0/users", """
                        {"accountEnabled":true,"displayName":"Lone \\uD800 surrogate","mailNickname":"lone",
                         "userPrincipalName":"lone@%s"}""".formatted(admin.domain)},
                new String[] {"/v1.0/groups", """
                        {"displayName":"Low \\uDC00","mailEnabled":false,"mailNickname":"low","securityEnabled":true}"""},
                new String[] {"/allot/v1/planRules", """
                        {"kind":"REQUIRES","servicePlanId":"%s","servicePlanIds":["%s"],"note":"\\u0000"}""".formatted(UUID.randomUUID(), UUID.randomUUID())});
        for (String[] call : calls) {
            Response r = admin.post(call[0], call[1]);
            assertGraphError(r, 400, call[0] + " " + call[1]);
            assertThat(r.errorMessage()).as(call[1]).containsAnyOf("U+0000", "surrogate");
        }
        byte[] encodedSurrogate = "{\"displayName\":\"Raw \u00ed\u00a0\u0080\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertGraphError(admin.sendBytes("PATCH", "/v1.0/groups/" + group, encodedSurrogate), 400, "raw surrogate");
        byte[] invalidUtf8 = "{\"displayName\":\"Bad \u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertGraphError(admin.sendBytes("PATCH", "/v1.0/groups/" + group, invalidUtf8), 400, "invalid UTF-8");
        assertThat(admin.get("/v1.0/groups/" + group).body().path("displayName").asString())
                .isEqualTo("Staff");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void whatABodyCannotSetIsRefusedNotIgnored() {
        assertGraphError(admin.post("/v1.0/groups", """
                        {"@odata.type":"#microsoft.graph.user","displayName":"Typed","mailEnabled":false,
                         "mailNickname":"typed","securityEnabled":true}"""), 400, "@odata.type of another resource");
        assertGraphError(admin.patch("/v1.0/users/" + user, "{\"@odata.type\":{}}"), 400, "@odata.type object");
        assertGraphError(
                admin.post("/allot/v1/planRules", """
                        {"kind":"REQUIRES","servicePlanId":"%s","servicePlanIds":[],"description":"mine"}""".formatted(UUID.randomUUID())), 400, "read-only description");
        assertGraphError(admin.post("/allot/v1/appRegistrations", """
                        {"displayName":"Dated","role":"Global Reader","createdDateTime":"2020-01-01T00:00:00Z"}"""), 400, "read-only createdDateTime");
        String connector = """
                {"preset":"genericLdap","url":"ldap://localhost:1","baseDns":["dc=example,dc=com"],%s}""";
        assertGraphError(
                admin.send(
                        "PUT", "/allot/v1/directorySync/connector", connector.formatted("\"startTls\":null"), Map.of()),
                400,
                "startTls null");
        assertGraphError(
                admin.send(
                        "PUT",
                        "/allot/v1/directorySync/connector",
                        connector.formatted("\"password\":\"" + "p".repeat(2000) + "\""),
                        Map.of()),
                400,
                "a 2000-character password");
        assertThat(admin.get("/allot/v1/directorySync/connector").status()).isEqualTo(404);
        assertThat(footprint()).isEqualTo(before);
    }

    static void assertGraphError(Response r, int status, String what) {
        assertThat(r.status()).as(what + ": status, answered " + r.raw().body()).isEqualTo(status);
        assertThat(r.body())
                .as(what + ": a JSON body, answered " + r.raw().body())
                .isNotNull();
        assertThat(r.body().path("error").path("code").asString())
                .as(what + ": code")
                .isNotBlank();
        assertThat(r.body().path("error").path("message").asString())
                .as(what + ": message")
                .isNotBlank();
        assertThat(r.body().path("error").path("innerError").path("request-id").asString())
                .as(what + ": request id")
                .isEqualTo(r.raw().headers().firstValue("request-id").orElse("missing"));
    }

    /** Everything a request could have changed in this tenant, summed up. */
    private long footprint() {
        return jdbc.sql("""
                        select (select count(*) from directory_user where tenant_id = :t)
                             + (select count(*) from directory_group where tenant_id = :t) * 1000
                             + (select count(*) from license_assignment where tenant_id = :t) * 1000000
                             + (select count(*) from audit_event where tenant_id = :t) * 1000000000
                             + (select count(*) from subscription where tenant_id = :t) * 100000000000""").param("t", admin.tenant.value()).query(Long.class).single();
    }
}
