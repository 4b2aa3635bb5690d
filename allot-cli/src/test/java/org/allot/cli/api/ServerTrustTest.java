package org.allot.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.allot.cli.process.Environment;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CLI trusts: a fingerprint written as openssl or the server prints it, or a CA file; not both. */
class ServerTrustTest {
    private static final String FINGERPRINT =
            "79:E6:C8:D0:90:23:11:5D:E4:CD:80:49:43:6C:44:F4:31:9A:88:B0:FE:0B:B8:FF:2C:F3:BE:1F:42:C4:BE:82";

    @TempDir
    Path home;

    @Test
    void aFingerprintIsReadInTheFormsPeopleCopy() {
        for (String written : new String[] {
            FINGERPRINT,
            FINGERPRINT.toLowerCase(java.util.Locale.ROOT),
            FINGERPRINT.replace(":", ""),
            "sha256 Fingerprint=" + FINGERPRINT,
            " SHA256:" + FINGERPRINT.replace(":", " ") + " "
        }) {
            assertThat(ServerTrust.of(null, written).fingerprint()).as(written).isEqualTo(FINGERPRINT);
        }
    }

    @Test
    void aMalformedFingerprintAMissingCaFileOrBothAreUsageErrors() throws Exception {
        assertThatThrownBy(() -> ServerTrust.of(null, "79:E6:C8"))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.exit()).isEqualTo(Exit.USAGE))
                .hasMessageContaining("SHA-256 fingerprint");
        assertThatThrownBy(() -> ServerTrust.of(home.resolve("none.pem").toString(), null))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.exit()).isEqualTo(Exit.USAGE))
                .hasMessageContaining("none.pem");
        Path notPem = Files.writeString(home.resolve("not.pem"), "hello");
        assertThatThrownBy(() -> ServerTrust.of(notPem.toString(), null))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.exit()).isEqualTo(Exit.USAGE))
                .hasMessageContaining("no PEM certificate");
        assertThatThrownBy(() -> ServerTrust.of(notPem.toString(), FINGERPRINT))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.exit()).isEqualTo(Exit.USAGE))
                .hasMessageContaining("either");
    }

    @Test
    void theSavedTrustIsForTheSavedServerOnlyAndTheEnvironmentOverridesIt() {
        Path config = home.resolve("config.json");
        new ConfigFile(config)
                .write(new Credentials("https://allot.example.com:8443", "app", "secret", null, FINGERPRINT));
        Map<String, String> saved = Map.of("ALLOT_CONFIG", config.toString());

        assertThat(ConfigFile.resolve(new Environment(saved, home, false)).trust())
                .isEqualTo(ServerTrust.of(null, FINGERPRINT));
        Map<String, String> elsewhere = Map.of("ALLOT_CONFIG", config.toString(), "ALLOT_URL", "https://other:8443");
        assertThat(ConfigFile.resolve(new Environment(elsewhere, home, false)).trust())
                .isEqualTo(ServerTrust.SYSTEM);
        String other = "00" + FINGERPRINT.substring(2);
        Map<String, String> pinned = Map.of("ALLOT_CONFIG", config.toString(), "ALLOT_FINGERPRINT", other);
        assertThat(ConfigFile.resolve(new Environment(pinned, home, false))
                        .trust()
                        .fingerprint())
                .isEqualTo(other);
    }
}
