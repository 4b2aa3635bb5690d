package org.allot.api.extensions;

/**
 * One way what is stored differs from what the licensing rules say, as a license check found it.
 *
 * @param kind {@code MissingAssignment}, {@code UnexpectedAssignment}, {@code DisabledPlans} or {@code State} for a
 *     user's assignment; {@code ConsumedUnits}, {@code WaitingUnits} or {@code WaitingWhileSeatsFree} for a SKU's seat
 *     figures (then there is no user and no source)
 * @param source {@code direct} or {@code group}, for a user's assignment
 * @param assignedByGroup the group of an inherited assignment (as Graph's licenseAssignmentStates); null otherwise
 * @param expected what the rules say: a state such as {@code Active} or {@code Error (CountViolation)},
 *     {@code absent}, the plans switched off (or {@code none}), or a number
 * @param stored what is stored, in the same terms
 * @param repaired whether the run brought it in line (never in a dry run)
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
        Boolean repaired) {}
