package org.allot.server.security;

import java.util.EnumSet;
import java.util.Set;
import org.allot.server.security.store.Role;

/**
 * What an administrator may do. Each role grants a set of capabilities, as Entra's built-in roles do; the API's
 * access rules and the admin center both ask for capabilities, so they always agree.
 */
public enum Capability {
    READ,
    MANAGE_USERS,
    SET_USAGE_LOCATION,
    ASSIGN_USER_LICENSES,
    MANAGE_GROUPS,
    ASSIGN_GROUP_LICENSES,
    MANAGE_SUBSCRIPTIONS,
    MANAGE_SETTINGS,
    /** Add, remove and make default the tenant's domains. */
    MANAGE_DOMAINS,
    MANAGE_APPS,
    MANAGE_ADMINISTRATORS,
    /** Configure the directory connector, test it, start runs and confirm their deletions. */
    MANAGE_DIRECTORY_SYNC,
    /** Start license checks: dry runs and repairs (docs/license-check.md). */
    CHECK_LICENSES,
    /**
     * File license requests for users and cancel one's own (docs/delegation.md#license-requests): every role that may
     * change something, not a Global Reader.
     */
    FILE_LICENSE_REQUESTS,
    /**
     * Break glass: assign a product directly although the group-only policy forbids it, one request at a time, audited
     * (docs/delegation.md). Global Administrators only.
     */
    OVERRIDE_GROUP_ONLY,
    /**
     * Create, change and delete allotments (capped pools of a product's seats) and name a group assignment's pool
     * (docs/delegation.md#allotments): Global and License Administrators, tenant-wide.
     */
    MANAGE_ALLOTMENTS;

    /** The capabilities a role grants. */
    public static Set<Capability> of(Role role) {
        return switch (role) {
            case GLOBAL_ADMINISTRATOR -> EnumSet.allOf(Capability.class);
            case USER_ADMINISTRATOR ->
                EnumSet.of(
                        READ,
                        MANAGE_USERS,
                        SET_USAGE_LOCATION,
                        ASSIGN_USER_LICENSES,
                        MANAGE_GROUPS,
                        ASSIGN_GROUP_LICENSES,
                        FILE_LICENSE_REQUESTS);
            case LICENSE_ADMINISTRATOR ->
                EnumSet.of(
                        READ,
                        SET_USAGE_LOCATION,
                        ASSIGN_USER_LICENSES,
                        ASSIGN_GROUP_LICENSES,
                        CHECK_LICENSES,
                        FILE_LICENSE_REQUESTS,
                        MANAGE_ALLOTMENTS);
            case GROUPS_ADMINISTRATOR -> EnumSet.of(READ, MANAGE_GROUPS, ASSIGN_GROUP_LICENSES, FILE_LICENSE_REQUESTS);
            case GLOBAL_READER -> EnumSet.of(READ);
        };
    }

    /** The roles that grant this capability. */
    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (of(role).contains(this)) {
                roles.add(role);
            }
        }
        return roles;
    }
}
