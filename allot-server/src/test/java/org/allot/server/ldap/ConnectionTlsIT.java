package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
            ConnectionReport report = test(request(dc.url(), dc.certificate()));

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
            ConnectionCheck failure = test(request(dc.url(), null)).failure().orElseThrow();

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
            ConnectionCheck failure = test(request(dc.url(), null)).failure().orElseThrow();

            assertThat(failure.step()).isEqualTo(Step.TLS);
            assertThat(failure.detail())
                    .contains("is not trusted")
                    .contains("issued by CN=localhost")
                    .contains("add it as trustedCertificate")
                    .doesNotContain("went away");
        }
    }

    @Test
    void ldapsToAPlainLdapPortSaysTheServerDoesNotSpeakTls() {
        try (TestDirectory directory = TestDirectory.genericLdap()) {
            ConnectionCheck failure = test(request("ldaps://localhost:" + directory.port(), null))
                    .failure()
                    .orElseThrow();

            assertThat(failure.step()).isEqualTo(Step.TLS);
            assertThat(failure.detail()).contains("does not speak TLS").doesNotContain("went away");
        }
    }

    @Test
    void aRunAgainstTheWrongHostNameFailsSayingSo() throws Exception {
        try (TlsDirectory dc = new TlsDirectory(keys, "dc1.corp.example.test", null, 30)) {
            allot.connect(request(dc.url(), dc.certificate()));

            var run = allot.run();

            assertThat(run.state()).isEqualTo(SyncRunState.FAILED);
            assertThat(run.message())
                    .contains("TLS failed: the server's certificate is for dc1.corp.example.test, not for localhost");
        }
    }

    private ConnectionReport test(ConnectorRequest request) {
        return allot.sync.testConnection(allot.contoso.admin, request).value();
    }

    private static ConnectorRequest request(String url, String certificate) {
        return new ConnectorRequest(
                "genericLdap",
                url,
                false,
                certificate,
                TestDirectory.BIND_DN,
                TestDirectory.PASSWORD,
                List.of(TestDirectory.BASE),
                "(objectClass=person)",
                "(objectClass=groupOfNames)",
                Map.of(),
                true);
    }
}
