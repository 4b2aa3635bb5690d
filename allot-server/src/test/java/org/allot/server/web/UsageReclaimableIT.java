package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.allot.core.report.UsageHistory;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The daily usage snapshot's {@code reclaimable} through the API: the seats each product's reclaim policy lists when
 * the snapshot is taken, as a report-only run reports them (exempt users left out, a recent sign-in counting as
 * activity), and null for a product without a policy.
 */
class UsageReclaimableIT extends ApiIT {
    @Autowired
    private UsageHistory history;

    private static String daysAgo(int days) {
        return Instant.now()
                .minus(Duration.ofDays(days))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    @Test
    void theSnapshotCountsWhatEachProductsPolicyListsAndNothingForAProductWithoutOne() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(admin, "ENTERPRISEPACK", 10);
        subscribe(admin, "EMS", 10);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        String ems = product("EMS").skuId().toString();
        String ada = createUser(admin, "ada");
        String bob = createUser(admin, "bob");
        String cy = createUser(admin, "cy");
        String dan = createUser(admin, "dan");
        for (String user : new String[] {ada, bob, cy, dan}) {
            assertThat(assignLicense(admin, user, e3).status()).isEqualTo(200);
            assertThat(assignLicense(admin, user, ems).status()).isEqualTo(200);
        }
        assertThat(admin.post("/allot/v1/signInActivity/import", """
                        {"value":[{"id":"%s","lastSignInDateTime":"%s"},{"id":"%s","lastSignInDateTime":"%s"},
                                  {"id":"%s","lastSignInDateTime":"%s"}]}""".formatted(
                                        ada, daysAgo(100), bob, daysAgo(45), cy, daysAgo(2)))
                        .status())
                .isEqualTo(200);
        assertThat(admin.send("PUT", "/allot/v1/reclaim/policies/ENTERPRISEPACK", """
                        {"inactiveDays":30,"exemptUserIds":["%s"]}""".formatted(bob), Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(admin.get("/allot/v1/reclaim/report").body().path("items"))
                .as("what a report-only run reports")
                .hasSize(1);

        history.snapshot(admin.tenant);

        JsonNode usage = admin.get("/allot/v1/reports/usage").body().path("value");
        assertThat(usage).hasSize(2);
        for (JsonNode day : usage) {
            if (day.path("skuPartNumber").asString().equals("ENTERPRISEPACK")) {
                assertThat(day.path("assigned").asInt()).isEqualTo(4);
                assertThat(day.path("reclaimable").asInt())
                        .as("ada: 100 days inactive; bob exempt, cy signed in lately, dan created today")
                        .isEqualTo(1);
            } else {
                assertThat(day.path("skuPartNumber").asString()).isEqualTo("EMS");
                assertThat(day.path("reclaimable").isNull()
                                || day.path("reclaimable").isMissingNode())
                        .as("no policy")
                        .isTrue();
            }
        }
        assertThat(admin.get("/allot/v1/reports/usage.csv?sku=ENTERPRISEPACK")
                        .raw()
                        .body()
                        .replace("\"", "")
                        .lines()
                        .skip(1)
                        .findFirst()
                        .orElseThrow())
                .endsWith(",4,6,0,1");
    }
}
