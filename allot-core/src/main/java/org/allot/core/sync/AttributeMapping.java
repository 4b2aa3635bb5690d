package org.allot.core.sync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
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
        String groupSamAccountName) {

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

    private static final Pattern ATTRIBUTE = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9-]*|[0-9]+(?:\\.[0-9]+)+)$");
    private static final Set<String> BINARY_IDS = Set.of("objectguid", "ms-ds-consistencyguid", "msds-consistencyguid");

    /** Active Directory, as Microsoft Entra Connect maps it by default. */
    public static final AttributeMapping ACTIVE_DIRECTORY = new AttributeMapping(
            "objectGUID",
            IdFormat.BINARY,
            "objectGUID",
            IdFormat.BINARY,
            withExtensionAttributes(users(
                    "userPrincipalName",
                    "displayName,cn",
                    "givenName",
                    "sn",
                    "mail",
                    "mailNickname,sAMAccountName",
                    "department",
                    "title",
                    "company",
                    "l",
                    "c",
                    "employeeID")),
            "sAMAccountName",
            "userAccountControl",
            groups("displayName,cn", "mailNickname,sAMAccountName", "description"),
            "groupType",
            List.of(MemberAttribute.ofDns("member")),
            "objectSid",
            "sAMAccountName");

    /** Other LDAP directories: inetOrgPerson users, groupOfNames groups, entryUUID ids. */
    public static final AttributeMapping GENERIC_LDAP = new AttributeMapping(
            "entryUUID",
            IdFormat.TEXT,
            "entryUUID",
            IdFormat.TEXT,
            users(
                    "mail",
                    "displayName,cn",
                    "givenName",
                    "sn",
                    "mail",
                    "uid",
                    "departmentNumber",
                    "title",
                    "o",
                    "l",
                    "c",
                    "employeeNumber"),
            "uid",
            null,
            groups("cn", "", "description"),
            null,
            List.of(MemberAttribute.ofDns("member")),
            null,
            null);

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
     * {@code onPremisesSamAccountName}, {@code onPremisesSecurityIdentifier}, {@code group.onPremisesSamAccountName},
     * {@code group.displayName},
     * {@code group.mailNickname}, {@code group.description}, {@code group.securityEnabled}, {@code group.member});
     * values are directory attribute names separated by commas, in order of preference, or empty to sync nothing.
     */
    public Outcome<AttributeMapping> withOverrides(Map<String, String> overrides) {
        Map<UserAttribute, List<String>> users = new LinkedHashMap<>(user);
        Map<GroupAttribute, List<String>> groups = new LinkedHashMap<>(group);
        String id = immutableId;
        IdFormat format = immutableIdFormat;
        String account = samAccountName;
        String control = accountControl;
        String type = groupType;
        List<MemberAttribute> members = this.members;
        String sid = securityIdentifier;
        String groupAccount = groupSamAccountName;
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            String key = o.getKey() == null ? "" : o.getKey().strip();
            if (key.equalsIgnoreCase(GROUP_MEMBER)) {
                Outcome<List<MemberAttribute>> listed = MemberAttribute.parse(o.getValue());
                if (!listed.isDone()) {
                    return Outcome.refused(listed.rejection());
                }
                members = listed.value();
                continue;
            }
            Outcome<List<String>> names = names(key, o.getValue());
            if (!names.isDone()) {
                return Outcome.refused(names.rejection());
            }
            List<String> v = names.value();
            String single = v.isEmpty() ? null : v.get(0);
            if (key.equalsIgnoreCase(IMMUTABLE_ID)) {
                if (v.size() != 1) {
                    return Outcome.refused(Rejection.invalid("Map %s to exactly one directory attribute.", key));
                }
                id = single;
                format = BINARY_IDS.contains(single.toLowerCase(Locale.ROOT)) ? IdFormat.BINARY : IdFormat.TEXT;
            } else if (key.equalsIgnoreCase(SAM_ACCOUNT_NAME)) {
                account = single;
            } else if (key.equalsIgnoreCase(SECURITY_IDENTIFIER)) {
                sid = single;
            } else if (key.equalsIgnoreCase(GROUP_SAM_ACCOUNT_NAME)) {
                groupAccount = single;
            } else if (key.equalsIgnoreCase(UserAttribute.ACCOUNT_ENABLED.graphName())) {
                control = single;
            } else if (key.equalsIgnoreCase(GROUP_SECURITY_ENABLED)) {
                type = single;
            } else if (key.regionMatches(true, 0, GROUP_PREFIX, 0, GROUP_PREFIX.length())) {
                var attribute = GroupAttribute.byGraphName(key.substring(GROUP_PREFIX.length()))
                        .filter(a -> !a.isBoolean());
                if (attribute.isEmpty()) {
                    return Outcome.refused(unknown(key));
                }
                if (v.isEmpty() && attribute.get() == GroupAttribute.DISPLAY_NAME) {
                    return Outcome.refused(Rejection.invalid("group.displayName must be mapped: groups need one."));
                }
                groups.put(attribute.get(), v);
            } else {
                var attribute = UserAttribute.byGraphName(key);
                if (attribute.isEmpty() || attribute.get() == UserAttribute.USER_TYPE) {
                    return Outcome.refused(unknown(key));
                }
                if (v.isEmpty()
                        && (attribute.get() == UserAttribute.USER_PRINCIPAL_NAME
                                || attribute.get() == UserAttribute.DISPLAY_NAME)) {
                    return Outcome.refused(Rejection.invalid(
                            "%s must be mapped: users need one.",
                            attribute.get().graphName()));
                }
                users.put(attribute.get(), v);
            }
        }
        return Outcome.done(new AttributeMapping(
                id, format, anchor, anchorFormat, users, account, control, groups, type, members, sid, groupAccount));
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

    static boolean isName(String name) {
        return ATTRIBUTE.matcher(name).matches() && name.length() <= 128;
    }

    private static Outcome<List<String>> names(String key, String value) {
        List<String> names = new ArrayList<>();
        for (String part : (value == null ? "" : value).split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!isName(name)) {
                return Outcome.refused(Rejection.invalid(
                        "'%s' is not a directory attribute name (mapping of %s): use names such as department or"
                                + " extensionAttribute1, separated by commas.",
                        name, key));
            }
            names.add(name);
        }
        return Outcome.done(List.copyOf(names));
    }

    private static Rejection unknown(String key) {
        return Rejection.invalid(
                "'%s' cannot be mapped. Map user attributes by their Graph names (department, jobTitle, …),"
                        + " usageLocation, extensionAttribute1 to 15, accountEnabled, %s, %s, %s, or group.displayName,"
                        + " group.mailNickname, group.description, %s, %s and %s.",
                key,
                IMMUTABLE_ID,
                SAM_ACCOUNT_NAME,
                SECURITY_IDENTIFIER,
                GROUP_SAM_ACCOUNT_NAME,
                GROUP_SECURITY_ENABLED,
                GROUP_MEMBER);
    }

    private static Map<UserAttribute, List<String>> users(String... names) {
        UserAttribute[] order = {
            UserAttribute.USER_PRINCIPAL_NAME,
            UserAttribute.DISPLAY_NAME,
            UserAttribute.GIVEN_NAME,
            UserAttribute.SURNAME,
            UserAttribute.MAIL,
            UserAttribute.MAIL_NICKNAME,
            UserAttribute.DEPARTMENT,
            UserAttribute.JOB_TITLE,
            UserAttribute.COMPANY_NAME,
            UserAttribute.CITY,
            UserAttribute.COUNTRY,
            UserAttribute.EMPLOYEE_ID
        };
        Map<UserAttribute, List<String>> map = new EnumMap<>(UserAttribute.class);
        for (int i = 0; i < order.length; i++) {
            map.put(order[i], split(names[i]));
        }
        return map;
    }

    /** Active Directory's users, with Exchange's extensionAttribute1 to 15 as Entra Connect syncs them. */
    private static Map<UserAttribute, List<String>> withExtensionAttributes(Map<UserAttribute, List<String>> users) {
        Map<UserAttribute, List<String>> map = new EnumMap<>(users);
        for (UserAttribute attribute : UserAttribute.values()) {
            if (attribute.extension() > 0) {
                map.put(attribute, List.of(attribute.graphName()));
            }
        }
        return map;
    }

    private static Map<GroupAttribute, List<String>> groups(String displayName, String nickname, String description) {
        Map<GroupAttribute, List<String>> map = new EnumMap<>(GroupAttribute.class);
        map.put(GroupAttribute.DISPLAY_NAME, split(displayName));
        map.put(GroupAttribute.MAIL_NICKNAME, split(nickname));
        map.put(GroupAttribute.DESCRIPTION, split(description));
        return map;
    }

    private static List<String> split(String names) {
        return Arrays.stream(names.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
