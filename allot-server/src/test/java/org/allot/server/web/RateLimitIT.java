package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** An app that goes over its rate is told to wait, as Graph tells it: 429, TooManyRequests and Retry-After. */
@TestPropertySource(properties = {"allot.api.rate-limit=5", "allot.api.rate-period=60s"})
@DirtiesContext
class RateLimitIT extends ApiIT {

    @Test
    void theRequestBeyondTheRateIsRefusedWithRetryAfter() {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        for (int i = 0; i < 5; i++) {
            assertThat(app.get("/v1.0/organization").status()).isEqualTo(200);
        }

        Response refused = app.get("/v1.0/organization");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("TooManyRequests");
        long retryAfter =
                Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        ApiClient other = newTenant(Role.GLOBAL_READER);
        assertThat(other.get("/v1.0/organization").status())
                .as("other apps are not held back")
                .isEqualTo(200);
    }
}
