package org.allot.cli.api;

import java.security.cert.X509Certificate;
import javax.net.ssl.SSLHandshakeException;
import org.allot.cli.process.Failure;

/** What the CLI says when an {@code https} server's certificate is not trusted: which one it saw, how to trust it. */
final class TlsRefusals {
    private TlsRefusals() {}

    static Failure untrusted(String server, TrustCheck check, SSLHandshakeException e) {
        X509Certificate presented = check.presented();
        ServerTrust trust = check.trust();
        if (presented == null) {
            return Failure.failed(
                    "TlsHandshakeFailed",
                    "The TLS handshake with the Allot server at " + server + " failed (" + e.getMessage() + ").");
        }
        String seen = TrustCheck.fingerprint(presented);
        String howTo = " If " + seen + " is the fingerprint the server printed at start (or "
                + "'openssl x509 -noout -fingerprint -sha256 -in <data>/tls/certificate.pem' shows on the server), trust"
                + " it: allot login --url " + server + " --fingerprint " + seen
                + " (scripts: ALLOT_FINGERPRINT); or give"
                + " the authority that issued it: --ca-file <pem> (ALLOT_CA_FILE).";
        if (trust.pinned()) {
            return Failure.untrusted("The Allot server at " + server + " presented a certificate with SHA-256"
                    + " fingerprint " + seen + ", not the pinned " + trust.fingerprint() + ": the server has a new"
                    + " certificate, or this is not your server." + howTo);
        }
        return Failure.untrusted("The Allot server at " + server + " presented a certificate (SHA-256 fingerprint "
                + seen + ", issued by " + String.valueOf(presented.getIssuerX500Principal()) + ") that "
                + trust.describe() + " do not vouch for (" + reason(e) + ")." + howTo);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
