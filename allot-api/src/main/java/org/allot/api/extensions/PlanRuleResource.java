package org.allot.api.extensions;

import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;
import java.util.UUID;

/**
 * A rule on a service plan: {@code REQUIRES} one of {@code servicePlanIds}, {@code EXCLUDES} them, or is
 * {@code PROHIBITED_IN} the {@code usageLocations}. Requests leave out {@code id}, {@code builtIn} and
 * {@code description}.
 */
@JsonRootName("PlanRule")
public record PlanRuleResource(
        UUID id,
        String kind,
        UUID servicePlanId,
        List<UUID> servicePlanIds,
        List<String> usageLocations,
        String note,
        Boolean builtIn,
        String description) {}
