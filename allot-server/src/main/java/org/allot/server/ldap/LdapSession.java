package org.allot.server.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.allot.core.sync.AttributeMapping;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.DeltaStrategy;
import org.allot.core.sync.DirectoryEntry;
import org.allot.core.sync.DirectoryFailure;
import org.allot.core.sync.DirectoryPreset;
import org.allot.core.sync.DirectorySession;
import org.allot.core.sync.EntryMapper;
import org.allot.core.sync.ObjectKind;
import org.allot.core.sync.ScopeItem;
import org.allot.core.sync.Watermark;

/**
 * A bound connection read by one run: the census, the entries of a kind (all, or those changed since a watermark),
 * entries by id and the groups that list given names. Searches are paged over every base DN ({@link PagedSearch}),
 * with the connector's filters ({@link LdapFilters}); groups' members are read through every member attribute,
 * large lists to the end ({@link GroupMembers}); names the run does not know are looked up ({@link NamedEntries}).
 */
final class LdapSession implements DirectorySession {
    private static final int IDS_PER_SEARCH = 100;

    private final LDAPConnection connection;
    private final ConnectorSettings settings;
    private final AttributeMapping mapping;
    private final EntryMapper mapper;
    private final LdapFilters filters;
    private final PagedSearch searches;
    private final Optional<Watermark> marker;
    private final GroupMembers members;
    private final NamedEntries named;
    private final MemberOfLinks links;
    /** The domain's naming context (Active Directory's root DSE {@code defaultNamingContext}), or null. */
    private final String namingContext;

    private boolean censusTaken;

    LdapSession(LDAPConnection connection, ConnectorSettings settings, int pageSize) {
        this.connection = connection;
        this.settings = settings;
        this.mapping = settings.mapping();
        this.mapper = new EntryMapper(mapping);
        this.filters = new LdapFilters(settings);
        this.searches = new PagedSearch(connection, settings, pageSize);
        this.members = new GroupMembers(connection, settings);
        this.named = new NamedEntries(connection, settings, filters::of);
        boolean usn = settings.deltaStrategy() == DeltaStrategy.USN_CHANGED;
        RootDse root = usn || settings.preset() == DirectoryPreset.ACTIVE_DIRECTORY
                ? RootDse.read(connection)
                : RootDse.NOT_READ;
        this.marker = usn ? root.marker() : Optional.empty();
        this.namingContext = root.namingContext();
        this.links = MemberOfLinks.of(settings, root.capabilities());
    }

    @Override
    public Optional<Watermark> marker() {
        return marker;
    }

    @Override
    public void census(ObjectKind kind, Consumer<ScopeItem> item) {
        censusTaken = true;
        List<String> attributes = new ArrayList<>(mapping.idAttributes(kind));
        boolean timestamps = settings.deltaStrategy() == DeltaStrategy.MODIFY_TIMESTAMP;
        if (timestamps) {
            attributes.add("modifyTimestamp");
        }
        if (kind == ObjectKind.USER) {
            attributes.addAll(members.userAttributes());
        }
        searches.run(
                filters.of(kind),
                attributes,
                page -> page.forEach(e -> {
                    members.census(kind, e);
                    item.accept(new ScopeItem(
                            kind,
                            key(e.getDN()),
                            mapper.immutableId(kind, entry(e, List.of(), List.of()))
                                    .orElse(null),
                            timestamps ? modified(e) : null));
                }));
    }

    @Override
    public void readAll(ObjectKind kind, BiConsumer<List<DirectoryEntry>, List<ScopeItem>> page) {
        censusTaken = true;
        Set<String> attributes = new LinkedHashSet<>(mapping.attributesOf(kind));
        boolean timestamps = settings.deltaStrategy() == DeltaStrategy.MODIFY_TIMESTAMP;
        if (timestamps) {
            attributes.add("modifyTimestamp");
        }
        if (kind == ObjectKind.USER) {
            attributes.addAll(members.userAttributes());
        }
        searches.run(filters.of(kind), List.copyOf(attributes), found -> {
            // the whole page is in scope before its groups' members are told apart from dangling values
            found.forEach(e -> members.census(kind, e));
            List<DirectoryEntry> read = entries(kind, found);
            List<ScopeItem> items = new ArrayList<>(read.size());
            for (int i = 0; i < read.size(); i++) {
                DirectoryEntry entry = read.get(i);
                items.add(new ScopeItem(
                        kind,
                        entry.key(),
                        mapper.immutableId(kind, entry).orElse(null),
                        timestamps ? modified(found.get(i)) : null));
            }
            page.accept(read, items);
        });
    }

    @Override
    public void censusOf(Collection<String> keys, Consumer<ScopeItem> item) {
        for (String key : keys) {
            ScopeItem found = named.lookup(key).item();
            if (found != null) {
                item.accept(found);
            }
        }
    }

    @Override
    public void knownNames(Function<String, Optional<ScopeItem>> known) {
        named.told(known);
    }

    @Override
    public Optional<Set<String>> changedAnywhereSince(Watermark since) {
        if (settings.preset() != DirectoryPreset.ACTIVE_DIRECTORY
                || since == null
                || since.strategy() != DeltaStrategy.USN_CHANGED
                || marker.isEmpty()
                || namingContext == null) {
            return Optional.empty();
        }
        return Optional.of(DeletedObjects.changed(
                connection, mapping, namingContext, since.usn(), marker.get().usn(), searches.pageSize()));
    }

