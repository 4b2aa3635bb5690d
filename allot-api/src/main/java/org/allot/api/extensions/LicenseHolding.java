package org.allot.api.extensions;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;

/**
 * One source of one license for one user ({@code /allot/v1/reports/licenseHolders}): who holds what, directly or
 * through which group, in which state, since when.
 *
 * @param source {@code direct} or {@code group}
 * @param assignedByGroup the group's id for a group source, else null (as Graph's {@code licenseAssignmentStates})
 * @param state {@code Active}, {@code ActiveWithError}, {@code Disabled} or {@code Error}
 * @param error Graph's error of an assignment in error ({@code CountViolation}: waiting for a seat), else null
 * @param since the assignment's {@code requestedDateTime}
 * @param allotmentId the allotment (pool) the holder's seat is drawn from, or that they wait for; null for the
 *     unallotted remainder, a product without allotments, or an assignment that holds and waits for no seat
 * @param allotmentName its display name
 */
@JsonPropertyOrder({
    "userId",
    "userPrincipalName",
    "department",
    "skuId",
    "skuPartNumber",
    "source",
    "assignedByGroup",
    "groupName",
    "state",
    "error",
    "since",
    "allotmentId",
    "allotmentName"
})
public record LicenseHolding(
        String userId,
        String userPrincipalName,
        String department,
        String skuId,
        String skuPartNumber,
        String source,
        String assignedByGroup,
        String groupName,
        String state,
        String error,
        OffsetDateTime since,
        String allotmentId,
        String allotmentName) {}
