package org.allot.api.extensions;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A decision on a pending license request: {@code POST /allot/v1/licenseRequests/{id}/approve}, {@code …/deny} or
 * {@code …/cancel}. Every field is optional but {@code reason} for a denial.
 *
 * @param groupId approve by making the user a member of this group (which must assign the product); none: a direct
 *     assignment
 * @param servicePlanIds approve some of the plans asked for (none: those asked for)
 * @param startDateTime approve from a later start than asked
 * @param endDateTime approve until an earlier end than asked
 * @param onBehalfOf {@code manager}: an app decides on behalf of the user's manager (recorded as such)
 * @param reason why it is denied (required to deny) or cancelled
 */
public record LicenseRequestDecision(
        String groupId,
        List<String> servicePlanIds,
        OffsetDateTime startDateTime,
        OffsetDateTime endDateTime,
        String onBehalfOf,
        String reason) {}
