package org.allot.server.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.notification.ChangeNotifications;
import org.allot.server.security.store.AppRegistration;
import org.allot.server.security.store.Role;
import org.allot.server.security.store.StoredAppRegistrations;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Registers apps that call the API. A secret is shown once, when it is made, and kept only as a one-way hash; it
 * expires, as Entra's do: {@link #DEFAULT_SECRET_LIFETIME} after it is made unless another end is chosen, at most
 * two years. Replacing a secret, changing the role or deleting the app takes effect on tokens already issued within
 * seconds ({@link ApiTokens}); the app's change-notification subscriptions are asked to reauthorize (a new secret or
 * role) or removed (the app deleted), as Graph's lifecycle notifications tell.
 */
public final class AppRegistrations {
    /** How long a secret lasts unless told otherwise: what Entra's admin center recommends. */
    public static final Duration DEFAULT_SECRET_LIFETIME = Duration.ofDays(180);
    /** A secret about to expire this soon is shown with a warning. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transactions transactions;
    private final StoredAppRegistrations store;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final ApiTokens tokens;
    private final ChangeNotifications notifications;
    private final Clock clock;

    public AppRegistrations(
            Transactions transactions,
            StoredAppRegistrations store,
            PasswordEncoder passwords,
            AuditLog audit,
            ApiTokens tokens,
            ChangeNotifications notifications,
            Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.tokens = tokens;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The app's credentials changed: its subscriptions are asked to reauthorize, in the caller's unit of work. */
    void credentialsChanged(TenantId tenant, UUID clientId) {
        notifications.credentialsChanged(tenant, clientId.toString());
    }

    /** A new app and its secret, which is not kept in the clear. */
    public record Created(AppRegistration app, String secret) {}

    public Outcome<Created> register(Caller caller, String displayName, String roleName) {
        return register(caller, displayName, roleName, null);
    }

    /** Registers an app whose secret ends when given (null: in {@link #DEFAULT_SECRET_LIFETIME}). */
    public Outcome<Created> register(Caller caller, String displayName, String roleName, Instant secretEnd) {
        return transactions.run(() -> registerNow(caller, displayName, roleName, secretEnd));
    }

    private Outcome<Created> registerNow(Caller caller, String displayName, String roleName, Instant secretEnd) {
        return register(caller, displayName, roleName, UUID.randomUUID(), newSecret(), secretEnd);
    }

    /** Registers an app with a given id and secret (first-start credentials taken from configuration). */
    public Outcome<Created> register(Caller caller, String displayName, String roleName, UUID clientId, String secret) {
        return transactions.run(() -> registerNow(caller, displayName, roleName, clientId, secret));
    }

    private Outcome<Created> registerNow(
            Caller caller, String displayName, String roleName, UUID clientId, String secret) {
        return register(caller, displayName, roleName, clientId, secret, null);
    }

