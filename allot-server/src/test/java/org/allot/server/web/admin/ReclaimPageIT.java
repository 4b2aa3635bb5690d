package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/**
 * The Reclaim page (docs/license-lifecycle.md, "Reclaim"): the policy, the unused seat with why, since when and its
 * saving, and "Apply", which removes it; a Global Reader sees the report without "Apply" and may not apply.
 */
class ReclaimPageIT extends AdminCenterIT {
    @Test
    void thePageShowsTheUnusedSeatWithItsSavingAndApplyRemovesIt() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        assertThat(site.api().post("/allot/v1/subscriptions", """
                                {"skuPartNumber":"ENTERPRISEPACK","seats":3,"unitPrice":20.00,"currency":"CHF"}""").status()).isEqualTo(201);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        String ada = user(site, "ada", "CH").toString();
        assertThat(site.api()
                        .post("/v1.0/users/" + ada + "/assignLicense", """
                                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(e3))
                        .status())
                .isEqualTo(200);
        String longAgo = Instant.now()
                .minus(Duration.ofDays(200))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(site.api()
                        .send("PUT", "/allot/v1/users/" + ada + "/signInActivity", """
                                {"lastSignInDateTime":"%s"}""".formatted(longAgo), Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(site.api()
                        .send("PUT", "/allot/v1/reclaim/policies/ENTERPRISEPACK", """
                                {"inactiveDays":90}""", Map.of())
                        .status())
                .isEqualTo(200);
        AdminSession admin = session(site);

        String page = admin.get("/reclaim").body();
        assertThat(page).contains("data-test=\"item\"", "ada@" + site.api().domain, "Inactive", "20.00 CHF");
        assertThat(page).contains(longAgo.substring(0, 10), "removed by Apply", "data-test=\"apply\"");

        String reader = addAdmin(site, "reader@" + site.api().domain, Role.GLOBAL_READER);
        AdminSession readerSession = AdminSession.signIn("http://localhost:" + port, reader, PASSWORD);
        assertThat(readerSession.get("/reclaim").body())
                .contains("data-test=\"item\"")
                .doesNotContain("data-test=\"apply\"");
        assertThat(readerSession.post("/reclaim/apply", List.of()).status()).isEqualTo(403);

        String after = admin.follow(admin.post("/reclaim/apply", List.of())).body();
        assertThat(after).contains("Reclaim applied: 1 license(s) removed", "The policies list no seat now.");
        assertThat(site.api()
                        .get("/v1.0/users/" + ada + "?$select=assignedLicenses")
                        .body()
                        .path("assignedLicenses"))
                .isEmpty();
    }
}
