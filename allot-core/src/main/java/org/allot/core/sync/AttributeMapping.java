package org.allot.core.sync;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.allot.core.Outcome;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.UserAttribute;

/**
 * Which directory attributes give which Allot attributes. Each Allot attribute lists directory attributes in order
 * of preference: the first one the entry has a value for wins (so {@code displayName} falls back to {@code cn}).
 *
 * @param immutableId the attribute that identifies a user for life, whatever its name or place (Microsoft Entra
 *     Connect's source anchor, which applies to users)
 * @param immutableIdFormat how its value becomes {@code onPremisesImmutableId}
 * @param anchor the preset's identifying attribute ({@code objectGUID}, {@code entryUUID}): groups always take it, and
 *     users that lack {@code immutableId} fall back on it
 * @param anchorFormat how its value becomes {@code onPremisesImmutableId}
 * @param samAccountName gives {@code onPremisesSamAccountName}; null: not synced
 * @param accountControl an Active Directory {@code userAccountControl}-style number whose bit 2 (0x2) means the
 *     account is disabled; null: accounts are enabled
 * @param groupType an Active Directory {@code groupType}-style number whose sign bit marks a security group; null:
 *     every group is a security group
 * @param members the attributes of a group that list its members, all of them read: the attribute member alone by default;
 *     {@code member, uniqueMember} for directories with both groupOfNames and groupOfUniqueNames; {@code memberUid:uid}
 *     for posixGroups, whose values are the members' {@code uid}s rather than distinguished names
 * @param securityIdentifier a binary security identifier ({@code objectSid}) that gives users' and groups'
 *     {@code onPremisesSecurityIdentifier} in {@code S-1-5-…} form; null: not synced
 * @param groupSamAccountName gives groups' {@code onPremisesSamAccountName}; null: not synced
 * @param lastLogon gives users' last logon, an activity signal for reclaim: Active Directory's
 *     {@code lastLogonTimestamp} (a Windows file time) or a generalized time such as OpenLDAP's {@code authTimestamp};
 *     null: not read
 */
public record AttributeMapping(
        String immutableId,
        IdFormat immutableIdFormat,
        String anchor,
        IdFormat anchorFormat,
        Map<UserAttribute, List<String>> user,
        String samAccountName,
        String accountControl,
        Map<GroupAttribute, List<String>> group,
        String groupType,
        List<MemberAttribute> members,
        String securityIdentifier,
        String groupSamAccountName,
        String lastLogon) {

    /** How the immutable id attribute's value is written in Allot. */
    public enum IdFormat {
        /** Base64 of the raw bytes, as Microsoft Entra writes an {@code objectGUID}. */
        BINARY,
        /** The value as text, such as an {@code entryUUID}. */
        TEXT
    }

    public static final String IMMUTABLE_ID = "onPremisesImmutableId";
    public static final String SAM_ACCOUNT_NAME = "onPremisesSamAccountName";
    public static final String SECURITY_IDENTIFIER = "onPremisesSecurityIdentifier";
    public static final String GROUP_SAM_ACCOUNT_NAME = "group.onPremisesSamAccountName";
    public static final String GROUP_PREFIX = "group.";
    public static final String GROUP_SECURITY_ENABLED = "group.securityEnabled";
    public static final String GROUP_MEMBER = "group.member";
    public static final String LAST_LOGON = "lastLogonTimestamp";
    /**
     * The attribute of a user that names its manager by distinguished name (Active Directory's and inetOrgPerson's
     * {@code manager}), read for every user; the directory source hands it normalised.
     */
    public static final String MANAGER = "manager";

    private static final Pattern ATTRIBUTE = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9-]*|[0-9]+(?:\\.[0-9]+)+)$");

    /** Active Directory, as Microsoft Entra Connect maps it by default. */
    public static final AttributeMapping ACTIVE_DIRECTORY = MappingPresets.activeDirectory();

    /** Other LDAP directories: inetOrgPerson users, groupOfNames groups, entryUUID ids. */
    public static final AttributeMapping GENERIC_LDAP = MappingPresets.genericLdap();

    public AttributeMapping {
        Objects.requireNonNull(immutableId, "immutableId");
        Objects.requireNonNull(immutableIdFormat, "immutableIdFormat");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(anchorFormat, "anchorFormat");
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a group needs a member attribute");
        }
        user = Collections.unmodifiableMap(new EnumMap<>(user));
        group = Collections.unmodifiableMap(new EnumMap<>(group));
    }

    /**
     * This mapping with some attributes mapped otherwise. Keys are Allot's names ({@code department},
     * {@code extensionAttribute1}, {@code usageLocation} (off unless mapped; only valid country codes are taken, and
     * none leaves the user's as it is), {@code accountEnabled}, {@code onPremisesImmutableId},
     * {@code onPremisesSamAccountName}, {@code onPremisesSecurityIdentifier}, {@code lastLogonTimestamp} (the last logon,
     * for reclaim), {@code group.onPremisesSamAccountName},
     * {@code group.displayName},
     * {@code group.mailNickname}, {@code group.description}, {@code group.securityEnabled}, {@code group.member});
     * values are directory attribute names separated by commas, in order of preference, or empty to sync nothing.
     */
    public Outcome<AttributeMapping> withOverrides(Map<String, String> overrides) {
        return MappingOverrides.apply(this, overrides);
    }

    /**
     * The attributes that identify an object of the kind, in order of preference: for users the mapped immutable id,
     * then the preset's; for groups the preset's alone. So choosing {@code mS-DS-ConsistencyGuid}, as Microsoft Entra
     * Connect does, leaves groups on {@code objectGUID}, and a user without a consistency GUID keeps the id its
     * {@code objectGUID} gives, which is the value Entra Connect writes into the attribute.
     */
    public List<String> idAttributes(ObjectKind kind) {
        return kind == ObjectKind.GROUP || immutableId.equalsIgnoreCase(anchor)
                ? List.of(anchor)
                : List.of(immutableId, anchor);
    }

    /** How the value of one of the {@link #idAttributes} becomes {@code onPremisesImmutableId}. */
    public IdFormat idFormat(String attribute) {
        return attribute.equalsIgnoreCase(immutableId) ? immutableIdFormat : anchorFormat;
    }

    /** The directory attributes to read for objects of a kind. */
    public List<String> attributesOf(ObjectKind kind) {
        Set<String> names = new LinkedHashSet<>(idAttributes(kind));
        if (kind == ObjectKind.USER) {
            user.values().forEach(names::addAll);
            addIfSet(names, samAccountName);
            addIfSet(names, accountControl);
            addIfSet(names, lastLogon);
            names.add(MANAGER);
        } else {
            group.values().forEach(names::addAll);
            addIfSet(names, groupType);
            addIfSet(names, groupSamAccountName);
            members.forEach(m -> names.add(m.name()));
        }
        addIfSet(names, securityIdentifier);
        return List.copyOf(names);
    }

    private static void addIfSet(Set<String> names, String name) {
        if (name != null) {
            names.add(name);
        }
    }

    /** Whether the text is a directory attribute name (a name or an object identifier). */
    static boolean isName(String name) {
        return ATTRIBUTE.matcher(name).matches() && name.length() <= 128;
    }
}
