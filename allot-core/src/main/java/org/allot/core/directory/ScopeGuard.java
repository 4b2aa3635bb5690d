package org.allot.core.directory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.Scope;
import org.allot.core.query.Query;

/**
 * The one place that decides what a caller whose role is scoped to administrative units ({@link Scope}) may see and
 * change: the users and groups that are members of its units. An object outside them is not found when read (as if
 * it did not exist: a 404, never a hint that it does) and refused when changed ({@link ErrorCode#OUTSIDE_SCOPE},
 * Graph's 403 "Insufficient privileges to complete the operation."), whether or not it exists; lists hold only
 * objects within the scope. Changes that reach beyond any unit (creating a user or a group, which would belong to
 * none) are refused too. Tenant-wide callers pass every check untouched.
 */
public final class ScopeGuard {
    /** Graph's message when a role does not allow a request. */
    public static final String INSUFFICIENT = "Insufficient privileges to complete the operation.";

    /** A guard for stores without administrative units: every caller there is tenant-wide. */
    public static final ScopeGuard TENANT_ONLY = new ScopeGuard((tenant, member) -> java.util.Set.of());

    private final UnitMemberships memberships;

    public ScopeGuard(UnitMemberships memberships) {
        this.memberships = Objects.requireNonNull(memberships);
    }

    /** Whether the caller may see (and, with the right role, change) the user or group. */
    public boolean reaches(Caller caller, UUID object) {
        Scope scope = caller.scope();
        return scope.tenantWide() || scope.reaches(memberships.unitsOf(caller.tenant(), object));
    }

    /** Reading an object outside the scope: not found, as if it did not exist. */
    public Optional<Rejection> toRead(Caller caller, UUID object, Object asNamed) {
        return reaches(caller, object) ? Optional.empty() : Optional.of(Rejection.notFound(asNamed));
    }

    /** Changing an object (or adding it somewhere) outside the scope: refused. */
    public Optional<Rejection> toChange(Caller caller, UUID object) {
        return reaches(caller, object) ? Optional.empty() : Optional.of(refusal());
    }

    /** The change, unless the object is outside the caller's scope (then refused, and the change not made). */
    public <T> Outcome<T> changing(Caller caller, UUID object, Supplier<Outcome<T>> change) {
        Optional<Rejection> refused = toChange(caller, object);
        return refused.isPresent() ? Outcome.refused(refused.get()) : change.get();
    }

    /** Changing several objects: refused when any is outside the scope. */
    public Optional<Rejection> toChangeAll(Caller caller, List<UUID> objects) {
        for (UUID object : objects) {
            Optional<Rejection> refused = toChange(caller, object);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /** A change only a tenant-wide role may make (it reaches beyond any administrative unit). */
    public Optional<Rejection> toChangeTenant(Caller caller) {
        return caller.scope().tenantWide() ? Optional.empty() : Optional.of(refusal());
    }

    /** A page request narrowed to the objects within the caller's scope (unchanged for tenant-wide callers). */
    public static Query restrict(Caller caller, Query query) {
        Scope scope = caller.scope();
        return scope.tenantWide() ? query : query.withinUnits(scope.units());
    }

    /**
     * The administrative units a read of users' records (reports, exports) is narrowed to, in its query: the caller's
     * units when its role is scoped to units, null (every user) for a tenant-wide caller.
     */
    public static java.util.Set<UUID> unitsToNarrowTo(Caller caller) {
        Scope scope = caller.scope();
        return scope.tenantWide() ? null : scope.units();
    }

    /** The refusal of a change outside the caller's scope. */
    public static Rejection refusal() {
        return Rejection.of(ErrorCode.OUTSIDE_SCOPE, INSUFFICIENT);
    }
}
