package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.allot.core.assignment.OverageGrace;
import org.allot.core.subscription.SubscriptionCalendar;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Capacity below use through the API (docs/license-lifecycle.md): seats lowered below use show an overage and a
 * preview of who loses a seat; nothing happens before the grace period ends; then group-derived seats are taken back
 * in the previewed order and their holders wait; direct ones stay. A deleted subscription frees its seats at once. The
 * tenant's periods are read and changed, and an end date removed with an explicit null.
 */
class CapacityBelowUseIT extends ApiIT {
    @Autowired
    private OverageGrace grace;

    @Autowired
    private SubscriptionCalendar calendar;

    private static String group(ApiClient admin, String name, String sku, int priority, String... members) {
        String id = admin.post(
                        "/v1.0/groups",
                        "{\"displayName\":\"" + name
                                + "\",\"mailEnabled\":false,\"mailNickname\":\"x\",\"securityEnabled\":true}")
                .body()
                .path("id")
                .asString();
        assertThat(admin.patch("/allot/v1/groups/" + id + "/licensing", "{\"licensePriority\":" + priority + "}")
                        .status())
                .isEqualTo(200);
        for (String member : members) {
            assertThat(admin.post(
                                    "/v1.0/groups/" + id + "/members/$ref",
                                    "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + member
                                            + "\"}")
                            .status())
                    .isEqualTo(204);
        }
        assertThat(admin.post("/v1.0/groups/" + id + "/assignLicense", """
                        {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku))
                        .status())
                .isLessThan(300);
        return id;
    }

    private static List<String> upns(JsonNode preview) {
        List<String> upns = new ArrayList<>();
        preview.path("takenBack")
                .forEach(e -> upns.add(e.path("userPrincipalName").asString()));
        return upns;
    }

    private static String state(ApiClient admin, String user) {
        JsonNode states = admin.get("/v1.0/users/" + user + "?$select=licenseAssignmentStates")
                .body()
                .path("licenseAssignmentStates");
        return states.get(0).path("state").asString() + " "
                + states.get(0).path("error").asString();
    }

    @Test
    void loweredSeatsAreTakenBackAfterTheGracePeriodInThePreviewedOrder() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String subscription = subscribe(admin, "ENTERPRISEPACK", 4).toString();
        String sku = product("ENTERPRISEPACK").skuId().toString();
        String boss = createUser(admin, "boss");
        String staff1 = createUser(admin, "staff1");
        String staff2 = createUser(admin, "staff2");
        String direct = createUser(admin, "direct");
        group(admin, "Board", sku, 10, boss);
        String staff = group(admin, "Staff", sku, 0, staff1);
        assertThat(admin.post(
                                "/v1.0/groups/" + staff + "/members/$ref",
                                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + staff2 + "\"}")
                        .status())
                .isEqualTo(204);
        assertThat(assignLicense(admin, direct, sku).status()).isEqualTo(200);

        Response cut = admin.patch("/allot/v1/subscriptions/" + subscription, "{\"seats\":1}");
        assertThat(cut.status()).isEqualTo(200);
        JsonNode preview =
                admin.get("/allot/v1/subscribedSkus/ENTERPRISEPACK/overage").body();
        assertThat(preview.path("beyondCapacity").asInt()).isEqualTo(3);
        assertThat(preview.path("overageUnits").asInt()).isEqualTo(3);
        assertThat(upns(preview))
                .as("lowest priority first, then the most recently granted; the direct holder never")
                .containsExactly("staff2@" + admin.domain, "staff1@" + admin.domain, "boss@" + admin.domain);
        assertThat(preview.path("graceEndDateTime").asString()).isNotEmpty();

        grace.advance();
        assertThat(state(admin, staff2))
                .as("nothing happens before the grace period ends")
                .startsWith("Active");

        // 31 days later, as the step finds it (the clock is the server's: the clock's start is moved back)
        jdbc.sql("update seat_overage set since = since - interval '31 days' where tenant_id = ?")
                .param(admin.tenant.value())
                .update();
        grace.advance();
        grace.advance();
        assertThat(state(admin, staff2)).isEqualTo("Error CountViolation");
        assertThat(state(admin, staff1)).isEqualTo("Error CountViolation");
        assertThat(state(admin, boss)).isEqualTo("Error CountViolation");
        assertThat(state(admin, direct)).startsWith("Active");
        JsonNode after =
                admin.get("/allot/v1/subscribedSkus/ENTERPRISEPACK/overage").body();
        assertThat(after.path("beyondCapacity").asInt()).isZero();
        assertThat(after.path("consumedUnits").asInt()).isEqualTo(1);
        JsonNode waiting =
                admin.get("/allot/v1/subscribedSkus/ENTERPRISEPACK/waitingList").body();
        assertThat(waiting.path("value")).hasSize(3);
        assertThat(waiting.path("value").get(0).path("userPrincipalName").asString())
                .as("the board member waits first (higher priority)")
                .isEqualTo("boss@" + admin.domain);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event
                        where tenant_id = ? and actor_id = 'capacity below use'""")
                        .param(admin.tenant.value())
                        .query(Integer.class)
                        .single())
                .as("one record per user taken back, however often the step runs")
                .isEqualTo(3);

        assertThat(admin.get("/allot/v1/subscribedSkus/NOSUCHSKU/overage").status())
                .isEqualTo(404);
    }

