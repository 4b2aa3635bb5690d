package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1.0/users} answers with the user as it was written, which is what a later {@code GET} reads; the
 * user and the record of its creation are written together, and a refused creation writes neither.
 */
class UserCreationApiIT extends ApiIT {

    @Test
    void theCreatedUserIsWhatALaterGetReads() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        ApiClient.Response created = admin.post("/v1.0/users", body(admin, "ada", """
                "givenName":"Ada","surname":"Lovelace","department":"Research","jobTitle":"Analyst",
                "usageLocation":"GB","""));

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asText();
        ApiClient.Response read = admin.get("/v1.0/users/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(withoutContext(created.body())).isEqualTo(withoutContext(read.body()));
        assertThat(created.body().path("@odata.context").asText())
                .isEqualTo(read.body().path("@odata.context").asText());
        assertThat(created.body().path("givenName").asText()).isEqualTo("Ada");
        assertThat(created.body().path("jobTitle").asText()).isEqualTo("Analyst");
        JsonNode more = admin.get("/v1.0/users/" + id + "?$select=department,usageLocation")
                .body();
        assertThat(more.path("department").asText()).isEqualTo("Research");
        assertThat(more.path("usageLocation").asText()).isEqualTo("GB");
    }

    /** The user is sent in one piece with its length, not chunked after an early flush (two writes on the wire). */
    @Test
    void theCreatedUserIsSentWithItsLength() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        ApiClient.Response created = admin.post("/v1.0/users", body(admin, "edsger", ""));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("transfer-encoding")).isEmpty();
        assertThat(created.raw().headers().firstValueAsLong("content-length"))
                .hasValue(created.raw().body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void theRecordOfTheCreationIsWrittenWithTheUserUnderTheRequestsId() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        ApiClient.Response created = admin.post("/v1.0/users", body(admin, "grace", ""));

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asText();
        String requestId = created.raw().headers().firstValue("request-id").orElseThrow();
        Map<String, Object> record =
                jdbc.sql("""
                        select activity, target_id, target_name, actor_id, correlation_id, result, changes::text as changes
                        from audit_event where tenant_id = ? and activity = 'ADD_USER'""").param(admin.tenant.value()).query().singleRow();
        assertThat(record.get("target_id")).isEqualTo(id);
        assertThat(record.get("target_name")).isEqualTo("grace@" + admin.domain);
        assertThat(record.get("actor_id")).isEqualTo(admin.clientId);
        assertThat(record.get("correlation_id")).isEqualTo(requestId);
        assertThat(record.get("result")).isEqualTo("success");
        assertThat((String) record.get("changes")).contains("displayName").contains("User grace");
    }

    @Test
    void aNameTakenInAnyCaseIsRefusedWithGraphsErrorAndWritesNothing() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        assertThat(admin.post("/v1.0/users", body(admin, "alan", "")).status()).isEqualTo(201);

        ApiClient.Response again = admin.post("/v1.0/users", body(admin, "ALAN", ""));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().path("error").path("message").asText())
                .isEqualTo("Another object with the same value for property userPrincipalName already exists.");
        assertThat(count("select count(*) from directory_user where tenant_id = ?", admin))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_event where tenant_id = ? and activity = 'ADD_USER'", admin))
                .isEqualTo(1);
    }

    @Test
    void aNameOutsideTheTenantsDomainsIsRefusedAndWritesNothing() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);

        ApiClient.Response refused = admin.post("/v1.0/users", """
                {"accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory",
                 "userPrincipalName":"mallory@elsewhere.example"}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("error").path("code").asText()).isNotBlank();
        assertThat(count("select count(*) from directory_user where tenant_id = ?", admin))
                .isZero();
        assertThat(count("select count(*) from audit_event where tenant_id = ? and activity = 'ADD_USER'", admin))
                .isZero();
    }

    /**
     * Concurrent creations in one tenant are written together (one transaction for several): each is still answered
     * as if alone, a name wanted by several is created once, and each record carries its own request's id.
     */
    @Test
    void concurrentCreationsAreWrittenTogetherEachAnsweredAsIfAlone() throws Exception {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        int threads = 8;
        int each = 30;
        Map<String, List<ApiClient.Response>> answers = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(clients.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String name = i % 3 == 0 ? "shared" + i : "t" + thread + "u" + i;
                        String body = i % 10 == 7
                                ? body(admin, name, "").replace("@" + admin.domain, "@elsewhere.example")
                                : body(admin, name, "");
                        String key = i % 10 == 7 ? "elsewhere:" + name : name;
                        answers.computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                .add(admin.post("/v1.0/users", body));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        Map<String, String> requestOfUser = new java.util.HashMap<>();
        answers.forEach((name, responses) -> {
            List<Integer> statuses =
                    responses.stream().map(ApiClient.Response::status).toList();
            if (name.startsWith("elsewhere:")) {
                assertThat(statuses).as(name).containsOnly(400);
                return;
            }
            assertThat(statuses).as(name).containsOnlyOnce(201).allMatch(s -> s == 201 || s == 400);
            responses.stream().filter(r -> r.status() == 400).forEach(r -> assertThat(
                            r.body().path("error").path("message").asText())
                    .isEqualTo(
                            "Another object with the same value for property userPrincipalName" + " already exists."));
            ApiClient.Response created = responses.stream()
                    .filter(r -> r.status() == 201)
                    .findFirst()
                    .orElseThrow();
            assertThat(created.body().path("userPrincipalName").asText()).isEqualTo(name + "@" + admin.domain);
            requestOfUser.put(
                    created.body().path("id").asText(),
                    created.raw().headers().firstValue("request-id").orElseThrow());
        });
        Map<String, String> recorded = new java.util.HashMap<>();
        jdbc.sql("select target_id, correlation_id from audit_event where tenant_id = ? and activity = 'ADD_USER'")
                .param(admin.tenant.value())
                .query(rs -> {
                    recorded.put(rs.getString("target_id"), rs.getString("correlation_id"));
                });
        assertThat(recorded)
                .as("one record per user created, under its own request's id")
                .isEqualTo(requestOfUser);
        assertThat(count("select count(*) from directory_user where tenant_id = ?", admin))
                .isEqualTo(requestOfUser.size());
        assertThat(count("select count(distinct xmin::text) from directory_user where tenant_id = ?", admin))
                .as("transactions that wrote them: fewer than the users, as several were written together")
                .isLessThan(requestOfUser.size());
    }

    private long count(String sql, ApiClient tenant) {
        return jdbc.sql(sql).param(tenant.tenant.value()).query(Long.class).single();
    }

    private static String body(ApiClient tenant, String name, String more) {
        return """
                {%s"accountEnabled":true,"displayName":"User %s","mailNickname":"%s",
                 "userPrincipalName":"%s@%s"}""".formatted(more, name, name, name, tenant.domain);
    }

    private static JsonNode withoutContext(JsonNode body) {
        ObjectNode copy = (ObjectNode) body.deepCopy();
        copy.remove("@odata.context");
        return copy;
    }
}