    private Outcome<Created> register(
            Caller caller, String displayName, String roleName, UUID clientId, String secret, Instant secretEnd) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            return Outcome.refused(Rejection.invalid("An app needs a displayName of 1 to 120 characters."));
        }
        Optional<Role> role = Role.parse(roleName);
        if (role.isEmpty()) {
            return Outcome.refused(notARole(roleName));
        }
        if (secret.length() < 16) {
            return Outcome.refused(Rejection.invalid("A client secret has at least 16 characters."));
        }
        Outcome<Instant> end = secretEnd(secretEnd);
        if (!end.isDone()) {
            return Outcome.refused(end.rejection());
        }
        if (store.find(clientId).isPresent()) {
            return Outcome.refused(
                    Rejection.of(ErrorCode.ALREADY_EXISTS, "An app with id %s already exists.", clientId));
        }
        AppRegistration app = new AppRegistration(
                caller.tenant(),
                clientId,
                displayName.strip(),
                passwords.encode(secret),
                role.get(),
                clock.instant(),
                caller.actor().displayName(),
                UUID.randomUUID(),
                end.value());
        store.add(app);
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.ADD_APPLICATION,
                target(app),
                List.of(PropertyChange.of("role", null, app.role().displayName()))));
        return Outcome.done(new Created(app, secret));
    }

    public List<AppRegistration> of(TenantId tenant) {
        return transactions.read(() -> ofRead(tenant));
    }

    private List<AppRegistration> ofRead(TenantId tenant) {
        return store.of(tenant);
    }

    public Outcome<AppRegistration> find(TenantId tenant, UUID clientId) {
        return transactions.read(() -> findRead(tenant, clientId));
    }

    private Outcome<AppRegistration> findRead(TenantId tenant, UUID clientId) {
        return store.find(clientId)
                .filter(a -> a.tenant().equals(tenant))
                .<Outcome<AppRegistration>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Rejection.notFound(clientId)));
    }

    /**
     * Replaces the app's secret with one that ends when given (null: in {@link #DEFAULT_SECRET_LIFETIME}); the old
     * one stops working at once, and so do the tokens issued for it.
     */
    public Outcome<Created> replaceSecret(Caller caller, UUID clientId, Instant secretEnd) {
        return transactions.run(() -> replaceSecretNow(caller, clientId, secretEnd));
    }

    private Outcome<Created> replaceSecretNow(Caller caller, UUID clientId, Instant secretEnd) {
        Outcome<AppRegistration> app = find(caller.tenant(), clientId);
        if (!app.isDone()) {
            return Outcome.refused(app.rejection());
        }
        Outcome<Instant> end = secretEnd(secretEnd);
        if (!end.isDone()) {
            return Outcome.refused(end.rejection());
        }
        String secret = newSecret();
        UUID secretId = UUID.randomUUID();
        store.replaceSecret(caller.tenant(), clientId, passwords.encode(secret), secretId, end.value());
        tokens.forget(clientId);
        credentialsChanged(caller.tenant(), clientId);
        AppRegistration old = app.value();
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.UPDATE_APPLICATION_SECRET,
                target(old),
                List.of(PropertyChange.of(
                        "secretEndDateTime",
                        old.secretExpiresAt().toString(),
                        end.value().toString()))));
        AppRegistration replaced = new AppRegistration(
                old.tenant(),
                old.clientId(),
                old.displayName(),
                null,
                old.role(),
                old.createdAt(),
                old.createdBy(),
                secretId,
                end.value());
        return Outcome.done(new Created(replaced, secret));
    }

    /** Gives the app another role; its tokens carry the new one's rights within seconds. */
    public Outcome<AppRegistration> changeRole(Caller caller, UUID clientId, String roleName) {
        return transactions.run(() -> changeRoleNow(caller, clientId, roleName));
    }

    private Outcome<AppRegistration> changeRoleNow(Caller caller, UUID clientId, String roleName) {
        Outcome<AppRegistration> app = find(caller.tenant(), clientId);
        if (!app.isDone()) {
            return app;
        }
        Optional<Role> role = Role.parse(roleName);
        if (role.isEmpty()) {
            return Outcome.refused(notARole(roleName));
        }
        if (caller.actor().id().equals(clientId.toString())) {
            return Outcome.refused(Rejection.invalid("An app cannot change its own role."));
        }
        AppRegistration old = app.value();
        store.changeRole(caller.tenant(), clientId, role.get());
        tokens.forget(clientId);
        if (old.role() != role.get()) {
            credentialsChanged(caller.tenant(), clientId);
            audit.append(AuditEvent.of(
                    caller,
                    clock.instant(),
                    Activity.UPDATE_APPLICATION,
                    target(old),
                    List.of(PropertyChange.of(
                            "role", old.role().displayName(), role.get().displayName()))));
        }
        return Outcome.done(new AppRegistration(
                old.tenant(),
                old.clientId(),
                old.displayName(),
                old.secretHash(),
                role.get(),
                old.createdAt(),
                old.createdBy(),
                old.secretId(),
                old.secretExpiresAt()));
    }

    /** Whether the app's secret has expired or expires within {@link #EXPIRY_WARNING}. */
    public boolean secretExpiresSoon(AppRegistration app) {
        return app.secretExpiresAt().isBefore(clock.instant().plus(EXPIRY_WARNING));
    }

    /** When a secret ends: the one chosen, in the future and at most two years away, or the default. */
    private Outcome<Instant> secretEnd(Instant chosen) {
        Instant now = clock.instant();
        if (chosen == null) {
            return Outcome.done(now.plus(DEFAULT_SECRET_LIFETIME));
        }
        if (!chosen.isAfter(now)) {
            return Outcome.refused(Rejection.invalid(
                    "A client secret must end in the future: secretEndDateTime %s has passed.", chosen));
        }
        Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(2).plusDays(1).toInstant();
        if (chosen.isAfter(latest)) {
            return Outcome.refused(Rejection.invalid(
                    "A client secret lasts at most two years: choose a secretEndDateTime before %s.",
                    now.atOffset(ZoneOffset.UTC).plusYears(2).toLocalDate()));
        }
        return Outcome.done(chosen);
    }

    public Outcome<AppRegistration> remove(Caller caller, UUID clientId) {
        return transactions.run(() -> removeNow(caller, clientId));
    }

    private Outcome<AppRegistration> removeNow(Caller caller, UUID clientId) {
        Outcome<AppRegistration> app = find(caller.tenant(), clientId);
        if (!app.isDone()) {
            return app;
        }
        if (caller.actor().id().equals(clientId.toString())) {
            return Outcome.refused(Rejection.invalid("An app cannot delete itself."));
        }
        store.remove(caller.tenant(), clientId);
        tokens.forget(clientId);
        notifications.applicationRemoved(caller.tenant(), clientId.toString());
        audit.append(
                AuditEvent.of(caller, clock.instant(), Activity.DELETE_APPLICATION, target(app.value()), List.of()));
        return app;
    }

    private static AuditTarget target(AppRegistration app) {
        return AuditTarget.other("Application", app.clientId(), app.displayName());
    }

    static String newSecret() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Rejection notARole(String name) {
        return Rejection.invalid(
                "'%s' is not a role. Roles: Global Administrator, License Administrator, User Administrator,"
                        + " Groups Administrator, Global Reader.",
                name);
    }
}
