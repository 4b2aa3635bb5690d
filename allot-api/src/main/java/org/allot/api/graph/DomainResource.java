package org.allot.api.graph;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Graph's domain, with every property of its v1.0 type. Every domain Allot keeps is verified (added by an
 * administrator's declaration) and managed: Allot federates with no identity provider. {@code availabilityStatus},
 * {@code manufacturer}, {@code model} and {@code state} are always null, as Graph's are for a domain that is not being
 * verified or changed by an asynchronous operation.
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
        String manufacturer,
        String model,
        Integer passwordNotificationWindowInDays,
        Integer passwordValidityPeriodInDays,
        State state,
        List<String> supportedServices) {

    /** Graph's names of the properties above, in their order: what {@code /v1.0/domains} returns and may select. */
    public static final List<String> PROPERTIES = List.of(
            "authenticationType",
            "availabilityStatus",
            "id",
            "isAdminManaged",
            "isDefault",
            "isInitial",
            "isRoot",
            "isVerified",
            "manufacturer",
            "model",
            "passwordNotificationWindowInDays",
            "passwordValidityPeriodInDays",
            "state",
            "supportedServices");

    /** Graph's domainState: the asynchronous operation under way on a domain (none in Allot). */
    public record State(OffsetDateTime lastActionDateTime, String operation, String status) {}
}
