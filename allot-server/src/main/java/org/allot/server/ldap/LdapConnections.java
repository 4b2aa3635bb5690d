package org.allot.server.ldap;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.DirectoryFailure;

/**
 * Opens connections to a connector's directory with the UnboundID LDAP SDK: plain LDAP, LDAPS, or LDAP upgraded with
 * StartTLS, trusting the Java runtime's authorities or the connector's own certificates, with the host name checked;
 * then a simple bind. Explains failures in words an administrator can act on.
 */
final class LdapConnections {
    /** Active Directory's reasons for a refused bind ("data 52e" in the diagnostic message). */
    private static final Map<String, String> AD_BIND_CODES = Map.of(
            "525", "the user does not exist",
            "52e", "the password is wrong",
            "530", "the account may not log on at this time",
            "531", "the account may not log on from this computer",
            "532", "the password has expired",
            "533", "the account is disabled",
            "701", "the account has expired",
            "773", "the password must be reset",
            "775", "the account is locked out");

    private static final Pattern AD_DATA = Pattern.compile("data ([0-9a-fA-F]{3})");

    private final Duration connectTimeout;
    private final Duration responseTimeout;

    LdapConnections(Duration connectTimeout, Duration responseTimeout) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    /**
     * Connects and binds to the first of the connector's servers that answers, or says why none did. A server that
     * cannot be reached, fails its TLS handshake or does not answer the bind in time is skipped for the next; a bind
     * the directory refuses is not (the next server would refuse it too).
     */
    LDAPConnection open(ConnectorSettings settings, String password) {
        List<String> failures = new ArrayList<>();
        LDAPException last = null;
        for (String url : settings.urls()) {
            ConnectorSettings server = settings.at(url);
            LDAPConnection connection;
            try {
                connection = connect(server);
            } catch (LDAPException e) {
                failures.add(url + ": " + (e instanceof TlsFailed ? "TLS failed: " + e.getMessage() : describe(e)));
                last = e;
                continue;
            } catch (GeneralSecurityException e) {
                throw new DirectoryFailure("The connector's trusted certificate cannot be used: " + e.getMessage(), e);
            }
            try {
                bind(connection, server, password);
                return connection;
            } catch (LDAPException e) {
                connection.close();
                if (!gone(e)) {
                    throw new DirectoryFailure(
                            "The directory at " + url + " refused the bind as " + settings.bindDn() + ": "
                                    + bindProblem(e),
                            e);
                }
                failures.add(url + ": " + describe(e));
                last = e;
            }
        }
        throw new DirectoryFailure(
                failures.size() == 1
                        ? "Cannot reach the directory at " + failures.get(0)
                        : "Cannot reach any of the directory's servers: " + String.join("; ", failures),
                last);
    }

    /** Whether the server, rather than the request, failed: it went away or did not answer in time. */
    private static boolean gone(LDAPException e) {
        ResultCode code = e.getResultCode();
        return ResultCode.SERVER_DOWN.equals(code)
                || ResultCode.CONNECT_ERROR.equals(code)
                || ResultCode.TIMEOUT.equals(code)
                || ResultCode.UNAVAILABLE.equals(code)
                || ResultCode.BUSY.equals(code);
    }