    @Override
    public void read(ObjectKind kind, Watermark since, Consumer<List<DirectoryEntry>> page) {
        if (!censusTaken) {
            members.withoutCensus(named);
        }
        Filter filter = since == null
                ? filters.of(kind)
                : Filter.createANDFilter(filters.of(kind), filters.changedSince(since));
        List<String> attributes = new ArrayList<>(mapping.attributesOf(kind));
        if (since != null) {
            attributes.addAll(links.attributes());
        }
        searches.run(filter, attributes, entries -> {
            entries.forEach(links::read);
            page.accept(entries(kind, entries));
        });
    }

    @Override
    public List<DirectoryEntry> readByIds(ObjectKind kind, Collection<String> immutableIds) {
        List<String> ids = List.copyOf(immutableIds);
        List<DirectoryEntry> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += IDS_PER_SEARCH) {
            List<Filter> any = ids.subList(i, Math.min(ids.size(), i + IDS_PER_SEARCH)).stream()
                    .map(id -> filters.id(kind, id))
                    .toList();
            searches.run(
                    Filter.createANDFilter(filters.of(kind), Filter.createORFilter(any)),
                    mapping.attributesOf(kind),
                    entries -> found.addAll(entries(kind, entries)));
        }
        return found;
    }

    @Override
    public List<DirectoryEntry> groupsWithMembers(Collection<String> memberDns) {
        MemberOfLinks.Groups linked = links.of(memberDns);
        Map<String, DirectoryEntry> found = new LinkedHashMap<>();
        entries(
                        ObjectKind.GROUP,
                        searches.readEach(
                                linked.groups(), filters.of(ObjectKind.GROUP), mapping.attributesOf(ObjectKind.GROUP)))
                .forEach(e -> found.putIfAbsent(e.key(), e));
        List<String> dns = linked.unknown();
        for (int i = 0; i < dns.size(); i += IDS_PER_SEARCH) {
            List<Filter> any = dns.subList(i, Math.min(dns.size(), i + IDS_PER_SEARCH)).stream()
                    .map(members::listing)
                    .toList();
            searches.run(
                    Filter.createANDFilter(filters.of(ObjectKind.GROUP), Filter.createORFilter(any)),
                    mapping.attributesOf(ObjectKind.GROUP),
                    entries -> entries(ObjectKind.GROUP, entries).forEach(e -> found.putIfAbsent(e.key(), e)));
        }
        return List.copyOf(found.values());
    }

    @Override
    public void close() {
        searches.close();
        connection.close();
    }

    private List<DirectoryEntry> entries(ObjectKind kind, List<SearchResultEntry> entries) {
        List<DirectoryEntry> result = new ArrayList<>(entries.size());
        for (SearchResultEntry e : entries) {
            if (kind == ObjectKind.GROUP) {
                GroupMembers.Read read = members.of(e);
                result.add(entry(e, read.members(), read.dangling()));
            } else {
                result.add(entry(e, List.of(), List.of()));
            }
        }
        return result;
    }

    private static DirectoryEntry entry(SearchResultEntry e, List<String> members, List<String> dangling) {
        return new DirectoryEntry(e.getDN(), key(e.getDN()), attributes(e), members, dangling);
    }

    /** An entry's attributes by name, values as bytes; those with options (ranged members) left out. */
    static Map<String, List<byte[]>> attributes(SearchResultEntry e) {
        Map<String, List<byte[]>> attributes = new LinkedHashMap<>();
        for (Attribute attribute : e.getAttributes()) {
            if (attribute.getBaseName().equalsIgnoreCase(AttributeMapping.MANAGER)) {
                attributes.put(attribute.getBaseName(), normalised(attribute.getValues()));
            } else if (!attribute.hasOptions()) {
                attributes.put(attribute.getBaseName(), List.of(attribute.getValueByteArrays()));
            }
        }
        return attributes;
    }

    /** Distinguished names (a user's {@code manager}) normalised, as the run's keys are. */
    private static List<byte[]> normalised(String[] names) {
        List<byte[]> values = new ArrayList<>(names.length);
        for (String name : names) {
            values.add(key(name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Instant modified(SearchResultEntry e) {
        String value = e.getAttributeValue("modifyTimestamp");
        if (value == null) {
            return null;
        }
        return GeneralizedTimes.parse(value);
    }

    /** A distinguished name normalised, so that names that are equal in LDAP are equal strings. */
    static String key(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.toLowerCase(Locale.ROOT);
        }
    }

    static DirectoryFailure failure(LDAPException e) {
        ResultCode code = e.getResultCode();
        String why;
        if (ResultCode.NO_SUCH_OBJECT.equals(code)) {
            why = "a base DN does not exist in the directory ("
                    + (e.getDiagnosticMessage() == null ? e.getMessage() : e.getDiagnosticMessage()) + ")";
        } else if (ResultCode.SIZE_LIMIT_EXCEEDED.equals(code) || ResultCode.TIME_LIMIT_EXCEEDED.equals(code)) {
            why = "the directory stopped a search at its "
                    + (ResultCode.SIZE_LIMIT_EXCEEDED.equals(code) ? "size" : "time") + " limit";
        } else if (ResultCode.SERVER_DOWN.equals(code) || ResultCode.CONNECT_ERROR.equals(code)) {
            why = "the directory server went away (" + LdapConnections.describe(e) + ")";
        } else {
            why = LdapConnections.describe(e);
        }
        return new DirectoryFailure("Reading the directory failed: " + why + ". Nothing was deleted.", e);
    }
}
