package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.allot.cli.testing.Cli;
import org.allot.cli.testing.Run;
import org.allot.cli.testing.ServerExtension;
import org.allot.cli.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against the server's HTTPS with the certificate it generated at first start: trusted when pinned by the
 * fingerprint the server printed or given as a CA file, on the command line or in the environment, kept by login;
 * refused otherwise, with the fingerprint it saw and how to trust it.
 */
@ExtendWith(ServerExtension.class)
class TrustIT {
    @TempDir
    Path home;

    @Test
    void loginPinsThePrintedFingerprintAndLaterCommandsKeepTrustingIt(TestServer server) throws Exception {
        Cli cli = new Cli(Map.of(), home);
        Run login = cli.run(
                "login",
                "--url",
                server.httpsUrl(),
                "--client-id",
                server.clientId(),
                "--client-secret",
                server.clientSecret(),
                "--fingerprint",
                server.fingerprint().toLowerCase(java.util.Locale.ROOT));
        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(login.err()).contains("Logged in to Contoso at " + server.httpsUrl());
        assertThat(Files.readString(home.resolve(".config/allot/config.json"))).contains(server.fingerprint());

        Run whoami = cli.run("whoami", "-o", "json");
        assertThat(whoami.exit()).as(whoami.toString()).isZero();
        assertThat(whoami.json().path("url").asString()).isEqualTo(server.httpsUrl());
    }

    @Test
    void loginTrustsTheCertificateGivenAsACaFileLikeCurlsCacert(TestServer server) throws Exception {
        Cli cli = new Cli(Map.of(), home);
        Run login = cli.run(
                "login",
                "--url",
                server.httpsUrl(),
                "--client-id",
                server.clientId(),
                "--client-secret",
                server.clientSecret(),
                "--ca-file",
                server.certificateFile().toString());
        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(cli.run("product", "list").exit()).isZero();
    }

    @Test
    void scriptsGiveTheTrustInTheEnvironment(TestServer server) {
        Cli https = server.cli(home).with("ALLOT_URL", server.httpsUrl());
        Run pinned = https.with("ALLOT_FINGERPRINT", server.fingerprint()).run("whoami");
        assertThat(pinned.exit()).as(pinned.toString()).isZero();
        Run authority =
                https.with("ALLOT_CA_FILE", server.certificateFile().toString()).run("whoami");
        assertThat(authority.exit()).as(authority.toString()).isZero();
    }

    @Test
    void anUntrustedCertificateIsRefusedWithTheFingerprintSeenAndHowToTrustIt(TestServer server) {
        Cli https = server.cli(home).with("ALLOT_URL", server.httpsUrl());

        Run untrusted = https.run("user", "list");
        assertThat(untrusted.exit()).as(untrusted.toString()).isEqualTo(6);
        assertThat(untrusted.err())
                .startsWith("error: UntrustedCertificate: ")
                .contains(server.httpsUrl(), server.fingerprint(), "--fingerprint", "--ca-file");
        assertThat(untrusted.out()).isEmpty();

        String other = "00:" + server.fingerprint().substring(3);
        Run wrongPin = https.with("ALLOT_FINGERPRINT", other).run("whoami");
        assertThat(wrongPin.exit()).as(wrongPin.toString()).isEqualTo(6);
        assertThat(wrongPin.err()).contains(server.fingerprint(), "not the pinned " + other);

        Run login = new Cli(Map.of(), home)
                .run(
                        "login",
                        "--url",
                        server.httpsUrl(),
                        "--client-id",
                        server.clientId(),
                        "--client-secret",
                        server.clientSecret());
        assertThat(login.exit()).isEqualTo(6);
        assertThat(home.resolve(".config/allot/config.json")).doesNotExist();
    }

    @Test
    void plainHttpToTheHttpsPortSaysToUseHttps(TestServer server) {
        String plain = server.httpsUrl().replace("https://", "http://");
        Run run = server.cli(home).with("ALLOT_URL", plain).run("whoami");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: HttpsRequired: ").contains(server.httpsUrl());
    }
}