    /**
     * A connection to the server, encrypted if the connector says so, not bound yet. A TLS failure is thrown as
     * {@link TlsFailed}, saying what failed: the certificate untrusted, expired or for another host, or the protocol.
     */
    LDAPConnection connect(ConnectorSettings settings) throws LDAPException, GeneralSecurityException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) connectTimeout.toMillis());
        options.setResponseTimeoutMillis(responseTimeout.toMillis());
        options.setUseKeepAlive(true);
        TlsWitness witness = new TlsWitness(trustManager(settings), settings.host());
        if (settings.ldaps()) {
            LDAPConnection connection;
            try {
                connection = new LDAPConnection(
                        new SSLUtil(witness).createSSLSocketFactory(), options, settings.host(), settings.port());
            } catch (LDAPException e) {
                throw TlsFailed.explain(e, witness, settings);
            }
            if (!witness.sawCertificate()) {
                // close() would send an unbind: writing it starts the handshake again, and waits the response timeout
                connection.closeWithoutUnbind();
                throw TlsFailed.noHandshake(settings, connectTimeout);
            }
            return connection;
        }
        LDAPConnection connection = new LDAPConnection(options, settings.host(), settings.port());
        if (settings.startTls()) {
            try {
                startTls(connection, witness);
            } catch (LDAPException e) {
                connection.close();
                throw TlsFailed.explain(e, witness, settings);
            } catch (GeneralSecurityException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    private static void startTls(LDAPConnection connection, TlsWitness witness)
            throws LDAPException, GeneralSecurityException {
        ExtendedResult result = connection.processExtendedOperation(
                new StartTLSExtendedRequest(new SSLUtil(witness).createSSLContext()));
        if (!ResultCode.SUCCESS.equals(result.getResultCode())) {
            throw new LDAPException(
                    result.getResultCode(),
                    "the server does not take StartTLS ("
                            + result.getResultCode()
                            + (result.getDiagnosticMessage() == null ? "" : ": " + result.getDiagnosticMessage())
                            + ")");
        }
    }

    void bind(LDAPConnection connection, ConnectorSettings settings, String password) throws LDAPException {
        if (settings.bindDn() != null) {
            connection.bind(new SimpleBindRequest(settings.bindDn(), password == null ? "" : password));
        }
    }

    private static X509TrustManager trustManager(ConnectorSettings settings) throws GeneralSecurityException {
        if (settings.trustedCertificate() == null) {
            return JVMDefaultTrustManager.getInstance();
        }
        for (TrustManager manager : trustManagers(settings.trustedCertificate())) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager for the trusted certificate");
    }

    /** Trust managers that trust exactly the given PEM certificates. */
    static TrustManager[] trustManagers(String pem) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate in the PEM text");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("trusted-" + i++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** What went wrong, in words: the result, the server's message, and the root cause for connection errors. */
    static String describe(LDAPException e) {
        StringBuilder text = new StringBuilder();
        ResultCode code = e.getResultCode();
        if (ResultCode.SERVER_DOWN.equals(code) || ResultCode.CONNECT_ERROR.equals(code)) {
            String unreached = unreached(e);
            if (unreached != null) {
                return unreached;
            }
            text.append("the server went away or could not be reached");
        } else if (ResultCode.TIMEOUT.equals(code)) {
            text.append("the server did not answer in time: it may be stalled or overloaded (the wait is"
                    + " allot.sync.response-timeout)");
        } else {
            text.append(code.getName());
        }
        String message = e.getDiagnosticMessage() == null ? e.getMessage() : e.getDiagnosticMessage();
        if (message != null && !message.isBlank()) {
            text.append(" (").append(message.strip()).append(')');
        }
        return text.toString();
    }

    /**
     * Why a connection could not be opened, as the connection test says it, when the cause is known: nothing listens
     * at the address, or the host name is unknown; null otherwise. The SDK's own text of it (nested exceptions and its
     * version) says nothing more to an administrator.
     */
    private static String unreached(LDAPException e) {
        Throwable refused = cause(e, java.net.ConnectException.class);
        if (refused != null) {
            return "nothing accepts connections there (" + refused.getMessage() + ")";
        }
        return cause(e, java.net.UnknownHostException.class) != null
                ? "the host name is not known to DNS: check the host name in the URL"
                : null;
    }

    /** Why a bind was refused, with Active Directory's reason when it gives one. */
    static String bindProblem(LDAPException e) {
        if (!ResultCode.INVALID_CREDENTIALS.equals(e.getResultCode())) {
            return describe(e);
        }
        String message = e.getDiagnosticMessage() == null ? "" : e.getDiagnosticMessage();
        Matcher data = AD_DATA.matcher(message);
        String reason = data.find() ? AD_BIND_CODES.get(data.group(1).toLowerCase(Locale.ROOT)) : null;
        return "invalid credentials"
                + (reason == null ? ": check the bind DN and password" : ": " + reason)
                + (message.isBlank() ? "" : " (" + message.strip() + ")");
    }

    /** Whether the connection could not be opened at all (refused, timed out, host unknown). */
    static boolean unreachable(Throwable e) {
        return cause(
                        e,
                        java.net.ConnectException.class,
                        java.net.UnknownHostException.class,
                        java.net.NoRouteToHostException.class,
                        java.net.SocketTimeoutException.class)
                != null;
    }

    /** The first exception in the chain of causes that is one of these kinds, or null. */
    private static Throwable cause(Throwable e, Class<?>... kinds) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<?> kind : kinds) {
                if (kind.isInstance(t)) {
                    return t;
                }
            }
        }
        return null;
    }
}
