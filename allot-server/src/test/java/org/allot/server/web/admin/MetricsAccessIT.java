package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.allot.server.security.store.Role;
import org.allot.server.testing.LoopbackClient;
import org.junit.jupiter.api.Test;

/** The server's metrics are for Global Administrators and for a scraper with its token, not for every admin. */
class MetricsAccessIT extends AdminCenterIT {
    private static final String METRICS = "/actuator/metrics";

    @Test
    void onlyGlobalAdministratorsAndTheScraperReadMetrics() {
        assertThat(session(newSite(Role.GLOBAL_READER)).get(METRICS).status())
                .as("a Global Reader")
                .isEqualTo(403);
        assertThat(session(newSite(Role.LICENSE_ADMINISTRATOR))
                        .get(METRICS + "/jvm.memory.used")
                        .status())
                .as("a License Administrator")
                .isEqualTo(403);
        AdminSession.Page admin = session(newSite(Role.GLOBAL_ADMINISTRATOR)).get(METRICS);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("jvm.memory.used");

        LoopbackClient scraper = new LoopbackClient("127.0.0.1", port);
        assertThat(scraper.get(METRICS).status()).as("no credentials").isEqualTo(401);
        assertThat(scraper.send("GET", METRICS, Map.of("Authorization", "Bearer not-the-token"), null)
                        .status())
                .isEqualTo(401);
        LoopbackClient.Answer scraped = scraper.send(
                "GET", METRICS + "/jvm.memory.used", Map.of("Authorization", "Bearer " + METRICS_TOKEN), null);
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("\"name\":\"jvm.memory.used\"");
        assertThat(scraper.get("/actuator/health").status())
                .as("health stays public")
                .isEqualTo(200);
    }
}
