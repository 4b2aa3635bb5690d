package org.allot.core.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A group of users and other groups. Security-enabled groups can assign licenses to their members.
 *
 * @param groupTypes Graph's group types, e.g. {@code Unified} or {@code DynamicMembership}
 * @param membershipRule the rule of a dynamic group, null otherwise
 * @param membershipRuleProcessingState {@code On} or {@code Paused} for dynamic groups, null otherwise
 * @param onPremisesSamAccountName a synced group's account name in its directory ({@code sAMAccountName})
 * @param onPremises a synced group's domain, security identifier and time of last sync
 */
public record Group(
        GroupId id,
        String displayName,
        String mailNickname,
        String description,
        boolean securityEnabled,
        boolean mailEnabled,
        Set<String> groupTypes,
        String membershipRule,
        String membershipRuleProcessingState,
        boolean onPremisesSyncEnabled,
        String onPremisesImmutableId,
        Instant createdDateTime,
        String onPremisesSamAccountName,
        OnPremisesAttributes onPremises) {

    public static final String DYNAMIC_MEMBERSHIP = "DynamicMembership";
    /** The rule of a dynamic group is applied. */
    public static final String RULE_ON = "On";
    /** The rule of a dynamic group is not applied: its members stay as they are. */
    public static final String RULE_PAUSED = "Paused";

    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        groupTypes = Set.copyOf(groupTypes);
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        onPremises = onPremises == null ? OnPremisesAttributes.NONE : onPremises;
    }

    public static Group security(GroupId id, String displayName, String mailNickname, Instant created) {
        return new Group(
                id,
                displayName,
                mailNickname,
                null,
                true,
                false,
                Set.of(),
                null,
                null,
                false,
                null,
                created,
                null,
                null);
    }

    public boolean isDynamic() {
        return groupTypes.contains(DYNAMIC_MEMBERSHIP);
    }

    /** A dynamic group whose rule is applied (not paused). */
    public boolean appliesRule() {
        return isDynamic() && RULE_ON.equals(membershipRuleProcessingState) && membershipRule != null;
    }

    public Group withMembershipRule(String rule, String processingState) {
        return new Group(
                id,
                displayName,
                mailNickname,
                description,
                securityEnabled,
                mailEnabled,
                groupTypes,
                rule,
                processingState,
                onPremisesSyncEnabled,
                onPremisesImmutableId,
                createdDateTime,
                onPremisesSamAccountName,
                onPremises);
    }

    public Group withDisplayName(String value) {
        return new Group(
                id,
                value,
                mailNickname,
                description,
                securityEnabled,
                mailEnabled,
                groupTypes,
                membershipRule,
                membershipRuleProcessingState,
                onPremisesSyncEnabled,
                onPremisesImmutableId,
                createdDateTime,
                onPremisesSamAccountName,
                onPremises);
    }

    public Group withDescription(String value) {
        return new Group(
                id,
                displayName,
                mailNickname,
                value,
                securityEnabled,
                mailEnabled,
                groupTypes,
                membershipRule,
                membershipRuleProcessingState,
                onPremisesSyncEnabled,
                onPremisesImmutableId,
                createdDateTime,
                onPremisesSamAccountName,
                onPremises);
    }

    public Group withMailNickname(String value) {
        return new Group(
                id,
                displayName,
                value,
                description,
                securityEnabled,
                mailEnabled,
                groupTypes,
                membershipRule,
                membershipRuleProcessingState,
                onPremisesSyncEnabled,
                onPremisesImmutableId,
                createdDateTime,
                onPremisesSamAccountName,
                onPremises);
    }

    public Group withSecurityEnabled(boolean value) {
        return new Group(
                id,
                displayName,
                mailNickname,
                description,
                value,
                mailEnabled,
                groupTypes,
                membershipRule,
                membershipRuleProcessingState,
                onPremisesSyncEnabled,
                onPremisesImmutableId,
                createdDateTime,
                onPremisesSamAccountName,
                onPremises);
    }

    public Group withOnPremises(String immutableId) {
        return new Group(
                id,
                displayName,
                mailNickname,
                description,
                securityEnabled,
                mailEnabled,
                groupTypes,
                membershipRule,
                membershipRuleProcessingState,
                immutableId != null,
                immutableId,
                createdDateTime,
                onPremisesSamAccountName,
                onPremises);
    }

    /** The same group with what sync read of its on-premises original. */
    public Group withOnPremisesAttributes(String samAccountName, OnPremisesAttributes value) {
        return new Group(
                id,
                displayName,
                mailNickname,
                description,
                securityEnabled,
                mailEnabled,
                groupTypes,
                membershipRule,
                membershipRuleProcessingState,
                onPremisesSyncEnabled,
                onPremisesImmutableId,
                createdDateTime,
                samAccountName,
                value);
    }
}
