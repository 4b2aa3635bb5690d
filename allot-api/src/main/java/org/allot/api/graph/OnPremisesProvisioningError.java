package org.allot.api.graph;

import java.time.OffsetDateTime;

/**
 * Graph's onPremisesProvisioningError of a user or group. Allot reports what a sync could not write in the run's
 * errors ({@code /allot/v1/directorySync/runs}), so its objects' lists are empty.
 */
public record OnPremisesProvisioningError(
        String category, OffsetDateTime occurredDateTime, String propertyCausingError, String value) {}
