package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.allot.core.sync.ConnectionCheck;
import org.allot.core.sync.ConnectionCheck.Step;
import org.allot.core.sync.ConnectorRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a failed TLS step says against a real OpenLDAP slapd serving LDAPS with certificates an authority made with
 * openssl signed: one for {@code dc1.corp.example.test} (reached as localhost: another host name; or without the
 * authority trusted: untrusted), one for localhost that expired in January 2020.
 */
class SlapdTlsIT {
    private static final String SUFFIX = "dc=corp,dc=example,dc=test";
    private static final String ROOT_DN = "cn=admin," + SUFFIX;

    @TempDir
    static Path folder;

    private static String authority;
    private static final List<Process> servers = new ArrayList<>();
    private static int forDc1;
    private static int expired;

    private final SyncTestbed allot = new SyncTestbed();

    @BeforeAll
    static void start() throws Exception {
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-subj",
                "/CN=Corp Test CA",
                "-days",
                "30");
        authority = Files.readString(folder.resolve("ca.pem"));
        Files.writeString(folder.resolve("ca.cnf"), """
                [ ca ]
                default_ca = own
                [ own ]
                dir = .
                database = index.txt
                new_certs_dir = .
                serial = serial
                default_md = sha256
                policy = any
                copy_extensions = copy
                [ any ]
                commonName = supplied
                """);
        Files.writeString(folder.resolve("index.txt"), "");
        Files.writeString(folder.resolve("serial"), "01\n");
        certificate("dc1", "dc1.corp.example.test", "20200101000000Z", "20991231000000Z");
        certificate("old", "localhost", "20200101000000Z", "20200131000000Z");
        forDc1 = slapd("dc1");
        expired = slapd("old");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process server : servers) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCertificateForAnotherHostNamesBothNames() {
        ConnectionCheck failure = test(forDc1, authority);

        assertThat(failure.step()).isEqualTo(Step.TLS);
        assertThat(failure.detail())
                .startsWith("TLS failed: the server's certificate is for dc1.corp.example.test, not for localhost");
    }

    @Test
    void anAuthorityNotTrustedIsNamed() {
        ConnectionCheck failure = test(forDc1, null);

        assertThat(failure.step()).isEqualTo(Step.TLS);
        assertThat(failure.detail())
                .contains("dc1.corp.example.test, issued by CN=Corp Test CA) is not trusted")
                .contains("as the connector's trusted certificate (trustedCertificate in the API)");
    }

    @Test
    void anExpiredCertificateGivesItsDates() {
        ConnectionCheck failure = test(expired, authority);

        assertThat(failure.step()).isEqualTo(Step.TLS);
        assertThat(failure.detail())
                .contains("the server's certificate for localhost has expired")
                .contains("valid from 2020-01-01T00:00:00Z to 2020-01-31T00:00:00Z");
    }

    private ConnectionCheck test(int port, String trusted) {
        ConnectorRequest request = new ConnectorRequest(
                "genericLdap",
                "ldaps://localhost:" + port,
                false,
                trusted,
                ROOT_DN,
                "secret",
                List.of(SUFFIX),
                null,
                null,
                Map.of(),
                true);
        return allot.sync
                .testConnection(allot.contoso.admin, request)
                .value()
                .failure()
                .orElseThrow();
    }

    private static void certificate(String name, String host, String from, String to) throws Exception {
        openssl(
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                name + ".key",
                "-out",
                name + ".csr",
                "-subj",
                "/CN=" + host,
                "-addext",
                "subjectAltName=DNS:" + host);
        openssl(
                "ca",
                "-batch",
                "-config",
                "ca.cnf",
                "-cert",
                "ca.pem",
                "-keyfile",
                "ca.key",
                "-in",
                name + ".csr",
                "-out",
                name + ".pem",
                "-startdate",
                from,
                "-enddate",
                to,
                "-notext");
    }

    private static int slapd(String name) throws Exception {
        Path db = Files.createDirectories(folder.resolve(name + "-db"));
        Path config = folder.resolve(name + ".conf");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "include /etc/ldap/schema/core.schema",
                        "modulepath /usr/lib/ldap",
                        "moduleload back_mdb",
                        "pidfile " + folder.resolve(name + ".pid"),
                        "TLSCertificateFile " + folder.resolve(name + ".pem"),
                        "TLSCertificateKeyFile " + folder.resolve(name + ".key"),
                        "TLSCACertificateFile " + folder.resolve("ca.pem"),
                        "database mdb",
                        "suffix \"" + SUFFIX + "\"",
                        "rootdn \"" + ROOT_DN + "\"",
                        "rootpw secret",
                        "directory " + db,
                        ""));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process server = new ProcessBuilder(
                        "/usr/sbin/slapd", "-f", config.toString(), "-h", "ldaps://127.0.0.1:" + port + "/", "-d", "0")
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile())
                .start();
        servers.add(server);
        for (int i = 0; i < 300; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("slapd stopped: " + Files.readString(folder.resolve(name + ".log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return port;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("slapd did not listen: " + Files.readString(folder.resolve(name + ".log")));
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("openssl.log").toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl failed: " + Files.readString(folder.resolve("openssl.log")));
        }
    }
}
