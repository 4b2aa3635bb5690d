package org.allot.server.security.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.boot.ssl.pem.PemSslStore;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;

/**
 * The certificate HTTPS presents: its chain (the server's own first), and where it comes from, in words for the
 * startup banner. The private key is held only by certificates the server serves itself.
 *
 * @param chain the server's certificate, then the authorities that issued it, if any
 * @param privateKey the server certificate's key; null when Spring Boot's own {@code server.ssl} settings hold it
 * @param file the PEM file of the chain, if it is one
 * @param origin where the certificate comes from, for people
 */
public record ServerCertificate(List<X509Certificate> chain, PrivateKey privateKey, Path file, String origin) {

    public ServerCertificate {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain holds at least one certificate");
        }
    }

    /** The certificate of a PEM chain file and the private key of a PEM key file, checked to belong together. */
    public static ServerCertificate fromPemFiles(Path certificate, Path privateKey, String password) {
        List<X509Certificate> chain = pem(certificate, "allot.tls.certificate").getCertificates();
        if (chain.isEmpty()) {
            throw new IllegalStateException("allot.tls.certificate: " + certificate + " holds no PEM certificate.");
        }
        PrivateKey key;
        try {
            key = pem(privateKey, "allot.tls.private-key").getPrivateKey(password);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "allot.tls.private-key: cannot read a private key from " + privateKey + " (" + e.getMessage()
                            + "); an encrypted key needs allot.tls.private-key-password.",
                    e);
        }
        if (key == null) {
            throw new IllegalStateException("allot.tls.private-key: " + privateKey + " holds no PEM private key.");
        }
        ServerCertificate loaded =
                new ServerCertificate(chain, key, certificate.toAbsolutePath().normalize(), "allot.tls.certificate");
        if (!loaded.keyMatches()) {
            throw new IllegalStateException("allot.tls.private-key: the key in " + privateKey
                    + " is not the key of the first certificate in " + certificate + ".");
        }
        return loaded;
    }

    /** The first key entry's chain of a key store (what Spring Boot's {@code server.ssl} settings configured). */
    public static ServerCertificate fromKeyStore(KeyStore store, String alias, String origin) {
        try {
            for (String name : alias == null ? Collections.list(store.aliases()) : List.of(alias)) {
                Certificate[] chain = store.getCertificateChain(name);
                if (store.isKeyEntry(name) && chain != null && chain.length > 0) {
                    return new ServerCertificate(
                            Arrays.stream(chain)
                                    .map(X509Certificate.class::cast)
                                    .toList(),
                            null,
                            null,
                            origin);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key store of " + origin, e);
        }
        throw new IllegalStateException("the key store of " + origin + " holds no key with a certificate");
    }

    public ServerCertificate withOrigin(String description) {
        return new ServerCertificate(chain, privateKey, file, description);
    }

    /** Signed by its own key: trusted only where it is trusted itself (or its fingerprint pinned). */
    public boolean selfSigned() {
        return chain.size() == 1
                && certificate().getIssuerX500Principal().equals(certificate().getSubjectX500Principal());
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** SHA-256 of the server certificate as {@code openssl x509 -fingerprint -sha256} prints it (AB:CD:…). */
    public String fingerprint() {
        try {
            return HexFormat.ofDelimiter(":")
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(certificate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What Tomcat serves: the chain and its key. */
    public SslBundle sslBundle() {
        if (privateKey == null) {
            throw new IllegalStateException("the private key of " + origin + " is not held here");
        }
        return SslBundle.of(new PemSslStoreBundle(PemSslStore.of(chain, privateKey), null));
    }

    /** Whether the private key is the server certificate's: it signs what the certificate's public key verifies. */
    boolean keyMatches() {
        String algorithm =
                switch (privateKey.getAlgorithm().toUpperCase(Locale.ROOT)) {
                    case "EC" -> "SHA256withECDSA";
                    case "RSA" -> "SHA256withRSA";
                    case "ED25519", "EDDSA" -> "Ed25519";
                    default -> null;
                };
        if (algorithm == null) {
            return true;
        }
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate().getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PemContent pem(Path file, String setting) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException(setting + ": " + file.toAbsolutePath() + " is missing or unreadable.");
        }
        try {
            return PemContent.load(file);
        } catch (IOException e) {
            throw new IllegalStateException(setting + ": cannot read " + file.toAbsolutePath(), e);
        }
    }

    @Override
    public String toString() {
        return "ServerCertificate[" + certificate().getSubjectX500Principal() + ", " + origin + "]";
    }
}
