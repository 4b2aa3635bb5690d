package org.allot.server.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.server.security.store.AdminAccount;
import org.allot.server.security.store.Role;
import org.allot.server.security.store.StoredAdminAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The people who may sign in to the admin center: added with a role and a password kept only as a hash. */
public final class AdminAccounts {
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 128;
    public static final int MAX_DISPLAY_NAME = 120;
    private static final Pattern USERNAME = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");

    private final Transactions transactions;
    private final StoredAdminAccounts store;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    public AdminAccounts(
            Transactions transactions,
            StoredAdminAccounts store,
            PasswordEncoder passwords,
            AuditLog audit,
            Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    public List<AdminAccount> of(Caller caller) {
        return transactions.read(() -> ofRead(caller));
    }

    private List<AdminAccount> ofRead(Caller caller) {
        return store.of(caller.tenant());
    }

    public Outcome<AdminAccount> add(
            Caller caller, String username, String displayName, String roleName, String password) {
        return transactions.run(() -> addNow(caller, username, displayName, roleName, password));
    }

    private Outcome<AdminAccount> addNow(
            Caller caller, String username, String displayName, String roleName, String password) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            return Outcome.refused(Rejection.invalid("Enter the sign-in name as name@domain."));
        }
        String shown = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (shown.length() > MAX_DISPLAY_NAME) {
            return Outcome.refused(Rejection.invalid("A display name has at most %d characters.", MAX_DISPLAY_NAME));
        }
        Optional<Role> role = Role.parse(roleName == null ? "" : roleName);
        if (role.isEmpty()) {
            return Outcome.refused(Rejection.invalid("Choose a role."));
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            return Outcome.refused(
                    Rejection.invalid("A password has %d to %d characters.", MIN_PASSWORD, MAX_PASSWORD));
        }
        if (store.find(name).isPresent()) {
            return Outcome.refused(Rejection.of(ErrorCode.ALREADY_EXISTS, "%s can already sign in.", name));
        }
        AdminAccount account =
                new AdminAccount(caller.tenant(), name, shown, passwords.encode(password), role.get(), clock.instant());
        store.add(account);
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.ADD_ADMINISTRATOR,
                AuditTarget.other("Administrator", name, shown),
                List.of(PropertyChange.of("role", null, role.get().displayName()))));
        return Outcome.done(account);
    }

    /**
     * Gives an account another role; their session ends at their next request ({@link AdminSessions}). Nobody changes
     * their own role, so a Global Administrator cannot lock the tenant out by demoting themselves.
     */
    public Outcome<AdminAccount> changeRole(Caller caller, String username, String roleName) {
        return transactions.run(() -> changeRoleNow(caller, username, roleName));
    }

    private Outcome<AdminAccount> changeRoleNow(Caller caller, String username, String roleName) {
        if (caller.actor().id().equalsIgnoreCase(username == null ? "" : username.strip())) {
            return Outcome.refused(Rejection.invalid("You cannot change your own role."));
        }
        Optional<AdminAccount> account = store.find(username == null ? "" : username.strip())
                .filter(a -> a.tenant().equals(caller.tenant()));
        if (account.isEmpty()) {
            return Outcome.refused(Rejection.notFound(username));
        }
        Optional<Role> role = Role.parse(roleName == null ? "" : roleName);
        if (role.isEmpty()) {
            return Outcome.refused(Rejection.invalid("Choose a role."));
        }
        AdminAccount old = account.get();
        if (old.role() == role.get()) {
            return Outcome.done(old);
        }
        store.changeRole(caller.tenant(), old.username(), role.get());
        AuditTarget target = AuditTarget.other("Administrator", old.username(), old.displayName());
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.REMOVE_ADMINISTRATOR,
                target,
                List.of(PropertyChange.of("role", old.role().displayName(), null))));
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.ADD_ADMINISTRATOR,
                target,
                List.of(PropertyChange.of("role", null, role.get().displayName()))));
        return Outcome.done(new AdminAccount(
                old.tenant(), old.username(), old.displayName(), old.passwordHash(), role.get(), old.createdAt()));
    }

    /** Removes an account; nobody removes their own, so a tenant always keeps someone who can sign in. */
    public Outcome<String> remove(Caller caller, String username) {
        return transactions.run(() -> removeNow(caller, username));
    }

    private Outcome<String> removeNow(Caller caller, String username) {
        if (caller.actor().id().equalsIgnoreCase(username)) {
            return Outcome.refused(Rejection.invalid("You cannot remove your own account."));
        }
        Optional<AdminAccount> account =
                store.find(username).filter(a -> a.tenant().equals(caller.tenant()));
        if (account.isEmpty()) {
            return Outcome.refused(Rejection.notFound(username));
        }
        store.remove(caller.tenant(), username);
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.REMOVE_ADMINISTRATOR,
                AuditTarget.other(
                        "Administrator", account.get().username(), account.get().displayName()),
                List.of(PropertyChange.of("role", account.get().role().displayName(), null))));
        return Outcome.done(account.get().username());
    }
}
