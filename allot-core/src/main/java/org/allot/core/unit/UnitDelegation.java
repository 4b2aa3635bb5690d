package org.allot.core.unit;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.Scope;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.directory.ScopeGuard;

/**
 * Roles held over administrative units (Graph's {@code scopedRoleMembers}): assigned and removed by tenant-wide
 * roles, audited; and, for each request, the {@link Scope} an administrator or app acts within
 * ({@link #scopeOf}). Which roles may be held over a unit, and who may hold them, is the server's to check (it knows
 * its roles and its principals); the core records them as given.
 */
public final class UnitDelegation {
    private final Transactions transactions;
    private final Units units;
    private final UnitRoleAssignments roles;
    private final AuditLog audit;
    private final Clock clock;

    public UnitDelegation(
            Transactions transactions, Units units, UnitRoleAssignments roles, AuditLog audit, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.units = Objects.requireNonNull(units);
        this.roles = Objects.requireNonNull(roles);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The roles an administrator or app holds over units (none: its role is tenant-wide). */
    public List<ScopedRoleMember> rolesOf(TenantId tenant, Actor member) {
        return transactions.read(() -> roles.ofMember(tenant, member.kind(), member.id()));
    }

    /** The scope of the roles: tenant-wide when there are none, else the units they are held over. */
    public static Scope scopeOf(List<ScopedRoleMember> held) {
        if (held.isEmpty()) {
            return Scope.TENANT;
        }
        Set<UUID> unitIds = held.stream().map(r -> r.unit().value()).collect(Collectors.toSet());
        return Scope.units(unitIds);
    }

    /** The roles held over a unit the caller may see. */
    public Outcome<List<ScopedRoleMember>> ofUnit(Caller caller, UnitId unit) {
        return transactions.read(() -> units.find(caller.tenant(), unit)
                .filter(u -> UnitDirectory.sees(caller, u.id()))
                .map(u -> Outcome.done(roles.ofUnit(caller.tenant(), unit)))
                .orElseGet(() -> Outcome.refused(Rejection.notFound(unit))));
    }

    /** Gives the administrator or app the role over the unit; refused when it holds it there already. */
    public Outcome<ScopedRoleMember> assign(Caller caller, UnitId unit, String role, Actor member) {
        return transactions.run(() -> {
            Optional<Rejection> refused = ScopeGuard.TENANT_ONLY.toChangeTenant(caller);
            if (refused.isPresent()) {
                return Outcome.refused(refused.get());
            }
            Optional<AdministrativeUnit> found = units.lock(caller.tenant(), unit);
            if (found.isEmpty()) {
                return Outcome.refused(Rejection.notFound(unit));
            }
            boolean held = roles.ofUnit(caller.tenant(), unit).stream()
                    .anyMatch(r -> r.role().equals(role)
                            && r.member().kind() == member.kind()
                            && r.member().id().equals(member.id()));
            if (held) {
                return Outcome.refused(Rejection.invalid(
                        "A conflicting object with one or more of the specified property values is present in the"
                                + " directory: %s already holds this role over the unit.",
                        member.displayName()));
            }
            ScopedRoleMember assignment = new ScopedRoleMember(UUID.randomUUID(), unit, role, member, clock.instant());
            roles.add(caller.tenant(), assignment);
            audit.append(AuditEvent.of(
                    caller,
                    clock.instant(),
                    Activity.ADD_SCOPED_ROLE_MEMBER,
                    List.of(UnitDirectory.target(found.get()), target(member)),
                    List.of(PropertyChange.of("Role.DisplayName", null, role))));
            return Outcome.done(assignment);
        });
    }

    /** Takes a role held over the unit back. */
    public Outcome<ScopedRoleMember> remove(Caller caller, UnitId unit, UUID id) {
        return transactions.run(() -> {
            Optional<Rejection> refused = ScopeGuard.TENANT_ONLY.toChangeTenant(caller);
            if (refused.isPresent()) {
                return Outcome.refused(refused.get());
            }
            Optional<AdministrativeUnit> found = units.lock(caller.tenant(), unit);
            Optional<ScopedRoleMember> held = found.flatMap(u -> roles.find(caller.tenant(), unit, id));
            if (held.isEmpty()) {
                return Outcome.refused(Rejection.notFound(id));
            }
            roles.remove(caller.tenant(), unit, id);
            audit.append(AuditEvent.of(
                    caller,
                    clock.instant(),
                    Activity.REMOVE_SCOPED_ROLE_MEMBER,
                    List.of(UnitDirectory.target(found.get()), target(held.get().member())),
                    List.of(PropertyChange.of("Role.DisplayName", held.get().role(), null))));
            return Outcome.done(held.get());
        });
    }

    private static AuditTarget target(Actor member) {
        return AuditTarget.other(
                member.kind() == Actor.Kind.APP ? "ServicePrincipal" : "User", member.id(), member.displayName());
    }
}
