package org.allot.server.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory directory serving LDAPS on localhost with a self-signed certificate made for the test: its names, and
 * its validity window, are the test's choice.
 */
final class TlsDirectory implements AutoCloseable {
    private final InMemoryDirectoryServer server;
    private final String certificate;

    /**
     * @param name the certificate's subject common name and DNS name
     * @param validityStart YYYYMMDDhhmmss, or null for now
     * @param daysValid how many days the certificate is valid from its start
     */
    TlsDirectory(Path folder, String name, String validityStart, int daysValid) throws Exception {
        Path store = folder.resolve(name + "-" + validityStart + ".p12");
        Path pem = folder.resolve(name + "-" + validityStart + ".pem");
        List<String> args = new ArrayList<>(List.of(
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
                "CN=" + name,
                "--subject-alternative-name-dns",
                name,
                "--days-valid",
                Integer.toString(daysValid)));
        if (validityStart != null) {
            args.addAll(List.of("--validity-start-time", validityStart));
        }
        manageCertificates(args.toArray(String[]::new));
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
        SSLUtil tls = new SSLUtil(
                new KeyStoreKeyManager(store.toFile(), "secret".toCharArray(), "PKCS12", "server"),
                new TrustAllTrustManager());
        server = TestDirectory.started(config -> {
            try {
                config.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig(
                        "ldaps", null, 0, tls.createSSLServerSocketFactory(), null));
            } catch (LDAPException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The PEM of the server's certificate, to pin as trustedCertificate. */
    String certificate() {
        return certificate;
    }

    String url() {
        return "ldaps://localhost:" + server.getListenPort();
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private static void manageCertificates(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(null, out, out, args);
        if (!ResultCode.SUCCESS.equals(result)) {
            throw new IllegalStateException("manage-certificates failed: " + out);
        }
    }
}
