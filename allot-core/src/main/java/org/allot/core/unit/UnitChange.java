package org.allot.core.unit;

import java.util.Optional;

/**
 * What a request sets on a unit: each field is absent when the request leaves it alone, and present (perhaps empty,
 * meaning cleared) when it sets it. {@code membershipType} is "Dynamic" or empty (static); {@code processingState}
 * "On" or "Paused".
 */
public record UnitChange(
        Optional<String> displayName,
        Optional<Optional<String>> description,
        Optional<Optional<String>> membershipType,
        Optional<Optional<String>> membershipRule,
        Optional<String> processingState) {

    public static UnitChange none() {
        return new UnitChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public UnitChange withDisplayName(String value) {
        return new UnitChange(Optional.ofNullable(value), description, membershipType, membershipRule, processingState);
    }

    public UnitChange withDescription(String value) {
        return new UnitChange(
                displayName, Optional.of(Optional.ofNullable(value)), membershipType, membershipRule, processingState);
    }

    public UnitChange withMembershipType(String value) {
        return new UnitChange(
                displayName, description, Optional.of(Optional.ofNullable(value)), membershipRule, processingState);
    }

    public UnitChange withMembershipRule(String value) {
        return new UnitChange(
                displayName, description, membershipType, Optional.of(Optional.ofNullable(value)), processingState);
    }

    public UnitChange withProcessingState(String value) {
        return new UnitChange(displayName, description, membershipType, membershipRule, Optional.ofNullable(value));
    }
}
