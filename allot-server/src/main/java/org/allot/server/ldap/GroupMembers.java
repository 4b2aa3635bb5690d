package org.allot.server.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.DirectoryPreset;
import org.allot.core.sync.MemberAttribute;
import org.allot.core.sync.ObjectKind;

/**
 * The members of the groups a session reads, through every member attribute of the connector: distinguished names
 * ({@code member}, {@code uniqueMember}; large lists read to the end by {@link RangedMembers}) and values that name
 * users by one of their attributes (posixGroup's {@code memberUid}, by {@code uid}), resolved through what the
 * census saw. Outside Active Directory, whose links the directory itself keeps, a member value that names no entry
 * of the directory at all under the base DNs is dangling, told apart from a member outside the connector's scope.
 */
final class GroupMembers {
    private static final int VALUES_PER_SEARCH = 100;

    /** A group's members (normalised distinguished names) and its dangling member values. */
    record Read(List<String> members, List<String> dangling) {}

    private final LDAPConnection connection;
    private final List<MemberAttribute> attributes;
    private final Map<String, RangedMembers> ranged = new HashMap<>();
    private final List<String> bases;
    private final boolean dangles;
    /** Normalised names of everything the census found in scope. */
    private final Set<String> scope = new HashSet<>();
    /** Users in scope by the folded values of the attributes members are named by, per attribute (lower case). */
    private final Map<String, Map<String, List<String>>> usersByValue = new HashMap<>();
    /** Those values, per user. */
    private final Map<String, Map<String, List<String>>> valuesOfUser = new HashMap<>();
    /** Whether a distinguished name outside the scope names an entry, as found out once per session. */
    private final Map<String, Boolean> exists = new HashMap<>();
    /** Where values that name users are looked for ({@link #roots}), found out once per session. */
    private List<String> roots;
    /** Without a census (a delta run that leaves it out), member names are looked up one by one. */
    private NamedEntries named;

    GroupMembers(LDAPConnection connection, ConnectorSettings settings) {
        this.connection = connection;
        this.attributes = settings.mapping().members();
        for (MemberAttribute a : attributes) {
            if (a.dns()) {
                ranged.put(a.name(), new RangedMembers(connection, a.name()));
            }
        }
        this.bases = settings.baseDns().stream().map(LdapSession::key).toList();
        this.dangles = settings.preset() != DirectoryPreset.ACTIVE_DIRECTORY;
    }

    /** The user attributes the census reads so that member values can be resolved. */
    List<String> userAttributes() {
        return attributes.stream()
                .filter(a -> !a.dns())
                .map(MemberAttribute::userAttribute)
                .distinct()
                .toList();
    }

    /** The session reads without a census: member names not known are looked up. */
    void withoutCensus(NamedEntries lookups) {
        this.named = lookups;
    }

    /** Remembers an entry the census found in scope. */
    void census(ObjectKind kind, SearchResultEntry entry) {
        String key = LdapSession.key(entry.getDN());
        scope.add(key);
        if (kind != ObjectKind.USER) {
            return;
        }
        for (String attribute : userAttributes()) {
            String[] values = entry.getAttributeValues(attribute);
            for (String value : values == null ? new String[0] : values) {
                String folded = MemberAttribute.folded(value);
                usersByValue
                        .computeIfAbsent(attribute.toLowerCase(Locale.ROOT), a -> new HashMap<>())
                        .computeIfAbsent(folded, v -> new ArrayList<>())
                        .add(key);
                valuesOfUser
                        .computeIfAbsent(key, k -> new HashMap<>())
                        .computeIfAbsent(attribute.toLowerCase(Locale.ROOT), a -> new ArrayList<>())
                        .add(value);
            }
        }
    }

    /** Every member of a group, and the member values that name nothing. */
    Read of(SearchResultEntry group) {
        Set<String> members = new LinkedHashSet<>();
        List<String> unknownDns = new ArrayList<>();
        Map<String, List<String>> unknownValues = new LinkedHashMap<>();
        for (MemberAttribute a : attributes) {
            if (a.dns()) {
                for (String key : ranged.get(a.name()).of(group)) {
                    members.add(key);
                    if (!scope.contains(key)) {
                        unknownDns.add(key);
                    }
                }
                if (named != null && dangles) {
                    unknownDns.removeIf(key -> named.lookup(key).item() != null);
                }
                continue;
            }
            String[] values = group.getAttributeValues(a.name());
            Map<String, List<String>> users =
                    usersByValue.getOrDefault(a.userAttribute().toLowerCase(Locale.ROOT), Map.of());
            for (String value : values == null ? new String[0] : values) {
                List<String> named = users.get(MemberAttribute.folded(value));
                if (named == null) {
                    unknownValues
                            .computeIfAbsent(a.userAttribute(), u -> new ArrayList<>())
                            .add(value);
                } else {
                    members.addAll(named);
                }
            }
        }
        if (!dangles) {
            return new Read(List.copyOf(members), List.of());
        }
        List<String> dangling = new ArrayList<>();
        for (String key : unknownDns) {
            if (underBase(key) && !exists(key)) {
                dangling.add(asWritten(group, key));
            }
        }
        unknownValues.forEach((attribute, values) -> dangling.addAll(nobodyHas(attribute, values)));
        return new Read(List.copyOf(members), dangling);
    }

