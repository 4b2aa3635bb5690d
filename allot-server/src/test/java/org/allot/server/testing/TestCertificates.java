package org.allot.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** What a test's client does with a server's certificate: trust it from a PEM file, or look at what is presented. */
public final class TestCertificates {
    private TestCertificates() {}

    /** Certificates of a PEM file, as {@code curl --cacert} reads them. */
    public static List<X509Certificate> read(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust manager for which the certificates of the PEM file are the only trusted authorities. */
    public static X509TrustManager trustManager(Path pem) {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int i = 0;
            for (Certificate c : read(pem)) {
                anchors.setCertificateEntry("trusted-" + i++, c);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** TLS that trusts the certificates of the PEM file and nothing else (host names are still checked). */
    public static SSLContext trusting(Path pem) {
        return context(trustManager(pem));
    }

    public static SSLContext context(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate chain the server at host:port presents in a TLS handshake (trusted or not). */
    public static List<X509Certificate> presented(String host, int port) {
        AtomicReference<X509Certificate[]> seen = new AtomicReference<>();
        X509TrustManager looker = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen.set(chain);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try (Socket plain = new Socket(host, port);
                SSLSocket tls = (SSLSocket) context(looker).getSocketFactory().createSocket(plain, host, port, true)) {
            tls.setSoTimeout(10_000);
            tls.startHandshake();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(seen.get());
    }

    /** The SHA-256 fingerprint of a certificate as openssl prints it: 32 bytes in upper-case hex, colon-separated. */
    public static String sha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
