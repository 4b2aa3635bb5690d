package org.allot.core.assignment;

import java.util.List;
import java.util.Optional;
import org.allot.core.ErrorCode;
import org.allot.core.Rejection;
import org.allot.core.catalog.Catalog;

/**
 * Turns the engine's verdict on a direct request into Graph's refusal: every license the request adds must become
 * active, and no direct license the user had may stop working because of it.
 */
final class DirectRefusals {
    private DirectRefusals() {}

    /**
     * The refusal of a direct request, if any; with {@code waitForSeat} an added license may wait. A full pool is named
     * as {@code pools} (the tenant's allotments) names it.
     */
    static Optional<Rejection> check(
            UserLicenses before,
            UserLicenses after,
            List<AssignedLicense> add,
            Catalog catalog,
            boolean waitForSeat,
            PoolBook pools) {
        for (AssignedLicense license : add) {
            LicenseAssignment a =
                    after.find(license.skuId(), AssignmentSource.DIRECT).orElseThrow();
            if (a.state() != AssignmentState.Active && !(waitForSeat && a.isWaiting())) {
                return Optional.of(refusal(a, "License assignment failed: ", pools));
            }
        }
        for (LicenseAssignment was : before.direct()) {
            Optional<LicenseAssignment> now = after.find(was.sku(), AssignmentSource.DIRECT);
            if (was.state() == AssignmentState.Active
                    && now.isPresent()
                    && now.get().state() != AssignmentState.Active) {
                return Optional.of(refusal(
                        now.get(),
                        "The change would break " + catalog.productLabel(was.sku()) + ", which the user has: ",
                        pools));
            }
        }
        return Optional.empty();
    }

    private static Rejection refusal(LicenseAssignment a, String prefix, PoolBook pools) {
        AssignmentError error = a.error() == null ? AssignmentError.Other : a.error();
        return switch (error) {
            case CountViolation ->
                Rejection.of(
                        ErrorCode.NO_AVAILABLE_LICENSES,
                        a.pool() == null
                                ? Reasons.noAvailableLicenses(a.sku())
                                : Reasons.noAvailableLicensesInAllotment(
                                        a.sku(),
                                        a.pool(),
                                        pools.find(a.pool())
                                                .map(Allotment::displayName)
                                                .orElse("(deleted)")));
            case ProhibitedInUsageLocationViolation ->
                Rejection.of(ErrorCode.PROHIBITED_IN_USAGE_LOCATION, prefix + reason(a));
            case MutuallyExclusiveViolation -> Rejection.of(ErrorCode.MUTUALLY_EXCLUSIVE_VIOLATION, prefix + reason(a));
            case DependencyViolation -> Rejection.of(ErrorCode.DEPENDENCY_VIOLATION, prefix + reason(a));
            case UniquenessViolation, Other -> Rejection.of(ErrorCode.INVALID_REQUEST, prefix + reason(a));
        };
    }

    private static String reason(LicenseAssignment a) {
        return a.reason() == null ? "the license cannot be given to this user." : a.reason();
    }
}