    /** The filter of groups that list any of these entries, by any member attribute. */
    Filter listing(String dn) {
        String key = LdapSession.key(dn);
        List<Filter> any = new ArrayList<>();
        for (MemberAttribute a : attributes) {
            if (a.dns()) {
                any.add(Filter.createEqualityFilter(a.name(), dn));
            } else {
                for (String value : valuesOfUser
                        .getOrDefault(key, Map.of())
                        .getOrDefault(a.userAttribute().toLowerCase(Locale.ROOT), List.of())) {
                    any.add(Filter.createEqualityFilter(a.name(), value));
                }
            }
        }
        return any.size() == 1 ? any.get(0) : Filter.createORFilter(any);
    }

    /**
     * A dangling name as the group lists it, for the run's error (the normalised key escapes every character outside
     * ASCII and folds the case: {@code cn=zo\c3\ab …} for {@code cn=Zoë …}); the key when the group's entry does not
     * hold it (a slice of a ranged attribute).
     */
    private String asWritten(SearchResultEntry group, String key) {
        for (MemberAttribute a : attributes) {
            String[] values = a.dns() ? group.getAttributeValues(a.name()) : null;
            for (String value : values == null ? new String[0] : values) {
                String name = RangedMembers.name(value);
                if (LdapSession.key(name).equals(key)) {
                    return name;
                }
            }
        }
        return key;
    }

    private boolean underBase(String key) {
        return bases.stream().anyMatch(base -> key.equals(base) || key.endsWith("," + base));
    }

    private boolean exists(String key) {
        if (named != null) {
            return named.lookup(key).exists();
        }
        Boolean known = exists.get(key);
        if (known == null) {
            try {
                known = connection.getEntry(key, "1.1") != null;
            } catch (LDAPException e) {
                throw LdapSession.failure(e);
            }
            exists.put(key, known);
        }
        return known;
    }

    /**
     * The values no entry of the directory has for the attribute, in scope or not: looked for from the naming contexts
     * that hold the base DNs, so that a user moved out of the base DNs (to an archive OU, say) whose value a group
     * still lists is outside the scope, as a member named by its distinguished name would be, rather than dangling.
     */
    private List<String> nobodyHas(String attribute, List<String> values) {
        Set<String> found = new HashSet<>();
        for (int i = 0; i < values.size(); i += VALUES_PER_SEARCH) {
            Filter any =
                    Filter.createORFilter(values.subList(i, Math.min(values.size(), i + VALUES_PER_SEARCH)).stream()
                            .map(v -> Filter.createEqualityFilter(attribute, v))
                            .toList());
            for (String root : roots()) {
                for (SearchResultEntry e : under(root, any, attribute)) {
                    Attribute value = e.getAttribute(attribute);
                    if (value != null) {
                        for (String v : value.getValues()) {
                            found.add(MemberAttribute.folded(v));
                        }
                    }
                }
            }
        }
        return values.stream()
                .filter(v -> !found.contains(MemberAttribute.folded(v)))
                .toList();
    }

    /** The naming contexts (from the root DSE) that hold the base DNs; a base DN under none stands for itself. */
    private List<String> roots() {
        if (roots == null) {
            List<String> contexts = namingContexts();
            Set<String> found = new LinkedHashSet<>();
            for (String base : bases) {
                found.add(contexts.stream()
                        .filter(c -> !c.isEmpty() && (base.equals(c) || base.endsWith("," + c)))
                        .findFirst()
                        .orElse(base));
            }
            roots = List.copyOf(found);
        }
        return roots;
    }

    private List<String> namingContexts() {
        try {
            RootDSE root = connection.getRootDSE();
            String[] names = root == null ? null : root.getNamingContextDNs();
            return names == null
                    ? List.of()
                    : Arrays.stream(names).map(LdapSession::key).toList();
        } catch (LDAPException e) {
            return List.of();
        }
    }

    /**
     * The entries under a search root that match; a naming context the account may not search is left for the base
     * DNs under it.
     */
    private List<SearchResultEntry> under(String root, Filter filter, String attribute) {
        try {
            return connection
                    .search(new SearchRequest(root, SearchScope.SUB, filter, attribute))
                    .getSearchEntries();
        } catch (LDAPException e) {
            if (bases.contains(root)) {
                throw LdapSession.failure(e);
            }
            List<SearchResultEntry> entries = new ArrayList<>();
            for (String base : bases) {
                if (base.endsWith("," + root)) {
                    entries.addAll(under(base, filter, attribute));
                }
            }
            return entries;
        }
    }
}
