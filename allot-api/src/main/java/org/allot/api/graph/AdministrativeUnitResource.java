package org.allot.api.graph;

/**
 * Graph's administrativeUnit: a named set of users and groups. {@code membershipType} is "Dynamic" for a unit whose
 * users a {@code membershipRule} chooses (then {@code membershipRuleProcessingState} "On" or "Paused"), null for one
 * whose members are added one by one. Allot keeps no hidden units and no restricted-management units.
 */
public record AdministrativeUnitResource(
        String id,
        String displayName,
        String description,
        String membershipType,
        String membershipRule,
        String membershipRuleProcessingState,
        String visibility,
        Boolean isMemberManagementRestricted,
        String deletedDateTime) {}
