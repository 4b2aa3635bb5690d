package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/** The product page shows each subscription's terms, state and next lifecycle date (docs/license-lifecycle.md). */
class SubscriptionTermsPageIT extends AdminCenterIT {
    @Test
    void theProductPageShowsTermsStateAndNextLifecycleDate() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        assertThat(site.api().post("/allot/v1/subscriptions", """
                                {"skuPartNumber":"ENTERPRISEPACK","seats":4,"endDateTime":"2099-06-30T00:00:00Z",
                                 "unitPrice":23.10,"currency":"CHF"}""").status()).isEqualTo(201);
        assertThat(site.api()
                        .post("/allot/v1/subscriptions", """
                                {"skuPartNumber":"ENTERPRISEPACK","seats":2,"endDateTime":"%s"}""".formatted(
                                        Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS)))
                        .status())
                .isEqualTo(201);
        String e3 = product("ENTERPRISEPACK").skuId().toString();

        String page = session(site).get("/licenses/" + e3).body();

        assertThat(page).contains("Ends", "Next lifecycle date", "Price per seat and month");
        assertThat(page).contains("2099-06-30", "23.1 CHF", "Enabled");
        assertThat(page).contains("Warning", "expired: holders keep it, no new seats");
    }

    @Test
    void theProductPageShowsWhoLosesASeatWhenTheGracePeriodEnds() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        String id = site.api()
                .post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"EMS\",\"seats\":2}")
                .body()
                .path("id")
                .asString();
        String ems = product("EMS").skuId().toString();
        String group = site.api()
                .post(
                        "/v1.0/groups",
                        "{\"displayName\":\"Staff\",\"mailEnabled\":false,\"mailNickname\":\"x\",\"securityEnabled\":true}")
                .body()
                .path("id")
                .asString();
        // ada is granted first, bob later (a tie would be ordered by user id, which is random)
        join(site, group, createUser(site.api(), "ada"));
        site.api().post("/v1.0/groups/" + group + "/assignLicense", """
                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(ems));
        join(site, group, createUser(site.api(), "bob"));
        assertThat(site.api()
                        .patch("/allot/v1/subscriptions/" + id, "{\"seats\":1}")
                        .status())
                .isEqualTo(200);

        String page = session(site).get("/licenses/" + ems).body();

        assertThat(page).contains("Seats taken back when the grace period ends");
        String section = page.substring(page.indexOf("data-test=\"take-back\""));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section)
                .as("the most recently granted goes first; one seat is beyond capacity")
                .contains("data-upn=\"bob@" + site.api().domain + "\"")
                .doesNotContain("data-upn=\"ada@" + site.api().domain + "\"");
    }

    @Test
    void theProductPageSaysADeletedSubscriptionsHoldersAreTakenBackFromAnySource() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        String id = site.api()
                .post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"EMS\",\"seats\":1}")
                .body()
                .path("id")
                .asString();
        String ems = product("EMS").skuId().toString();
        String ada = createUser(site.api(), "ada");
        assertThat(site.api()
                        .post("/v1.0/users/" + ada + "/assignLicense", """
                                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(ems))
                        .status())
                .isEqualTo(200);
        assertThat(site.api()
                        .patch("/allot/v1/subscriptions/" + id, "{\"seats\":0}")
                        .status())
                .isEqualTo(200);
        // as a delete marks it, when its server stopped before the take-back that follows the delete's commit
        jdbc.sql("update seat_overage set any_source = true where tenant_id = ?")
                .param(site.api().tenant.value())
                .update();

        String page = session(site).get("/licenses/" + ems).body();

        String section = page.substring(page.indexOf("data-test=\"take-back\""));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section)
                .contains("a subscription was deleted")
                .contains("data-upn=\"ada@" + site.api().domain + "\"")
                .contains("from any source")
                .doesNotContain("take-back-left");
        assertThat(session(site).get("/licenses/NOSUCHSKU").status()).isEqualTo(404);
    }

    private static void join(Site site, String group, String user) {
        assertThat(site.api()
                        .post(
                                "/v1.0/groups/" + group + "/members/$ref",
                                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + user + "\"}")
                        .status())
                .isEqualTo(204);
    }
}
