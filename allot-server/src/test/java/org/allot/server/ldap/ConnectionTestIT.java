package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.allot.core.sync.ConnectionCheck;
import org.allot.core.sync.ConnectionCheck.Step;
import org.allot.core.sync.ConnectionReport;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.SyncRunState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection test says which step fails: DNS, TCP, TLS, bind, base DN or filter. A directory with a self-signed
 * certificate for localhost serves LDAPS and StartTLS; the plain test directory serves neither.
 */
class ConnectionTestIT {
    @TempDir
    static Path keys;

    private static InMemoryDirectoryServer tlsServer;
    private static String certificate;
    private static int ldapsPort;
    private static int startTlsPort;

    private final SyncTestbed allot = new SyncTestbed();

    @BeforeAll
    static void startTlsDirectory() throws Exception {
        Path store = keys.resolve("server.p12");
        Path pem = keys.resolve("server.pem");
        manageCertificates(
                "generate-self-signed-certificate",
                "--keystore",
                store.toString(),
                "--keystore-password",
                "secret",
                "--keystore-type",
                "PKCS12",
                "--alias",
                "server",
                "--subject-dn",
                "CN=localhost",
                "--subject-alternative-name-dns",
                "localhost",
                "--days-valid",
                "30");
        manageCertificates(
                "export-certificate",
                "--keystore",
                store.toString(),
                "--keystore-password",
                "secret",
                "--alias",
                "server",
                "--output-format",
                "PEM",
                "--output-file",
                pem.toString());
        certificate = Files.readString(pem);
        SSLUtil serverTls = new SSLUtil(
                new KeyStoreKeyManager(store.toFile(), "secret".toCharArray(), "PKCS12", "server"),
                new TrustAllTrustManager());
        ldapsPort = freePort();
        startTlsPort = freePort();
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(TestDirectory.BASE);
        config.addAdditionalBindCredentials(TestDirectory.BIND_DN, TestDirectory.PASSWORD);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig(
                        "ldaps", null, ldapsPort, serverTls.createSSLServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPConfig(
                        "ldap", null, startTlsPort, serverTls.createSSLSocketFactory()));
        tlsServer = new InMemoryDirectoryServer(config);
        try (LDIFReader reader =
                new LDIFReader(ConnectionTestIT.class.getClassLoader().getResourceAsStream("ldap/ldap-contoso.ldif"))) {
            tlsServer.importFromLDIF(true, reader);
        }
        tlsServer.startListening();
    }

    @AfterAll
    static void stopTlsDirectory() {
        tlsServer.shutDown(true);
    }

    @Test
    void aWorkingConnectorPassesEveryStep() {
        try (TestDirectory directory = TestDirectory.activeDirectory()) {
            allot.connect(SyncTestbed.activeDirectory(directory));

            ConnectionReport report =
                    allot.sync.testConnection(allot.contoso.admin).value();

            assertThat(report.ok()).isTrue();
            assertThat(report.checks())
                    .extracting(ConnectionCheck::step)
                    .containsExactly(
                            Step.DNS,
                            Step.CONNECT,
                            Step.TLS,
                            Step.BIND,
                            Step.BASE_DN,
                            Step.USER_FILTER,
                            Step.GROUP_FILTER);
            assertThat(report.checks().get(2).detail()).contains("not used");
            assertThat(report.checks().get(5).detail()).containsPattern("finds \\d+ users, for example CN=");
        }
    }

    @Test
    void aWrongPasswordFailsTheBind() {
        try (TestDirectory directory = TestDirectory.activeDirectory()) {
            ConnectionReport report = test(with(SyncTestbed.activeDirectory(directory), "wrong password"));

            assertThat(report.failure().orElseThrow().step()).isEqualTo(Step.BIND);
            assertThat(report.failure().orElseThrow().detail()).contains("invalid credentials");
        }
    }

