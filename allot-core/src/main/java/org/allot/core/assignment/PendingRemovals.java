package org.allot.core.assignment;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
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
    private final Assignments assignments;
    private final RemovalGraces graces;
    private final ProductCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;

    PendingRemovals(
            Transactions transactions,
            Reconciler reconciler,
            TenantLocks locks,
            Users users,
            Assignments assignments,
            RemovalGraces graces,
            ProductCatalog catalog,
            AuditLog audit,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.reconciler = Objects.requireNonNull(reconciler);
        this.locks = Objects.requireNonNull(locks);
        this.users = Objects.requireNonNull(users);
        this.assignments = Objects.requireNonNull(assignments);
        this.graces = Objects.requireNonNull(graces);
        this.catalog = Objects.requireNonNull(catalog);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Frees every pending removal that is due, each user in a unit of work of their own (under the tenant's licensing
     * lock and the user's), and serves the waiting lists at once; returns how many users were evaluated. Idempotent and
     * safe on every server at once: a removal already freed is no longer pending, and evaluating the user again
     * changes nothing.
     */
    public int freeDue() {
        int freed = 0;
        Set<RemovalGraces.Due> seen = new HashSet<>();
        List<RemovalGraces.Due> due;
        do {
            due = transactions.read(() -> graces.dueBy(clock.instant(), PAGE));
            boolean progress = false;
            for (RemovalGraces.Due d : due) {
                if (!seen.add(d)) {
                    continue; // evaluated in this run already (another server may still hold the user): next run
                }
                progress = true;
                transactions.run(() -> {
                    locks.share(d.tenant());
                    Caller caller = Caller.of(d.tenant(), REMOVAL_GRACE);
                    reconciler.apply(reconciler.begin(caller), List.of(d.user()), Changes.NONE);
                    return null;
                });
                freed++;
            }
            if (!progress) {
                break;
            }
        } while (due.size() == PAGE);
        return freed;
    }

    /** The most users {@link #ofProduct} lists. */
    public static final int MAX_LISTED = 1000;

    /** A product, the days it holds removals, and the users whose license of it is pending removal. */
    public record ProductRemovals(Product product, int days, List<RemovalGraces.Held> pending) {}

    /** The product's days and pending removals ({@link #MAX_LISTED} at most); empty for an unknown product. */
    public Optional<ProductRemovals> ofProduct(TenantId tenant, String skuIdOrPartNumber) {
        return transactions.read(
                () -> catalog.forTenant(tenant).lookup(skuIdOrPartNumber).map(p -> ofProductRead(tenant, p)));
    }

    /** The product's days and pending removals, read in the caller's unit of work. */
    ProductRemovals ofProductRead(TenantId tenant, Product product) {
        return new ProductRemovals(
                product,
                graces.days(tenant).getOrDefault(product.skuId(), 0),
                graces.pending(tenant, product.skuId(), MAX_LISTED));
    }

    /** A user and their assignments pending removal, the earliest freed first. */
    public record UserRemovals(User user, List<LicenseAssignment> pending) {}

    /** The user's assignments pending removal; empty for an unknown user. */
    public Optional<UserRemovals> ofUser(TenantId tenant, UserRef user) {
        return transactions.read(() -> assignments
                .userWithAssignments(tenant, user, users)
                .map(held -> new UserRemovals(
                        held.user(),
                        held.assignments().stream()
                                .filter(LicenseAssignment::isPendingRemoval)
                                .sorted(Comparator.comparing(LicenseAssignment::pendingRemovalAt))
                                .toList())));
    }

    /** The SKUs of the tenant that hold removals, with their days. */
    public Map<SkuId, Integer> days(TenantId tenant) {
        return transactions.read(() -> new TreeMap<>(graces.days(tenant)));
    }

    /** Sets how many days removals of a product are held (0: freed at once), with an audit record of the change. */
    public Outcome<Integer> setDays(Caller caller, String skuIdOrPartNumber, int days) {
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
            return Outcome.done(days);
        });
    }

    /**
     * Undoes the pending removal of a product from a user: the user keeps it as a direct assignment (with the plans
     * the held one had off), which cancels the removal as re-adding the license does. Refused when nothing of that
     * product is pending removal for the user.
     */
    public Outcome<UserLicenses> cancel(Caller caller, UserRef named, String skuIdOrPartNumber) {
        return transactions.run(() -> {
            locks.share(caller.tenant());
            Optional<User> user = named.find(caller.tenant(), users);
            if (user.isEmpty()) {
                return Outcome.refused(Rejection.notFound(named));
            }
            Optional<Product> product = catalog.forTenant(caller.tenant()).lookup(skuIdOrPartNumber);
            if (product.isEmpty()) {
                return Outcome.refused(Rejection.notFound(skuIdOrPartNumber));
            }
            if (user.get().usageLocation() == null) {
                return Outcome.refused(ErrorCode.INVALID_USAGE_LOCATION, Reasons.invalidUsageLocation());
            }
            UserId id = user.get().id();
            SkuId sku = product.get().skuId();
            Assignments.Locked locked = assignments.lockWithAssignments(caller.tenant(), List.of(id));
            Optional<LicenseAssignment> pending = locked.assignments().getOrDefault(id, List.of()).stream()
                    .filter(a -> a.sku().equals(sku) && a.isPendingRemoval())
                    .findFirst();
            if (pending.isEmpty()) {
                return Outcome.refused(Rejection.of(
                        ErrorCode.LICENSE_NOT_ASSIGNED,
                        "%s is not pending removal from this user.",
                        product.get().label()));
            }
            Change keep = Changes.direct(
                    List.of(new AssignedLicense(sku, pending.get().disabledPlans())), Set.of());
            Map<UserId, UserLicenses> after = reconciler.apply(reconciler.begin(caller), List.of(id), keep);
            return Outcome.done(after.get(id));
        });
    }
}
