package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The license lifecycle as an administrator goes through it in the browser (docs/license-lifecycle.md): a reclaim
 * policy set on the Reclaim page lists the user who stopped signing in, "Apply" frees that (direct) seat and the next
 * in line gets it at once; then seats cut below use show the overage and who would lose a seat when the grace period ends,
 * and nobody loses one before.
 */
class LicenseLifecycleBrowserIT extends AdminCenterIT {
    private static final String E3 = "ENTERPRISEPACK";

    @Test
    void anUnusedSeatGoesToTheNextInLineAndCutSeatsShowWhoWouldLoseOne() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        ApiClient api = site.api();
        UUID subscription = subscribe(site, E3, 3);
        String e3 = product(E3).skuId().toString();
        UUID ada = user(site, "ada", "US");
        UUID bob = user(site, "bob", "US");
        UUID cy = user(site, "cy", "US");
        UUID dee = user(site, "dee", "US");
        assignDirect(site, ada, E3);
        UUID staff = group(site, "Staff", List.of(bob, cy));
        assertThat(api.post("/v1.0/groups/" + staff + "/assignLicense", """
                                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(e3))
                        .status())
                .isLessThan(300);
        await().atMost(Duration.ofSeconds(60)).until(() -> holds(api, ada) && holds(api, bob) && holds(api, cy));
        assertThat(api.post("/v1.0/groups/" + staff + "/members/$ref", """
                                {"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/%s"}""".formatted(dee))
                        .status())
                .isEqualTo(204);
        signedIn(api, ada, 100);
        for (UUID recent : List.of(bob, cy, dee)) {
            signedIn(api, recent, 1);
        }

        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/licenses/" + e3);
        assertThat(b.text(By.cssSelector("[data-test=waiting]")))
                .as("dee waits: 3 seats, 4 members")
                .isEqualTo("1");

        b.open("/reclaim");
        b.selectByValue(By.id("policy-sku"), e3);
        b.type(By.id("policy-inactive"), "30");
        b.type(By.id("policy-recent"), "0");
        b.click(By.cssSelector("#policy-form button[type=submit]"));
        List<WebElement> listed = b.all(By.cssSelector("[data-test=item]"));
        assertThat(listed)
                .extracting(i -> i.getAttribute("data-user") + " " + i.getAttribute("data-reason"))
                .containsExactly("ada@" + site.domain() + " Inactive");
        assertThat(holds(api, ada)).as("a report acts on nothing").isTrue();
        b.click(By.cssSelector("[data-test=apply]"));

        assertThat(holds(api, ada))
                .as("applied: the seat is freed (no grace on removal set)")
                .isFalse();
        assertThat(holds(api, dee)).as("and the next in line has it at once").isTrue();
        b.open("/licenses/" + e3);
        assertThat(b.text(By.cssSelector("[data-test=waiting]"))).isEqualTo("0");

        b.type(By.id("seats-" + subscription), "2");
        b.click(By.cssSelector("form[action$='/subscriptions/" + subscription + "/seats'] button"));
        assertThat(b.text(By.cssSelector("[data-test=overage]"))).isEqualTo("1");
        assertThat(b.text(By.cssSelector("[data-test=take-back-when]")))
                .as("the date is shown before anything happens")
                .contains("unless seats are added or licenses removed before");
        assertThat(b.all(By.cssSelector("[data-test=take-back-order] li")))
                .extracting(li -> li.getAttribute("data-upn"))
                .as("the most recently granted group member first")
                .containsExactly("dee@" + site.domain());
        assertThat(List.of(bob, cy, dee))
                .as("nobody loses a seat before the grace period ends")
                .allMatch(u -> holds(api, u));
        b.screenshot("license-lifecycle");
    }

    private static boolean holds(ApiClient api, UUID user) {
        for (JsonNode d :
                api.get("/v1.0/users/" + user + "/licenseDetails").body().path("value")) {
            if (d.path("skuPartNumber").asString().equals(E3)) {
                return true;
            }
        }
        return false;
    }

    private static void signedIn(ApiClient api, UUID user, int daysAgo) {
        String when = Instant.now()
                .minus(Duration.ofDays(daysAgo))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(api.send(
                                "PUT",
                                "/allot/v1/users/" + user + "/signInActivity",
                                """
                                {"lastSignInDateTime":"%s"}""".formatted(when),
                                java.util.Map.of())
                        .status())
                .isEqualTo(200);
    }
}
