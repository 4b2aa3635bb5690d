package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.allot.cli.testing.Cli;
import org.allot.cli.testing.Run;
import org.allot.cli.testing.ServerExtension;
import org.allot.cli.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Signing in, who the CLI is, signing out, and what happens with wrong credentials or no server. */
@ExtendWith(ServerExtension.class)
class LoginIT {
    @TempDir
    Path home;

    @Test
    void anAdminLogsInOnceAndLaterCommandsUseTheSavedCredentials(TestServer server) throws Exception {
        Cli cli = new Cli(Map.of(), home);
        Run login = cli.run(
                "login",
                "--url",
                server.url() + "/",
                "--client-id",
                server.clientId(),
                "--client-secret",
                server.clientSecret());
        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(login.err()).contains("Logged in to Contoso at " + server.url());

        Path config = home.resolve(".config/allot/config.json");
        assertThat(Files.getPosixFilePermissions(config))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(config)).contains(server.clientId(), server.url());

        Run whoami = cli.run("whoami", "-o", "json");
        assertThat(whoami.exit()).as(whoami.toString()).isZero();
        assertThat(whoami.json().path("tenant").asString()).isEqualTo("Contoso");
        assertThat(whoami.json().path("appId").asString()).isEqualTo(server.clientId());
        assertThat(whoami.json().path("roles").get(0).asString()).isEqualTo("Global Administrator");
        assertThat(whoami.json().path("url").asString()).isEqualTo(server.url());
        assertThat(whoami.json().path("scopedRoles").isArray())
                .as("a tenant-wide role holds no role over units: " + whoami.out())
                .isTrue();
        assertThat(whoami.json().path("scopedRoles").size()).isZero();

        Run again = cli.run("login", "--url", server.url());
        assertThat(again.exit())
                .as("the saved app and secret are used again: " + again)
                .isZero();

        Run logout = cli.run("logout");
        assertThat(logout.exit()).isZero();
        assertThat(logout.err()).contains("Logged out");
        assertThat(config).doesNotExist();

        Run afterwards = cli.run("whoami");
        assertThat(afterwards.exit()).isEqualTo(1);
        assertThat(afterwards.err()).startsWith("error: NotLoggedIn: ");
    }

    @Test
    void scriptsNeedNoLoginWhenTheEnvironmentHasTheCredentials(TestServer server) {
        Run whoami = server.cli(home).run("whoami");
        assertThat(whoami.exit()).as(whoami.toString()).isZero();
        assertThat(whoami.out()).contains("tenant", "Contoso", "Global Administrator");
        assertThat(whoami.out().lines().map(l -> l.split(" +")[0]))
                .as("a tenant-wide administrator's whoami is what it was")
                .containsExactly("url", "tenant", "tenantId", "app", "appId", "roles");
        assertThat(whoami.err()).isEmpty();
    }

    @Test
    void wrongCredentialsAreRefusedWithAClearMessageAndNothingIsSaved(TestServer server) {
        Cli wrong = server.cli(home).with("ALLOT_CLIENT_SECRET", "not-the-secret-at-all");
        Run list = wrong.run("user", "list");
        assertThat(list.exit()).isEqualTo(1);
        assertThat(list.err())
                .startsWith("error: InvalidClient: ")
                .contains("refused the client id and secret of " + server.clientId());
        assertThat(list.out()).isEmpty();

        Run login = wrong.run("login", "--url", server.url(), "--client-id", server.clientId());
        assertThat(login.exit()).isEqualTo(1);
        assertThat(home.resolve("config.json")).doesNotExist();
    }

    @Test
    void aServerThatIsDownIsNamedInTheError() throws Exception {
        String nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = "http://localhost:" + socket.getLocalPort();
        }
        Run run = new Cli(
                        Map.of(
                                "ALLOT_URL", nowhere,
                                "ALLOT_CLIENT_ID", "app",
                                "ALLOT_CLIENT_SECRET", "secret"),
                        home)
                .run("product", "list");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: ServerUnreachable: Cannot reach the Allot server at " + nowhere);
    }

    @Test
    void aUrlThatIsNoUrlIsAUsageError() {
        Run run = new Cli(Map.of(), home)
                .run("login", "--url", "localhost:8080", "--client-id", "a", "--client-secret", "b");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'localhost:8080' is not a server URL");
    }
}
