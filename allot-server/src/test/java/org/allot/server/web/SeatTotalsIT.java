package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A product's seats stay within Graph's 32-bit counts: a purchase or seat change beyond 2,147,483,647 seats over all
 * its subscriptions is a 400 with Graph's body, writes nothing, and concurrent requests cannot together exceed it.
 */
class SeatTotalsIT extends ApiIT {
    private static final int BIG = SubscriptionBook.MAX_SEATS;
    /** 214 subscriptions of 10,000,000 seats leave 7,483,647 seats below the limit. */
    private static final int BOUGHT = 214;

    private ApiClient admin;

    @BeforeEach
    void aProductCloseToTheLimit() {
        admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        for (int i = 0; i < BOUGHT; i++) {
            subscribe(admin, "ENTERPRISEPACK", BIG);
        }
    }

    @Test
    void aPurchaseBeyondTheLimitIsRefusedWithGraphsBodyAndWritesNothing() {
        Response beyond = buy(BIG);

        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(beyond.errorMessage())
                .isEqualTo("A product can have at most 2147483647 seats over all its subscriptions (Microsoft Graph"
                        + " counts seats in 32 bits): ENTERPRISEPACK has 2140000000 and would have 2150000000.");
        JsonNode sku = sku();
        assertThat(sku.path("prepaidUnits").path("enabled").asLong()).isEqualTo(BOUGHT * (long) BIG);
        assertThat(sku.path("capabilityStatus").asString()).isEqualTo("Enabled");
        assertThat(sku.path("subscriptionIds")).hasSize(BOUGHT);
    }

    @Test
    void raisingASubscriptionsSeatsBeyondTheLimitIsRefused() {
        String small = buy(1000).body().path("id").asString();

        Response raised = admin.patch("/allot/v1/subscriptions/" + small, "{\"seats\":" + BIG + "}");

        assertThat(raised.status()).isEqualTo(400);
        assertThat(raised.errorMessage()).contains("at most 2147483647 seats");
        assertThat(sku().path("prepaidUnits").path("enabled").asLong()).isEqualTo(BOUGHT * (long) BIG + 1000);
        assertThat(admin.patch("/allot/v1/subscriptions/" + small, "{\"seats\":7483647}")
                        .status())
                .isEqualTo(200);
        assertThat(sku().path("prepaidUnits").path("enabled").asLong()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void concurrentPurchasesNeverTogetherExceedTheLimit() throws Exception {
        List<Response> answers = race(8, i -> buy(5_000_000));

        assertThat(answers.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() == 400)).hasSize(7).allMatch(r -> r.errorMessage()
                .contains("at most 2147483647 seats"));
        assertThat(sku().path("prepaidUnits").path("enabled").asLong()).isEqualTo(2_145_000_000L);
    }

    @Test
    void concurrentSeatChangesNeverTogetherExceedTheLimit() throws Exception {
        List<String> small = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            small.add(buy(1).body().path("id").asString());
        }

        List<Response> answers =
                race(small.size(), i -> admin.patch("/allot/v1/subscriptions/" + small.get(i), "{\"seats\":5000000}"));

        assertThat(answers.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() == 400)).hasSize(5);
        assertThat(sku().path("prepaidUnits").path("enabled").asLong()).isEqualTo(2_145_000_005L);
    }

    private Response buy(int seats) {
        return admin.post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"seats\":" + seats + "}");
    }

    private JsonNode sku() {
        Response skus = admin.get("/v1.0/subscribedSkus");
        assertThat(skus.status()).isEqualTo(200);
        assertThat(skus.body().path("value")).hasSize(1);
        return skus.body().path("value").get(0);
    }

    /** Sends {@code count} requests at once, one a thread, and returns their answers. */
    private static List<Response> race(int count, Function<Integer, Response> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
