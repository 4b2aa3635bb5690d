package org.allot.server.web.admin;

import org.allot.core.TenantId;
import org.allot.core.assignment.AssignmentError;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.directory.DirectorySearch;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserRef;

/** Says in plain words why an assignment is in error, and what the administrator can do about it. */
final class Problems {
    private Problems() {}

    /**
     * What to add to "X added." when the member is a guest that this group's licenses do not reach (the tenant
     * does not license guests through groups): said at once, not only later in the group's members in error.
     */
    static String guestAdded(LicensedDirectory reads, TenantId tenant, GroupId group, DirectorySearch.Found found) {
        if (!(found.member() instanceof Member.OfUser user)) {
            return "";
        }
        boolean blocked = reads.user(tenant, UserRef.of(user.id()), true)
                .filter(u -> u.user().isGuest())
                .map(u -> u.licenses().assignments().stream()
                        .anyMatch(a -> !a.source().isDirect()
                                && group.equals(a.source().groupOrNull())
                                && a.error() != null
                                && !a.isWaiting()))
                .orElse(false);
        return blocked
                ? " " + found.name() + " is a guest, and this tenant does not license guests through groups: they"
                        + " get none of this group's licenses. Assign the license to them directly on their page,"
                        + " or let the tenant license guests through groups (its guestLicensing setting)."
                : "";
    }

    static LicenseView.Problem of(LicenseAssignment assignment, String productName, Integer waitingPosition) {
        AssignmentError error = assignment.error();
        if (error == null) {
            return null;
        }
        String reason = assignment.reason() == null ? "" : assignment.reason();
        return of(error, reason, assignment.source().isDirect(), productName, waitingPosition);
    }

    private static LicenseView.Problem of(
            AssignmentError error, String reason, boolean direct, String productName, Integer waitingPosition) {
        String fromGroup =
                direct ? "" : " This license comes from a group: change the group's apps, or the user's membership.";
        return switch (error) {
            case CountViolation ->
                new LicenseView.Problem(
                        "Waiting for a seat",
                        reason,
                        (waitingPosition == null ? "" : "Number " + waitingPosition + " in the waiting list. ")
                                + "To serve them now, add seats of " + productName
                                + ", or remove it from someone who no longer needs it.");
            case MutuallyExclusiveViolation ->
                new LicenseView.Problem(
                        "Conflicting apps",
                        reason,
                        "Switch off one of the conflicting apps, or remove one of the two licenses." + fromGroup);
            case DependencyViolation ->
                new LicenseView.Problem(
                        "An app needs another app",
                        reason,
                        "Assign a product that includes the app it needs, or switch off the app that needs it."
                                + fromGroup);
            case ProhibitedInUsageLocationViolation ->
                new LicenseView.Problem(
                        "Not available in the user's location",
                        reason,
                        "Correct the user's usage location if it is wrong, or switch off the app." + fromGroup);
            case UniquenessViolation ->
                new LicenseView.Problem(
                        "An address clashes with another object",
                        reason,
                        "Change the clashing proxy address, then reprocess the user.");
            case Other ->
                new LicenseView.Problem(
                        "Could not be licensed",
                        reason,
                        reason.contains("guest")
                                ? "Guests are not licensed through groups in this tenant: assign the license to the"
                                        + " guest directly on their page, or let the tenant license guests through"
                                        + " groups (its guestLicensing setting); reprocessing changes nothing."
                                : reason.contains("usage location")
                                        ? "Set the user's usage location on this page; the license is applied at once."
                                        : reason.contains("deleted")
                                                ? "Restore the user to license them."
                                                : "Correct the cause, then reprocess the user.");
        };
    }

    /** An error's name in plain words, as {@link #of} titles it. */
    static String title(AssignmentError error, String reason) {
        return of(error, reason == null ? "" : reason, true, "", null).title();
    }
}
