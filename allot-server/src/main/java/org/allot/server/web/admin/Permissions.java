package org.allot.server.web.admin;

import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;

/** What the signed-in administrator may change, for templates to show only the buttons they may use. */
public record Permissions(
        boolean manageUsers,
        boolean setUsageLocation,
        boolean assignUserLicenses,
        boolean manageGroups,
        boolean assignGroupLicenses,
        boolean manageSubscriptions,
        boolean manageAdministrators,
        boolean manageDirectorySync,
        boolean checkLicenses,
        boolean manageDomains,
        boolean manageSettings,
        boolean overrideGroupOnly,
        boolean fileLicenseRequests,
        boolean manageAllotments) {

    static Permissions of(AdminPrincipal admin) {
        return new Permissions(
                admin.can(Capability.MANAGE_USERS),
                admin.can(Capability.SET_USAGE_LOCATION),
                admin.can(Capability.ASSIGN_USER_LICENSES),
                admin.can(Capability.MANAGE_GROUPS),
                admin.can(Capability.ASSIGN_GROUP_LICENSES),
                admin.can(Capability.MANAGE_SUBSCRIPTIONS),
                admin.can(Capability.MANAGE_ADMINISTRATORS),
                admin.can(Capability.MANAGE_DIRECTORY_SYNC),
                admin.can(Capability.CHECK_LICENSES),
                admin.can(Capability.MANAGE_DOMAINS),
                admin.can(Capability.MANAGE_SETTINGS),
                admin.can(Capability.OVERRIDE_GROUP_ONLY),
                admin.can(Capability.FILE_LICENSE_REQUESTS),
                // pools are the tenant's: a unit's administrator reads them only (docs/delegation.md#allotments)
                admin.can(Capability.MANAGE_ALLOTMENTS) && !admin.scoped());
    }

    /** Whether the administrator can change nothing at all (a Global Reader). */
    public boolean readOnly() {
        return !(manageUsers
                || setUsageLocation
                || assignUserLicenses
                || manageGroups
                || assignGroupLicenses
                || manageSubscriptions
                || manageAdministrators
                || manageDirectorySync
                || checkLicenses
                || manageDomains
                || manageSettings
                || manageAllotments);
    }
}
