package org.allot.api.graph;

import java.util.List;

/**
 * Graph's domain. Every domain Allot keeps is verified (added by an administrator's declaration) and managed: Allot
 * federates with no identity provider.
 */
public record DomainResource(
        String authenticationType,
        String availabilityStatus,
        String id,
        Boolean isAdminManaged,
        Boolean isDefault,
        Boolean isInitial,
        Boolean isRoot,
        Boolean isVerified,
        Integer passwordNotificationWindowInDays,
        Integer passwordValidityPeriodInDays,
        List<String> supportedServices) {}
