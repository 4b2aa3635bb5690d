package org.allot.core.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;

/** Creates tenants and changes their change: name, default usage location and policies. */
public final class TenantDirectory {
    private static final Pattern DOMAIN =
            Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");

    private final Transactions transactions;
    private final Tenants tenants;
    private final TenantLocks locks;
    private final AuditLog audit;
    private final DirectoryListener listener;
    private final Clock clock;

    public TenantDirectory(
            Transactions transactions,
            Tenants tenants,
            TenantLocks locks,
            AuditLog audit,
            DirectoryListener listener,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.tenants = Objects.requireNonNull(tenants);
        this.locks = Objects.requireNonNull(locks);
        this.audit = Objects.requireNonNull(audit);
        this.listener = Objects.requireNonNull(listener);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Whether the text, in lower case, is a domain name: labels of letters, digits and inner hyphens, the top-level one
     * not all digits, so that an IPv4 address ({@code 127.0.0.1}) is none (RFC 3696, section 2).
     */
    static boolean validDomain(String domain) {
        return domain.length() <= 253
                && DOMAIN.matcher(domain).matches()
                && !domain.substring(domain.lastIndexOf('.') + 1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A tenant as it stands. */
    public Optional<Tenant> find(TenantId tenant) {
        return transactions.read(() -> tenants.find(tenant));
    }

    public Outcome<Tenant> create(
            TenantId id, String name, List<String> domains, String defaultUsageLocation, TenantPolicy policy) {
        return transactions.run(() -> createNow(id, name, domains, defaultUsageLocation, policy));
    }

    private Outcome<Tenant> createNow(
            TenantId id, String name, List<String> domains, String defaultUsageLocation, TenantPolicy policy) {
        if (tenants.find(id).isPresent()) {
            return Outcome.refused(Rejection.invalid("Tenant %s already exists.", id));
        }
        if (name == null || name.isBlank() || name.length() > 256) {
            return Outcome.refused(Rejection.invalid("A tenant needs a name of 1 to 256 characters."));
        }
        if (domains.isEmpty()) {
            return Outcome.refused(Rejection.invalid("A tenant needs at least one verified domain."));
        }
        List<String> folded = new ArrayList<>();
        for (String domain : domains) {
            String d = domain.strip().toLowerCase(Locale.ROOT);
            if (!validDomain(d)) {
                return Outcome.refused(Rejection.invalid("'%s' is not a valid domain name.", domain));
            }
            if (!folded.contains(d)) {
                folded.add(d);
            }
        }
        String initial = InitialDomains.choose(
                name, id, candidate -> tenants.withVerifiedDomain(candidate).isEmpty());
        if (!folded.contains(initial)) {
            folded.add(initial);
        }
        Outcome<Optional<UsageLocation>> location = location(defaultUsageLocation);
        if (!location.isDone()) {
            return Outcome.refused(location.rejection());
        }
        Tenant tenant =
                new Tenant(id, name.strip(), folded, initial, location.value().orElse(null), policy, clock.instant());
        tenants.add(tenant);
        Caller caller = Caller.of(id, Actor.SYSTEM);
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.ADD_TENANT,
                target(tenant),
                List.of(PropertyChange.of("displayName", null, tenant.name()))));
        return Outcome.done(tenant);
    }

    /**
     * Changes the tenant's name, default usage location and policies as asked, in one unit of work: refused as a
     * whole when any part is refused. Done with the tenant as it then stands.
     */
    public Outcome<Tenant> change(Caller caller, TenantChange change) {
        return transactions.run(() -> {
            Optional<Tenant> tenant = tenants.find(caller.tenant());
            if (tenant.isEmpty()) {
                return Outcome.refused(Rejection.notFound(caller.tenant()));
            }
            Outcome<Tenant> outcome = Outcome.done(tenant.get());
            if (change.name() != null) {
                outcome = renameNow(caller, change.name());
            }
            if (outcome.isDone() && change.defaultUsageLocation() != null) {
                outcome = setDefaultUsageLocationNow(caller, change.defaultUsageLocation());
            }
            if (outcome.isDone() && change.changesPolicy()) {
                Outcome<TenantPolicy> policy = policy(change, outcome.value().policy());
                outcome = policy.isDone() ? setPolicyNow(caller, policy.value()) : Outcome.refused(policy.rejection());
            }
            return outcome;
        });
    }

    private static Outcome<TenantPolicy> policy(TenantChange change, TenantPolicy current) {
        GuestLicensing guests = current.guestLicensing();
        if (change.guestLicensing() != null) {
            try {
                guests = GuestLicensing.valueOf(change.guestLicensing().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Outcome.refused(Rejection.invalid("'guestLicensing' must be BLOCK or ALLOW."));
            }
        }
        int retention = change.softDeleteRetentionDays() == null
                ? current.softDeleteRetentionDays()
                : change.softDeleteRetentionDays();
        int threshold =
                change.syncDeleteThreshold() == null ? current.syncDeleteThreshold() : change.syncDeleteThreshold();
        if (retention < TenantPolicy.MIN_RETENTION_DAYS || retention > TenantPolicy.MAX_RETENTION_DAYS) {
            return Outcome.refused(Rejection.invalid(
                    "'softDeleteRetentionDays' must be between %d and %d.",
                    TenantPolicy.MIN_RETENTION_DAYS, TenantPolicy.MAX_RETENTION_DAYS));
        }
        int losses = change.syncLicenseLossThreshold() == null
                ? current.syncLicenseLossThreshold()
                : change.syncLicenseLossThreshold();
        if (threshold < 0) {
            return Outcome.refused(Rejection.invalid("'syncDeleteThreshold' must not be negative."));
        }
        if (losses < 0) {
            return Outcome.refused(Rejection.invalid("'syncLicenseLossThreshold' must not be negative."));
        }
        return Outcome.done(new TenantPolicy(
                guests,
                change.nestedGroupLicensing() == null ? current.nestedGroupLicensing() : change.nestedGroupLicensing(),
                retention,
                threshold,
                losses));
    }

    /** Changes the default usage location; null or blank clears it. */
    public Outcome<Tenant> setDefaultUsageLocation(Caller caller, String code) {
        return transactions.run(() -> setDefaultUsageLocationNow(caller, code));
    }

    private Outcome<Tenant> setDefaultUsageLocationNow(Caller caller, String code) {
        Outcome<Optional<UsageLocation>> location = location(code);
        if (!location.isDone()) {
            return Outcome.refused(location.rejection());
        }
        return change(caller, t -> t.withDefaultUsageLocation(location.value().orElse(null)));
    }

    public Outcome<Tenant> setPolicy(Caller caller, TenantPolicy policy) {
        return transactions.run(() -> setPolicyNow(caller, policy));
    }

    private Outcome<Tenant> setPolicyNow(Caller caller, TenantPolicy policy) {
        return change(caller, t -> t.withPolicy(policy));
    }

    public Outcome<Tenant> rename(Caller caller, String name) {
        return transactions.run(() -> renameNow(caller, name));
    }

    private Outcome<Tenant> renameNow(Caller caller, String name) {
        if (name == null || name.isBlank() || name.length() > 256) {
            return Outcome.refused(Rejection.invalid("A tenant needs a name of 1 to 256 characters."));
        }
        return change(caller, t -> t.withName(name.strip()));
    }

    /** Changes the tenant holding its licensing lock alone: licenses follow the new policies for everyone at once. */
    private Outcome<Tenant> change(Caller caller, java.util.function.UnaryOperator<Tenant> change) {
        locks.exclusive(caller.tenant());
        Optional<Tenant> found = tenants.find(caller.tenant());
        if (found.isEmpty()) {
            return Outcome.refused(Rejection.notFound(caller.tenant()));
        }
        Tenant before = found.get();
        Tenant after = change.apply(before);
        if (after.equals(before)) {
            return Outcome.done(before);
        }
        tenants.update(after);
        audit.append(
                AuditEvent.of(caller, clock.instant(), Activity.UPDATE_TENANT, target(after), changes(before, after)));
        listener.tenantUpdated(caller, before, after);
        return Outcome.done(after);
    }

    private static Outcome<Optional<UsageLocation>> location(String code) {
        if (code == null || code.isBlank()) {
            return Outcome.done(Optional.empty());
        }
        Optional<UsageLocation> parsed =
                UsageLocation.parse(code).filter(l -> code.strip().length() == 2);
        return parsed.isPresent()
                ? Outcome.done(parsed)
                : Outcome.refused(Rejection.invalid(
                        "'%s' is not a usage location: use a two-letter ISO 3166-1 country code such as US or SE.",
                        code));
    }

    private static List<PropertyChange> changes(Tenant before, Tenant after) {
        List<PropertyChange> changes = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            changes.add(PropertyChange.of("displayName", before.name(), after.name()));
        }
        if (!Objects.equals(before.defaultUsageLocation(), after.defaultUsageLocation())) {
            changes.add(PropertyChange.of(
                    "defaultUsageLocation", before.defaultUsageLocation(), after.defaultUsageLocation()));
        }
        if (!before.policy().equals(after.policy())) {
            changes.add(PropertyChange.of("policy", before.policy(), after.policy()));
        }
        return changes;
    }

    private static AuditTarget target(Tenant tenant) {
        return AuditTarget.other("Company", tenant.id(), tenant.name());
    }
}
