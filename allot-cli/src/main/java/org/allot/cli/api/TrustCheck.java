package org.allot.cli.api;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks the certificate an {@code https} server presents against a {@link ServerTrust}, and remembers it, so that a
 * refusal can say which certificate it was.
 */
final class TrustCheck extends X509ExtendedTrustManager {
    private final ServerTrust trust;
    private final X509ExtendedTrustManager authorities;
    private volatile X509Certificate presented;

    TrustCheck(ServerTrust trust) {
        this.trust = trust;
        this.authorities = trust.pinned() ? null : authorities(trust.caFile() == null ? null : trust.anchors());
    }

    ServerTrust trust() {
        return trust;
    }

    /** The certificate the server presented last, or null before any handshake. */
    X509Certificate presented() {
        return presented;
    }

    SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (!pinChecked(chain)) {
            authorities.checkServerTrusted(chain, authType, engine);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (!pinChecked(chain)) {
            authorities.checkServerTrusted(chain, authType, socket);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (!pinChecked(chain)) {
            authorities.checkServerTrusted(chain, authType);
        }
    }

    /**
     * Remembers the server's certificate; with a pin, decides alone: true when the certificate is the pinned one,
     * an exception when it is not. False: the authorities decide.
     */
    private boolean pinChecked(X509Certificate[] chain) throws CertificateException {
        presented = chain == null || chain.length == 0 ? null : chain[0];
        if (!trust.pinned()) {
            return false;
        }
        if (presented == null || !fingerprint(presented).equals(trust.fingerprint())) {
            throw new CertificateException("not the pinned certificate " + trust.fingerprint());
        }
        return true;
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":")
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the CLI is no server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the CLI is no server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the CLI is no server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authorities == null ? new X509Certificate[0] : authorities.getAcceptedIssuers();
    }

    /** PKIX with the anchors (null: the system's), host names checked. */
    private static X509ExtendedTrustManager authorities(KeyStore anchors) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
