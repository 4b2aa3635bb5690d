package org.allot.api.extensions;

/**
 * One way what is stored differs from what the licensing rules say, as a license check found it.
 *
 * @param kind {@code MissingAssignment}, {@code UnexpectedAssignment}, {@code DisabledPlans} or {@code State} for a
 *     user's assignment; {@code ConsumedUnits}, {@code WaitingUnits} or {@code WaitingWhileSeatsFree} for a SKU's seat
 *     figures, {@code AllotmentConsumedUnits} or {@code AllotmentWaitingUnits} for an allotment's (then there is no
 *     user and no source)
 * @param source {@code direct} or {@code group}, for a user's assignment
 * @param assignedByGroup the group of an inherited assignment (as Graph's licenseAssignmentStates); null otherwise
 * @param expected what the rules say: a state such as {@code Active} or {@code Error (CountViolation)},
 *     {@code absent}, the plans switched off (or {@code none}), or a number
 * @param stored what is stored, in the same terms
 * @param repaired whether the run brought it in line (never in a dry run)
 * @param allotmentId the allotment (pool) whose figures differ, or whose users wait while it has a seat free
 *     ({@code WaitingWhileSeatsFree} of a SKU split into allotments; null there for the unallotted remainder); null
 *     otherwise
 * @param allotmentName the allotment's name when the check found it
 */
public record LicenseCheckDifference(
        String kind,
        String userId,
        String userPrincipalName,
        String skuId,
        String skuPartNumber,
        String source,
        String assignedByGroup,
        String expected,
        String stored,
        Boolean repaired,
        String allotmentId,
        String allotmentName) {}
