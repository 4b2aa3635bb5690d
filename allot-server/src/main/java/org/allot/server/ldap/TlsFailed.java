package org.allot.server.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import java.time.Instant;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.allot.core.sync.ConnectorSettings;

/**
 * A connection that failed in its TLS layer (LDAPS or StartTLS), with what failed in words: the certificate not
 * trusted, expired (with its dates) or for another host name (with both names), or no TLS protocol in common.
 */
final class TlsFailed extends LDAPException {
    private static final long serialVersionUID = 1L;

    private TlsFailed(LDAPException cause, String message) {
        super(cause.getResultCode(), message, cause);
    }

    /** The failure explained when it came from TLS; the failure itself otherwise. */
    static LDAPException explain(LDAPException e, TlsWitness witness, ConnectorSettings settings) {
        String hint = settings.trustedCertificate() == null
                ? ". If the server's certificate comes from your own authority, add that authority's certificate as the"
                        + " connector's trusted certificate (trustedCertificate in the API)."
                : ". Check that the connector's trusted certificate (trustedCertificate in the API) is the authority that"
                        + " signed the server's certificate.";
        if (witness.sawCertificate() && !witness.trusted()) {
            return new TlsFailed(e, witness.whyUntrusted(Instant.now()) + hint);
        }
        String mismatch = witness.hostMismatch(settings.host());
        if (mismatch != null) {
            return new TlsFailed(e, mismatch);
        }
        SSLException ssl = sslCause(e);
        if (ssl != null) {
            return new TlsFailed(e, protocol(ssl, settings));
        }
        if (settings.startTls() || witness.sawCertificate()) {
            return new TlsFailed(e, LdapConnections.describe(e));
        }
        if (settings.ldaps() && !LdapConnections.unreachable(e)) {
            return new TlsFailed(
                    e,
                    "the TLS handshake did not complete: " + LdapConnections.describe(e) + ". Is " + settings.port()
                            + " an LDAPS port?");
        }
        return e;
    }

    /** An LDAPS connection whose server never completed the handshake: stalled, or not speaking TLS at all. */
    static TlsFailed noHandshake(ConnectorSettings settings, java.time.Duration waited) {
        return new TlsFailed(
                new LDAPException(com.unboundid.ldap.sdk.ResultCode.TIMEOUT, "no TLS handshake"),
                "the server at " + settings.host() + ":" + settings.port() + " accepted the connection but did not"
                        + " complete the TLS handshake within " + waited.toSeconds() + " s: it may be stalled, or"
                        + " this is not an LDAPS port");
    }

    private static String protocol(SSLException ssl, ConnectorSettings settings) {
        String message = ssl.getMessage() == null ? ssl.getClass().getSimpleName() : ssl.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unrecognized ssl message") || lower.contains("plaintext connection")) {
            return "the server does not speak TLS on port " + settings.port()
                    + ": it looks like a plain LDAP port (use ldap:// with StartTLS, or the LDAPS port, often 636)"
                    + " (" + message + ")";
        }
        if (lower.contains("protocol") || lower.contains("handshake_failure") || lower.contains("cipher")) {
            return "the server and Allot agree on no TLS protocol version or cipher suite (Allot offers TLS 1.2"
                    + " and 1.3): have the directory enable TLS 1.2 or later (" + message + ")";
        }
        return "the TLS handshake failed (" + message + ")";
    }

    private static SSLException sslCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }
}
