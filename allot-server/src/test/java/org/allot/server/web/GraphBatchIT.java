package org.allot.server.web;

import static org.allot.server.web.GraphSdkScenariosIT.assign;
import static org.allot.server.web.GraphSdkScenariosIT.join;
import static org.allot.server.web.GraphSdkScenariosIT.newUser;
import static org.allot.server.web.GraphSdkScenariosIT.securityGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchRequestContentCollection;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.content.BatchResponseContentCollection;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.allot.core.catalog.Product;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * JSON batching ({@code POST /v1.0/$batch}) as Graph does it, through the Graph Java SDK's batch content and with raw
 * batches: every request runs as if sent alone (its own status, authorisation and body), dependsOn orders them and a
 * failed dependency answers 424, and a malformed batch is refused whole.
 */
class GraphBatchIT extends ApiIT {

    @Test
    void aScriptLicensesFortyMembersOfSalesInBatchesOfTwenty() throws Exception {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        Product e3 = product("ENTERPRISEPACK");
        subscribe(admin, "ENTERPRISEPACK", 40);
        Group sales = graph.groups().post(securityGroup("Sales"));
        for (int i = 0; i < 40; i++) {
            join(
                    graph,
                    sales.getId(),
                    graph.users().post(newUser(admin, "seller" + i)).getId());
        }
        List<String> members = new ArrayList<>();
        var page = graph.groups().byGroupId(sales.getId()).members().get(r -> r.queryParameters.top = 999);
        for (DirectoryObject member : page.getValue()) {
            members.add(member.getId());
        }

        BatchRequestContentCollection batches = new BatchRequestContentCollection(graph);
        List<String> steps = new ArrayList<>();
        for (String member : members) {
            steps.add(batches.addBatchRequestStep(graph.users()
                    .byUserId(member)
                    .assignLicense()
                    .toPostRequestInformation(assign(e3.skuId().value()))));
        }
        BatchResponseContentCollection responses =
                graph.getBatchRequestBuilder().post(batches, null);

        assertThat(responses.getResponsesStatusCodes()).hasSize(40).allSatisfy((id, status) -> assertThat(status)
                .isEqualTo(200));
        User licensed = responses.getResponseById(steps.get(0), User::createFromDiscriminatorValue);
        assertThat(licensed.getAssignedLicenses()).singleElement().satisfies(l -> assertThat(l.getSkuId())
                .isEqualTo(e3.skuId().value()));
        assertThat(graph.subscribedSkus().get().getValue())
                .singleElement()
                .satisfies(s -> assertThat(s.getConsumedUnits()).isEqualTo(40));
    }

    @Test
    void eachRequestAnswersAsIfSentAloneAndAFailedDependencyAnswers424() throws Exception {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        Product ems = product("EMS");
        subscribe(admin, "EMS", 1);
        String first = graph.users().post(newUser(admin, "first")).getId();
        String second = graph.users().post(newUser(admin, "second")).getId();

        BatchRequestContent batch = new BatchRequestContent(graph);
        String licenseFirst = batch.addBatchRequestStep(graph.users()
                .byUserId(first)
                .assignLicense()
                .toPostRequestInformation(assign(ems.skuId().value())));
        String licenseSecond = batch.addBatchRequestStep(graph.users()
                .byUserId(second)
                .assignLicense()
                .toPostRequestInformation(assign(ems.skuId().value())));
        String readSecond =
                batch.addBatchRequestStep(graph.users().byUserId(second).toGetRequestInformation());
        String unknown = batch.addBatchRequestStep(
                graph.users().byUserId(UUID.randomUUID().toString()).toGetRequestInformation());
        batch.getBatchRequestSteps().get(licenseSecond).addDependsOnId(licenseFirst);
        batch.getBatchRequestSteps().get(readSecond).addDependsOnId(licenseSecond);
        BatchResponseContent responses = graph.getBatchRequestBuilder().post(batch, null);

        Map<String, Integer> statuses = responses.getResponsesStatusCode();
        assertThat(statuses.get(licenseFirst)).isEqualTo(200);
        assertThat(statuses.get(licenseSecond))
                .as("one seat, taken by the first")
                .isEqualTo(400);
        assertThat(statuses.get(readSecond)).as("its dependency failed").isEqualTo(424);
        assertThat(statuses.get(unknown)).isEqualTo(404);
        String refused = new String(
                responses.getResponseById(licenseSecond).body().bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(refused).contains("does not have any available licenses");
    }

    @Test
    void eachRequestIsAuthorisedAsIfSentAlone() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient reader = as(admin, Role.GLOBAL_READER);
        String user = admin.graph().users().post(newUser(admin, "ann")).getId();

        Response batch = reader.post("/v1.0/$batch", """
                {"requests":[
                  {"id":"read","method":"GET","url":"/users/%s?$select=displayName"},
                  {"id":"write","method":"PATCH","url":"/users/%s","headers":{"Content-Type":"application/json"},
                   "body":{"usageLocation":"SE"}},
                  {"id":"nowhere","method":"GET","url":"/users/%s/noSuchThing"}]}""".formatted(user, user, user));

        assertThat(batch.status()).as(batch.raw().body()).isEqualTo(200);
        assertThat(batch.body()).as(batch.raw().body()).isNotNull();
        JsonNode answers = batch.body().path("responses");
        assertThat(answer(answers, "read").path("status").asInt()).isEqualTo(200);
        assertThat(answer(answers, "read").path("body").path("displayName").asString())
                .isEqualTo("ann");
        assertThat(answer(answers, "write").path("status").asInt()).isEqualTo(403);
        assertThat(answer(answers, "write")
                        .path("body")
                        .path("error")
                        .path("code")
                        .asString())
                .isEqualTo("Authorization_RequestDenied");
        assertThat(answer(answers, "nowhere").path("status").asInt()).isEqualTo(404);
        assertThat(reader.get("/v1.0/users/" + user + "?$select=usageLocation")
                        .body()
                        .path("usageLocation")
                        .asString())
                .isEqualTo("US");
    }

