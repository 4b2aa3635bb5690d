package org.allot.api.graph;

/**
 * Graph's scopedRoleMembership: a role ({@code roleId}, Entra's role template id) held over an administrative unit by
 * an app (its client id) or an administrator (the admin account's username).
 */
public record ScopedRoleMembershipResource(
        String id, String roleId, String administrativeUnitId, Identity roleMemberInfo) {

    /** Who holds the role. */
    public record Identity(String id, String displayName) {}
}
