package org.allot.server.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.DirectoryPreset;
import org.allot.core.sync.MemberAttribute;

/**
 * Active Directory's {@code memberOf} back-links, read with the entries a delta run reads, so that the groups that
 * list an object entering the scope are known without searching every group by member: Active Directory keeps
 * {@code memberOf} on each object for the groups whose {@code member} names it, and an object without it is in no
 * group. Only for a connector whose sole member attribute is {@code member}, against a server whose root DSE says it
 * is Active Directory (Samba's domain controller says so too); other directories' groups are searched by member. An
 * entry whose back-links came ranged ({@code memberOf;range=…}, more than the server's MaxValRange groups) or were not
 * read is left to that search.
 */
final class MemberOfLinks {
    static final String ATTRIBUTE = "memberOf";
    /** LDAP_CAP_ACTIVE_DIRECTORY_OID: the server is an Active Directory domain controller. */
    static final String ACTIVE_DIRECTORY = "1.2.840.113556.1.4.800";

    /** The groups that list some names, and the names whose groups are not known from their back-links. */
    record Groups(Set<String> groups, List<String> unknown) {}

    private final boolean kept;
    /** The groups (normalised names) of each entry read with its back-links, by its normalised name. */
    private final Map<String, List<String>> groupsOf = new HashMap<>();

    private MemberOfLinks(boolean kept) {
        this.kept = kept;
    }

    /**
     * The back-links of a session: kept when the connector reads Active Directory through {@code member} alone and
     * the server's capabilities (its root DSE's {@code supportedCapabilities}) say it is Active Directory.
     */
    static MemberOfLinks of(ConnectorSettings settings, List<String> capabilities) {
        List<MemberAttribute> members = settings.mapping().members();
        return new MemberOfLinks(settings.preset() == DirectoryPreset.ACTIVE_DIRECTORY
                && members.size() == 1
                && members.get(0).dns()
                && members.get(0).name().equalsIgnoreCase("member")
                && capabilities.contains(ACTIVE_DIRECTORY));
    }

    /** The attributes to read with the entries of a delta for their back-links: none when they are not kept. */
    List<String> attributes() {
        return kept ? List.of(ATTRIBUTE) : List.of();
    }

    /** Remembers the groups an entry read with {@link #attributes()} is in, unless they came ranged. */
    void read(SearchResultEntry entry) {
        if (!kept) {
            return;
        }
        List<String> groups = new ArrayList<>();
        for (Attribute attribute : entry.getAttributes()) {
            if (!attribute.getBaseName().equalsIgnoreCase(ATTRIBUTE)) {
                continue;
            }
            if (attribute.hasOptions()) {
                return;
            }
            for (String group : attribute.getValues()) {
                groups.add(LdapSession.key(group));
            }
        }
        groupsOf.put(LdapSession.key(entry.getDN()), List.copyOf(groups));
    }

    /** The groups that list any of these distinguished names, as far as their back-links tell. */
    Groups of(Collection<String> dns) {
        Set<String> groups = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String dn : dns) {
            List<String> of = groupsOf.get(LdapSession.key(dn));
            if (of == null) {
                unknown.add(dn);
            } else {
                groups.addAll(of);
            }
        }
        return new Groups(groups, unknown);
    }
}