    @Test
    void anUnknownHostFailsAtDns() {
        ConnectionReport report = test(request("ldap://no-such-dc.invalid", false, null, List.of(TestDirectory.BASE)));

        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.step()).isEqualTo(Step.DNS);
            assertThat(check.detail()).contains("no-such-dc.invalid is not known to DNS");
        });
    }

    @Test
    void aPortNobodyListensOnFailsToConnect() throws Exception {
        ConnectionReport report =
                test(request("ldap://localhost:" + freePort(), false, null, List.of(TestDirectory.BASE)));

        assertThat(report.failure().orElseThrow().step()).isEqualTo(Step.CONNECT);
        assertThat(report.failure().orElseThrow().detail()).contains("nothing accepts connections");
    }

    @Test
    void everyUrlIsTriedUpToTheBindAndEachStepNamesItsUrl() throws Exception {
        try (TestDirectory directory = TestDirectory.activeDirectory()) {
            String down = "ldap://localhost:" + freePort();
            String first = directory.url();
            String second = "ldap://127.0.0.1:" + directory.port();

            ConnectionReport report =
                    test(request(down + " " + first + " " + second, false, null, List.of(TestDirectory.BASE)));

            assertThat(report.ok()).isFalse();
            assertThat(report.failure().orElseThrow().detail())
                    .startsWith(down + ": nothing accepts connections on localhost:");
            assertThat(report.checks())
                    .filteredOn(c -> c.step() == Step.BIND)
                    .extracting(ConnectionCheck::passed, ConnectionCheck::detail)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(true, first + ": bound as " + TestDirectory.BIND_DN),
                            org.assertj.core.groups.Tuple.tuple(true, second + ": bound as " + TestDirectory.BIND_DN));
            assertThat(report.checks())
                    .extracting(ConnectionCheck::step)
                    .endsWith(Step.BIND, Step.BASE_DN, Step.USER_FILTER, Step.GROUP_FILTER);
            assertThat(report.checks())
                    .filteredOn(c -> c.step() == Step.USER_FILTER)
                    .singleElement()
                    .satisfies(c -> assertThat(c.passed()).isTrue());
        }
    }

    @Test
    void aServerThatRefusesTheBindDoesNotHideTheNextOne() throws Exception {
        // a server that does not know the sync account's password
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(TestDirectory.BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        InMemoryDirectoryServer stranger = new InMemoryDirectoryServer(config);
        stranger.startListening();
        try (TestDirectory directory = TestDirectory.activeDirectory()) {
            String strangers = "ldap://localhost:" + stranger.getListenPort();
            ConnectionReport report =
                    test(request(strangers + " " + directory.url(), false, null, List.of(TestDirectory.BASE)));

            assertThat(report.checks())
                    .filteredOn(c -> c.step() == Step.BIND)
                    .extracting(ConnectionCheck::passed)
                    .containsExactly(false, true);
            assertThat(report.failure().orElseThrow().detail())
                    .startsWith(strangers + ": the directory refused the bind as " + TestDirectory.BIND_DN);
            assertThat(report.checks())
                    .filteredOn(c -> c.step() == Step.USER_FILTER)
                    .singleElement()
                    .satisfies(c -> assertThat(c.passed()).isTrue());
        } finally {
            stranger.shutDown(true);
        }
    }

    @Test
    void aMissingBaseDnIsNamed() {
        try (TestDirectory directory = TestDirectory.activeDirectory()) {
            ConnectionReport report =
                    test(request(directory.url(), false, null, List.of("OU=Nowhere,DC=contoso,DC=com")));

            assertThat(report.failure().orElseThrow().step()).isEqualTo(Step.BASE_DN);
            assertThat(report.failure().orElseThrow().detail())
                    .isEqualTo("OU=Nowhere,DC=contoso,DC=com was not found: it does not exist, or access rules"
                            + " hide it from " + TestDirectory.BIND_DN + " (directories answer the same for both):"
                            + " check the DN, then the account's read rights (the closest entry the account sees is"
                            + " DC=contoso,DC=com)");
        }
    }

    @Test
    void ldapsWithTheServersCertificateTrustedWorks() {
        ConnectionReport report =
                test(request("ldaps://localhost:" + ldapsPort, false, certificate, List.of(TestDirectory.BASE)));

        assertThat(report.ok()).isTrue();
        assertThat(report.checks().get(2).detail()).contains("LDAPS handshake done");
    }

    @Test
    void startTlsWithTheServersCertificateTrustedWorks() {
        ConnectionReport report =
                test(request("ldap://localhost:" + startTlsPort, true, certificate, List.of(TestDirectory.BASE)));

        assertThat(report.ok()).isTrue();
        assertThat(report.checks().get(2).detail()).contains("StartTLS done");
    }

    @Test
    void anUntrustedCertificateFailsTheTlsStep() {
        ConnectionReport report =
                test(request("ldaps://localhost:" + ldapsPort, false, null, List.of(TestDirectory.BASE)));

        assertThat(report.failure().orElseThrow().step()).isEqualTo(Step.TLS);
        assertThat(report.failure().orElseThrow().detail())
                .contains("as the connector's trusted certificate (trustedCertificate in the API)");
    }

    @Test
    void ldapsToAPlainPortOrStartTlsToAServerWithoutTlsFailTheTlsStep() {
        try (TestDirectory directory = TestDirectory.activeDirectory()) {
            String plain = "ldaps://localhost:" + directory.port();
            assertThat(test(request(plain, false, null, List.of(TestDirectory.BASE)))
                            .failure()
                            .orElseThrow()
                            .step())
                    .isEqualTo(Step.TLS);
            assertThat(test(request(directory.url(), true, null, List.of(TestDirectory.BASE)))
                            .failure()
                            .orElseThrow()
                            .step())
                    .isEqualTo(Step.TLS);
        }
    }

    @Test
    void settingsThatCannotWorkAreRefusedBeforeTheyAreSaved() {
        ConnectorRequest badFilter = new ConnectorRequest(
                "activeDirectory",
                "ldap://localhost",
                false,
                null,
                null,
                null,
                List.of(TestDirectory.BASE),
                "(objectClass=user",
                null,
                Map.of(),
                true);
        ConnectorRequest badBase = request("ldap://localhost", false, null, List.of("not a dn"));

        assertThat(allot.sync
                        .configure(allot.contoso.admin, badFilter)
                        .rejection()
                        .message())
                .startsWith("Unable to parse string '(objectClass=user' as an LDAP filter because it has an opening"
                        + " parenthesis at position 0 without the expected closing parenthesis")
                .endsWith("Write an LDAP filter such as (objectClass=inetOrgPerson) or"
                        + " (&(objectClass=user)(department=Sales)).");
        assertThat(allot.sync
                        .configure(allot.contoso.admin, badBase)
                        .rejection()
                        .message())
                .contains("'not a dn' is not a distinguished name");
        assertThat(allot.sync.connector(allot.tenant)).isEmpty();
    }

    @Test
    void anUnreachableDirectoryFailsTheRunAndDeletesNothing() {
        TestDirectory directory = TestDirectory.activeDirectory();
        allot.connect(SyncTestbed.activeDirectory(directory));
        allot.run();
        directory.close();

        var failed = allot.run();

        assertThat(failed.state()).isEqualTo(SyncRunState.FAILED);
        assertThat(failed.message())
                .as("as the connection test says it, without the LDAP SDK's nested exceptions")
                .isEqualTo("Cannot reach the directory at " + directory.url()
                        + ": nothing accepts connections there (Connection refused)");
        assertThat(allot.syncedUsers()).isEqualTo(1607);
    }

    @Test
    void thePasswordIsStoredSealedAndNeverReturned() {
        try (TestDirectory directory = TestDirectory.activeDirectory()) {
            var connector = allot.connect(SyncTestbed.activeDirectory(directory));

            assertThat(connector.passwordSet()).isTrue();
            assertThat(connector.toString()).doesNotContain(TestDirectory.PASSWORD);
            String stored = allot.jdbc
                    .sql("select sealed_password from sync_connector where tenant_id = ?")
                    .param(allot.tenant.value())
                    .query(String.class)
                    .single();
            assertThat(stored).startsWith("v1:").doesNotContain(TestDirectory.PASSWORD);
        }
    }

    private ConnectionReport test(ConnectorRequest request) {
        return allot.sync.testConnection(allot.contoso.admin, request).value();
    }

    private static ConnectorRequest request(String url, boolean startTls, String certificate, List<String> bases) {
        return new ConnectorRequest(
                "genericLdap",
                url,
                startTls,
                certificate,
                TestDirectory.BIND_DN,
                TestDirectory.PASSWORD,
                bases,
                "(objectClass=person)",
                "(|(objectClass=group)(objectClass=groupOfNames))",
                Map.of(),
                true);
    }

    private static ConnectorRequest with(ConnectorRequest request, String password) {
        return new ConnectorRequest(
                request.preset(),
                request.url(),
                request.startTls(),
                request.trustedCertificate(),
                request.bindDn(),
                password,
                request.baseDns(),
                request.userFilter(),
                request.groupFilter(),
                request.mapping(),
                request.enabled());
    }

    private static void manageCertificates(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(null, out, out, args);
        if (!ResultCode.SUCCESS.equals(result)) {
            throw new IllegalStateException("manage-certificates failed: " + out);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
