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
    void eachRequestOfABatchCountsAgainstTheRateAsIfSentAlone() {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            requests.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"" + i + "\",\"method\":\"GET\",\"url\":\"/organization\"}");
        }

        Response batch = app.post("/v1.0/$batch", "{\"requests\":[" + requests + "]}");

        assertThat(batch.status())
                .as("the batch itself is the first of five requests")
                .isEqualTo(200);
        var answers = batch.body().path("responses");
        for (int i = 0; i < 4; i++) {
            assertThat(answers.get(i).path("status").asInt()).isEqualTo(200);
        }
        for (int i = 4; i < 6; i++) {
            assertThat(answers.get(i).path("status").asInt()).isEqualTo(429);
            assertThat(answers.get(i).path("headers").path("Retry-After").asString())
                    .isNotBlank();
            assertThat(answers.get(i).path("body").path("error").path("code").asString())
                    .isEqualTo("TooManyRequests");
        }
        assertThat(app.get("/v1.0/organization").status()).isEqualTo(429);
    }

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
