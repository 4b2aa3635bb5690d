package org.allot.server.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
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
 * Tries a connector step by step — DNS, TCP, TLS, bind, base DNs, filters — and stops at the first step that fails,
 * saying what failed and what to check.
 */
final class ConnectionTest {
    private final LdapConnections connections;
    private final Duration connectTimeout;

    ConnectionTest(LdapConnections connections, Duration connectTimeout) {
        this.connections = connections;
        this.connectTimeout = connectTimeout;
    }

    ConnectionReport run(ConnectorSettings settings, String password) {
        List<ConnectionCheck> checks = new ArrayList<>();
        if (!resolve(settings, checks) || !reach(settings, checks)) {
            return new ConnectionReport(checks);
        }
        try (LDAPConnection connection = secure(settings, checks)) {
            if (connection == null || !bind(connection, settings, password, checks)) {
                return new ConnectionReport(checks);
            }
            for (String base : settings.baseDns()) {
                if (!baseExists(connection, base, checks)) {
                    return new ConnectionReport(checks);
                }
            }
            if (sample(
                    connection, settings, Step.USER_FILTER, settings.scopeFilter(ObjectKind.USER), "users", checks)) {
                sample(
                        connection,
                        settings,
                        Step.GROUP_FILTER,
                        settings.scopeFilter(ObjectKind.GROUP),
                        "groups",
                        checks);
            }
        }
        return new ConnectionReport(checks);
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
        } catch (LDAPException e) {
            boolean tlsFailed = tls && (LdapConnections.tlsProblem(e) || settings.startTls());
            checks.add(ConnectionCheck.failed(
                    tlsFailed ? Step.TLS : Step.CONNECT,
                    (tlsFailed ? "TLS failed: " : "the LDAP connection failed: ")
                            + LdapConnections.describe(e)
                            + (tlsFailed && settings.trustedCertificate() == null
                                    ? ". If the server's certificate comes from your own authority, add it as"
                                            + " trustedCertificate."
                                    : "")));
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
                    "the directory refused the bind as " + settings.bindDn() + ": " + LdapConnections.bindProblem(e)));
            return false;
        }
    }

    private static boolean baseExists(LDAPConnection connection, String base, List<ConnectionCheck> checks) {
        try {
            connection.search(
                    new SearchRequest(base, SearchScope.BASE, Filter.createPresenceFilter("objectClass"), "1.1"));
            checks.add(ConnectionCheck.passed(Step.BASE_DN, base + " exists"));
            return true;
        } catch (LDAPSearchException e) {
            checks.add(ConnectionCheck.failed(
                    Step.BASE_DN,
                    ResultCode.NO_SUCH_OBJECT.equals(e.getResultCode())
                            ? "base DN " + base + " does not exist"
                                    + (e.getMatchedDN() == null
                                                    || e.getMatchedDN().isEmpty()
                                            ? ""
                                            : " (the closest existing entry is " + e.getMatchedDN() + ")")
                            : "base DN " + base + " cannot be read: " + LdapConnections.describe(e)));
            return false;
        }
    }

    private static boolean sample(
            LDAPConnection connection,
            ConnectorSettings settings,
            Step step,
            String filter,
            String what,
            List<ConnectionCheck> checks) {
        List<SearchResultEntry> found = new ArrayList<>();
        try {
            for (String base : settings.baseDns()) {
                SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, "1.1");
                request.setSizeLimit(3);
                try {
                    found.addAll(connection.search(request).getSearchEntries());
                } catch (LDAPSearchException e) {
                    if (!ResultCode.SIZE_LIMIT_EXCEEDED.equals(e.getResultCode())) {
                        throw e;
                    }
                    found.addAll(e.getSearchEntries());
                }
            }
        } catch (LDAPException e) {
            checks.add(ConnectionCheck.failed(step, "the " + what + " filter fails: " + LdapConnections.describe(e)));
            return false;
        }
        if (found.isEmpty()) {
            checks.add(new ConnectionCheck(
                    step,
                    step == Step.GROUP_FILTER,
                    "the " + what + " filter finds no " + what + " under the base DNs: check the filter and the"
                            + " base DNs"));
            return step == Step.GROUP_FILTER;
        }
        checks.add(ConnectionCheck.passed(
                step,
                "the " + what + " filter finds " + what + ", for example "
                        + found.get(0).getDN()));
        return true;
    }
}
