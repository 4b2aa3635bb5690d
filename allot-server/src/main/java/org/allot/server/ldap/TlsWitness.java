package org.allot.server.ldap;

import java.net.IDN;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.X509TrustManager;

/**
 * A trust manager that checks the server's certificate as the one it wraps does, and that it names the host (checked
 * here, during the handshake, rather than after it: a check after it waits for a handshake a stalled server never
 * finishes), and remembers what the server
 * presented and whether it was trusted, so that a failed handshake can be explained: untrusted, expired (with its
 * dates), for another host name (with both names), or no certificate seen at all (a protocol problem).
 */
final class TlsWitness implements X509TrustManager {
    private final X509TrustManager trust;
    private final String host;
    private volatile X509Certificate[] presented;
    private volatile boolean trusted;

    /** Checks with the given trust, and that the certificate names the host. */
    TlsWitness(X509TrustManager trust, String host) {
        this.trust = trust;
        this.host = host;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        presented = chain.clone();
        trust.checkServerTrusted(chain, authType);
        trusted = true;
        String mismatch = hostMismatch(host);
        if (mismatch != null) {
            throw new CertificateException(mismatch);
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
    }

    /** Whether the handshake got as far as the server's certificate. */
    boolean sawCertificate() {
        return presented != null && presented.length > 0;
    }

    boolean trusted() {
        return trusted;
    }

    /**
     * Why the server's certificate was refused, in words: expired or not yet valid (with its dates), else not signed
     * by a trusted authority (with its subject and issuer).
     */
    String whyUntrusted(Instant now) {
        X509Certificate leaf = presented[0];
        String validity = " (valid from " + leaf.getNotBefore().toInstant() + " to "
                + leaf.getNotAfter().toInstant() + ", checked at " + now + ")";
        try {
            leaf.checkValidity(java.util.Date.from(now));
        } catch (CertificateExpiredException e) {
            return "the server's certificate for " + subject(leaf) + " has expired" + validity;
        } catch (CertificateNotYetValidException e) {
            return "the server's certificate for " + subject(leaf) + " is not valid yet" + validity;
        }
        for (X509Certificate certificate : presented) {
            try {
                certificate.checkValidity(java.util.Date.from(now));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                return "the certificate of " + subject(certificate) + ", which signed the server's, is not valid now"
                        + " (valid from " + certificate.getNotBefore().toInstant() + " to "
                        + certificate.getNotAfter().toInstant() + ")";
            }
        }
        return "the server's certificate (" + subject(leaf) + ", issued by "
                + leaf.getIssuerX500Principal().getName() + ") is not trusted: it is not signed by an authority this"
                + " connector trusts";
    }

    /**
     * The names the server's certificate holds when none of them is the host the URL names; null when one matches
     * (then the host name was not the problem).
     */
    String hostMismatch(String host) {
        if (!trusted || !sawCertificate()) {
            return null;
        }
        List<String> names = names(presented[0]);
        String wanted = IDN.toASCII(host).toLowerCase(Locale.ROOT);
        for (String name : names) {
            if (matches(name.toLowerCase(Locale.ROOT), wanted)) {
                return null;
            }
        }
        return "the server's certificate is for " + (names.isEmpty() ? "no host name" : String.join(", ", names))
                + ", not for " + host + " as the URL says: use a URL with one of the certificate's names, or have"
                + " the directory's certificate name " + host;
    }

    private static boolean matches(String name, String host) {
        if (name.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(name.substring(2));
        }
        return name.equals(host);
    }

    /** The DNS and IP names of the certificate's subject alternative names, else its common name. */
    private static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    int type = (Integer) alternative.get(0);
                    if (type == 2 || type == 7) {
                        names.add(alternative.get(1).toString());
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // fall back to the common name
        }
        if (names.isEmpty()) {
            String cn = commonName(certificate);
            if (cn != null) {
                names.add(cn);
            }
        }
        return names;
    }

    private static String subject(X509Certificate certificate) {
        String cn = commonName(certificate);
        return cn == null ? certificate.getSubjectX500Principal().getName() : cn;
    }

    private static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
