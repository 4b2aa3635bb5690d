package org.allot.core.audit;

/** The activities Allot records, named as Microsoft Entra names them where Entra has them. */
public enum Activity {
    ADD_USER("Add user", Category.USER_MANAGEMENT),
    UPDATE_USER("Update user", Category.USER_MANAGEMENT),
    DELETE_USER("Delete user", Category.USER_MANAGEMENT),
    RESTORE_USER("Restore user", Category.USER_MANAGEMENT),
    HARD_DELETE_USER("Hard delete user", Category.USER_MANAGEMENT),
    /** A user's last sign-in set (it decides what reclaim lists). */
    SET_SIGN_IN_ACTIVITY("Set sign-in activity", Category.USER_MANAGEMENT),
    /** Users' last sign-ins imported in bulk, one record per import. */
    IMPORT_SIGN_IN_ACTIVITY("Import sign-in activity", Category.USER_MANAGEMENT),
    CHANGE_USER_LICENSE("Change user license", Category.USER_MANAGEMENT),
    /** The license check brought a user's licenses, or a product's seat figures, back in line with the rules. */
    REPAIR_LICENSE_STATE("Repair license state", Category.USER_MANAGEMENT),
    ADD_GROUP("Add group", Category.GROUP_MANAGEMENT),
    UPDATE_GROUP("Update group", Category.GROUP_MANAGEMENT),
    DELETE_GROUP("Delete group", Category.GROUP_MANAGEMENT),
    ADD_MEMBER("Add member to group", Category.GROUP_MANAGEMENT),
    REMOVE_MEMBER("Remove member from group", Category.GROUP_MANAGEMENT),
    SET_GROUP_LICENSE("Set group license", Category.GROUP_MANAGEMENT),
    START_GROUP_LICENSING("Start applying group based license to users", Category.GROUP_MANAGEMENT),
    FINISH_GROUP_LICENSING("Finish applying group based license to users", Category.GROUP_MANAGEMENT),
    ADD_TENANT("Add company", Category.DIRECTORY_MANAGEMENT),
    UPDATE_TENANT("Set company information", Category.DIRECTORY_MANAGEMENT),
    ADD_DOMAIN("Add verified domain to company", Category.DIRECTORY_MANAGEMENT),
    SET_DEFAULT_DOMAIN("Set default domain of company", Category.DIRECTORY_MANAGEMENT),
    REMOVE_DOMAIN("Remove verified domain from company", Category.DIRECTORY_MANAGEMENT),
    ADD_SUBSCRIPTION("Add subscription", Category.DIRECTORY_MANAGEMENT),
    UPDATE_SUBSCRIPTION("Update subscription", Category.DIRECTORY_MANAGEMENT),
    ADD_PRODUCT("Add product", Category.DIRECTORY_MANAGEMENT),
    DELETE_PRODUCT("Delete product", Category.DIRECTORY_MANAGEMENT),
    /** How many days a product's removed licenses are held before their seats are freed. */
    SET_REMOVAL_GRACE("Set license removal grace period", Category.DIRECTORY_MANAGEMENT),
    /** A product's reclaim policy set or replaced. */
    SET_RECLAIM_POLICY("Set license reclaim policy", Category.DIRECTORY_MANAGEMENT),
    /** A product's reclaim policy removed. */
    REMOVE_RECLAIM_POLICY("Remove license reclaim policy", Category.DIRECTORY_MANAGEMENT),
    /** A time-bound grant (a direct license or a membership with a start and an end) set, changed or cancelled. */
    SET_TIME_BOUND_GRANT("Set time-bound grant", Category.USER_MANAGEMENT),
    /** A time-bound grant took effect at its start. */
    START_TIME_BOUND_GRANT("Start time-bound grant", Category.USER_MANAGEMENT),
    /** A time-bound grant ended: what it granted removed through the ordinary path. */
    END_TIME_BOUND_GRANT("End time-bound grant", Category.USER_MANAGEMENT),
    /** The tenant's alert rules changed (docs/alerts.md). */
    SET_ALERT_RULES("Set license alert rules", Category.DIRECTORY_MANAGEMENT),
    SET_GROUP_ONLY_POLICY("Set group-only license policy", Category.DIRECTORY_MANAGEMENT),
    ADD_ALLOTMENT("Add license allotment", Category.DIRECTORY_MANAGEMENT),
    UPDATE_ALLOTMENT("Update license allotment", Category.DIRECTORY_MANAGEMENT),
    DELETE_ALLOTMENT("Delete license allotment", Category.DIRECTORY_MANAGEMENT),
    OVERRIDE_GROUP_ONLY_POLICY("Override group-only license policy", Category.USER_MANAGEMENT),
    START_DIRECT_TO_GROUP("Start moving direct licenses to group licensing", Category.DIRECTORY_MANAGEMENT),
    FINISH_DIRECT_TO_GROUP("Finish moving direct licenses to group licensing", Category.DIRECTORY_MANAGEMENT),
    /** A license request filed for a user (docs/delegation.md#license-requests). */
    FILE_LICENSE_REQUEST("Create license request", Category.USER_MANAGEMENT),
    APPROVE_LICENSE_REQUEST("Approve license request", Category.USER_MANAGEMENT),
    DENY_LICENSE_REQUEST("Deny license request", Category.USER_MANAGEMENT),
    CANCEL_LICENSE_REQUEST("Cancel license request", Category.USER_MANAGEMENT),
    /** A pending license request nobody decided within the tenant's days. */
    EXPIRE_LICENSE_REQUEST("License request expired", Category.USER_MANAGEMENT),
    /** How many days pending license requests wait before they expire. */
    SET_LICENSE_REQUEST_SETTINGS("Set license request settings", Category.DIRECTORY_MANAGEMENT),
    ADD_PLAN_RULE("Add service plan rule", Category.DIRECTORY_MANAGEMENT),
    DELETE_PLAN_RULE("Delete service plan rule", Category.DIRECTORY_MANAGEMENT),
    ADD_APPLICATION("Add application", Category.APPLICATION_MANAGEMENT),
    DELETE_APPLICATION("Delete application", Category.APPLICATION_MANAGEMENT),
    /** An app's role changed. */
    UPDATE_APPLICATION("Update application", Category.APPLICATION_MANAGEMENT),
    UPDATE_APPLICATION_SECRET(
            "Update application – Certificates and secrets management", Category.APPLICATION_MANAGEMENT),
    ADD_ADMINISTRATOR("Add member to role", Category.ROLE_MANAGEMENT),
    REMOVE_ADMINISTRATOR("Remove member from role", Category.ROLE_MANAGEMENT),
    /** A new key signs access tokens (the installation's, recorded in the tenant of whoever asked). */
    ROTATE_SIGNING_KEY("Rotate token signing key", Category.DIRECTORY_MANAGEMENT),
    SET_SYNC_CONNECTOR("Set directory synchronization connector", Category.DIRECTORY_MANAGEMENT),
    START_DIRECTORY_SYNC("Start directory synchronization", Category.DIRECTORY_MANAGEMENT),
    FINISH_DIRECTORY_SYNC("Finish directory synchronization", Category.DIRECTORY_MANAGEMENT),
    CONFIRM_SYNC_DELETIONS("Confirm directory synchronization deletions", Category.DIRECTORY_MANAGEMENT),
    ADD_ADMINISTRATIVE_UNIT("Add administrative unit", Category.ADMINISTRATIVE_UNIT),
    UPDATE_ADMINISTRATIVE_UNIT("Update administrative unit", Category.ADMINISTRATIVE_UNIT),
    DELETE_ADMINISTRATIVE_UNIT("Delete administrative unit", Category.ADMINISTRATIVE_UNIT),
    ADD_UNIT_MEMBER("Add member to administrative unit", Category.ADMINISTRATIVE_UNIT),
    REMOVE_UNIT_MEMBER("Remove member from administrative unit", Category.ADMINISTRATIVE_UNIT),
    /** A role assigned over an administrative unit. */
    ADD_SCOPED_ROLE_MEMBER("Add scoped member to role", Category.ROLE_MANAGEMENT),
    REMOVE_SCOPED_ROLE_MEMBER("Remove scoped member from role", Category.ROLE_MANAGEMENT),
    /** A connection test of a directory connector, saved or as typed: where it went, with which password, and how far. */
    TEST_SYNC_CONNECTION("Test directory synchronization connection", Category.DIRECTORY_MANAGEMENT);

    private final String displayName;
    private final Category category;

    Activity(String displayName, Category category) {
        this.displayName = displayName;
        this.category = category;
    }

    public String displayName() {
        return displayName;
    }

    public Category category() {
        return category;
    }

    /** Entra's audit categories. */
    public enum Category {
        USER_MANAGEMENT("UserManagement"),
        GROUP_MANAGEMENT("GroupManagement"),
        DIRECTORY_MANAGEMENT("DirectoryManagement"),
        APPLICATION_MANAGEMENT("ApplicationManagement"),
        ROLE_MANAGEMENT("RoleManagement"),
        ADMINISTRATIVE_UNIT("AdministrativeUnit");

        private final String displayName;

        Category(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }
}
