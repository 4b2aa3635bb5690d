package org.allot.server.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.List;
import java.util.function.Consumer;
import org.allot.core.sync.ConnectorSettings;

/**
 * Paged searches (simple paged results, which Active Directory needs beyond 1,000 entries) of whole subtrees under
 * every base DN of a connector, leaving out the entries of its excluded subtrees. A search that does not complete
 * fails the run.
 */
final class PagedSearch {
    private final LDAPConnection connection;
    private final ConnectorSettings settings;
    private final List<String> excluded;
    private final int pageSize;

    PagedSearch(LDAPConnection connection, ConnectorSettings settings, int pageSize) {
        this.connection = connection;
        this.settings = settings;
        this.excluded = settings.excludedDns().stream().map(LdapSession::key).toList();
        this.pageSize = pageSize;
    }

    int pageSize() {
        return pageSize;
    }

    /** Runs a paged search under every base DN, handing over each page as it comes. */
    void run(Filter filter, List<String> attributes, Consumer<List<SearchResultEntry>> page) {
        String[] requested = attributes.toArray(String[]::new);
        for (String base : settings.baseDns()) {
            ASN1OctetString cookie = null;
            do {
                SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, requested);
                request.setControls(new SimplePagedResultsControl(pageSize, cookie, true));
                try {
                    SearchResult result = connection.search(request);
                    page.accept(
                            excluded.isEmpty()
                                    ? result.getSearchEntries()
                                    : result.getSearchEntries().stream()
                                            .filter(e -> !excluded(e.getDN()))
                                            .toList());
                    SimplePagedResultsControl paging = SimplePagedResultsControl.get(result);
                    cookie = paging == null ? null : paging.getCookie();
                } catch (LDAPException e) {
                    throw LdapSession.failure(e);
                }
            } while (cookie != null && cookie.getValueLength() > 0);
        }
    }

    /** Whether the entry lies in one of the subtrees the connector leaves out. */
    private boolean excluded(String dn) {
        String entry = LdapSession.key(dn);
        return excluded.stream().anyMatch(out -> entry.equals(out) || entry.endsWith("," + out));
    }
}
