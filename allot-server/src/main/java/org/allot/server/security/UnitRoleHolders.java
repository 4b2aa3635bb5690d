package org.allot.server.security;

import java.util.Optional;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.Transactions;
import org.allot.core.unit.ScopedRoleMember;
import org.allot.core.unit.UnitDelegation;
import org.allot.core.unit.UnitId;
import org.allot.server.security.store.AdminAccount;
import org.allot.server.security.store.AppRegistration;
import org.allot.server.security.store.Role;
import org.allot.server.security.store.StoredAdminAccounts;
import org.allot.server.security.store.StoredAppRegistrations;

/**
 * Who may hold which role over an administrative unit (Graph's {@code scopedRoleMembers}): a role the server knows
 * and that may be scoped ({@link Role#unitScopable()}: not Global Administrator), held by an app (named by its client
 * id) or an admin account (named by its username) of the tenant whose own role is not Global Administrator (it
 * reaches every unit already). The assignment itself, and its audit record, is the core's ({@link UnitDelegation});
 * an app's next request already acts within the units (its remembered role is forgotten), an administrator's
 * admin center session ends and they sign in again within the units ({@link AdminSessions}).
 */
public final class UnitRoleHolders {
    private final Transactions transactions;
    private final UnitDelegation delegation;
    private final StoredAppRegistrations apps;
    private final StoredAdminAccounts admins;
    private final ApiTokens tokens;

    public UnitRoleHolders(
            Transactions transactions,
            UnitDelegation delegation,
            StoredAppRegistrations apps,
            StoredAdminAccounts admins,
            ApiTokens tokens) {
        this.transactions = transactions;
        this.delegation = delegation;
        this.apps = apps;
        this.admins = admins;
        this.tokens = tokens;
    }

    /** Gives the role (a template id or a role's name) over the unit to the app or admin account named. */
    public Outcome<ScopedRoleMember> assign(Caller caller, UnitId unit, String roleId, String memberId) {
        Optional<Role> role = Role.ofTemplateOrName(roleId).filter(Role::unitScopable);
        if (role.isEmpty()) {
            return Outcome.refused(Rejection.invalid(
                    "Invalid value specified for property 'roleId': '%s'. A role held over an administrative unit is"
                            + " License Administrator (%s), User Administrator (%s), Groups Administrator (%s) or"
                            + " Global Reader (%s).",
                    roleId,
                    Role.LICENSE_ADMINISTRATOR.templateId(),
                    Role.USER_ADMINISTRATOR.templateId(),
                    Role.GROUPS_ADMINISTRATOR.templateId(),
                    Role.GLOBAL_READER.templateId()));
        }
        Outcome<ScopedRoleMember> outcome = transactions.run(() -> {
            Optional<Holder> holder = holder(caller, memberId);
            if (holder.isEmpty()) {
                return Outcome.refused(Rejection.notFound(memberId));
            }
            if (holder.get().role() == Role.GLOBAL_ADMINISTRATOR) {
                return Outcome.refused(Rejection.invalid(
                        "%s is a Global Administrator: the role reaches every administrative unit already.",
                        holder.get().actor().displayName()));
            }
            return delegation.assign(
                    caller, unit, role.get().name(), holder.get().actor());
        });
        forget(outcome);
        return outcome;
    }

    /** Takes a role held over the unit back. */
    public Outcome<ScopedRoleMember> remove(Caller caller, UnitId unit, UUID id) {
        Outcome<ScopedRoleMember> outcome = delegation.remove(caller, unit, id);
        forget(outcome);
        return outcome;
    }

    private void forget(Outcome<ScopedRoleMember> outcome) {
        if (outcome.isDone() && outcome.value().member().kind() == Actor.Kind.APP) {
            uuid(outcome.value().member().id()).ifPresent(tokens::forget);
        }
    }

    private record Holder(Actor actor, Role role) {}

    private Optional<Holder> holder(Caller caller, String memberId) {
        Optional<UUID> clientId = uuid(memberId);
        if (clientId.isPresent()) {
            Optional<AppRegistration> app =
                    apps.find(clientId.get()).filter(a -> a.tenant().equals(caller.tenant()));
            if (app.isPresent()) {
                return Optional.of(new Holder(
                        Actor.app(app.get().clientId().toString(), app.get().displayName()),
                        app.get().role()));
            }
        }
        Optional<AdminAccount> admin =
                admins.find(memberId).filter(a -> a.tenant().equals(caller.tenant()));
        return admin.map(a -> new Holder(Actor.user(a.username(), a.displayName()), a.role()));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
