package org.allot.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.server.security.store.Role;
import org.allot.server.testing.JavaProcess;
import org.allot.server.testing.ServerProcess;
import org.allot.server.web.ApiClient;
import org.allot.server.web.ApiIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removal ends access, whichever server of an installation made the change: the tests' server holds a token, and a
 * second server process on the same database deletes its app, replaces its secret or demotes it. Within 5 seconds
 * (the most a server may trust what it read about an app) the token stops working, or loses what the old role gave.
 */
class RevocationIT extends ApiIT {
    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private static ServerProcess other;

    @BeforeAll
    static void secondServer() throws InterruptedException {
        other = ServerProcess.start(
                temp.resolve("other"), sharingTheDatabase(SYNC_KEY).toArray(String[]::new));
    }

    @AfterAll
    static void stopSecondServer() throws InterruptedException {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void theTokenOfADeletedAppStopsWorkingWithinSeconds() {
        ApiClient victim = newTenant(Role.GLOBAL_ADMINISTRATOR);
        assertThat(victim.get("/v1.0/organization").status()).isEqualTo(200);

        ServerProcess.Answer deleted =
                other.api("DELETE", "/allot/v1/appRegistrations/" + victim.clientId, null, operator(victim), TIMEOUT);

        assertThat(deleted.status()).isEqualTo(204);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                        victim.get("/v1.0/organization").status())
                .isEqualTo(401));
        assertThat(victim.post("/allot/v1/appRegistrations", """
                        {"displayName":"Back door","role":"Global Administrator"}""").status()).isEqualTo(401);
    }

    @Test
    void aTokenFromBeforeASecretRotationStopsWorkingWithinSeconds() {
        ApiClient victim = newTenant(Role.GLOBAL_ADMINISTRATOR);

        ServerProcess.Answer rotated = other.api(
                "POST", "/allot/v1/appRegistrations/" + victim.clientId + "/secret", null, operator(victim), TIMEOUT);

        assertThat(rotated.status()).isEqualTo(200);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                        victim.get("/v1.0/organization").status())
                .isEqualTo(401));
        String newSecret = rotated.json().path("clientSecret").asString();
        String fresh = other.tokenRequest(victim.clientId, newSecret, TIMEOUT)
                .json()
                .path("access_token")
                .asString();
        assertThat(other.api("GET", "/v1.0/organization", null, fresh, TIMEOUT).status())
                .isEqualTo(200);
    }

    @Test
    void anAppDemotedToGlobalReaderLosesWhatItsOldRoleGaveWithinSeconds() {
        ApiClient victim = newTenant(Role.GLOBAL_ADMINISTRATOR);
        assertThat(victim.post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"EMS\",\"seats\":1}")
                        .status())
                .isEqualTo(201);

        ServerProcess.Answer demoted = other.api(
                "PATCH",
                "/allot/v1/appRegistrations/" + victim.clientId,
                "{\"role\":\"Global Reader\"}",
                operator(victim),
                TIMEOUT);

        assertThat(demoted.status()).isEqualTo(200);
        assertThat(demoted.json().path("role").asString()).isEqualTo("Global Reader");
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                        victim.post("/allot/v1/subscriptions", "{\"skuPartNumber\":\"EMS\",\"seats\":1}")
                                .status())
                .isEqualTo(403));
        assertThat(victim.get("/v1.0/organization").status())
                .as("what a Global Reader may do")
                .isEqualTo(200);
    }

    @Test
    void aServerGivenAnotherSecretsKeyThanTheDatabaseWasSealedWithRefusesToStart() throws Exception {
        List<String> args =
                new java.util.ArrayList<>(sharingTheDatabase("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
        args.add("--allot.data-directory=" + temp.resolve("mismatch"));
        args.add("--server.port=0");
        try (JavaProcess mismatch = JavaProcess.start("org.allot.server.AllotServer", args)) {
            assertThat(mismatch.waitFor(Duration.ofSeconds(90))).isNotZero();
            assertThat(mismatch.output()).contains("allot.secrets.key").doesNotContain("Allot is listening");
        }
    }

    /** A Global Administrator app of the victim's tenant, with a token from the other server. */
    private String operator(ApiClient victim) {
        var created = work.run(() -> apps.register(
                        Caller.of(victim.tenant, Actor.system("test setup")),
                        "operator",
                        Role.GLOBAL_ADMINISTRATOR.displayName()))
                .value();
        ServerProcess.Answer token = other.tokenRequest(created.app().clientId().toString(), created.secret(), TIMEOUT);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return token.json().path("access_token").asString();
    }

    /** Settings of a server sharing the tests' database, with this key. */
    private static List<String> sharingTheDatabase(String key) {
        return List.of(
                "--allot.database.url=" + database(),
                "--allot.database.username=postgres",
                "--allot.secrets.key=" + key,
                "--allot.processing.workers=0",
                "--allot.sync.scheduled=false",
                "--allot.reconciliation.interval=0");
    }
}
