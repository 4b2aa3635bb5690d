package org.allot.server.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.List;
import org.allot.core.Words;
import org.allot.core.sync.ConnectionCheck;
import org.allot.core.sync.ConnectionCheck.Step;
import org.allot.core.sync.ConnectorSettings;

/**
 * The connection test's steps inside the directory: each base DN can be read, and each filter finds entries — all of
 * them, read as a run reads them (paged, every base DN), so that a server size limit lower than the scope fails the
 * test rather than every run.
 */
final class ScopeChecks {
    private final LDAPConnection connection;
    private final ConnectorSettings settings;
    private final int pageSize;

    ScopeChecks(LDAPConnection connection, ConnectorSettings settings, int pageSize) {
        this.connection = connection;
        this.settings = settings;
        this.pageSize = pageSize;
    }

    boolean baseExists(String base, List<ConnectionCheck> checks) {
        try {
            connection.search(
                    new SearchRequest(base, SearchScope.BASE, Filter.createPresenceFilter("objectClass"), "1.1"));
            checks.add(ConnectionCheck.passed(Step.BASE_DN, base + " exists"));
            return true;
        } catch (LDAPSearchException e) {
            checks.add(ConnectionCheck.failed(Step.BASE_DN, baseProblem(base, e)));
            return false;
        }
    }

    /**
     * Why a base DN cannot be read. A directory answers "no such object" both for an entry that does not exist and for
     * one its access rules hide from the bind account (so as not to disclose it), so that answer names both; a
     * directory that says "insufficient access" is told apart.
     */
    private String baseProblem(String base, LDAPSearchException e) {
        String account = settings.bindDn() == null ? "an anonymous bind" : settings.bindDn();
        if (ResultCode.NO_SUCH_OBJECT.equals(e.getResultCode())) {
            return base + " was not found: it does not exist, or access rules hide it from " + account
                    + " (directories answer the same for both): check the DN, then the account's read rights"
                    + (e.getMatchedDN() == null || e.getMatchedDN().isEmpty()
                            ? ""
                            : " (the closest entry the account sees is " + e.getMatchedDN() + ")");
        }
        if (ResultCode.INSUFFICIENT_ACCESS_RIGHTS.equals(e.getResultCode())) {
            return base + " exists but access rules refuse it to " + account + ": give the account read access to it ("
                    + LdapConnections.describe(e) + ")";
        }
        return base + " cannot be read: " + LdapConnections.describe(e);
    }

    /**
     * Counts what the filter finds under every base DN, paged as a run reads; the user filter must find something,
     * the group filter may not.
     */
    boolean finds(Step step, String filter, String one, String what, List<ConnectionCheck> checks) {
        long count = 0;
        String example = null;
        for (String base : settings.baseDns()) {
            ASN1OctetString cookie = null;
            do {
                SearchResult result;
                try {
                    SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, "1.1");
                    request.setControls(new SimplePagedResultsControl(pageSize, cookie, true));
                    result = connection.search(request);
                } catch (LDAPSearchException e) {
                    checks.add(ConnectionCheck.failed(step, limitProblem(what, count + e.getEntryCount(), e)));
                    return false;
                } catch (LDAPException e) {
                    checks.add(ConnectionCheck.failed(
                            step, "the " + what + " filter fails: " + LdapConnections.describe(e)));
                    return false;
                }
                count += result.getEntryCount();
                if (example == null && !result.getSearchEntries().isEmpty()) {
                    example = result.getSearchEntries().get(0).getDN();
                }
                SimplePagedResultsControl paging;
                try {
                    paging = SimplePagedResultsControl.get(result);
                } catch (LDAPException e) {
                    paging = null;
                }
                cookie = paging == null ? null : paging.getCookie();
            } while (cookie != null && cookie.getValueLength() > 0);
        }
        if (count == 0) {
            checks.add(new ConnectionCheck(
                    step,
                    step == Step.GROUP_FILTER,
                    "the " + what + " filter finds no " + what + " under the base DNs: check the filter and the"
                            + " base DNs"));
            return step == Step.GROUP_FILTER;
        }
        checks.add(ConnectionCheck.passed(
                step, "the " + what + " filter finds " + Words.counted(count, one, what) + ", for example " + example));
        return true;
    }

    private String limitProblem(String what, long seen, LDAPSearchException e) {
        boolean size = ResultCode.SIZE_LIMIT_EXCEEDED.equals(e.getResultCode());
        if (!size && !ResultCode.TIME_LIMIT_EXCEEDED.equals(e.getResultCode())) {
            return "the " + what + " filter fails: " + LdapConnections.describe(e);
        }
        String account = settings.bindDn() == null ? "anonymous binds" : settings.bindDn();
        return "the directory stopped the search for " + what + " at its " + (size ? "size" : "time") + " limit after "
                + seen + " entries, and a run reads every entry in scope: every run would fail. Lift the limit for "
                + account
                + (size
                        ? " (OpenLDAP: limits dn.exact=\"" + account + "\" size=unlimited; Active Directory: the"
                                + " MaxPageSize and MaxResultSetSize query policies)"
                        : " (OpenLDAP: limits … time=unlimited; Active Directory: MaxQueryDuration)");
    }
}
