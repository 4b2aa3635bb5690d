package org.allot.server.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.allot.core.sync.ConnectionCheck;
import org.allot.core.sync.ConnectionCheck.Step;
import org.allot.core.sync.ConnectionReport;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.ObjectKind;

/**
 * Tries a connector step by step — DNS, TCP, TLS and bind on each of its servers, then base DNs and filters — and
 * stops a server's steps at the first that fails, saying what failed and what to check.
 */
final class ConnectionTest {
    private final LdapConnections connections;
    private final Duration connectTimeout;
    private final int pageSize;

    ConnectionTest(LdapConnections connections, Duration connectTimeout, int pageSize) {
        this.connections = connections;
        this.connectTimeout = connectTimeout;
        this.pageSize = pageSize;
    }

    /**
     * Tries every URL's DNS, TCP, TLS and bind steps (a failed one is reported, so that a broken failover server
     * shows), then reads the base DNs and filters through the first server that accepted the bind. With several URLs,
     * each step of a server names its URL.
     */
    ConnectionReport run(ConnectorSettings settings, String password) {
        List<ConnectionCheck> checks = new ArrayList<>();
        boolean several = settings.urls().size() > 1;
        LDAPConnection reader = null;
        try {
            for (String url : settings.urls()) {
                List<ConnectionCheck> server = new ArrayList<>();
                LDAPConnection bound = bound(settings.at(url), password, server);
                server.forEach(check -> checks.add(several ? at(url, check) : check));
                if (reader == null) {
                    reader = bound;
                } else if (bound != null) {
                    bound.close();
                }
            }
            if (reader == null) {
                return new ConnectionReport(checks);
            }
            ScopeChecks scope = new ScopeChecks(reader, settings, pageSize);
            for (String base : settings.baseDns()) {
                if (!scope.baseExists(base, checks)) {
                    return new ConnectionReport(checks);
                }
            }
            if (scope.finds(Step.USER_FILTER, settings.scopeFilter(ObjectKind.USER), "user", "users", checks)) {
                scope.finds(Step.GROUP_FILTER, settings.scopeFilter(ObjectKind.GROUP), "group", "groups", checks);
            }
            return new ConnectionReport(checks);
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
    }

    /** One server's DNS, TCP, TLS and bind steps: its bound connection, or null (the failure recorded). */
    private LDAPConnection bound(ConnectorSettings server, String password, List<ConnectionCheck> checks) {
        if (!resolve(server, checks) || !reach(server, checks)) {
            return null;
        }
        LDAPConnection connection = secure(server, checks);
        if (connection == null) {
            return null;
        }
        if (!bind(connection, server, password, checks)) {
            connection.close();
            return null;
        }
        return connection;
    }

    /** The check with the server's URL in front, for a connector with several. */
    private static ConnectionCheck at(String url, ConnectionCheck check) {
        return new ConnectionCheck(check.step(), check.passed(), url + ": " + check.detail());
    }

    private static boolean resolve(ConnectorSettings settings, List<ConnectionCheck> checks) {
        try {
            String addresses = Arrays.stream(InetAddress.getAllByName(settings.host()))
                    .map(InetAddress::getHostAddress)
                    .collect(Collectors.joining(", "));
            checks.add(ConnectionCheck.passed(Step.DNS, settings.host() + " resolves to " + addresses));
            return true;
        } catch (UnknownHostException e) {
            checks.add(ConnectionCheck.failed(
                    Step.DNS, settings.host() + " is not known to DNS: check the host name in the URL"));
            return false;
        }
    }

    private boolean reach(ConnectorSettings settings, List<ConnectionCheck> checks) {
        String where = settings.host() + ":" + settings.port();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), (int) connectTimeout.toMillis());
            checks.add(ConnectionCheck.passed(Step.CONNECT, "connected to " + where));
            return true;
        } catch (ConnectException e) {
            checks.add(ConnectionCheck.failed(
                    Step.CONNECT, "nothing accepts connections on " + where + " (" + e.getMessage() + ")"));
        } catch (SocketTimeoutException e) {
            checks.add(ConnectionCheck.failed(
                    Step.CONNECT,
                    "no answer from " + where + " within " + connectTimeout.toSeconds() + " s: a firewall?"));
        } catch (IOException e) {
            checks.add(ConnectionCheck.failed(Step.CONNECT, "cannot connect to " + where + ": " + e.getMessage()));
        }
        return false;
    }

    /** Connects with the connector's TLS; returns null (with the failure recorded) when that fails. */
    private LDAPConnection secure(ConnectorSettings settings, List<ConnectionCheck> checks) {
        boolean tls = settings.ldaps() || settings.startTls();
        try {
            LDAPConnection connection = connections.connect(settings);
            checks.add(ConnectionCheck.passed(
                    Step.TLS,
                    settings.ldaps()
                            ? "LDAPS handshake done, certificate trusted for " + settings.host()
                            : settings.startTls()
                                    ? "StartTLS done, certificate trusted for " + settings.host()
                                    : "not used: plain LDAP sends the bind password unencrypted (use ldaps:// or"
                                            + " StartTLS)"));
            return connection;
        } catch (TlsFailed e) {
            checks.add(ConnectionCheck.failed(Step.TLS, "TLS failed: " + e.getMessage()));
        } catch (LDAPException e) {
            checks.add(ConnectionCheck.failed(
                    tls ? Step.TLS : Step.CONNECT,
                    (tls ? "TLS failed: " : "the LDAP connection failed: ") + LdapConnections.describe(e)));
        } catch (GeneralSecurityException e) {
            checks.add(ConnectionCheck.failed(Step.TLS, "the trusted certificate cannot be used: " + e.getMessage()));
        }
        return null;
    }

    private boolean bind(
            LDAPConnection connection, ConnectorSettings settings, String password, List<ConnectionCheck> checks) {
        try {
            connections.bind(connection, settings, password);
            checks.add(ConnectionCheck.passed(
                    Step.BIND, settings.bindDn() == null ? "bound anonymously" : "bound as " + settings.bindDn()));
            return true;
        } catch (LDAPException e) {
            checks.add(ConnectionCheck.failed(
                    Step.BIND,
                    ResultCode.TIMEOUT.equals(e.getResultCode())
                            ? "no answer to the bind as " + settings.bindDn() + ": " + LdapConnections.describe(e)
                            : "the directory refused the bind as " + settings.bindDn() + ": "
                                    + LdapConnections.bindProblem(e)));
            return false;
        }
    }
}
