package org.allot.core.request;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.ErrorCode;
import org.allot.core.Rejection;
import org.allot.core.Scope;
import org.allot.core.directory.User;

/**
 * Who decides a request, as far as deciding goes: whether the caller's role lets it assign licenses, over which scope,
 * and whether an app decides on behalf of the user's manager. The one rule of who may approve or deny a request for a
 * user is {@link #mayDecide}: administrators whose role scope covers the user — the whole tenant, or an administrative
 * unit containing the user ({@link Scope}).
 *
 * @param assignsLicenses the caller's role may assign licenses (Global, User and License Administrators)
 * @param onBehalfOfManager an app decides for the user's manager (recorded as such; the request must name a manager)
 */
public record Approver(Scope scope, boolean assignsLicenses, boolean onBehalfOfManager) {

    /** An administrator (or app) whose role covers the whole tenant. */
    public static Approver tenantWide(boolean assignsLicenses) {
        return new Approver(Scope.TENANT, assignsLicenses, false);
    }

    /** An administrator (or app) whose role reaches as far as {@code scope} (the tenant, or some units). */
    public static Approver within(Scope scope, boolean assignsLicenses) {
        return new Approver(scope, assignsLicenses, false);
    }

    /** This approver acting for the user's manager. */
    public Approver forManager() {
        return new Approver(scope, assignsLicenses, true);
    }

    /**
     * Why this approver may not approve or deny the request for {@code user}, a member of the administrative units
     * {@code unitsOfUser}; empty when it may.
     */
    public Optional<Rejection> mayDecide(LicenseRequest request, User user, Set<UUID> unitsOfUser) {
        if (!assignsLicenses) {
            return Optional.of(Rejection.of(
                    ErrorCode.INVALID_REQUEST,
                    "Only an administrator who may assign licenses to %s can decide this request.",
                    user.userPrincipalName()));
        }
        if (!scope.reaches(unitsOfUser)) {
            return Optional.of(Rejection.of(
                    ErrorCode.OUTSIDE_SCOPE,
                    "%s is outside the scope of your role: only administrators whose scope covers the user decide.",
                    user.userPrincipalName()));
        }
        if (onBehalfOfManager && request.manager() == null) {
            return Optional.of(Rejection.invalid(
                    "The request records no manager of %s, so nobody can decide it on the manager's behalf.",
                    user.userPrincipalName()));
        }
        return Optional.empty();
    }
}