    @Test
    void urlsWrittenWithSpacesAndQuotesAsScriptsWriteThemAnswerAsEncodedOnes() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String bo = admin.graph().users().post(newUser(admin, "bo")).getId();
        String requests = """
                {"requests":[
                 {"id":"1","method":"GET","url":"/users?$filter=displayName eq 'bo'&$select=id"},
                 {"id":"2","method":"GET","url":"/users?$filter=displayName%20eq%20'bo'&$select=id"},
                 {"id":"3","method":"GET","url":"/users?$search=\\"displayName:bo\\"&$select=id",
                  "headers":{"ConsistencyLevel":"eventual"}}]}""";

        Response batch = admin.post("/v1.0/$batch", requests);

        assertThat(batch.status()).as(batch.body().toString()).isEqualTo(200);
        for (JsonNode answer : batch.body().get("responses")) {
            assertThat(answer.get("status").asInt()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.get("body").get("value").valueStream().map(u -> u.get("id")
                            .asString()))
                    .as(answer.toString())
                    .containsExactly(bo);
        }
    }

    @Test
    void meAnswersAnAppOnlyTokenAsGraphDoesAloneAndInABatch() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);

        for (Response me : List.of(
                admin.get("/v1.0/me"),
                admin.get("/v1.0/me/memberOf"),
                admin.post("/v1.0/me/assignLicense", "{\"addLicenses\":[],\"removeLicenses\":[]}"))) {
            assertThat(me.status()).as(me.body().toString()).isEqualTo(400);
            assertThat(me.body().get("error").get("code").asString()).isEqualTo("BadRequest");
            assertThat(me.body().get("error").get("message").asString())
                    .isEqualTo("/me request is only valid with delegated authentication flow.");
        }
        Response batch =
                admin.post("/v1.0/$batch", "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me\"}]}");
        assertThat(batch.body().get("responses").get(0).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void malformedBatchesAreRefusedWholeAndRunNothing() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String user = admin.graph().users().post(newUser(admin, "bo")).getId();
        String patch = "{\"id\":\"%s\",\"method\":\"PATCH\",\"url\":\"/users/" + user
                + "\",\"body\":{\"usageLocation\":\"SE\"}%s}";
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            tooMany.append(i == 0 ? "" : ",").append(patch.formatted(i, ""));
        }

        for (String requests : List.of(
                tooMany.toString(),
                patch.formatted("a", "") + "," + patch.formatted("a", ""),
                patch.formatted("a", ",\"dependsOn\":[\"b\"]"),
                patch.formatted("a", ",\"dependsOn\":[\"b\"]") + "," + patch.formatted("b", ",\"dependsOn\":[\"a\"]"),
                patch.formatted("a", "") + ",{\"id\":\"b\",\"method\":\"GET\",\"url\":\"../allot/v1/settings\"}",
                patch.formatted("a", "") + ",{\"id\":\"b\",\"method\":\"GET\",\"url\":\"https://example.com/users\"}",
                patch.formatted("a", "") + ",{\"id\":\"b\",\"method\":\"GET\",\"url\":\"/$batch\"}",
                patch.formatted("a", "") + ",{\"id\":\"b\",\"method\":\"TRACE\",\"url\":\"/users\"}",
                patch.formatted("a", "") + ",{\"id\":\"b\",\"method\":\"GET\"}")) {
            Response refused = admin.post("/v1.0/$batch", "{\"requests\":[" + requests + "]}");

            assertThat(refused.status()).as(requests).isEqualTo(400);
            assertThat(refused.body().path("error").path("message").asString()).isNotBlank();
        }
        assertThat(admin.post("/v1.0/$batch", "{\"requests\":[]}").status()).isEqualTo(400);
        assertThat(admin.post("/v1.0/$batch", "[]").status()).isEqualTo(400);
        assertThat(admin.get("/v1.0/users/" + user + "?$select=usageLocation")
                        .body()
                        .path("usageLocation")
                        .asString())
                .as("nothing of a refused batch ran")
                .isEqualTo("US");
    }

    @Test
    void unknownPathsAnswer404WithGraphsBodyNever403() {
        ApiClient reader = newTenant(Role.GLOBAL_READER);

        for (String method : List.of("POST", "PATCH", "DELETE", "PUT")) {
            Response unknown = reader.send(method, "/v1.0/noSuchCollection/x", "{}", Map.of());

            assertThat(unknown.status()).as(method).isEqualTo(404);
            assertThat(unknown.errorCode()).isEqualTo("Request_ResourceNotFound");
        }
        assertThat(reader.post("/v1.0/users/x/noSuchAction", "{}").status()).isEqualTo(404);
        assertThat(reader.patch("/v1.0/users/" + UUID.randomUUID(), "{\"usageLocation\":\"SE\"}")
                        .status())
                .as("what exists stays forbidden to those without the right")
                .isEqualTo(403);
    }

    @Test
    void aKnownPathAsksForAnotherMethodWith405AndAllowAloneAndInABatch() {
        ApiClient reader = newTenant(Role.GLOBAL_READER);
        String user = UUID.randomUUID().toString();

        for (String[] wrong : new String[][] {
            {"PUT", "/v1.0/users/" + user, "GET, PATCH, DELETE"},
            {"DELETE", "/v1.0/subscribedSkus", "GET"},
            {"POST", "/v1.0/users/" + user + "/licenseDetails", "GET"},
            {"GET", "/v1.0/users/" + user + "/assignLicense", "POST"},
            {"PUT", "/allot/v1/settings", "GET, PATCH"}
        }) {
            Response answer = reader.send(wrong[0], wrong[1], "{}", Map.of());

            assertThat(answer.status()).as(wrong[0] + " " + wrong[1]).isEqualTo(405);
            assertThat(answer.errorCode()).isEqualTo("Request_BadRequest");
            assertThat(answer.errorMessage()).isEqualTo("Specified HTTP method is not allowed for the request target.");
            assertThat(allowed(answer.raw().headers().firstValue("Allow").orElse("")))
                    .as(wrong[0] + " " + wrong[1])
                    .isEqualTo(allowed(wrong[2]));
        }

        Response batch = reader.post("/v1.0/$batch", """
                {"requests":[
                  {"id":"put","method":"PUT","url":"/users/%s","headers":{"Content-Type":"application/json"},
                   "body":{"usageLocation":"SE"}},
                  {"id":"delete","method":"DELETE","url":"/subscribedSkus"}]}""".formatted(user));

        assertThat(batch.status()).as(batch.raw().body()).isEqualTo(200);
        JsonNode put = answer(batch.body().path("responses"), "put");
        assertThat(put.path("status").asInt()).as(put.toString()).isEqualTo(405);
        assertThat(put.path("body").path("error").path("code").asString()).isEqualTo("Request_BadRequest");
        assertThat(allowed(put.path("headers").path("Allow").asString())).isEqualTo(allowed("GET, PATCH, DELETE"));
        JsonNode delete = answer(batch.body().path("responses"), "delete");
        assertThat(delete.path("status").asInt()).as(delete.toString()).isEqualTo(405);
        assertThat(delete.path("headers").path("Allow").asString()).isEqualTo("GET");
    }

    private static Set<String> allowed(String header) {
        Set<String> methods = new TreeSet<>();
        for (String method : header.split(",")) {
            if (!method.isBlank()) {
                methods.add(method.strip());
            }
        }
        return methods;
    }

    private static JsonNode answer(JsonNode answers, String id) {
        for (JsonNode answer : answers) {
            if (answer.path("id").asString().equals(id)) {
                return answer;
            }
        }
        throw new AssertionError("no answer " + id + " in " + answers);
    }
}
