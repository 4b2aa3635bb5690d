package org.allot.server.security;

import java.util.List;
import java.util.Set;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.server.security.store.AdminAccount;
import org.allot.server.security.store.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** An administrator signed in to the admin center: their tenant, role and what the role lets them do. */
public final class AdminPrincipal extends User {
    private final TenantId tenant;
    private final String displayName;
    private final Role role;
    /** The password hash the administrator signed in against (kept when Spring erases the credentials). */
    private final String signedInWith;

    public AdminPrincipal(TenantId tenant, String username, String displayName, String passwordHash, Role role) {
        super(username, passwordHash, List.of(new SimpleGrantedAuthority(role.authority())));
        this.tenant = tenant;
        this.displayName = displayName;
        this.role = role;
        this.signedInWith = passwordHash;
    }

    /** Whether the account is still the one this administrator signed in as: same tenant, role and password. */
    public boolean stillIs(AdminAccount account) {
        return account.tenant().equals(tenant)
                && account.role() == role
                && account.passwordHash().equals(signedInWith);
    }

    public TenantId tenant() {
        return tenant;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public Set<Capability> capabilities() {
        return Capability.of(role);
    }

    public boolean can(Capability capability) {
        return capabilities().contains(capability);
    }

    /** The administrator as the actor of the changes they make, within a request. */
    public Caller caller(String correlationId) {
        return new Caller(tenant, Actor.user(getUsername(), displayName), correlationId);
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
