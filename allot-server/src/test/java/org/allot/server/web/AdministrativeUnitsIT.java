package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two business units of one tenant, North and South, and an app that holds License and User Administrator over North
 * only: through the API it reads, licenses and changes North's users and groups, and nothing of South's — South's
 * objects are not found, changes to them refused with 403, lists and the audit log hold none of them, and every
 * other endpoint of the API (walked from the OpenAPI document) either refuses it or leaks nothing of South.
 */
class AdministrativeUnitsIT extends ApiIT {
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String LICENSE_ADMINISTRATOR = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";
    private static final String USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";

    private ApiClient global;
    private ApiClient north;
    private String northUnit;
    private String southUnit;
    private String ada;
    private String bob;
    private String northStaff;
    private String southStaff;
    private String e3;
    private String bobRequest;

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

    /**
     * Walks every operation of the OpenAPI document as North's administrator, naming South's objects wherever a
     * path names one: nothing answers 5xx, no change succeeds, and no answer holds an id of South's.
     */
    @Test
    void noEndpointLeaksOrChangesTheOtherUnitsObjects() {
        JsonNode document = ApiClient.send(HttpRequest.newBuilder(URI.create(global.base + "/v3/api-docs"))
                        .build())
                .body();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : new TreeMap<>(properties(document.path("paths"))).entrySet()) {
            if (path.getKey().contains("**")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                String target = fill(path.getKey());
                boolean hasBody = !operation.getValue().path("requestBody").isMissingNode();
                Response answer = north.send(method, target, hasBody ? body(path.getKey()) : null, Map.of());
                operations++;
                String text = answer.raw().body();
                // validation rehearses and changes nothing: its rows naming South's users are refused as the real
                // requests would be (checked below with the other answers: no id of South's in them)
                boolean reads = method.equals("GET")
                        || target.endsWith("/getByIds")
                        || target.endsWith("/$batch")
                        || target.endsWith("/validate");
                if (answer.status() >= 500) {
                    problems.add(method + " " + target + " -> " + answer.status());
                } else if (target.endsWith("/$batch") && answer.status() < 300) {
                    // each request of the batch answered as if sent alone: South's objects not found, not changed
                    answer.body().path("responses").forEach(inner -> {
                        int status = inner.path("status").asInt();
                        if (status < 300 || status >= 500) {
                            problems.add("$batch step " + inner.path("id").asString() + " -> " + status);
                        }
                    });
                } else if (!reads && answer.status() < 300) {
                    problems.add(method + " " + target + " changed something: " + answer.status());
                } else if (target.endsWith("/validate") && answer.status() < 300) {
                    answer.body().path("value").forEach(row -> {
                        if (row.path("status").asInt() != 403) {
                            problems.add(method + " " + target + " row " + row.path("index") + " -> "
                                    + row.path("status").asInt());
                        }
                    });
                } else if (answer.status() < 300
                        && text != null
                        && (text.contains(bob)
                                || text.contains(southStaff)
                                || text.contains(southUnit)
                                || text.contains(bobRequest))) {
                    problems.add(
                            method + " " + target + " leaks South: " + text.substring(0, Math.min(300, text.length())));
                }
            }
        }
        assertThat(operations).isGreaterThan(60);
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
        assertThat(global.get("/v1.0/users/" + bob).body().path("displayName").asString())
                .isEqualTo("bob");
    }

    private String fill(String template) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String before = template.substring(0, m.start());
            String name = m.group(1);
            String value =
                    switch (name) {
                        case "members" -> "members";
                        case "memberOf" -> "memberOf";
                        case "kind" -> "users";
                        case "type" -> "microsoft.graph.user";
                        case "sku", "skuId" -> e3;
                        default ->
                            before.endsWith("/groups/")
                                    ? southStaff
                                    : before.endsWith("/administrativeUnits/")
                                            ? southUnit
                                            : before.endsWith("/licenseRequests/") ? bobRequest : bob;
                    };
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    private String body(String template) {
        if (template.endsWith("/getByIds")) {
            return "{\"ids\":[\"%s\",\"%s\",\"%s\"]}".formatted(bob, southStaff, ada);
        }
        if (template.endsWith("/$batch")) {
            return """
                    {"requests":[
                      {"id":"1","method":"GET","url":"/users/%s"},
                      {"id":"2","method":"GET","url":"/groups/%s/members"},
                      {"id":"3","method":"POST","url":"/users/%s/assignLicense",
                       "headers":{"Content-Type":"application/json"},"body":%s},
                      {"id":"4","method":"GET","url":"/directoryObjects/%s"}]}""".formatted(bob, southStaff, bob, assign(), bob);
        }
        if (template.equals("/allot/v1/licenseChanges/validate")) {
            return """
                    {"value":[{"userId":"%s","addLicenses":[],"removeLicenses":["%s"]},
                              {"userId":"bob@%s","addLicenses":[{"skuId":"%s","disabledPlans":[]}]}]}""".formatted(bob, e3, global.domain, e3);
        }
        if (template.equals("/allot/v1/users/validate")) {
            return """
                    {"value":[{"id":"%s","user":{"usageLocation":"SE"}},{"id":"bob@%s","user":{"department":"X"}}]}""".formatted(bob, global.domain);
        }
        if (template.equals("/allot/v1/licenseRequests")) {
            return request(bob);
        }
        if (template.endsWith("/approve") || template.endsWith("/deny") || template.endsWith("/cancel")) {
            return "{\"reason\":\"Leaked\"}";
        }
        if (template.endsWith("/$ref")) {
            return ref(bob);
        }
        if (template.endsWith("/assignLicense")) {
            return assign();
        }
        return "{\"department\":\"Leaked\",\"description\":\"Leaked\",\"displayName\":\"Leaked\"}";
    }

    private String request(String user) {
        return "{\"userId\":\"%s\",\"skuId\":\"%s\",\"justification\":\"New starter\"}".formatted(user, e3);
    }

    private String group(String name) {
        return global.post("/v1.0/groups", """
                        {"displayName":"%s","mailEnabled":false,"mailNickname":"g","securityEnabled":true}""".formatted(name))
                .body()
                .path("id")
                .asString();
    }

    private String unit(String name) {
        Response created = global.post("/v1.0/directory/administrativeUnits", "{\"displayName\":\"" + name + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    private void addMember(String unit, String member) {
        assertThat(global.post("/v1.0/directory/administrativeUnits/" + unit + "/members/$ref", ref(member))
                        .status())
                .isEqualTo(204);
    }

    private void role(String unit, String roleId, String clientId) {
        Response created = global.post(
                "/v1.0/directory/administrativeUnits/" + unit + "/scopedRoleMembers", """
                {"roleId":"%s","roleMemberInfo":{"id":"%s"}}""".formatted(roleId, clientId));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    }

    private String assign() {
        return "{\"addLicenses\":[{\"skuId\":\"" + e3 + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}";
    }

    private static String ref(String id) {
        return "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"}";
    }

    private static List<String> ids(Response page) {
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        return page.body().path("value").findValuesAsString("id");
    }

    private static void assertDenied(Response r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("Authorization_RequestDenied");
    }

    private static Map<String, JsonNode> properties(JsonNode object) {
        Map<String, JsonNode> map = new TreeMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
