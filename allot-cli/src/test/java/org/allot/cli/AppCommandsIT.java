package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;

/**
 * API apps from the CLI: when their secret expires (and a warning when that is near), a new secret that ends the old
 * one, another role, deletion; and the token-signing keys.
 */
class AppCommandsIT extends AgainstARealServer {

    @Test
    void appsAreListedWithWhenTheirSecretExpiresAndSecretsAboutToExpireAreNamed() {
        String name = "Soon " + UUID.randomUUID();
        Run created =
                allot.run("app", "create", name, "--role", "Global Reader", "--secret-expires", "10d", "-o", "json");

        assertThat(created.exit()).as(created.toString()).isZero();
        assertThat(created.json().path("clientSecret").asString()).hasSizeGreaterThan(20);
        assertThat(OffsetDateTime.parse(created.json().path("secretEndDateTime").asString()))
                .isCloseTo(
                        OffsetDateTime.now(ZoneOffset.UTC).plusDays(10),
                        org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));
        assertThat(created.err()).contains("not shown again").contains("expires in");

        Run list = allot.run("app", "list", "-o", "csv");
        assertThat(list.exit()).as(list.toString()).isZero();
        Map<String, String> row = list.csv().stream()
                .filter(r -> r.get("displayName").equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("role")).isEqualTo("Global Reader");
        assertThat(row.get("secret")).matches("expires in (9|10) days");
        assertThat(row.get("secretEndDateTime")).isNotBlank();
        assertThat(list.err()).contains("warning: the client secret of " + name);
        assertThat(list.csv()).allSatisfy(r -> assertThat(r).doesNotContainKey("clientSecret"));
    }

    @Test
    void aNewSecretEndsTheOldOneAndAnAppCanBeDemotedAndDeleted() {
        String name = "Report " + UUID.randomUUID();
        Run created = allot.run("app", "create", name, "--role", "Global Administrator", "-o", "json");
        String id = created.json().path("appId").asString();
        String oldSecret = created.json().path("clientSecret").asString();

        Run replaced = allot.run("app", "secret", name, "--secret-expires", "1y", "-o", "json");

        assertThat(replaced.exit()).as(replaced.toString()).isZero();
        String newSecret = replaced.json().path("clientSecret").asString();
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(OffsetDateTime.parse(
                        replaced.json().path("secretEndDateTime").asString()))
                .isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusDays(360));
        Run withOld = as(id, oldSecret).run("whoami");
        assertThat(withOld.exit()).isEqualTo(1);
        assertThat(withOld.err()).contains("InvalidClient");
        assertThat(as(id, newSecret).run("whoami").exit()).isZero();

        Run demoted = allot.run("app", "set-role", id, "--role", "Global Reader", "-o", "json");
        assertThat(demoted.exit()).as(demoted.toString()).isZero();
        assertThat(demoted.json().path("role").asString()).isEqualTo("Global Reader");
        Run refused = as(id, newSecret).run("subscription", "add", "--sku", "EMS", "--seats", "1");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("Authorization_RequestDenied");

        Run deleted = allot.run("app", "delete", name);
        assertThat(deleted.exit()).as(deleted.toString()).isZero();
        assertThat(allot.run("app", "list", "-o", "csv").csv())
                .noneMatch(r -> r.get("appId").equals(id));
        assertThat(allot.run("app", "delete", name).exit()).isEqualTo(3);
    }

    @Test
    void aNewSigningKeySignsAndTheOldOneIsStillListed() {
        Run before = allot.run("signing-key", "list", "-o", "json");
        assertThat(before.exit()).as(before.toString()).isZero();

        Run rotated = allot.run("signing-key", "rotate", "-o", "json");

        assertThat(rotated.exit()).as(rotated.toString()).isZero();
        String kid = rotated.json().get(0).path("kid").asString();
        Run after = allot.run("signing-key", "list", "-o", "json");
        assertThat(after.json().size()).isEqualTo(before.json().size() + 1);
        assertThat(after.json().get(0).path("kid").asString()).isEqualTo(kid);
        assertThat(after.json().get(0).path("current").asBoolean()).isTrue();
        assertThat(after.json().get(1).path("current").asBoolean()).isFalse();
    }

    @Test
    void aCertificateIsAddedListedAndRemoved() throws Exception {
        String name = "Signed " + UUID.randomUUID();
        allot.run("app", "create", name, "--role", "Global Reader");
        Path certificate = certificate();

        Run added = allot.run("app", "certificate", "add", name, certificate.toString(), "-o", "json");

        assertThat(added.exit()).as(added.toString()).isZero();
        String thumbprint = added.json().path("thumbprint").asString();
        assertThat(thumbprint).hasSize(40);
        Run list = allot.run("app", "certificate", "list", name, "-o", "csv");
        assertThat(list.csv()).singleElement().satisfies(r -> assertThat(r.get("thumbprint"))
                .isEqualTo(thumbprint));
        assertThat(allot.run("app", "certificate", "add", name, certificate.toString())
                        .exit())
                .as("the same certificate twice")
                .isNotZero();
        Run removed = allot.run("app", "certificate", "remove", name, thumbprint);
        assertThat(removed.exit()).as(removed.toString()).isZero();
        assertThat(allot.run("app", "certificate", "list", name, "-o", "csv").csv())
                .isEmpty();
    }

    /** A self-signed certificate (PEM) made by the JDK's keytool, as an admin would make one. */
    private Path certificate() throws Exception {
        Path store = home.resolve("app.p12");
        Path pem = home.resolve("app.pem");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        for (List<String> command : List.of(
                List.of(
                        keytool,
                        "-genkeypair",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-alias",
                        "app",
                        "-dname",
                        "CN=allot cli test",
                        "-validity",
                        "30",
                        "-keystore",
                        store.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit"),
                List.of(
                        keytool,
                        "-exportcert",
                        "-rfc",
                        "-alias",
                        "app",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit",
                        "-file",
                        pem.toString()))) {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
        }
        return pem;
    }

    private org.allot.cli.testing.Cli as(String clientId, String secret) {
        return allot.with("ALLOT_CLIENT_ID", clientId).with("ALLOT_CLIENT_SECRET", secret);
    }
}
