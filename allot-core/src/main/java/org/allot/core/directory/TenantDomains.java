package org.allot.core.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
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

/**
 * A tenant's domains: listed, added (verified at once: an administrator's declaration, since Allot has no DNS to check),
 * made the default, and removed once no user uses them. Each change holds the tenant's licensing lock alone, so that no
 * user is created or renamed on a domain while it is being removed.
 */
public final class TenantDomains {
    /** The longest text a refusal quotes whole as the name it refuses. */
    private static final int QUOTED = 100;

    private final Transactions transactions;
    private final Tenants tenants;
    private final TenantLocks locks;
    private final Users users;
    private final AuditLog audit;
    private final Clock clock;

    public TenantDomains(
            Transactions transactions, Tenants tenants, TenantLocks locks, Users users, AuditLog audit, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.tenants = Objects.requireNonNull(tenants);
        this.locks = Objects.requireNonNull(locks);
        this.users = Objects.requireNonNull(users);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The tenant's domains, the default one first. */
    public List<Domain> list(TenantId tenant) {
        return transactions.read(() -> tenants.find(tenant).map(Domain::of).orElse(List.of()));
    }

    /**
     * The tenant's domains, the default one first, each with how many users use it in their principal name or mail
     * (deleted users included): what decides whether {@link #remove} would take it.
     */
    public List<DomainInUse> listWithUse(TenantId tenant) {
        return transactions.read(() -> tenants.find(tenant)
                .map(t -> Domain.of(t).stream()
                        .map(d -> new DomainInUse(d, users.countOnDomain(tenant, d.name())))
                        .toList())
                .orElse(List.of()));
    }

    /** A domain and how many users use it ({@link #listWithUse}). */
    public record DomainInUse(Domain domain, long users) {
        /** Why {@link #remove} would refuse it, in plain words; null when it may be removed. */
        public String whyNotRemovable() {
            if (domain.isInitial()) {
                return "The initial domain cannot be removed.";
            }
            if (domain.isDefault()) {
                return "The default domain cannot be removed: make another domain the default first.";
            }
            if (users > 0) {
                return users + (users == 1 ? " user uses" : " users use")
                        + " it (deleted users included): change their principal names and mail first.";
            }
            return null;
        }
    }

    /** One domain of the tenant, by name in any case. */
    public Optional<Domain> find(TenantId tenant, String name) {
        return list(tenant).stream()
                .filter(d -> d.name().equalsIgnoreCase(name))
                .findFirst();
    }

    /** Adds a domain, verified: refused when it is not a domain name, is the tenant's already, or is under allot.local. */
    public Outcome<Domain> add(Caller caller, String name) {
        String domain = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!TenantDirectory.validDomain(domain)) {
            return Outcome.refused(Rejection.invalid(
                    "Domain name '%s' is invalid: use a fully qualified domain name such as contoso.com.",
                    quoted(name == null ? "" : name)));
        }
        if (InitialDomains.reserved(domain)) {
            return Outcome.refused(Rejection.invalid(
                    "Domains under %s are Allot's own: each tenant has its initial one, and none can be added.",
                    InitialDomains.SUFFIX));
        }
        return change(caller, Activity.ADD_DOMAIN, domain, tenant -> {
            if (tenant.hasVerifiedDomain(domain)) {
                return Outcome.refused(Rejection.of(
                        ErrorCode.ALREADY_EXISTS,
                        "Another object with the same value for property id already exists: the domain %s is"
                                + " already in this tenant.",
                        domain));
            }
            List<String> domains = new ArrayList<>(tenant.verifiedDomains());
            domains.add(domain);
            return Outcome.done(tenant.withVerifiedDomains(domains));
        });
    }

