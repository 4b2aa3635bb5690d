package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.allot.core.request.RequestExpiry;
import org.allot.server.security.store.Role;
import org.allot.server.testing.NotificationReceiver.Endpoint;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * License requests over HTTP on PostgreSQL (docs/delegation.md#license-requests): a service desk app files a request
 * that records the user's manager, an administrator approves it and the user holds the license (or waits for a seat
 * and is granted when one frees), denials, expiry, two approvers at once, and the webhooks that watch requests.
 */
class LicenseRequestsIT extends ChangeNotificationsApi {
    @Autowired
    RequestExpiry expiry;

    private static String file(ApiClient app, String user, String sku) {
        Response filed = app.post("/allot/v1/licenseRequests", """
                {"userId":"%s","skuId":"%s","justification":"Joins the sales team"}""".formatted(user, sku));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        assertThat(filed.body().path("status").asString()).isEqualTo("pending");
        return filed.body().path("id").asString();
    }

    @Test
    void aRequestFiledByAServiceDeskAppIsApprovedAndTheUserHoldsTheLicense() {
        ApiClient admin = newTenant(Role.LICENSE_ADMINISTRATOR);
        ApiClient users = as(admin, Role.USER_ADMINISTRATOR);
        ApiClient desk = as(admin, Role.GROUPS_ADMINISTRATOR);
        ApiClient reader = as(admin, Role.GLOBAL_READER);
        Endpoint hook = RECEIVER.endpoint("requests-" + admin.tenant.value());
        String expiration = Instant.now()
                .plus(Duration.ofDays(2))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        Response subscribed = subscribe(
                desk,
                "/allot/v1/licenseRequests",
                "created,updated",
                RECEIVER.url("requests-" + admin.tenant.value()),
                expiration);
        assertThat(subscribed.status()).as(subscribed.body().toString()).isEqualTo(201);
        subscribe(admin, "ENTERPRISEPACK", 5);
        String sku = product("ENTERPRISEPACK").skuId().toString();
        String ada = user(users, "ada");
        String grace = user(users, "grace");
        Response manager = users.send(
                "PUT",
                "/v1.0/users/" + ada + "/manager/$ref",
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/users/" + grace + "\"}",
                java.util.Map.of());
        assertThat(manager.status()).as(String.valueOf(manager.body())).isEqualTo(204);

        assertThat(reader.post("/allot/v1/licenseRequests", """
                        {"userId":"%s","skuId":"ENTERPRISEPACK","justification":"x"}""".formatted(ada)).status())
                .as("a Global Reader changes nothing, and files no request")
                .isEqualTo(403);
        String id = file(desk, ada, "ENTERPRISEPACK");
        JsonNode pending = desk.get("/allot/v1/licenseRequests/" + id).body();
        assertThat(pending.path("managerId").asString()).isEqualTo(grace);
        assertThat(pending.path("filedBy").path("type").asString()).isEqualTo("app");
        assertThat(desk.post("/allot/v1/licenseRequests/" + id + "/approve", "{}")
                        .status())
                .as("a service desk that may not assign licenses files, and does not approve")
                .isEqualTo(403);

        Response approved = admin.post("/allot/v1/licenseRequests/" + id + "/approve", "{}");

        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body().path("status").asString()).isEqualTo("approved");
        assertThat(approved.body().path("grantStatus").asString()).isEqualTo("granted");
        assertThat(approved.body().path("grantedThrough").asString()).isEqualTo("direct");
        assertThat(admin.get("/v1.0/users/" + ada + "/licenseDetails")
                        .body()
                        .path("value")
                        .findValuesAsString("skuId"))
                .containsExactly(sku);
        List<JsonNode> told = hook.await(items -> items.size() >= 2);
        assertThat(told)
                .extracting(n -> n.path("changeType").asString() + " "
                        + n.path("resource").asString())
                .containsExactly("created LicenseRequests/" + id, "updated LicenseRequests/" + id);
        assertThat(told.get(0).path("resourceData").path("@odata.type").asString())
                .isEqualTo("#allot.licenseRequest");
        assertThat(admin.get(
                                "/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20%27Approve%20license%20request%27")
                        .body()
                        .path("value"))
                .hasSize(1);
    }

    @Test
    void withNoSeatFreeTheApprovedUserWaitsAndIsGrantedWhenASeatFrees() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        Response e3 = admin.post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"seats\":1}");
        assertThat(e3.status()).as(e3.body().toString()).isEqualTo(201);
        String sku = e3.body().path("skuId").asString();
        String holder = user(admin, "holder");
        assertThat(assignLicense(admin, holder, sku).status()).isEqualTo(200);
        String ada = user(admin, "ada");
        String id = file(admin, ada, sku);

        Response approved = admin.post("/allot/v1/licenseRequests/" + id + "/approve", "{}");

        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body().path("grantStatus").asString()).isEqualTo("waitingForSeat");
        assertThat(approved.body().path("summary").asString()).isEqualTo("Approved — waiting for a seat");
        assertThat(admin.get("/allot/v1/subscribedSkus/" + sku + "/waitingList")
                        .body()
                        .path("value"))
                .extracting(w -> w.path("userId").asString())
                .containsExactly(ada);

        assertThat(admin.patch("/allot/v1/subscriptions/" + e3.body().path("id").asString(), "{\"seats\":2}")
                        .status())
                .isEqualTo(200);

        assertThat(admin.get("/allot/v1/licenseRequests/" + id)
                        .body()
                        .path("grantStatus")
                        .asString())
                .isEqualTo("granted");
    }

    @Test
    void deniedExpiredAndBadRequestsAreAnsweredClearly() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String sku = product("ENTERPRISEPACK").skuId().toString();
        subscribe(admin, "ENTERPRISEPACK", 5);
        String ada = user(admin, "ada");
        String bob = user(admin, "bob");

        String denied = file(admin, ada, sku);
        Response noReason = admin.post("/allot/v1/licenseRequests/" + denied + "/deny", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorMessage()).contains("reason is required");
        Response deny = admin.post("/allot/v1/licenseRequests/" + denied + "/deny", "{\"reason\":\"Use E1\"}");
        assertThat(deny.body().path("status").asString()).isEqualTo("denied");
        Response approveDenied = admin.post("/allot/v1/licenseRequests/" + denied + "/approve", "{}");
        assertThat(approveDenied.status()).isEqualTo(409);
        assertThat(approveDenied.errorMessage()).contains("denied already");

        for (String body : List.of(
                "{\"userId\":\"" + bob + "\",\"skuId\":\"" + sku + "\"}",
                "{\"userId\":\"" + bob + "\",\"skuId\":\"NOPE\",\"justification\":\"x\"}",
                "{\"userId\":\"" + bob + "\",\"skuId\":\"" + sku
                        + "\",\"justification\":\"x\",\"servicePlanIds\":[\"no\"]}",
                "{\"userId\":\"" + bob + "\",\"skuId\":\"" + sku
                        + "\",\"justification\":\"x\",\"endDateTime\":\"2001-01-01T00:00:00Z\"}",
                "{\"userId\":\"" + bob + "\",\"skuId\":\"" + sku
                        + "\",\"justification\":\"x\",\"endDateTime\":\"soon\"}",
                "{\"skuId\":\"" + sku + "\",\"justification\":\"x\"}",
                "[1]")) {
            Response refused = admin.post("/allot/v1/licenseRequests", body);
            assertThat(refused.status()).as(body + " " + refused.body()).isEqualTo(400);
            assertThat(refused.errorMessage()).as(body).isNotBlank();
        }
        assertThat(admin.get("/allot/v1/licenseRequests?userId=" + bob).body().path("value"))
                .isEmpty();
        assertThat(admin.get("/allot/v1/licenseRequests?$filter=state%20eq%201").status())
                .isEqualTo(400);

        assertThat(admin.patch("/allot/v1/settings/licenseRequests", "{\"expireAfterDays\":2}")
                        .status())
                .isEqualTo(200);
        String old = file(admin, bob, sku);
        jdbc.sql("update license_request set filed_at = filed_at - interval '3 days' where id = ?::uuid")
                .param(old)
                .update();
        assertThat(expiry.expire(admin.tenant)).isEqualTo(1);
        assertThat(expiry.expire(admin.tenant)).isZero();
        JsonNode expired = admin.get("/allot/v1/licenseRequests/" + old).body();
        assertThat(expired.path("status").asString()).isEqualTo("expired");
        assertThat(expired.path("decidedBy").path("type").asString()).isEqualTo("system");
        assertThat(admin.get("/allot/v1/licenseRequests?$filter=status%20eq%20%27denied%27")
                        .body()
                        .path("value"))
                .extracting(r -> r.path("id").asString())
                .containsExactly(denied);
    }

    @Test
    void twoApproversApprovingAtOnceGrantTheLicenseOnce() throws Exception {
        ApiClient first = newTenant(Role.LICENSE_ADMINISTRATOR);
        ApiClient second = as(first, Role.GLOBAL_ADMINISTRATOR);
        String sku = product("ENTERPRISEPACK").skuId().toString();
        subscribe(first, "ENTERPRISEPACK", 10);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String user = user(second, "racer" + round);
                String id = file(first, user, sku);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (ApiClient approver : List.of(first, second)) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return approver.post("/allot/v1/licenseRequests/" + id + "/approve", "{}");
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS).status());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                assertThat(jdbc.sql("select count(*) from license_assignment where user_id = ?::uuid")
                                .param(user)
                                .query(Long.class)
                                .single())
                        .isEqualTo(1L);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(first.get(
                                "/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20%27Approve%20license%20request%27")
                        .body()
                        .path("value"))
                .hasSize(3);
    }
}
