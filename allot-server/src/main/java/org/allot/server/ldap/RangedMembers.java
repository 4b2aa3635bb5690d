package org.allot.server.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The members of the groups a session reads, however many: Active Directory hands large lists over in slices. */
final class RangedMembers {
    private static final Pattern OPTIONAL_UID = Pattern.compile("#'[01]*'B$");
    private static final Pattern RANGE = Pattern.compile("(?i)^range=(\\d+)-(\\d+|\\*)$");

    private final LDAPConnection connection;
    private final String member;

    RangedMembers(LDAPConnection connection, String member) {
        this.connection = connection;
        this.member = member;
    }

    /**
     * Every member of a group, normalised. Active Directory returns at most 1,500 values of a large attribute and
     * names the slice ({@code member;range=0-1499}); the rest is read slice by slice ({@code member;range=1500-*})
     * until the slice that ends with {@code *}.
     */
    List<String> of(SearchResultEntry group) {
        List<String> members = new ArrayList<>();
        Attribute slice = null;
        for (Attribute attribute : group.getAttributes()) {
            if (attribute.getBaseName().equalsIgnoreCase(member)) {
                if (!attribute.hasOptions()) {
                    addAll(members, attribute);
                } else if (range(attribute) != null) {
                    slice = attribute;
                }
            }
        }
        while (slice != null) {
            addAll(members, slice);
            long[] range = range(slice);
            if (range[1] < 0) {
                break;
            }
            String next = member + ";range=" + (range[1] + 1) + "-*";
            try {
                SearchResultEntry more = connection.getEntry(group.getDN(), next);
                slice = more == null ? null : rangedAttribute(more);
            } catch (LDAPException e) {
                throw LdapSession.failure(e);
            }
        }
        return members;
    }

    private Attribute rangedAttribute(SearchResultEntry entry) {
        for (Attribute attribute : entry.getAttributes()) {
            if (attribute.getBaseName().equalsIgnoreCase(member) && range(attribute) != null) {
                return attribute;
            }
        }
        return null;
    }

    /** The slice an attribute holds: {low, high}, high -1 for the last slice ({@code *}); null when not a slice. */
    private static long[] range(Attribute attribute) {
        for (String option : attribute.getOptions()) {
            Matcher m = RANGE.matcher(option);
            if (m.matches()) {
                return new long[] {Long.parseLong(m.group(1)), m.group(2).equals("*") ? -1 : Long.parseLong(m.group(2))
                };
            }
        }
        return null;
    }

    /** The distinguished name a member value gives, as written (uniqueMember's optional UID left out). */
    static String name(String value) {
        return OPTIONAL_UID.matcher(value).replaceFirst("");
    }

    private static void addAll(List<String> members, Attribute attribute) {
        for (String value : attribute.getValues()) {
            // uniqueMember's nameAndOptionalUID: a DN possibly followed by #'bits'B
            members.add(LdapSession.key(name(value)));
        }
    }
}
