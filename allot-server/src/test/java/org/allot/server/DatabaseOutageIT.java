package org.allot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.allot.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the database does not answer (its processes frozen with SIGSTOP), the API answers 503 with Retry-After and
 * Graph's error body within a bounded time, the admin center shows a page that says so, and the health endpoint says
 * DOWN at once; when the database is back the server serves again by itself, nothing refused is half applied, and a
 * server asked to stop while its database is frozen stops promptly.
 */
class DatabaseOutageIT {
    /** The default connection timeout is 5 s; this leaves room for a slow machine. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(10);

    private static final Duration HEALTH_BOUND = Duration.ofSeconds(5);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(20);
    private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(10);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    Path data;

    @Test
    void aFrozenDatabaseGetsGraphsAnswerAndTheServerRecoversAndStopsPromptly() throws Exception {
        try (ServerProcess server = ServerProcess.start(data)) {
            server.signIn();
            ServerProcess.Answer created = createUser(server, ServerProcess.randomName());
            assertThat(created.status()).isEqualTo(201);
            String userId = created.json().get("id").asString();
            long usersBefore = count(server, "select count(*) from directory_user");

            List<Long> database = server.databaseProcesses();
            ServerProcess.signal("STOP", database);
            long frozenAt = System.nanoTime();
            List<String> refusedNames = new ArrayList<>();
            Map<String, ServerProcess.Answer> answers;
            Duration healthDown;
            try {
                Map<String, CompletableFuture<ServerProcess.Answer>> requests = new LinkedHashMap<>();
                requests.put("list users", async(() -> server.api("GET", "/v1.0/users", null, CLIENT_TIMEOUT)));
                requests.put(
                        "get a user", async(() -> server.api("GET", "/v1.0/users/" + userId, null, CLIENT_TIMEOUT)));
                String refused = ServerProcess.randomName();
                refusedNames.add(refused);
                requests.put("create a user", async(() -> createUser(server, refused)));
                requests.put(
                        "change a user",
                        async(() -> server.api(
                                "PATCH",
                                "/v1.0/users/" + userId,
                                "{\"jobTitle\":\"during the outage\"}",
                                CLIENT_TIMEOUT)));
                requests.put(
                        "subscribed SKUs",
                        async(() -> server.api("GET", "/v1.0/subscribedSkus", null, CLIENT_TIMEOUT)));
                requests.put("settings", async(() -> server.api("GET", "/allot/v1/settings", null, CLIENT_TIMEOUT)));
                requests.put("token", async(() -> server.tokenRequest(CLIENT_TIMEOUT)));
                requests.put("admin center", async(() -> server.page("/", CLIENT_TIMEOUT)));
                healthDown = untilHealthDown(server, frozenAt);
                answers = new LinkedHashMap<>();
                for (var request : requests.entrySet()) {
                    answers.put(request.getKey(), request.getValue().join());
                }
            } finally {
                ServerProcess.signal("CONT", database);
            }
            long thawedAt = System.nanoTime();

            for (var answer : answers.entrySet()) {
                ServerProcess.Answer a = answer.getValue();
                System.out.printf(
                        "While frozen, %s: %d in %d ms%n",
                        answer.getKey(), a.status(), a.took().toMillis());
                assertThat(a.status()).as(answer.getKey() + ": " + a).isEqualTo(503);
                assertThat(a.retryAfter()).as(answer.getKey() + " Retry-After").isNotBlank();
                assertThat(a.took())
                        .as(answer.getKey() + " answered within the bound")
                        .isLessThan(ANSWER_BOUND);
                if (answer.getKey().equals("admin center")) {
                    assertThat(a.body())
                            .contains("database")
                            .contains("unavailable")
                            .contains("refresh");
                } else {
                    assertThat(a.errorCode()).as(answer.getKey()).isEqualTo("serviceNotAvailable");
                    assertThat(a.json().path("error").path("message").asString())
                            .contains("database");
                }
            }
            System.out.printf("Health said DOWN %d ms after the freeze%n", healthDown.toMillis());
            assertThat(healthDown).isLessThan(HEALTH_BOUND);

            Duration recovery = until(
                    () -> server.api("GET", "/v1.0/users", null, Duration.ofSeconds(10))
                            .ok(),
                    thawedAt,
                    RECOVERY_BOUND);
            Duration healthUp = until(
                    () -> server.get("/actuator/health", Duration.ofSeconds(5)).status() == 200,
                    thawedAt,
                    HEALTH_BOUND);
            System.out.printf(
                    "Serving again %d ms after the thaw, health UP after %d ms%n",
                    recovery.toMillis(), healthUp.toMillis());
            assertThat(server.page("/", CLIENT_TIMEOUT).status()).isEqualTo(200);
            assertThat(count(server, "select count(*) from directory_user")).isEqualTo(usersBefore);
            assertThat(count(
                            server,
                            "select count(*) from directory_user where job_title = 'during the outage' or"
                                    + " user_principal_name like '" + refusedNames.get(0) + "%'"))
                    .as("nothing refused was applied")
                    .isZero();

            List<Long> frozenAgain = server.databaseProcesses();
            ServerProcess.signal("STOP", frozenAgain);
            try {
                Duration shutdown = server.stop(Duration.ofSeconds(60));
                System.out.printf("Stopped with its database frozen in %d ms%n", shutdown.toMillis());
                assertThat(shutdown).isLessThan(SHUTDOWN_BOUND);
            } finally {
                List<Long> left = frozenAgain.stream()
                        .filter(p ->
                                ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))
                        .toList();
                if (!left.isEmpty()) {
                    ServerProcess.signal("KILL", left);
                }
            }
        }
    }

    private static ServerProcess.Answer createUser(ServerProcess server, String name) {
        return server.api("POST", "/v1.0/users", """
                {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s@%s"}""".formatted(name, name, name, ServerProcess.DOMAIN), CLIENT_TIMEOUT);
    }

    private static CompletableFuture<ServerProcess.Answer> async(Supplier<ServerProcess.Answer> request) {
        return CompletableFuture.supplyAsync(request);
    }

    /** How long after the freeze the health endpoint said DOWN. */
    private static Duration untilHealthDown(ServerProcess server, long frozenAt) throws InterruptedException {
        return until(
                () -> {
                    ServerProcess.Answer health = server.get("/actuator/health", Duration.ofSeconds(5));
                    return health.status() == 503 && health.body().contains("DOWN");
                },
                frozenAt,
                Duration.ofSeconds(30));
    }

    /** How long after {@code start} the condition held; asked every 100 ms, a request without answer is a no. */
    private static Duration until(BooleanSupplier condition, long start, Duration bound) throws InterruptedException {
        long deadline = start + bound.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (RuntimeException noAnswer) {
                // keep asking
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + bound);
    }

    private static long count(ServerProcess server, String sql) throws Exception {
        try (Connection c = server.connectAsOwner();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
