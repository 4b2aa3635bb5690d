package org.allot.core.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.allot.core.Actor;
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
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.directory.Users;

/**
 * Grace on removal, as administrators and the schedule use it: the days each SKU holds a removed license, undoing a
 * pending removal, and freeing the pending removals whose time has come. What is held and when is decided by
 * {@link RemovalGrace} alone; this class only asks the engine to evaluate the users again.
 */
public final class PendingRemovals {
    /** Who the audit log says freed a license at the end of its grace. */
    public static final Actor REMOVAL_GRACE = Actor.system("removal grace");

    static final int PAGE = 500;

    private final Transactions transactions;
    private final Reconciler reconciler;
    private final TenantLocks locks;
    private final Users users;
    private final UserLicensing licensing;
    private final Assignments assignments;
    private final RemovalGraces graces;
    private final ProductCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;
    private final int chunkSize;
    private final ScopeGuard guard;

    PendingRemovals(
            Transactions transactions,
            Reconciler reconciler,
            TenantLocks locks,
            Users users,
            UserLicensing licensing,
            Assignments assignments,
            RemovalGraces graces,
            ProductCatalog catalog,
            AuditLog audit,
            Clock clock,
            int chunkSize,
            ScopeGuard guard) {
        this.guard = Objects.requireNonNull(guard);
        this.transactions = Objects.requireNonNull(transactions);
        this.reconciler = Objects.requireNonNull(reconciler);
        this.locks = Objects.requireNonNull(locks);
        this.users = Objects.requireNonNull(users);
        this.licensing = Objects.requireNonNull(licensing);
        this.assignments = Objects.requireNonNull(assignments);
        this.graces = Objects.requireNonNull(graces);
        this.catalog = Objects.requireNonNull(catalog);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize >= 1 is required");
        }
        this.chunkSize = chunkSize;
    }

    /**
     * Frees every pending removal that is due: each user once, however many of their licenses are due, the users of
     * a tenant {@code chunkSize} at a time, each chunk in a unit of work of its own (under the tenant's licensing lock
     * and its users', in id order), serving the waiting lists at once; returns how many users were evaluated.
     * Idempotent and safe on every server at once: a removal already freed is no longer pending, and evaluating the
     * user again changes nothing.
     */
    public int freeDue() {
        int evaluated = 0;
        Set<Owner> seen = new HashSet<>();
        List<RemovalGraces.Due> due;
        do {
            due = transactions.read(() -> graces.dueBy(clock.instant(), PAGE));
            Map<TenantId, TreeSet<UserId>> fresh = new LinkedHashMap<>();
            for (RemovalGraces.Due d : due) {
                // a user evaluated in this run already (another server may still hold them) waits for the next run
                if (seen.add(new Owner(d.tenant(), d.user()))) {
                    fresh.computeIfAbsent(d.tenant(), t -> new TreeSet<>()).add(d.user());
                }
            }
            if (fresh.isEmpty()) {
                break;
            }
            for (Map.Entry<TenantId, TreeSet<UserId>> tenant : fresh.entrySet()) {
                List<UserId> users = List.copyOf(tenant.getValue());
                for (int from = 0; from < users.size(); from += chunkSize) {
                    List<UserId> chunk = users.subList(from, Math.min(users.size(), from + chunkSize));
                    free(tenant.getKey(), chunk);
                    evaluated += chunk.size();
                }
            }
        } while (due.size() == PAGE);
        return evaluated;
    }

    /** A user of a tenant. */
    private record Owner(TenantId tenant, UserId user) {}

    private void free(TenantId tenant, List<UserId> chunk) {
        transactions.run(() -> {
            locks.share(tenant);
            reconciler.apply(reconciler.begin(Caller.of(tenant, REMOVAL_GRACE)), chunk, Changes.NONE);
            return null;
        });
    }

    /** The most users {@link #ofProduct} lists. */
    public static final int MAX_LISTED = 1000;

    /**
     * A license pending removal: whose, of which product ({@code skuPartNumber} null for one that left the
     * catalogue), from which source, and when it is freed.
     */
    public record Pending(
            UserId user,
            String userPrincipalName,
            SkuId sku,
            String skuPartNumber,
            AssignmentSource source,
            Instant at) {}

    /** A product, the days it holds removals, and its licenses pending removal, the earliest freed first. */
    public record ProductRemovals(Product product, int days, List<Pending> pending) {}

    /** A user and their licenses pending removal, the earliest freed first. */
    public record UserRemovals(User user, List<Pending> pending) {}

    /** The product's days and pending removals ({@link #MAX_LISTED} at most); empty for an unknown product. */
    public Optional<ProductRemovals> ofProduct(TenantId tenant, String skuIdOrPartNumber) {
        return transactions.read(
                () -> catalog.forTenant(tenant).lookup(skuIdOrPartNumber).map(p -> ofProductRead(tenant, p)));
    }

    /**
     * The user's licenses pending removal; empty for an unknown user, and for a user outside the administrative units
     * of a caller whose role is scoped to units (not found, as other reads outside the scope: {@link ScopeGuard}).
     */
    public Optional<UserRemovals> ofUser(Caller caller, UserRef user) {
        TenantId tenant = caller.tenant();
        return transactions.read(() -> assignments
                .userWithAssignments(tenant, user, users)
                .filter(held -> guard.reaches(caller, held.user().id().value()))
                .map(held -> removalsOf(catalog.forTenant(tenant), held.user(), held.assignments())));
    }

    /** The SKUs of the tenant that hold removals, with their days. */
    public Map<SkuId, Integer> days(TenantId tenant) {
        return transactions.read(() -> new TreeMap<>(graces.days(tenant)));
    }

    /**
     * Sets how many days removals of a product are held (0: freed at once, {@link RemovalGrace#MAX_DAYS} at most), with
     * an audit record of the change; answers the product's days and pending removals as set.
     */
    public Outcome<ProductRemovals> setDays(Caller caller, String skuIdOrPartNumber, int days) {
        return transactions.run(() -> {
            if (days < 0 || days > RemovalGrace.MAX_DAYS) {
                return Outcome.refused(
                        Rejection.invalid("removalGraceDays must be from 0 to %d.", RemovalGrace.MAX_DAYS));
            }
            locks.exclusive(caller.tenant());
            Optional<Product> product = catalog.forTenant(caller.tenant()).lookup(skuIdOrPartNumber);
            if (product.isEmpty()) {
                return Outcome.refused(Rejection.notFound(skuIdOrPartNumber));
            }
            SkuId sku = product.get().skuId();
            int before = graces.days(caller.tenant()).getOrDefault(sku, 0);
            if (before != days) {
                graces.setDays(caller.tenant(), sku, days);
                audit.append(AuditEvent.of(
                        caller,
                        clock.instant(),
                        Activity.SET_REMOVAL_GRACE,
                        AuditTarget.other("Product", sku, product.get().skuPartNumber()),
                        List.of(PropertyChange.of("removalGraceDays", before, days))));
            }
            return Outcome.done(ofProductRead(caller.tenant(), product.get()));
        });
    }

    /**
     * Undoes the pending removal of a product from a user: the user keeps it as a direct assignment (with the plans
     * the held one had off), which cancels the removal as re-adding the license does. Refused when nothing of that
     * product is pending removal for the user, and for every reason a direct assignment of it would be refused:
     * it is one ({@link UserLicensing#assign(Caller, UserRef, List, List, boolean)}), decided on the user as locked.
     * Answers the user's pending removals left. A removal freed between the look and the assignment makes it a plain
     * direct assignment, decided by the same rules. A caller whose role is scoped to administrative units is
     * refused (403) for a user outside its units, whether the user exists or not, before anything else is said of it.
     */
    public Outcome<UserRemovals> cancel(Caller caller, UserRef named, String skuIdOrPartNumber) {
        record Looked(Catalog products, Optional<Assignments.Held> user) {}
        Looked looked = transactions.read(() -> new Looked(
                catalog.forTenant(caller.tenant()), assignments.userWithAssignments(caller.tenant(), named, users)));
        if (!caller.scope().tenantWide()
                && looked.user()
                        .filter(held -> guard.reaches(caller, held.user().id().value()))
                        .isEmpty()) {
            return Outcome.refused(ScopeGuard.refusal());
        }
        if (looked.user().isEmpty()) {
            return Outcome.refused(Rejection.notFound(named));
        }
        Optional<Product> product = looked.products().lookup(skuIdOrPartNumber);
        if (product.isEmpty()) {
            return Outcome.refused(Rejection.notFound(skuIdOrPartNumber));
        }
        SkuId sku = product.get().skuId();
        Optional<LicenseAssignment> pending = looked.user().get().assignments().stream()
                .filter(a -> a.sku().equals(sku) && a.isPendingRemoval())
                .findFirst();
        if (pending.isEmpty()) {
            return Outcome.refused(Rejection.of(
                    ErrorCode.LICENSE_NOT_ASSIGNED,
                    "%s is not pending removal from this user.",
                    product.get().label()));
        }
        List<AssignedLicense> keep =
                List.of(new AssignedLicense(sku, pending.get().disabledPlans()));
        return licensing
                .assign(caller, UserRef.of(looked.user().get().user().id()), keep, List.of(), false)
                .map(after -> removalsOf(
                        looked.products(), after.user(), after.licenses().assignments()));
    }

    /** The product's days and pending removals, read in the caller's unit of work. */
    ProductRemovals ofProductRead(TenantId tenant, Product product) {
        List<Pending> pending = graces.pending(tenant, product.skuId(), MAX_LISTED).stream()
                .map(h -> new Pending(
                        h.user(), h.userPrincipalName(), product.skuId(), product.skuPartNumber(), h.source(), h.at()))
                .toList();
        return new ProductRemovals(product, graces.days(tenant).getOrDefault(product.skuId(), 0), pending);
    }

    /** The user's assignments pending removal, the earliest freed first. */
    private static UserRemovals removalsOf(Catalog products, User user, List<LicenseAssignment> assignments) {
        List<Pending> pending = assignments.stream()
                .filter(LicenseAssignment::isPendingRemoval)
                .sorted(Comparator.comparing(LicenseAssignment::pendingRemovalAt))
                .map(a -> new Pending(
                        user.id(),
                        user.userPrincipalName(),
                        a.sku(),
                        products.find(a.sku()).map(Product::skuPartNumber).orElse(null),
                        a.source(),
                        a.pendingRemovalAt()))
                .toList();
        return new UserRemovals(user, pending);
    }
}
