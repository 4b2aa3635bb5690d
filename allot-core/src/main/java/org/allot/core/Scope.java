package org.allot.core;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * How far a caller's role reaches: the whole tenant, or only the users and groups that are members of some
 * administrative units (a role assignment scoped to those units). What a scoped caller may see and change is decided
 * from this by {@code directory.ScopeGuard}, and nowhere else.
 */
public record Scope(boolean tenantWide, Set<UUID> units) {
    /** The whole tenant: every administrator and app without scoped role assignments, and Allot's own processes. */
    public static final Scope TENANT = new Scope(true, Set.of());

    public Scope {
        units = Set.copyOf(Objects.requireNonNull(units, "units"));
        if (tenantWide && !units.isEmpty()) {
            throw new IllegalArgumentException("a tenant-wide scope names no units");
        }
    }

    /** The members of these administrative units only (none: nothing at all). */
    public static Scope units(Collection<UUID> units) {
        return new Scope(false, Set.copyOf(units));
    }

    /** Whether an object that is a member of these units is within the scope. */
    public boolean reaches(Collection<UUID> unitsOfObject) {
        return tenantWide || unitsOfObject.stream().anyMatch(units::contains);
    }
}
