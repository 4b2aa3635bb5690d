package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.server.security.store.Role;
import org.allot.server.testing.LoopbackAddresses;
import org.allot.server.testing.LoopbackClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The token endpoint under attack: guesses of a secret are slowed by progressive delays (the flood costs a database
 * read, not a hash: at most one secret is checked per delay, and other requests are still answered), failures are logged, and a client id that names no app costs as
 * much to refuse as a real one with a wrong secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenEndpointThrottleIT extends ApiIT {

    @Test
    void aGuesserWaitsAndIsToldHowLongWhileTheAppElsewhereGetsItsToken(CapturedOutput output) {
        Registered app = register();
        LoopbackClient guesser = new LoopbackClient(LoopbackAddresses.next(), port);
        for (int i = 0; i < 3; i++) {
            LoopbackClient.Answer wrong = guesser.token(app.id, "wrong secret " + i);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).contains("invalid_client");
        }

        LoopbackClient.Answer waiting = guesser.token(app.id, "wrong secret 3");

        assertThat(waiting.status()).isEqualTo(429);
        assertThat(waiting.retryAfter()).isEqualTo("1");
        assertThat(waiting.body())
                .contains("\"error\":\"temporarily_unavailable\"")
                .contains("Try again in 1 seconds");
        assertThat(guesser.token(app.id, app.secret).status())
                .as("even the right secret waits, from the guesser's address")
                .isEqualTo(429);
        assertThat(new LoopbackClient(LoopbackAddresses.next(), port)
                        .token(app.id, app.secret)
                        .status())
                .as("the app itself, elsewhere")
                .isEqualTo(200);
        assertThat(output.getOut())
                .contains("Failed sign-in at the token endpoint for '" + app.id + "' from " + guesser.from());
    }

    @Test
    void sixteenParallelGuessersAreTurnedAwayCheaplyAndOtherRequestsAreStillAnswered() throws Exception {
        Registered app = register();
        ApiClient reader = newTenant(Role.GLOBAL_READER);
        List<Long> quiet = organizationTimes(reader, 9);
        LoopbackClient guesser = new LoopbackClient(LoopbackAddresses.next(), port);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService flood = Executors.newFixedThreadPool(16);
        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        List<Future<?>> guessers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            guessers.add(flood.submit(() -> {
                while (System.nanoTime() < until) {
                    int status =
                            guesser.token(app.id, "guess " + UUID.randomUUID()).status();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        List<Long> busy = organizationTimes(reader, 9);
        for (Future<?> g : guessers) {
            g.get(30, TimeUnit.SECONDS);
        }
        flood.shutdown();

        assertThat(statuses.keySet()).containsOnly(401, 429);
        assertThat(statuses.get(401).get())
                .as("secrets checked: the free failures, and one more per delay")
                .isLessThanOrEqualTo(8);
        assertThat(statuses.get(429).get()).isGreaterThan(50);
        assertThat(busy)
                .as("/v1.0/organization answered during the flood (ms each; %s before it)", quiet)
                .hasSize(9);
    }

    @Test
    void aClientIdThatNamesNoAppCostsAsMuchAsAWrongSecret() {
        Registered app = register();
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // each from an address of its own: every request is checked, none throttled
            known.add(timed(new LoopbackClient(LoopbackAddresses.next(), port), app.id));
            unknown.add(timed(
                    new LoopbackClient(LoopbackAddresses.next(), port),
                    UUID.randomUUID().toString()));
        }
        unknown.add(timed(new LoopbackClient(LoopbackAddresses.next(), port), "not-even-a-uuid"));

        double ratio = (double) median(known) / Math.max(1, median(unknown));
        assertThat(ratio)
                .as("median of known ids %s ms against unknown %s ms", known, unknown)
                .isBetween(0.5, 2.0);
    }

    private long timed(LoopbackClient client, String clientId) {
        LoopbackClient.Answer answer = client.token(clientId, "a wrong secret of some length");
        assertThat(answer.status()).isEqualTo(401);
        return answer.took().toMillis();
    }

    private record Registered(String id, String secret) {}

    private Registered register() {
        ApiClient tenant = newTenant(Role.GLOBAL_READER);
        var created = work.run(() ->
                        apps.register(Caller.of(tenant.tenant, Actor.system("test setup")), "guessed", "Global Reader"))
                .value();
        return new Registered(created.app().clientId().toString(), created.secret());
    }

    private static List<Long> organizationTimes(ApiClient client, int times) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            assertThat(client.get("/v1.0/organization").status()).isEqualTo(200);
            millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        return millis;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
