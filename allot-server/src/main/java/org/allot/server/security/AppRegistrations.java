package org.allot.server.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Registers apps that call the API. A secret is shown once, when it is made, and kept only as a one-way hash.
 */
public final class AppRegistrations {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcAppRegistrations store;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    public AppRegistrations(JdbcAppRegistrations store, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new app and its secret, which is not kept in the clear. */
    public record Created(AppRegistration app, String secret) {}

    public Outcome<Created> register(Caller caller, String displayName, String roleName) {
        return register(caller, displayName, roleName, UUID.randomUUID(), newSecret());
    }

    /** Registers an app with a given id and secret (first-start credentials taken from configuration). */
    public Outcome<Created> register(Caller caller, String displayName, String roleName, UUID clientId, String secret) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            return Outcome.refused(Rejection.invalid("An app needs a displayName of 1 to 120 characters."));
        }
        Optional<Role> role = Role.parse(roleName);
        if (role.isEmpty()) {
            return Outcome.refused(Rejection.invalid(
                    "'%s' is not a role. Roles: Global Administrator, License Administrator, User Administrator,"
                            + " Groups Administrator, Global Reader.",
                    roleName));
        }
        if (secret.length() < 16) {
            return Outcome.refused(Rejection.invalid("A client secret has at least 16 characters."));
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
                caller.actor().displayName());
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
        return store.of(tenant);
    }

    public Outcome<AppRegistration> find(TenantId tenant, UUID clientId) {
        return store.find(clientId)
                .filter(a -> a.tenant().equals(tenant))
                .<Outcome<AppRegistration>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Rejection.notFound(clientId)));
    }

    /** Replaces the app's secret; the old one stops working at once (tokens already issued run out). */
    public Outcome<Created> replaceSecret(Caller caller, UUID clientId) {
        Outcome<AppRegistration> app = find(caller.tenant(), clientId);
        if (!app.isDone()) {
            return Outcome.refused(app.rejection());
        }
        String secret = newSecret();
        store.replaceSecret(caller.tenant(), clientId, passwords.encode(secret));
        audit.append(AuditEvent.of(
                caller, clock.instant(), Activity.UPDATE_APPLICATION_SECRET, target(app.value()), List.of()));
        return Outcome.done(new Created(app.value(), secret));
    }

    public Outcome<AppRegistration> remove(Caller caller, UUID clientId) {
        Outcome<AppRegistration> app = find(caller.tenant(), clientId);
        if (!app.isDone()) {
            return app;
        }
        if (caller.actor().id().equals(clientId.toString())) {
            return Outcome.refused(Rejection.invalid("An app cannot delete itself."));
        }
        store.remove(caller.tenant(), clientId);
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
}
