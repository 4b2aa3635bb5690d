package org.allot.api.extensions;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A license request to file ({@code POST /allot/v1/licenseRequests}).
 *
 * @param userId the user's id or principal name
 * @param skuId the product's SKU id or part number
 * @param servicePlanIds the plans wanted (none: the whole product)
 * @param justification why the license is needed (required, at most 1,000 characters)
 * @param startDateTime when the license is wanted from (optional)
 * @param endDateTime when it is wanted until (optional, in the future, after the start)
 */
public record LicenseRequestFiling(
        String userId,
        String skuId,
        List<String> servicePlanIds,
        String justification,
        OffsetDateTime startDateTime,
        OffsetDateTime endDateTime) {}
