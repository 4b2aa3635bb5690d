package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.allot.core.assignment.PendingRemovals;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Grace on removal through the API (docs/license-lifecycle.md, PendingRemoval): the days set per product under
 * {@code /allot/v1}; a user who leaves the group keeps the license in Graph's shapes (assigned, Active) while
 * {@code /allot/v1} shows the pending removal and its date; rejoining cancels it; once due, the step frees the seat
 * and the waiting user gets it at once; bad input is a 4xx with Graph's error body.
 */
class PendingRemovalApiIT extends ApiIT {
    @Autowired
    private PendingRemovals removals;

    private static String group(ApiClient admin, String name) {
        return admin.post("/v1.0/groups", """
                        {"displayName":"%s","mailEnabled":false,"mailNickname":"%s","securityEnabled":true}""".formatted(name, name.toLowerCase(java.util.Locale.ROOT)))
                .body()
                .path("id")
                .asString();
    }

    private static int join(ApiClient admin, String group, String user) {
        return admin.post(
                        "/v1.0/groups/" + group + "/members/$ref",
                        "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + user + "\"}")
                .status();
    }

    private static int leave(ApiClient admin, String group, String user) {
        return admin.delete("/v1.0/groups/" + group + "/members/" + user + "/$ref")
                .status();
    }

    private static JsonNode states(ApiClient admin, String user) {
        return admin.get("/v1.0/users/" + user + "?$select=assignedLicenses,licenseAssignmentStates")
                .body();
    }

    @Test
    void aUserWhoLeavesTheGroupKeepsTheSeatUntilTheGraceEndsThenTheWaitingUserGetsIt() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(admin, "ENTERPRISEPACK", 1);
        String sku = product("ENTERPRISEPACK").skuId().toString();
        String staff = group(admin, "Staff");
        assertThat(admin.post("/v1.0/groups/" + staff + "/assignLicense", """
                        {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku))
                        .status())
                .isEqualTo(202);
        String ada = createUser(admin, "ada");
        String bob = createUser(admin, "bob");
        assertThat(join(admin, staff, ada)).isEqualTo(204);
        assertThat(join(admin, staff, bob)).isEqualTo(204);

        Response set = admin.patch("/allot/v1/subscribedSkus/ENTERPRISEPACK/removalGrace", """
                {"removalGraceDays":30}""");
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        assertThat(set.body().path("removalGraceDays").asInt()).isEqualTo(30);
        assertThat(set.body().path("skuId").asString()).isEqualTo(sku);

        Instant left = Instant.now();
        assertThat(leave(admin, staff, ada)).isEqualTo(204);

        JsonNode graph = states(admin, ada);
        assertThat(graph.path("assignedLicenses").get(0).path("skuId").asString())
                .isEqualTo(sku);
        assertThat(graph.path("licenseAssignmentStates").get(0).path("state").asString())
                .as("Graph's shapes show the license as it was until it is freed")
                .isEqualTo("Active");
        JsonNode pending =
                admin.get("/allot/v1/users/" + ada + "/pendingRemovals").body().path("value");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).path("skuPartNumber").asString()).isEqualTo("ENTERPRISEPACK");
        assertThat(pending.get(0).path("assignedByGroup").asString()).isEqualTo(staff);
        Instant freedAt =
                Instant.parse(pending.get(0).path("pendingRemovalDateTime").asString());
        assertThat(freedAt).isBetween(left.plus(Duration.ofDays(30)).minusSeconds(5), left.plus(Duration.ofDays(31)));
        JsonNode product =
                admin.get("/allot/v1/subscribedSkus/" + sku + "/removalGrace").body();
        assertThat(product.path("pendingRemovals").get(0).path("userId").asString())
                .isEqualTo(ada);
        assertThat(admin.get("/allot/v1/subscribedSkus/" + sku + "/waitingList")
                        .body()
                        .path("@odata.count")
                        .asInt())
                .as("the seat is still counted: bob waits")
                .isEqualTo(1);

        // not due yet: the step changes nothing
        removals.freeDue();
        assertThat(states(admin, ada).path("assignedLicenses")).hasSize(1);

        // the grace has ended (the date is moved back; the clock is the server's)
        jdbc.sql("""
                        update license_assignment set pending_removal_at = now() - interval '1 minute'
                        where user_id = ?::uuid""").param(ada).update();
        assertThat(removals.freeDue()).isPositive();
        assertThat(states(admin, ada).path("assignedLicenses")).isEmpty();
        assertThat(states(admin, bob)
                        .path("licenseAssignmentStates")
                        .get(0)
                        .path("state")
                        .asString())
                .as("the waiting user is served at once")
                .isEqualTo("Active");
        assertThat(admin.get("/allot/v1/users/" + ada + "/pendingRemovals")
                        .body()
                        .path("value"))
                .isEmpty();
        int records = auditRecords(admin);
        removals.freeDue();
        assertThat(auditRecords(admin))
                .as("a second run changes and audits nothing")
                .isEqualTo(records);
    }

    @Test
    void rejoiningOrUndoingCancelsThePendingRemoval() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(admin, "ENTERPRISEPACK", 2);
        String sku = product("ENTERPRISEPACK").skuId().toString();
        String staff = group(admin, "Staff");
        admin.post("/v1.0/groups/" + staff + "/assignLicense", """
                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku));
        String ada = createUser(admin, "ada");
        String cy = createUser(admin, "cy");
        join(admin, staff, ada);
        join(admin, staff, cy);
        admin.patch("/allot/v1/subscribedSkus/" + sku + "/removalGrace", "{\"removalGraceDays\":7}");

