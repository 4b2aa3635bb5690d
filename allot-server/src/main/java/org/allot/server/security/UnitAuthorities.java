package org.allot.server.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.allot.core.unit.ScopedRoleMember;
import org.allot.server.security.store.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorities of an administrator or app that holds roles over administrative units: one
 * {@link Role#unitAuthority()} per role held (never a tenant-wide authority), which the API's access rules
 * ({@link ApiAccess}) grant only on the endpoints that answer within a scope.
 */
public final class UnitAuthorities {
    private UnitAuthorities() {}

    /** The authorities of the roles held over units (a role the server no longer knows grants nothing). */
    public static List<GrantedAuthority> of(List<ScopedRoleMember> held) {
        return roles(held).stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.unitAuthority()))
                .toList();
    }

    /** The roles held over units, each once. */
    public static Set<Role> roles(List<ScopedRoleMember> held) {
        Set<Role> roles = new LinkedHashSet<>();
        for (ScopedRoleMember member : held) {
            Role.parse(member.role()).filter(Role::unitScopable).ifPresent(roles::add);
        }
        return roles;
    }

    /** The roles named by the authorities, tenant-wide or held over units. */
    public static Set<Role> rolesOf(Iterable<? extends GrantedAuthority> authorities) {
        List<Role> roles = new ArrayList<>();
        for (GrantedAuthority authority : authorities) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())
                        || role.unitAuthority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return roles.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(roles);
    }
}