    @Test
    void theTenantsPeriodsAreItsOwnAndADeletedSubscriptionFreesItsSeatsAtOnce() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        JsonNode periods = admin.get("/allot/v1/settings/lifecycle").body();
        assertThat(periods.path("warningDays").asInt()).isEqualTo(30);
        assertThat(periods.path("suspendedDays").asInt()).isEqualTo(90);
        assertThat(periods.path("overageGraceDays").asInt()).isEqualTo(30);
        assertThat(admin.patch("/allot/v1/settings/lifecycle", "{\"warningDays\":-1}")
                        .status())
                .isEqualTo(400);
        assertThat(admin.patch("/allot/v1/settings/lifecycle", "{\"warningDays\":\"soon\"}")
                        .status())
                .isEqualTo(400);
        Response changed = admin.patch("/allot/v1/settings/lifecycle", "{\"overageGraceDays\":0}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("overageGraceDays").asInt()).isZero();
        assertThat(changed.body().path("warningDays").asInt()).isEqualTo(30);

        String sku = product("EMS").skuId().toString();
        Response bought = admin.post("/allot/v1/subscriptions", """
                {"skuPartNumber":"EMS","seats":2,"endDateTime":"2030-01-01T00:00:00Z"}""");
        String id = bought.body().path("id").asString();
        Response open = admin.patch("/allot/v1/subscriptions/" + id, "{\"endDateTime\":null}");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body().has("endDateTime")
                        && !open.body().path("endDateTime").isNull())
                .as("the end date is removed")
                .isFalse();
        assertThat(open.body().path("status").asString()).isEqualTo("Enabled");

        String ada = createUser(admin, "ada");
        group(admin, "Staff", sku, 0, ada);
        assertThat(state(admin, ada)).startsWith("Active");
        Response deleted = admin.patch("/allot/v1/subscriptions/" + id, "{\"status\":\"Deleted\"}");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(state(admin, ada)).as("freed at once, and waits").isEqualTo("Error CountViolation");
        assertThat(admin.get("/allot/v1/subscribedSkus/EMS/waitingList")
                        .body()
                        .path("value")
                        .get(0)
                        .path("userPrincipalName")
                        .asString())
                .isEqualTo("ada@" + admin.domain);
        calendar.advance();
        subscribe(admin, "EMS", 1);
        assertThat(state(admin, ada))
                .as("another subscription serves the waiting list")
                .startsWith("Active");
    }

    @Test
    void aDeletedSubscriptionsSeatsAreFreedByTheStepWhenTheTakeBackAfterTheDeleteDidNotCommit() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String subscription = subscribe(admin, "ENTERPRISEPACK", 2).toString();
        String sku = product("ENTERPRISEPACK").skuId().toString();
        String ada = createUser(admin, "ada");
        String dan = createUser(admin, "dan");
        group(admin, "Staff", sku, 0, ada);
        assertThat(assignLicense(admin, dan, sku).status()).isEqualTo(200);
        // the take-back that follows the delete's commit fails (it cannot change an assignment), as when its server
        // stops between the two; the delete itself changes no assignment
        jdbc.sql("""
                        create function capacity_it_stopped() returns trigger language plpgsql as
                        $$ begin raise exception 'the server stopped'; end $$""").update();
        try {
            jdbc.sql("""
                            create trigger capacity_it_stopped before insert or update or delete on license_assignment
                            for each row execute function capacity_it_stopped()""").update();
            Response deleted = admin.patch("/allot/v1/subscriptions/" + subscription, "{\"status\":\"Deleted\"}");
            assertThat(deleted.status()).as("the delete committed, and says so").isEqualTo(200);
            assertThat(state(admin, ada)).as("not freed yet").startsWith("Active");
            JsonNode preview =
                    admin.get("/allot/v1/subscribedSkus/ENTERPRISEPACK/overage").body();
            assertThat(preview.path("anySource").asBoolean()).isTrue();
            assertThat(upns(preview))
                    .as("taken back from any source, group-derived first")
                    .containsExactly("ada@" + admin.domain, "dan@" + admin.domain);
            assertThat(preview.path("leftForAdministrator").asInt()).isZero();
            assertThat(preview.path("capacityUnits").asInt()).isZero();
            assertThat(preview.path("graceEndDateTime").isNull()
                            || preview.path("graceEndDateTime").isMissingNode())
                    .as("no grace period: the step's next run")
                    .isTrue();
        } finally {
            jdbc.sql("drop trigger if exists capacity_it_stopped on license_assignment")
                    .update();
            jdbc.sql("drop function if exists capacity_it_stopped()").update();
        }

        grace.advance();
        assertThat(state(admin, ada)).as("the step frees it at once").isEqualTo("Error CountViolation");
        assertThat(state(admin, dan)).as("a direct one too").isEqualTo("Error CountViolation");
        assertThat(admin.get("/allot/v1/subscribedSkus/ENTERPRISEPACK/overage")
                        .body()
                        .path("beyondCapacity")
                        .asInt())
                .isZero();
        assertThat(jdbc.sql("select count(*) from seat_overage where tenant_id = ?")
                        .param(admin.tenant.value())
                        .query(Integer.class)
                        .single())
                .as("the mark is gone once the seats are freed")
                .isZero();
    }
}
