package org.allot.server.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.DirectoryEntry;
import org.allot.core.sync.EntryMapper;
import org.allot.core.sync.ObjectKind;
import org.allot.core.sync.ScopeItem;

/**
 * Entries looked up by name, for a delta run that leaves the census out: whether a member value names an entry, and
 * whether that entry is in the connector's scope (under a base DN, outside the excluded subtrees, matching the user
 * or the group filter) with which immutable id. Names the run already knows (read in the run, or users Allot holds
 * by their distinguished name) are answered from there; other names cost one or two base-scope searches, each name
 * once per session.
 */
final class NamedEntries {
    /** What a name turned out to be: an entry in scope ({@code item}), another entry, or nothing at all. */
    record Lookup(boolean exists, ScopeItem item) {}

    private final LDAPConnection connection;
    private final ConnectorSettings settings;
    private final EntryMapper mapper;
    private final Function<ObjectKind, Filter> filters;
    private final List<String> bases;
    private final List<String> excluded;
    private final Map<String, Lookup> known = new HashMap<>();
    /** What the run knows of names without asking the directory. */
    private Function<String, Optional<ScopeItem>> told = key -> Optional.empty();

    NamedEntries(LDAPConnection connection, ConnectorSettings settings, Function<ObjectKind, Filter> filters) {
        this.connection = connection;
        this.settings = settings;
        this.mapper = new EntryMapper(settings.mapping());
        this.filters = filters;
        this.bases = settings.baseDns().stream().map(LdapSession::key).toList();
        this.excluded = settings.excludedDns().stream().map(LdapSession::key).toList();
    }

    /** Names the run knows: taken from there rather than looked up. */
    void told(Function<String, Optional<ScopeItem>> names) {
        this.told = names;
    }

    /** What the normalised name {@code key} names, from what the run knows or else looked up once. */
    Lookup lookup(String key) {
        Lookup found = known.get(key);
        if (found == null) {
            found = told.apply(key).map(item -> new Lookup(true, item)).orElseGet(() -> find(key));
            known.put(key, found);
        }
        return found;
    }

    private Lookup find(String key) {
        if (!under(bases, key) || under(excluded, key)) {
            return new Lookup(true, null);
        }
        for (ObjectKind kind : ObjectKind.values()) {
            SearchResultEntry entry;
            try {
                SearchResult result = connection.search(new SearchRequest(
                        key,
                        SearchScope.BASE,
                        filters.apply(kind),
                        settings.mapping().idAttributes(kind).toArray(String[]::new)));
                entry = result.getSearchEntries().isEmpty()
                        ? null
                        : result.getSearchEntries().get(0);
            } catch (LDAPException e) {
                if (ResultCode.NO_SUCH_OBJECT.equals(e.getResultCode())) {
                    return new Lookup(false, null);
                }
                throw LdapSession.failure(e);
            }
            if (entry != null) {
                DirectoryEntry read =
                        new DirectoryEntry(entry.getDN(), key, LdapSession.attributes(entry), List.of(), List.of());
                return new Lookup(
                        true,
                        new ScopeItem(kind, key, mapper.immutableId(kind, read).orElse(null), null));
            }
        }
        return new Lookup(true, null);
    }

    private static boolean under(List<String> subtrees, String key) {
        return subtrees.stream().anyMatch(top -> key.equals(top) || key.endsWith("," + top));
    }
}
