package org.allot.server.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate a first start makes: kept owner-only, used again, made anew only when it must be. */
class SelfSignedCertificateTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final CertificateNames NAMES = CertificateNames.forThisMachine(List.of());

    @TempDir
    Path data;

    @Test
    void theFirstStartMakesACertificateForThisMachineKeptForItsOwnerOnly() throws Exception {
        ServerCertificate made = SelfSignedCertificate.obtain(data.resolve("tls"), NAMES, at(NOW));

        assertThat(made.selfSigned()).isTrue();
        assertThat(CertificateNames.of(made.certificate()).covers(NAMES)).isTrue();
        assertThat(CertificateNames.of(made.certificate()).hostNames()).contains("localhost");
        assertThat(CertificateNames.of(made.certificate()).addresses()).contains("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(made.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(made.certificate().getBasicConstraints())
                .as("not an authority")
                .isEqualTo(-1);
        assertThat(Files.getPosixFilePermissions(data.resolve("tls")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        for (String file : List.of("certificate.pem", "private-key.pem")) {
            assertThat(Files.getPosixFilePermissions(data.resolve("tls").resolve(file)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(made.file()).isEqualTo(data.resolve("tls/certificate.pem").toAbsolutePath());
    }

    @Test
    void laterStartsUseTheSameCertificateAndRestrictFilesOthersCouldRead() throws Exception {
        ServerCertificate first = SelfSignedCertificate.obtain(data.resolve("tls"), NAMES, at(NOW));
        Path key = data.resolve("tls/private-key.pem");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        ServerCertificate again =
                SelfSignedCertificate.obtain(data.resolve("tls"), NAMES, at(NOW.plus(Duration.ofDays(400))));

        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aNewCertificateIsMadeWhenTheOldOneNearsItsEndOrLacksANameOrItsKey() throws Exception {
        Path folder = data.resolve("tls");
        String first = SelfSignedCertificate.obtain(folder, NAMES, at(NOW)).fingerprint();

        ServerCertificate renewed = SelfSignedCertificate.obtain(folder, NAMES, at(NOW.plus(Duration.ofDays(800))));
        assertThat(renewed.fingerprint()).isNotEqualTo(first);
        assertThat(renewed.certificate().getNotAfter().toInstant()).isAfter(NOW.plus(Duration.ofDays(1600)));

        CertificateNames more = CertificateNames.forThisMachine(List.of("allot.corp.example", "192.0.2.7"));
        ServerCertificate named = SelfSignedCertificate.obtain(folder, more, at(NOW.plus(Duration.ofDays(800))));
        assertThat(named.fingerprint()).isNotEqualTo(renewed.fingerprint());
        assertThat(CertificateNames.of(named.certificate()).hostNames()).contains("allot.corp.example");
        assertThat(CertificateNames.of(named.certificate()).addresses()).contains("192.0.2.7");

        Files.writeString(folder.resolve("private-key.pem"), "not a key");
        ServerCertificate rekeyed = SelfSignedCertificate.obtain(folder, more, at(NOW.plus(Duration.ofDays(800))));
        assertThat(rekeyed.fingerprint()).isNotEqualTo(named.fingerprint());
        assertThat(ServerCertificate.fromPemFiles(
                                folder.resolve("certificate.pem"), folder.resolve("private-key.pem"), null)
                        .fingerprint())
                .isEqualTo(rekeyed.fingerprint());
    }

    @Test
    void configuredPemFilesMustHoldTheKeyOfTheirCertificate() throws Exception {
        SelfSignedCertificate.obtain(data.resolve("a"), NAMES, at(NOW));
        SelfSignedCertificate.obtain(data.resolve("b"), NAMES, at(NOW));

        assertThatThrownBy(() -> ServerCertificate.fromPemFiles(
                        data.resolve("a/certificate.pem"), data.resolve("b/private-key.pem"), null))
                .hasMessageContaining("is not the key of the first certificate");
        assertThatThrownBy(() -> ServerCertificate.fromPemFiles(
                        data.resolve("a/certificate.pem"), data.resolve("nowhere.pem"), null))
                .hasMessageContaining("allot.tls.private-key")
                .hasMessageContaining("missing or unreadable");
    }

    @Test
    void aConfiguredNameMustBeAHostNameOrAnAddress() {
        assertThat(CertificateNames.forThisMachine(List.of("Allot.Example.COM", "[2001:db8::1]", "*.allot.example"))
                        .hostNames())
                .contains("allot.example.com", "*.allot.example");
        assertThatThrownBy(() -> CertificateNames.forThisMachine(List.of("https://allot.example.com")))
                .hasMessageContaining("neither a host name nor an IP address");
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
