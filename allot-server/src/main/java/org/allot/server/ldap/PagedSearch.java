package org.allot.server.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.DirectoryFailure;

/**
 * Paged searches (simple paged results, which Active Directory needs beyond 1,000 entries) of whole subtrees under
 * every base DN of a connector, leaving out the entries of its excluded subtrees. A search that does not complete
 * fails the run.
 */
final class PagedSearch {
    private final LDAPConnection connection;
    private final ConnectorSettings settings;
    private final List<String> bases;
    private final List<String> excluded;
    private final int pageSize;
    /** Asks for the next page while the current one is handed over; started with the first search of two pages. */
    private ExecutorService ahead;

    PagedSearch(LDAPConnection connection, ConnectorSettings settings, int pageSize) {
        this.connection = connection;
        this.settings = settings;
        this.bases = settings.baseDns().stream().map(LdapSession::key).toList();
        this.excluded = settings.excludedDns().stream().map(LdapSession::key).toList();
        this.pageSize = pageSize;
    }

    int pageSize() {
        return pageSize;
    }

    /**
     * Runs a paged search under every base DN, handing over each page as it comes. The next page is asked for as soon
     * as a page arrives, so the directory works on it while the run writes this one (the connection carries
     * operations side by side); a page that fails fails the search, however far ahead it was asked for.
     */
    void run(Filter filter, List<String> attributes, Consumer<List<SearchResultEntry>> page) {
        String[] requested = attributes.toArray(String[]::new);
        for (String base : settings.baseDns()) {
            SearchResult result = search(base, filter, requested, null);
            while (result != null) {
                ASN1OctetString cookie = cookieOf(result);
                Future<SearchResult> next =
                        cookie == null ? null : ahead().submit(() -> search(base, filter, requested, cookie));
                try {
                    page.accept(
                            excluded.isEmpty()
                                    ? result.getSearchEntries()
                                    : result.getSearchEntries().stream()
                                            .filter(e -> !excluded(e.getDN()))
                                            .toList());
                } catch (RuntimeException e) {
                    if (next != null) {
                        next.cancel(true);
                    }
                    throw e;
                }
                result = next == null ? null : await(next);
            }
        }
    }

    /**
     * Reads the entries of these distinguished names that lie in the scope (under a base DN, outside the excluded
     * subtrees) and match the filter, one base-scope search each; a name that no longer names an entry is left out.
     */
    List<SearchResultEntry> readEach(Collection<String> dns, Filter filter, List<String> attributes) {
        String[] requested = attributes.toArray(String[]::new);
        List<SearchResultEntry> found = new ArrayList<>();
        for (String dn : dns) {
            if (!covers(dn)) {
                continue;
            }
            try {
                found.addAll(connection
                        .search(new SearchRequest(dn, SearchScope.BASE, filter, requested))
                        .getSearchEntries());
            } catch (LDAPException e) {
                if (!ResultCode.NO_SUCH_OBJECT.equals(e.getResultCode())) {
                    throw LdapSession.failure(e);
                }
            }
        }
        return found;
    }

    /** Stops the thread that asks for pages ahead, if one was started. */
    void close() {
        if (ahead != null) {
            ahead.shutdownNow();
        }
    }

    private SearchResult search(String base, Filter filter, String[] requested, ASN1OctetString cookie) {
        SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, requested);
        request.setControls(new SimplePagedResultsControl(pageSize, cookie, true));
        try {
            return connection.search(request);
        } catch (LDAPException e) {
            throw LdapSession.failure(e);
        }
    }

    private static ASN1OctetString cookieOf(SearchResult result) {
        try {
            SimplePagedResultsControl paging = SimplePagedResultsControl.get(result);
            ASN1OctetString cookie = paging == null ? null : paging.getCookie();
            return cookie == null || cookie.getValueLength() == 0 ? null : cookie;
        } catch (LDAPException e) {
            throw LdapSession.failure(e);
        }
    }

    private static SearchResult await(Future<SearchResult> next) {
        try {
            return next.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            next.cancel(true);
            throw new DirectoryFailure("Reading the directory was interrupted. Nothing was deleted.", e);
        }
    }

    private ExecutorService ahead() {
        if (ahead == null) {
            ahead = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "ldap-next-page");
                thread.setDaemon(true);
                return thread;
            });
        }
        return ahead;
    }

    /** Whether the entry lies under a base DN and outside the subtrees the connector leaves out. */
    private boolean covers(String dn) {
        String entry = LdapSession.key(dn);
        return bases.stream().anyMatch(base -> entry.equals(base) || entry.endsWith("," + base)) && !excluded(dn);
    }

    /** Whether the entry lies in one of the subtrees the connector leaves out. */
    private boolean excluded(String dn) {
        String entry = LdapSession.key(dn);
        return excluded.stream().anyMatch(out -> entry.equals(out) || entry.endsWith("," + out));
    }
}
