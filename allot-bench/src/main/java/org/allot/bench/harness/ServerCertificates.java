package org.allot.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificates of the servers the harness started (each generates its own at first start, as the README's
 * command does), trusted by the harness's clients and nothing else: the JVM's default TLS context trusts exactly
 * these, pinned, from the moment a server is started.
 */
public final class ServerCertificates {
    private static final List<X509Certificate> TRUSTED = new CopyOnWriteArrayList<>();
    private static final SSLContext CONTEXT = context();

    private ServerCertificates() {}

    /** Trusts the certificate a server wrote into its data directory ({@code tls/certificate.pem}). */
    static void trust(Path dataDirectory) {
        Path pem = dataDirectory.resolve("tls").resolve("certificate.pem");
        try (InputStream in = Files.newInputStream(pem)) {
            TRUSTED.add(
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the server's certificate " + pem + " cannot be read", e);
        } catch (CertificateException e) {
            throw new IllegalStateException("the server's certificate " + pem + " cannot be read", e);
        }
        SSLContext.setDefault(CONTEXT);
    }

    /** A TLS context that trusts the servers started so far and those started later. */
    public static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509ExtendedTrustManager[] {new Pinned()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Pinned extends X509ExtendedTrustManager {
        private static void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0 || !TRUSTED.contains(chain[0])) {
                throw new CertificateException("not the certificate of a server the harness started");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("no client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("no client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return TRUSTED.toArray(X509Certificate[]::new);
        }
    }
}
