package org.allot.core.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.audit.PropertyChange;

/** Checks and converts the attribute values of groups, and lists what changed for the audit log. */
final class GroupValues {
    private GroupValues() {}

    static Outcome<Map<GroupAttribute, Object>> convertAll(Map<GroupAttribute, Object> values) {
        Map<GroupAttribute, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<GroupAttribute, Object> e : values.entrySet()) {
            if (e.getValue() == null && e.getKey().isBoolean()) {
                return Outcome.refused(AttributeValues.invalidValue(e.getKey().graphName(), GroupDirectory.RESOURCE));
            }
            Outcome<Object> value = e.getValue() == null ? Outcome.done(null) : convert(e.getKey(), e.getValue());
            if (!value.isDone()) {
                return Outcome.refused(value.rejection());
            }
            converted.put(e.getKey(), value.value());
        }
        if (Boolean.TRUE.equals(converted.get(GroupAttribute.MAIL_ENABLED))) {
            return Outcome.refused(Rejection.invalid(
                    "Mail-enabled groups are not supported: Allot manages security groups and Microsoft 365 groups"
                            + " without mail."));
        }
        return Outcome.done(converted);
    }

    private static Outcome<Object> convert(GroupAttribute attribute, Object raw) {
        if (attribute.isBoolean()) {
            return raw instanceof Boolean ? Outcome.done(raw) : invalid(attribute);
        }
        if (!(raw instanceof String s)) {
            return invalid(attribute);
        }
        return switch (attribute) {
            case MEMBERSHIP_RULE -> rule(s);
            case MEMBERSHIP_RULE_PROCESSING_STATE -> processingState(s);
            default -> AttributeValues.text(GroupDirectory.RESOURCE, attribute.graphName(), attribute.maxLength(), s);
        };
    }

    /** A rule keeps its line breaks and tabs; its syntax is checked by whoever applies rules. */
    private static Outcome<Object> rule(String rule) {
        String trimmed = rule.strip();
        boolean control = trimmed.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f);
        if (trimmed.isEmpty() || control) {
            return invalid(GroupAttribute.MEMBERSHIP_RULE);
        }
        if (trimmed.length() > GroupAttribute.MEMBERSHIP_RULE.maxLength()) {
            return Outcome.refused(Rejection.invalid(
                    "A membership rule has at most %d characters; this one has %d.",
                    GroupAttribute.MEMBERSHIP_RULE.maxLength(), trimmed.length()));
        }
        return Outcome.done(trimmed);
    }

    private static Outcome<Object> processingState(String state) {
        for (String known : List.of(Group.RULE_ON, Group.RULE_PAUSED)) {
            if (known.equalsIgnoreCase(state.strip())) {
                return Outcome.done(known);
            }
        }
        return Outcome.refused(Rejection.invalid(
                "Invalid value specified for property 'membershipRuleProcessingState' of resource 'Group': '%s'."
                        + " Allowed: On, Paused.",
                state));
    }

    /** A dynamic group has a rule and a processing state; other groups have neither. */
    static Optional<Rejection> checkMembershipRule(Group group) {
        if (group.isDynamic() && group.membershipRule() == null) {
            return Optional.of(
                    Rejection.invalid("A group whose groupTypes include DynamicMembership needs a membershipRule."));
        }
        if (!group.isDynamic() && (group.membershipRule() != null || group.membershipRuleProcessingState() != null)) {
            return Optional.of(Rejection.invalid(
                    "membershipRule and membershipRuleProcessingState apply only to groups whose groupTypes include"
                            + " DynamicMembership."));
        }
        return Optional.empty();
    }

    private static Outcome<Object> invalid(GroupAttribute attribute) {
        return Outcome.refused(AttributeValues.invalidValue(attribute.graphName(), GroupDirectory.RESOURCE));
    }

    /** The group with converted values applied; only {@code description} may be cleared. */
    static Outcome<Group> apply(Group before, Map<GroupAttribute, Object> converted) {
        Group after = before;
        for (Map.Entry<GroupAttribute, Object> e : converted.entrySet()) {
            Object value = e.getValue();
            if (value == null && (e.getKey() != GroupAttribute.DESCRIPTION)) {
                return Outcome.refused(AttributeValues.invalidValue(e.getKey().graphName(), GroupDirectory.RESOURCE));
            }
            after = switch (e.getKey()) {
                case DISPLAY_NAME -> after.withDisplayName((String) value);
                case MAIL_NICKNAME -> after.withMailNickname((String) value);
                case DESCRIPTION -> after.withDescription((String) value);
                case SECURITY_ENABLED -> after.withSecurityEnabled((Boolean) value);
                case MAIL_ENABLED -> after;
                case MEMBERSHIP_RULE -> after.withMembershipRule((String) value, after.membershipRuleProcessingState());
                case MEMBERSHIP_RULE_PROCESSING_STATE ->
                    after.withMembershipRule(after.membershipRule(), (String) value);
            };
        }
        return Outcome.done(after);
    }

    static String nicknameFor(String displayName) {
        String nickname = displayName.replaceAll("[^A-Za-z0-9]", "");
        if (nickname.isEmpty()) {
            nickname = "group";
        }
        return nickname.substring(0, Math.min(64, nickname.length())).toLowerCase(Locale.ROOT);
    }

    static List<PropertyChange> changes(Group before, Group after) {
        List<PropertyChange> changes = new ArrayList<>();
        add(changes, "displayName", before == null ? null : before.displayName(), after.displayName());
        add(changes, "mailNickname", before == null ? null : before.mailNickname(), after.mailNickname());
        add(changes, "description", before == null ? null : before.description(), after.description());
        add(changes, "securityEnabled", before == null ? null : before.securityEnabled(), after.securityEnabled());
        add(changes, "groupTypes", before == null ? null : types(before), types(after));
        add(changes, "membershipRule", before == null ? null : before.membershipRule(), after.membershipRule());
        add(
                changes,
                "membershipRuleProcessingState",
                before == null ? null : before.membershipRuleProcessingState(),
                after.membershipRuleProcessingState());
        return changes;
    }

    private static String types(Group group) {
        return group.groupTypes().isEmpty()
                ? null
                : String.join(",", group.groupTypes().stream().sorted().toList());
    }

    private static void add(List<PropertyChange> changes, String name, Object old, Object now) {
        if (!Objects.equals(old, now)) {
            changes.add(PropertyChange.of(name, old, now));
        }
    }
}
