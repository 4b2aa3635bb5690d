package org.allot.core.sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.allot.core.Outcome;
import org.allot.core.Rejection;

/**
 * An attribute of a group that lists its members, and how its values name them.
 *
 * @param name the group's attribute: {@code member}, {@code uniqueMember}, {@code memberUid}, …
 * @param userAttribute null when the values are distinguished names (groupOfNames' {@code member},
 *     groupOfUniqueNames' {@code uniqueMember}); otherwise the user attribute the values are values of (posixGroup's
 *     {@code memberUid} names users by {@code uid}): such values name users only, never groups
 */
public record MemberAttribute(String name, String userAttribute) {
    /** Between an attribute and the user attribute its values name users by, as written: {@code memberUid:uid}. */
    public static final String BY = ":";

    /** posixGroup's member attribute (RFC 2307), whose values are uids. */
    private static final String POSIX_MEMBER = "memberUid";

    public MemberAttribute {
        Objects.requireNonNull(name, "name");
    }

    /** An attribute whose values are distinguished names. */
    public static MemberAttribute ofDns(String name) {
        return new MemberAttribute(name, null);
    }

    /** Whether the values are distinguished names. */
    public boolean dns() {
        return userAttribute == null;
    }

    /** A value of the attribute as a user's {@link #userAttribute} value is compared: without case. */
    public static String folded(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The member attributes {@code group.member} lists, separated by commas: an attribute alone holds distinguished
     * names, {@code attribute:userAttribute} holds values of the members' {@code userAttribute}.
     */
    public static Outcome<List<MemberAttribute>> parse(String value) {
        List<MemberAttribute> members = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : (value == null ? "" : value).split(",")) {
            String written = part.strip();
            if (written.isEmpty()) {
                continue;
            }
            int by = written.indexOf(MemberAttribute.BY);
            String name = (by < 0 ? written : written.substring(0, by)).strip();
            String user = by < 0 ? null : written.substring(by + 1).strip();
            if (!AttributeMapping.isName(name) || (user != null && !AttributeMapping.isName(user))) {
                return Outcome.refused(Rejection.invalid(
                        "'%s' is not a member attribute (mapping of %s): write an attribute whose values are"
                                + " distinguished names, such as member or uniqueMember, or attribute:userAttribute"
                                + " for one whose values name users by another attribute, such as memberUid:uid.",
                        written, AttributeMapping.GROUP_MEMBER));
            }
            if (user == null && name.equalsIgnoreCase(POSIX_MEMBER)) {
                // RFC 2307's memberUid holds uids: read as distinguished names, every posixGroup would be empty
                return Outcome.refused(Rejection.invalid(
                        "%s names users by their uid, not by distinguished name: write %s:uid (mapping of %s).",
                        name, name, AttributeMapping.GROUP_MEMBER));
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                return Outcome.refused(
                        Rejection.invalid("%s names %s twice: keep it once.", AttributeMapping.GROUP_MEMBER, name));
            }
            members.add(new MemberAttribute(name, user));
        }
        if (members.isEmpty()) {
            return Outcome.refused(Rejection.invalid(
                    "%s must name at least one attribute: groups need their members.", AttributeMapping.GROUP_MEMBER));
        }
        return Outcome.done(List.copyOf(members));
    }

    /** As the mapping writes it: {@code member}, {@code memberUid:uid}. */
    @Override
    public String toString() {
        return dns() ? name : name + BY + userAttribute;
    }
}
