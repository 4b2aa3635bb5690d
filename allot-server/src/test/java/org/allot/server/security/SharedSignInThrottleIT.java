package org.allot.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.allot.server.testing.LoopbackAddresses;
import org.allot.server.testing.LoopbackClient;
import org.allot.server.testing.ServerProcess;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes sharing one PostgreSQL count the same failed sign-ins and token requests: a guesser cannot
 * double their attempts by going to the other server, and the lock-out attack against the only Global Administrator
 * leaves its owner, coming from another address, able to sign in on either. (The first of them also shows where the
 * first start's credentials are kept.)
 */
class SharedSignInThrottleIT {
    @TempDir
    static Path data;

    private static ServerProcess one;
    private static ServerProcess two;

    @BeforeAll
    static void start() throws Exception {
        String url = TestDatabase.newDatabase();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String[] settings = {
            "--allot.database.url=" + url,
            "--allot.database.username=postgres",
            // servers sharing a database share the key that seals its secrets
            "--allot.secrets.key=" + java.util.Base64.getEncoder().encodeToString(key),
            // a wait long enough to be seen on a loaded machine, where one password check can take a second
            "--allot.sign-in.first-delay=1m"
        };
        one = ServerProcess.start(data.resolve("one"), settings);
        two = ServerProcess.start(data.resolve("two"), settings);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServerProcess server : new ServerProcess[] {one, two}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void theFirstStartWritesItsCredentialsOnceToAFileOnlyItsAccountCanReadAndSaysWhere() throws Exception {
        Path file = data.resolve("one").resolve(Bootstrap.CREDENTIALS_FILE).toAbsolutePath();

        assertThat(Files.readString(file))
                .contains("Admin center sign-in: " + ServerProcess.ADMIN)
                .contains("client id:     " + ServerProcess.CLIENT_ID);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(one.output())
                .contains("Also written to " + file + " (readable only by this account)")
                .contains("first-start credentials: " + file);
        assertThat(data.resolve("two").resolve(Bootstrap.CREDENTIALS_FILE))
                .as("the second server found the tenant made")
                .doesNotExist();
    }

    @Test
    void failuresOnOneServerMakeTheGuesserWaitOnTheOther() {
        String guesser = LoopbackAddresses.next();
        LoopbackClient atOne = new LoopbackClient(guesser, one.port());
        LoopbackClient atTwo = new LoopbackClient(guesser, two.port());
        for (int i = 0; i < 3; i++) {
            assertThat(atOne.signIn("someone@example.com", "guess " + i).location())
                    .endsWith("/login?error");
            assertThat(atTwo.token(ServerProcess.CLIENT_ID, "guess " + i).status())
                    .isEqualTo(401);
        }

        assertThat(atTwo.signIn("someone@example.com", "guess 3").location()).contains("/login?wait=");
        assertThat(atOne.token(ServerProcess.CLIENT_ID, "guess 3").status()).isEqualTo(429);
    }

    @Test
    void theLockOutAttackLeavesTheOnlyGlobalAdministratorAbleToSignInFromAnotherAddress() {
        String attacker = LoopbackAddresses.next();
        for (int i = 0; i < 40; i++) {
            ServerProcess server = i % 2 == 0 ? one : two;
            String answer = new LoopbackClient(attacker, server.port())
                    .signIn(ServerProcess.ADMIN, "guess " + i)
                    .location();
            assertThat(answer).containsAnyOf("/login?error", "/login?wait=");
        }
        for (int a = 0; a < 12; a++) {
            LoopbackClient helper = new LoopbackClient(LoopbackAddresses.next(), (a % 2 == 0 ? one : two).port());
            for (int i = 0; i < 3; i++) {
                helper.signIn(ServerProcess.ADMIN, "distributed guess " + i);
            }
        }
        assertThat(new LoopbackClient(attacker, one.port())
                        .signIn(ServerProcess.ADMIN, ServerProcess.ADMIN_PASSWORD)
                        .location())
                .as("the attacker's address waits, right password or not")
                .contains("/login?wait=");

        for (ServerProcess server : List.of(one, two)) {
            LoopbackClient owner = new LoopbackClient(LoopbackAddresses.next(), server.port());
            assertThat(owner.signIn(ServerProcess.ADMIN, ServerProcess.ADMIN_PASSWORD)
                            .location())
                    .as("the owner from another address")
                    .endsWith("/");
            assertThat(owner.get("/").status()).isEqualTo(200);
        }
    }
}
