package org.allot.server.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Scope;
import org.allot.core.TenantId;
import org.allot.core.unit.ScopedRoleMember;
import org.allot.core.unit.UnitDelegation;
import org.allot.server.security.store.AdminAccount;
import org.allot.server.security.store.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * An administrator signed in to the admin center: their tenant, role and what the role lets them do. An administrator
 * who holds roles over administrative units acts only with those roles, within those units (as an app does in the
 * API): their own role is set aside while they hold them ({@link #scope()}, {@link #capabilities()}).
 */
public final class AdminPrincipal extends User {
    private final TenantId tenant;
    private final String displayName;
    private final Role role;
    /** The password hash the administrator signed in against (kept when Spring erases the credentials). */
    private final String signedInWith;
    /** The roles held over administrative units when the administrator signed in (empty: tenant-wide). */
    private final List<ScopedRoleMember> unitRoles;

    public AdminPrincipal(TenantId tenant, String username, String displayName, String passwordHash, Role role) {
        this(tenant, username, displayName, passwordHash, role, List.of());
    }

    public AdminPrincipal(
            TenantId tenant,
            String username,
            String displayName,
            String passwordHash,
            Role role,
            List<ScopedRoleMember> unitRoles) {
        super(username, passwordHash, List.of(new SimpleGrantedAuthority(role.authority())));
        this.tenant = tenant;
        this.displayName = displayName;
        this.role = role;
        this.signedInWith = passwordHash;
        this.unitRoles = List.copyOf(unitRoles);
    }

    /** The same administrator with another password hash (after it was upgraded on sign-in). */
    public AdminPrincipal withPasswordHash(String hash) {
        return new AdminPrincipal(tenant, getUsername(), displayName, hash, role, unitRoles);
    }

    /**
     * Whether the account is still the one this administrator signed in as: same tenant, role and password, and the
     * same roles held over the same administrative units.
     */
    public boolean stillIs(AdminAccount account, List<ScopedRoleMember> heldNow) {
        return account.tenant().equals(tenant)
                && account.role() == role
                && account.passwordHash().equals(signedInWith)
                && held(heldNow).equals(held(unitRoles));
    }

    private static Set<String> held(List<ScopedRoleMember> roles) {
        return roles.stream().map(r -> r.role() + "@" + r.unit().value()).collect(Collectors.toSet());
    }

    public TenantId tenant() {
        return tenant;
    }

    public String displayName() {
        return displayName;
    }

    /** The account's own role (set aside while {@link #scoped()}). */
    public Role role() {
        return role;
    }

    /** Whether the administrator acts within administrative units only. */
    public boolean scoped() {
        return !unitRoles.isEmpty();
    }

    /** How far the administrator's roles reach: the tenant, or the units they hold roles over. */
    public Scope scope() {
        return UnitDelegation.scopeOf(unitRoles);
    }

    /** The roles the administrator acts with: the roles held over units if any, else the account's own. */
    public Set<Role> roles() {
        if (!scoped()) {
            return EnumSet.of(role);
        }
        Set<Role> roles = UnitAuthorities.roles(unitRoles);
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    /** What the roles shown next to the administrator's name say: the role, or the roles held over units. */
    public String roleName() {
        String names = roles().stream().map(Role::displayName).collect(Collectors.joining(", "));
        return scoped() ? names + " (administrative units)" : names;
    }

    public Set<Capability> capabilities() {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        roles().forEach(r -> capabilities.addAll(Capability.of(r)));
        return capabilities;
    }

    public boolean can(Capability capability) {
        return capabilities().contains(capability);
    }

    /** The administrator as the actor of the changes they make, within a request, acting within their scope. */
    public Caller caller(String correlationId) {
        return new Caller(tenant, Actor.user(getUsername(), displayName), correlationId, scope());
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && other instanceof AdminPrincipal a && Objects.equals(a.unitRoles, unitRoles);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
