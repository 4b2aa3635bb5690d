package org.allot.server.ldap;

import com.unboundid.ldap.sdk.AsyncRequestID;
import com.unboundid.ldap.sdk.AsyncSearchResultListener;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.DirectoryEntry;
import org.allot.core.sync.DirectoryFailure;
import org.allot.core.sync.EntryMapper;
import org.allot.core.sync.ObjectKind;
import org.allot.core.sync.ScopeItem;

/**
 * Entries looked up by name, for a delta run that leaves the census out: whether a member value names an entry, and
 * whether that entry is in the connector's scope (under a base DN, outside the excluded subtrees, matching the user
 * or the group filter) with which immutable id. A base-scope search per name and kind, each name once per session;
 * the names of a batch are asked for together (the requests sent without waiting for each answer), so that a delta
 * that meets thousands of member names waits for the directory once per batch rather than once per name.
 */
final class NamedEntries {
    /** What a name turned out to be: an entry in scope ({@code item}), another entry, or nothing at all. */
    record Lookup(boolean exists, ScopeItem item) {}

    /** Names asked for at once: the requests in flight on the connection stay below twice this. */
    private static final int NAMES_PER_BATCH = 250;

    private final LDAPConnection connection;
    private final ConnectorSettings settings;
    private final EntryMapper mapper;
    private final Function<ObjectKind, Filter> filters;
    private final List<String> bases;
    private final List<String> excluded;
    private final Map<String, Lookup> known = new HashMap<>();

    NamedEntries(LDAPConnection connection, ConnectorSettings settings, Function<ObjectKind, Filter> filters) {
        this.connection = connection;
        this.settings = settings;
        this.mapper = new EntryMapper(settings.mapping());
        this.filters = filters;
        this.bases = settings.baseDns().stream().map(LdapSession::key).toList();
        this.excluded = settings.excludedDns().stream().map(LdapSession::key).toList();
    }

    /** What the normalised name {@code key} names, looked up once. */
    Lookup lookup(String key) {
        Lookup found = known.get(key);
        if (found == null) {
            found = find(key);
            known.put(key, found);
        }
        return found;
    }

    /** Looks up, together, every one of these normalised names not looked up yet. */
    void lookupAll(Collection<String> keys) {
        List<String> wanted = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            if (known.containsKey(key)) {
                continue;
            }
            if (!under(bases, key) || under(excluded, key)) {
                known.put(key, new Lookup(true, null));
            } else {
                wanted.add(key);
            }
        }
        for (int i = 0; i < wanted.size(); i += NAMES_PER_BATCH) {
            List<String> batch = wanted.subList(i, Math.min(wanted.size(), i + NAMES_PER_BATCH));
            List<Answer> answers = new ArrayList<>(batch.size() * ObjectKind.values().length);
            for (String key : batch) {
                for (ObjectKind kind : ObjectKind.values()) {
                    answers.add(ask(key, kind));
                }
            }
            int next = 0;
            for (String key : batch) {
                List<Answer> perKind = answers.subList(next, next + ObjectKind.values().length);
                next += perKind.size();
                known.put(key, lookup(key, perKind));
            }
        }
    }

    private Lookup find(String key) {
        if (!under(bases, key) || under(excluded, key)) {
            return new Lookup(true, null);
        }
        List<Answer> perKind = new ArrayList<>();
        for (ObjectKind kind : ObjectKind.values()) {
            perKind.add(ask(key, kind));
        }
        return lookup(key, perKind);
    }

    /** What the answers for a name (one per kind, in the order of the kinds) say it is: the first kind found wins. */
    private Lookup lookup(String key, List<Answer> perKind) {
        for (Answer answer : perKind) {
            LDAPResult result = answer.result();
            if (ResultCode.NO_SUCH_OBJECT.equals(result.getResultCode())) {
                return new Lookup(false, null);
            }
            if (!ResultCode.SUCCESS.equals(result.getResultCode())) {
                throw LdapSession.failure(new LDAPException(result));
            }
            if (!answer.entries.isEmpty()) {
                SearchResultEntry entry = answer.entries.get(0);
                DirectoryEntry read =
                        new DirectoryEntry(entry.getDN(), key, LdapSession.attributes(entry), List.of(), List.of());
                return new Lookup(
                        true,
                        new ScopeItem(
                                answer.kind,
                                key,
                                mapper.immutableId(answer.kind, read).orElse(null),
                                null));
            }
        }
        return new Lookup(true, null);
    }

    /** Sends the base-scope search of the name for entries of the kind, without waiting for its answer. */
    private Answer ask(String key, ObjectKind kind) {
        Answer answer = new Answer(kind);
        try {
            answer.id = connection.asyncSearch(new SearchRequest(
                    answer,
                    key,
                    SearchScope.BASE,
                    filters.apply(kind),
                    settings.mapping().idAttributes(kind).toArray(String[]::new)));
        } catch (LDAPException e) {
            throw LdapSession.failure(e);
        }
        return answer;
    }

    /** One search in flight: the entries as they come, then its result. */
    private static final class Answer implements AsyncSearchResultListener {
        private static final long serialVersionUID = 1L;

        final ObjectKind kind;
        final List<SearchResultEntry> entries = new CopyOnWriteArrayList<>();
        AsyncRequestID id;

        Answer(ObjectKind kind) {
            this.kind = kind;
        }

        @Override
        public void searchEntryReturned(SearchResultEntry entry) {
            entries.add(entry);
        }

        @Override
        public void searchReferenceReturned(SearchResultReference reference) {
            // a referral to another server is not followed, as in every other search of a run
        }

        @Override
        public void searchResultReceived(AsyncRequestID request, SearchResult result) {
            // the result is read through the request's future
        }

        /** The search's result, waited for (the connection's response timeout ends the wait with TIMEOUT). */
        LDAPResult result() {
            try {
                return id.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DirectoryFailure("Reading the directory was interrupted. Nothing was deleted.", e);
            }
        }
    }

    private static boolean under(List<String> subtrees, String key) {
        return subtrees.stream().anyMatch(top -> key.equals(top) || key.endsWith("," + top));
    }
}
