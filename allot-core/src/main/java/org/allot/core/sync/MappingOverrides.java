package org.allot.core.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.UserAttribute;

/** A connector's mapping overrides applied to its preset's mapping, each checked, the first wrong one refused. */
final class MappingOverrides {
    private static final Set<String> BINARY_IDS = Set.of("objectguid", "ms-ds-consistencyguid", "msds-consistencyguid");

    private MappingOverrides() {}

    /**
     * The first attribute the mapping names twice, ignoring case and surrounding spaces as the mapping does: which of
     * the two would win is not what the administrator can see.
     */
    static Optional<String> namedTwice(Map<String, String> overrides) {
        Set<String> seen = new HashSet<>();
        return overrides.keySet().stream()
                .filter(key -> !seen.add(key == null ? "" : key.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The mapping {@code base} with the overrides applied (see {@link AttributeMapping#withOverrides}). */
    static Outcome<AttributeMapping> apply(AttributeMapping base, Map<String, String> overrides) {
        Map<UserAttribute, List<String>> users = new LinkedHashMap<>(base.user());
        Map<GroupAttribute, List<String>> groups = new LinkedHashMap<>(base.group());
        String id = base.immutableId();
        AttributeMapping.IdFormat format = base.immutableIdFormat();
        String account = base.samAccountName();
        String control = base.accountControl();
        String type = base.groupType();
        List<MemberAttribute> members = base.members();
        String sid = base.securityIdentifier();
        String groupAccount = base.groupSamAccountName();
        String logon = base.lastLogon();
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            String key = o.getKey() == null ? "" : o.getKey().strip();
            if (key.equalsIgnoreCase(AttributeMapping.GROUP_MEMBER)) {
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
            if (key.equalsIgnoreCase(AttributeMapping.IMMUTABLE_ID)) {
                if (v.size() != 1) {
                    return Outcome.refused(Rejection.invalid("Map %s to exactly one directory attribute.", key));
                }
                id = single;
                format = BINARY_IDS.contains(single.toLowerCase(Locale.ROOT))
                        ? AttributeMapping.IdFormat.BINARY
                        : AttributeMapping.IdFormat.TEXT;
            } else if (key.equalsIgnoreCase(AttributeMapping.SAM_ACCOUNT_NAME)) {
                account = single;
            } else if (key.equalsIgnoreCase(AttributeMapping.SECURITY_IDENTIFIER)) {
                sid = single;
            } else if (key.equalsIgnoreCase(AttributeMapping.LAST_LOGON)) {
                logon = single;
            } else if (key.equalsIgnoreCase(AttributeMapping.GROUP_SAM_ACCOUNT_NAME)) {
                groupAccount = single;
            } else if (key.equalsIgnoreCase(UserAttribute.ACCOUNT_ENABLED.graphName())) {
                control = single;
            } else if (key.equalsIgnoreCase(AttributeMapping.GROUP_SECURITY_ENABLED)) {
                type = single;
            } else if (key.regionMatches(
                    true, 0, AttributeMapping.GROUP_PREFIX, 0, AttributeMapping.GROUP_PREFIX.length())) {
                var attribute = GroupAttribute.byGraphName(key.substring(AttributeMapping.GROUP_PREFIX.length()))
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
                id,
                format,
                base.anchor(),
                base.anchorFormat(),
                users,
                account,
                control,
                groups,
                type,
                members,
                sid,
                groupAccount,
                logon));
    }

    private static Outcome<List<String>> names(String key, String value) {
        List<String> names = new ArrayList<>();
        for (String part : (value == null ? "" : value).split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!AttributeMapping.isName(name)) {
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
                        + " usageLocation, extensionAttribute1 to 15, accountEnabled, %s, %s, %s, %s, or"
                        + " group.displayName, group.mailNickname, group.description, %s, %s and %s.",
                key,
                AttributeMapping.IMMUTABLE_ID,
                AttributeMapping.SAM_ACCOUNT_NAME,
                AttributeMapping.SECURITY_IDENTIFIER,
                AttributeMapping.LAST_LOGON,
                AttributeMapping.GROUP_SAM_ACCOUNT_NAME,
                AttributeMapping.GROUP_SECURITY_ENABLED,
                AttributeMapping.GROUP_MEMBER);
    }
}
