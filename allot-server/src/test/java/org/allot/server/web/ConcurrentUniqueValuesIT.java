package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Values one user of a tenant may hold, given to several users at the same moment: an {@code onPremisesImmutableId}
 * set for a hard match, a {@code userPrincipalName}. One request wins; each other one is Graph's 400 "Another object
 * with the same value…", never a 500, and nothing of it is kept.
 */
class ConcurrentUniqueValuesIT extends ApiIT {
    private static final int ROUNDS = 12;
    private static final int USERS = 3;

    private final ExecutorService pool = Executors.newFixedThreadPool(USERS);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void anImmutableIdSetOnSeveralUsersAtOnceGoesToOneAndTheOthersAreRefused() throws Exception {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);

        for (int round = 0; round < ROUNDS; round++) {
            String anchor = "aGFyZC1tYXRjaC0" + round;
            List<String> users = users(admin, "anchor" + round);

            List<Response> answers = atOnce(
                    users, id -> admin.patch("/v1.0/users/" + id, "{\"onPremisesImmutableId\":\"" + anchor + "\"}"));

            assertOneWon(answers, "onPremisesImmutableId");
            long holders = users.stream()
                    .filter(id -> anchor.equals(admin.get("/v1.0/users/" + id + "?$select=onPremisesImmutableId")
                            .body()
                            .path("onPremisesImmutableId")
                            .asString()))
                    .count();
            assertThat(holders).as("round " + round).isEqualTo(1);
        }
    }

    @Test
    void usersCreatedAtOnceWithOneImmutableIdAreOneAndRefusalsNameTheImmutableId() throws Exception {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);

        for (int round = 0; round < ROUNDS; round++) {
            String anchor = "bmV3LWFuY2hvci0" + round;
            List<String> names = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                names.add("new" + round + "u" + i);
            }

            List<Response> answers = atOnce(
                    names, name -> admin.post("/v1.0/users", """
                    {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s@%s",
                     "onPremisesImmutableId":"%s"}""".formatted(name, name, name, admin.domain, anchor)));

            assertThat(answers)
                    .extracting(Response::status)
                    .as(answers.stream().map(r -> r.raw().body()).toList().toString())
                    .containsOnly(201, 400)
                    .containsOnlyOnce(201);
            answers.stream().filter(r -> r.status() == 400).forEach(r -> assertThat(r.errorMessage())
                    .isEqualTo("Another object with the same value for property onPremisesImmutableId already"
                            + " exists."));
        }
    }

    @Test
    void aPrincipalNameGivenToSeveralUsersAtOnceGoesToOneAndTheOthersKeepTheirs() throws Exception {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);

        for (int round = 0; round < ROUNDS; round++) {
            String name = "taken" + round + "@" + admin.domain;
            List<String> users = users(admin, "rename" + round);

            List<Response> answers =
                    atOnce(users, id -> admin.patch("/v1.0/users/" + id, "{\"userPrincipalName\":\"" + name + "\"}"));

            assertOneWon(answers, "userPrincipalName");
            long named = users.stream()
                    .filter(id -> name.equals(admin.get("/v1.0/users/" + id + "?$select=userPrincipalName")
                            .body()
                            .path("userPrincipalName")
                            .asString()))
                    .count();
            assertThat(named).as("round " + round).isEqualTo(1);
        }
    }

    private static List<String> users(ApiClient admin, String prefix) {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(createUser(admin, prefix + "u" + i));
        }
        return users;
    }

    private List<Response> atOnce(List<String> users, java.util.function.Function<String, Response> request)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(users.size());
        List<Future<Response>> sent = new ArrayList<>();
        for (String id : users) {
            sent.add(pool.submit(() -> {
                start.await();
                return request.apply(id);
            }));
        }
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }

    private static void assertOneWon(List<Response> answers, String property) {
        assertThat(answers)
                .extracting(Response::status)
                .as(answers.stream().map(r -> r.raw().body()).toList().toString())
                .containsOnly(204, 400)
                .containsOnlyOnce(204);
        answers.stream().filter(r -> r.status() == 400).forEach(r -> {
            assertThat(r.errorCode()).isEqualTo("Request_BadRequest");
            assertThat(r.errorMessage())
                    .isEqualTo("Another object with the same value for property " + property + " already exists.");
        });
    }
}