        leave(admin, staff, ada);
        join(admin, staff, ada);
        assertThat(admin.get("/allot/v1/users/" + ada + "/pendingRemovals")
                        .body()
                        .path("value"))
                .as("rejoining the group cancels it")
                .isEmpty();

        leave(admin, staff, cy);
        Response undo = admin.post("/allot/v1/users/" + cy + "/pendingRemovals/ENTERPRISEPACK/cancel", "");
        assertThat(undo.status()).as(undo.body().toString()).isEqualTo(200);
        assertThat(undo.body().path("value")).isEmpty();
        JsonNode kept = states(admin, cy).path("licenseAssignmentStates");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).path("assignedByGroup").isNull())
                .as("kept as a direct license")
                .isTrue();
        assertThat(kept.get(0).path("state").asString()).isEqualTo("Active");

        Response again = admin.post("/allot/v1/users/" + cy + "/pendingRemovals/ENTERPRISEPACK/cancel", "");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorMessage()).contains("not pending removal");
    }

    @Test
    void badDaysAreRefusedWithGraphsErrorBodyAndChangeNothing() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        for (String body : new String[] {
            "{\"removalGraceDays\":-1}", "{\"removalGraceDays\":366}", "{}", "{\"removalGraceDays\":\"ten\"}", "[]"
        }) {
            Response r = admin.patch("/allot/v1/subscribedSkus/ENTERPRISEPACK/removalGrace", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.errorCode()).as(body).isNotBlank();
        }
        assertThat(admin.patch("/allot/v1/subscribedSkus/NOPE/removalGrace", "{\"removalGraceDays\":1}")
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/allot/v1/subscribedSkus/ENTERPRISEPACK/removalGrace")
                        .body()
                        .path("removalGraceDays")
                        .asInt())
                .isZero();
        ApiClient reader = as(admin, Role.GLOBAL_READER);
        assertThat(reader.patch("/allot/v1/subscribedSkus/ENTERPRISEPACK/removalGrace", "{\"removalGraceDays\":1}")
                        .status())
                .isEqualTo(403);
    }

    private int auditRecords(ApiClient admin) {
        return jdbc.sql("select count(*) from audit_event where tenant_id = ?")
                .param(admin.tenant.value())
                .query(Integer.class)
                .single();
    }
}