    /** Graph's verify action: every domain is verified already, so this only finds it. */
    public Outcome<Domain> verify(Caller caller, String name) {
        return find(caller.tenant(), name)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Rejection.notFound(name)));
    }

    /** Makes the domain the one new users get by default. */
    public Outcome<Domain> makeDefault(Caller caller, String name) {
        return change(caller, Activity.SET_DEFAULT_DOMAIN, name, tenant -> {
            Optional<String> found = named(tenant, name);
            if (found.isEmpty()) {
                return Outcome.refused(Rejection.notFound(name));
            }
            List<String> domains = new ArrayList<>(tenant.verifiedDomains());
            domains.remove(found.get());
            domains.add(0, found.get());
            return Outcome.done(tenant.withVerifiedDomains(domains));
        });
    }

    /** Removes a domain no user uses; never the initial or the default one. */
    public Outcome<Domain> remove(Caller caller, String name) {
        return change(caller, Activity.REMOVE_DOMAIN, name, tenant -> removable(tenant, name)
                .flatMap(domain -> {
                    long references = users.countOnDomain(tenant.id(), domain);
                    return references > 0
                            ? Outcome.refused(inUse(domain, references))
                            : Outcome.done(without(tenant, domain));
                }));
    }

    /**
     * Graph's {@code forceDelete}: the users with a principal name or mail on the domain (deleted users included) get
     * the same names on the tenant's initial domain, as Entra moves them to {@code onmicrosoft.com}, and are disabled
     * when {@code disableUserAccounts} (Graph's default); then the domain is removed. All or nothing: refused, as a
     * removal, for the initial and the default domain, and when more than {@value #MAX_RENAMED} users would be renamed
     * or a new principal name is another user's already.
     */
    public Outcome<Domain> forceRemove(Caller caller, String name, boolean disableUserAccounts) {
        return change(caller, Activity.REMOVE_DOMAIN, name, tenant -> removable(tenant, name)
                .flatMap(domain -> {
                    List<UserId> ids = users.onDomain(tenant.id(), domain, MAX_RENAMED + 1);
                    if (ids.size() > MAX_RENAMED) {
                        return Outcome.refused(Rejection.invalid(
                                "Unable to delete the domain %s: more than %d objects would be renamed.",
                                domain, MAX_RENAMED));
                    }
                    Map<UserId, User> before = users.lock(tenant.id(), ids);
                    // the names they would take, and who holds them now, read at once
                    Map<String, User> holders = users.findByPrincipalNames(
                            tenant.id(),
                            before.values().stream()
                                    .map(u -> onto(u.userPrincipalName(), domain, tenant.initialDomain()))
                                    .toList());
                    List<User> renamed = new ArrayList<>();
                    for (User user : before.values()) {
                        String principalName = onto(user.userPrincipalName(), domain, tenant.initialDomain());
                        User holder = holders.get(principalName.toLowerCase(Locale.ROOT));
                        if (holder != null && !holder.id().equals(user.id())) {
                            return Outcome.refused(Rejection.invalid(
                                    "Unable to delete the domain %s: %s would be renamed %s, which another user has.",
                                    domain, user.userPrincipalName(), principalName));
                        }
                        renamed.add(user.toBuilder()
                                .set(UserAttribute.USER_PRINCIPAL_NAME, principalName)
                                .set(UserAttribute.MAIL, onto(user.mail(), domain, tenant.initialDomain()))
                                .set(UserAttribute.ACCOUNT_ENABLED, !disableUserAccounts && user.accountEnabled())
                                .build());
                    }
                    users.updateAll(tenant.id(), renamed);
                    audit.appendAll(renamed.stream()
                            .map(after -> renameEvent(caller, before.get(after.id()), after))
                            .toList());
                    return Outcome.done(without(tenant, domain));
                }));
    }

    /** At most this many users are renamed by {@link #forceRemove}, as Graph refuses more than 1000 objects. */
    public static final int MAX_RENAMED = 1000;

    /** The domain as the tenant spells it, when it may be removed: neither the initial nor the default one. */
    private static Outcome<String> removable(Tenant tenant, String name) {
        Optional<String> found = named(tenant, name);
        if (found.isEmpty()) {
            return Outcome.refused(Rejection.notFound(name));
        }
        String domain = found.get();
        if (tenant.isInitialDomain(domain)) {
            return Outcome.refused(Rejection.invalid("The initial domain %s cannot be deleted.", domain));
        }
        if (tenant.defaultDomain().equals(domain)) {
            return Outcome.refused(Rejection.invalid(
                    "The default domain %s cannot be deleted: make another domain the default first.", domain));
        }
        return Outcome.done(domain);
    }

    private static Tenant without(Tenant tenant, String domain) {
        List<String> domains = new ArrayList<>(tenant.verifiedDomains());
        domains.remove(domain);
        return tenant.withVerifiedDomains(domains);
    }

    /** The address with its domain replaced when it is on {@code domain} (in any case); others as they are. */
    private static String onto(String address, String domain, String initial) {
        if (address == null || !address.toLowerCase(Locale.ROOT).endsWith("@" + domain)) {
            return address;
        }
        return address.substring(0, address.length() - domain.length()) + initial;
    }

    private AuditEvent renameEvent(Caller caller, User before, User after) {
        List<PropertyChange> changes = new ArrayList<>();
        changes.add(PropertyChange.of("userPrincipalName", before.userPrincipalName(), after.userPrincipalName()));
        if (!Objects.equals(before.mail(), after.mail())) {
            changes.add(PropertyChange.of("mail", before.mail(), after.mail()));
        }
        if (before.accountEnabled() != after.accountEnabled()) {
            changes.add(PropertyChange.of("accountEnabled", before.accountEnabled(), after.accountEnabled()));
        }
        return AuditEvent.of(
                caller,
                clock.instant(),
                Activity.UPDATE_USER,
                AuditTarget.user(after.id(), after.userPrincipalName()),
                changes);
    }

    /** A name as a refusal quotes it: at most {@value #QUOTED} characters, then an ellipsis. */
    private static String quoted(String name) {
        return name.length() <= QUOTED ? name : name.substring(0, QUOTED) + "…";
    }

    /** Graph's refusal of a domain that objects still reference, with how many users do. */
    static Rejection inUse(String domain, long users) {
        return Rejection.invalid(
                "Unable to delete the domain %s: it has references to objects (%d users use it in their"
                        + " userPrincipalName or mail, deleted users included). Update or remove them, then try again.",
                domain, users);
    }

    private Outcome<Domain> change(
            Caller caller, Activity activity, String name, Function<Tenant, Outcome<Tenant>> change) {
        return transactions.run(() -> {
            locks.exclusive(caller.tenant());
            Optional<Tenant> found = tenants.find(caller.tenant());
            if (found.isEmpty()) {
                return Outcome.refused(Rejection.notFound(caller.tenant()));
            }
            Tenant before = found.get();
            Outcome<Tenant> after = change.apply(before);
            if (!after.isDone()) {
                return Outcome.refused(after.rejection());
            }
            String domain = name.strip().toLowerCase(Locale.ROOT);
            Domain result = Domain.of(after.value()).stream()
                    .filter(d -> d.name().equals(domain))
                    .findFirst()
                    .orElse(new Domain(domain, false, false));
            if (after.value().equals(before)) {
                return Outcome.done(result);
            }
            tenants.update(after.value());
            audit.append(AuditEvent.of(
                    caller,
                    clock.instant(),
                    activity,
                    AuditTarget.other("Domain", domain, domain),
                    List.of(PropertyChange.of(
                            "verifiedDomains",
                            String.join(", ", before.verifiedDomains()),
                            String.join(", ", after.value().verifiedDomains())))));
            return Outcome.done(result);
        });
    }

    private static Optional<String> named(Tenant tenant, String name) {
        return tenant.verifiedDomains().stream()
                .filter(d -> d.equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }
}
