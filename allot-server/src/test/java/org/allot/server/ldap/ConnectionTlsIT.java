package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.allot.core.sync.ConnectionCheck;
import org.allot.core.sync.ConnectionCheck.Step;
import org.allot.core.sync.ConnectionReport;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.SyncRunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed TLS handshake says what failed — the certificate untrusted, for another host (both names), expired (its
 * dates), or no TLS on the port — in the TLS step, never as "the server went away" nor as a second CONNECT step.
 */
class ConnectionTlsIT {
    @TempDir
    Path keys;

    private final SyncTestbed allot = new SyncTestbed();

    @Test
    void aCertificateForAnotherHostNamesBothNamesInTheTlsStep() throws Exception {
        try (TlsDirectory dc = new TlsDirectory(keys, "dc1.corp.example.test", null, 30)) {
            ConnectionReport report = test(TestDirectory.connector(dc.url(), dc.certificate(), TestDirectory.BASE));

            ConnectionCheck failure = report.failure().orElseThrow();
            assertThat(failure.step()).isEqualTo(Step.TLS);
            assertThat(failure.detail())
                    .contains("dc1.corp.example.test")
                    .contains("not for localhost")
                    .doesNotContain("went away");
            assertThat(report.checks())
                    .extracting(ConnectionCheck::step)
                    .containsExactly(Step.DNS, Step.CONNECT, Step.TLS);
        }
    }

    @Test
    void anExpiredCertificateSaysSoWithItsDates() throws Exception {
        try (TlsDirectory dc = new TlsDirectory(keys, "localhost", "20200101000000", 30)) {
            ConnectionCheck failure = test(TestDirectory.connector(dc.url(), null, TestDirectory.BASE))
                    .failure()
                    .orElseThrow();

            assertThat(failure.step()).isEqualTo(Step.TLS);
            assertThat(failure.detail())
                    .contains("has expired")
                    .contains("valid from 2020-01-01")
                    .contains("to 2020-01-31");
        }
    }

    @Test
    void anUntrustedCertificateSaysWhoIssuedIt() throws Exception {
        try (TlsDirectory dc = new TlsDirectory(keys, "localhost", null, 30)) {
            ConnectionCheck failure = test(TestDirectory.connector(dc.url(), null, TestDirectory.BASE))
                    .failure()
                    .orElseThrow();

            assertThat(failure.step()).isEqualTo(Step.TLS);
            assertThat(failure.detail())
                    .contains("is not trusted")
                    .contains("issued by CN=localhost")
                    .contains("as the connector's trusted certificate (trustedCertificate in the API)")
                    .doesNotContain("went away");
        }
    }

    @Test
    void ldapsToAPlainLdapPortSaysTheServerDoesNotSpeakTls() {
        try (TestDirectory directory = TestDirectory.genericLdap()) {
            ConnectionCheck failure = test(TestDirectory.connector(
                            "ldaps://localhost:" + directory.port(), null, TestDirectory.BASE))
                    .failure()
                    .orElseThrow();

            assertThat(failure.step()).isEqualTo(Step.TLS);
            assertThat(failure.detail()).contains("does not speak TLS").doesNotContain("went away");
        }
    }

    @Test
    void aRunAgainstTheWrongHostNameFailsSayingSo() throws Exception {
        try (TlsDirectory dc = new TlsDirectory(keys, "dc1.corp.example.test", null, 30)) {
            allot.connect(TestDirectory.connector(dc.url(), dc.certificate(), TestDirectory.BASE));

            var run = allot.run();

            assertThat(run.state()).isEqualTo(SyncRunState.FAILED);
            assertThat(run.message())
                    .contains("TLS failed: the server's certificate is for dc1.corp.example.test, not for localhost");
        }
    }

    private ConnectionReport test(ConnectorRequest request) {
        return allot.sync.testConnection(allot.contoso.admin, request).value();
    }
}
