package org.allot.core.unit;

import java.time.Instant;
import java.util.Objects;

/**
 * An administrative unit: a named set of users and groups. With a {@code membershipRule} it is dynamic (what Graph
 * calls membership type "Dynamic"): its users are those the rule matches, kept so as users change while the rule's
 * processing is on ({@code rulePaused} false); without one its members are added and removed one by one.
 */
public record AdministrativeUnit(
        UnitId id,
        String displayName,
        String description,
        String membershipRule,
        boolean rulePaused,
        Instant createdAt) {
    public static final int MAX_DISPLAY_NAME = 256;
    public static final int MAX_DESCRIPTION = 1024;

    public AdministrativeUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdAt, "createdAt");
        if (membershipRule == null && rulePaused) {
            throw new IllegalArgumentException("only a dynamic unit's rule can be paused");
        }
    }

    public boolean isDynamic() {
        return membershipRule != null;
    }

    /** Whether its rule decides its users now: dynamic, and processing on. */
    public boolean appliesRule() {
        return isDynamic() && !rulePaused;
    }

    /** Graph's {@code membershipRuleProcessingState}: "On" or "Paused" for a dynamic unit, null for a static one. */
    public String processingState() {
        return isDynamic() ? (rulePaused ? "Paused" : "On") : null;
    }
}
