package org.allot.core.request;

import java.util.Optional;
import org.allot.core.ErrorCode;
import org.allot.core.Rejection;
import org.allot.core.directory.User;

/**
 * Who decides a request, as far as deciding goes: whether the caller's role lets it assign licenses, over which scope,
 * and whether an app decides on behalf of the user's manager. The one rule of who may approve or deny a request for a
 * user is {@link #mayDecide}: administrators whose role scope covers the user. Today every scope is the tenant; the
 * administrative units' scopes widen it to "a unit containing the user" here, in one place.
 *
 * @param assignsLicenses the caller's role may assign licenses (Global, User and License Administrators)
 * @param onBehalfOfManager an app decides for the user's manager (recorded as such; the request must name a manager)
 */
public record Approver(Scope scope, boolean assignsLicenses, boolean onBehalfOfManager) {

    /** The users a role covers. */
    public enum Scope {
        /** Every user of the tenant. */
        TENANT
    }

    /** An administrator (or app) whose role covers the whole tenant. */
    public static Approver tenantWide(boolean assignsLicenses) {
        return new Approver(Scope.TENANT, assignsLicenses, false);
    }

    /** This approver acting for the user's manager. */
    public Approver forManager() {
        return new Approver(scope, assignsLicenses, true);
    }

    /** Why this approver may not approve or deny the request for {@code user}; empty when it may. */
    public Optional<Rejection> mayDecide(LicenseRequest request, User user) {
        if (!assignsLicenses) {
            return Optional.of(Rejection.of(
                    ErrorCode.INVALID_REQUEST,
                    "Only an administrator who may assign licenses to %s can decide this request.",
                    user.userPrincipalName()));
        }
        boolean covers =
                switch (scope) {
                    case TENANT -> true;
                };
        if (!covers) {
            return Optional.of(Rejection.of(
                    ErrorCode.INVALID_REQUEST,
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
