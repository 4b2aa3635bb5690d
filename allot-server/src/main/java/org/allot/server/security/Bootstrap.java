package org.allot.server.security;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.Tenants;
import org.allot.server.files.OwnerOnlyFiles;
import org.allot.server.security.store.AdminAccount;
import org.allot.server.security.store.AppRegistration;
import org.allot.server.security.store.Role;
import org.allot.server.security.store.StoredAdminAccounts;
import org.allot.server.security.store.StoredAppRegistrations;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * First start: makes sure there is a tenant, and gives its first administrator a password for the admin center and
 * its first app a client id and secret for the API. Credentials not taken from configuration are generated, printed
 * once and written once to {@value #CREDENTIALS_FILE} in the data directory, readable only by the account the server
 * runs as (for a server started as a service, whose output nobody reads); only their hashes are kept in the database.
 */
public final class Bootstrap {
    /** The file in the data directory that keeps the first start's credentials. */
    public static final String CREDENTIALS_FILE = "first-start-credentials.txt";

    /** What to create on first start; blank values are generated. */
    public record Settings(
            String tenantName,
            String domain,
            String defaultUsageLocation,
            String adminPassword,
            String clientId,
            String clientSecret) {}

    private final Tenants tenants;
    private final TenantDirectory tenantDirectory;
    private final StoredAdminAccounts admins;
    private final StoredAppRegistrations appStore;
    private final AppRegistrations apps;
    private final PasswordEncoder passwords;
    private final Transactions work;
    private final Clock clock;

    public Bootstrap(
            Tenants tenants,
            TenantDirectory tenantDirectory,
            StoredAdminAccounts admins,
            StoredAppRegistrations appStore,
            AppRegistrations apps,
            PasswordEncoder passwords,
            Transactions work,
            Clock clock) {
        this.tenants = tenants;
        this.tenantDirectory = tenantDirectory;
        this.admins = admins;
        this.appStore = appStore;
        this.apps = apps;
        this.passwords = passwords;
        this.work = work;
        this.clock = clock;
    }

    /**
     * Creates what is missing; returns the message to print, if anything was created, after writing it to
     * {@value #CREDENTIALS_FILE} in {@code dataDirectory}.
     */
    public Optional<String> run(Settings settings, Path dataDirectory) {
        return run(settings).map(message -> kept(message, dataDirectory));
    }

    /** Creates what is missing; returns the message to print, if anything was created. */
    public Optional<String> run(Settings settings) {
        return work.run(() -> {
            List<Tenant> all = tenants.all();
            Tenant tenant = all.isEmpty() ? createTenant(settings) : all.get(0);
            if (admins.any(tenant.id()) || !appStore.of(tenant.id()).isEmpty()) {
                return Optional.empty();
            }
            Caller caller = Caller.of(tenant.id(), Actor.system("first start"));
            String username = "admin@" + tenant.defaultDomain();
            String password = blank(settings.adminPassword()) ? AppRegistrations.newSecret() : settings.adminPassword();
            admins.add(new AdminAccount(
                    tenant.id(),
                    username,
                    "Administrator",
                    passwords.encode(password),
                    Role.GLOBAL_ADMINISTRATOR,
                    clock.instant()));
            UUID clientId = blank(settings.clientId()) ? UUID.randomUUID() : UUID.fromString(settings.clientId());
            String secret = blank(settings.clientSecret()) ? AppRegistrations.newSecret() : settings.clientSecret();
            AppRegistration app = apps.register(
                            caller, "Allot first app", Role.GLOBAL_ADMINISTRATOR.displayName(), clientId, secret)
                    .value()
                    .app();
            return Optional.of(String.format(
                    Locale.ROOT,
                    "%nFirst start of tenant %s (%s): these credentials are shown once, keep them safe.%n"
                            + "  Admin center sign-in: %s / %s%n"
                            + "  API app (client credentials, Global Administrator):%n"
                            + "    client id:     %s%n"
                            + "    client secret: %s (expires %s: give the app a new one before then)%n"
                            + "    token:         POST /oauth2/v2.0/token  grant_type=client_credentials%n",
                    tenant.name(),
                    tenant.id(),
                    username,
                    blank(settings.adminPassword()) ? password : "(from configuration)",
                    clientId,
                    blank(settings.clientSecret()) ? secret : "(from configuration)",
                    app.secretExpiresAt().atOffset(java.time.ZoneOffset.UTC).toLocalDate()));
        });
    }

    /**
     * Writes the message to a new file that only this account may read, and adds where to it; an existing file (of
     * an earlier first start) is never overwritten.
     */
    static String kept(String message, Path dataDirectory) {
        Path file = dataDirectory.resolve(CREDENTIALS_FILE).toAbsolutePath().normalize();
        try {
            if (!OwnerOnlyFiles.write(file, message.strip() + System.lineSeparator(), false)) {
                return message
                        + String.format(
                                Locale.ROOT, "  Not written to %s: a file of an earlier first start is there.%n", file);
            }
            return message
                    + String.format(
                            Locale.ROOT,
                            "  Also written to %s (readable only by this account): delete it once the credentials are kept"
                                    + " safe elsewhere.%n",
                            file);
        } catch (IOException e) {
            return message + String.format(Locale.ROOT, "  Could not write them to %s: %s%n", file, e.getMessage());
        }
    }

    private Tenant createTenant(Settings settings) {
        return tenantDirectory
                .create(
                        TenantId.random(),
                        settings.tenantName(),
                        List.of(settings.domain()),
                        settings.defaultUsageLocation(),
                        TenantPolicy.DEFAULT)
                .value();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
