package org.allot.core.assignment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
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
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * Allotments (docs/delegation.md#allotments): a SKU's seats split into capped pools, each owned by an administrative
 * unit or a group, and the remainder. Their changes: creating, changing and deleting a pool, and naming the pool a
 * group's assignment draws from, are for tenant-wide administrators (listing the pools with their figures, open to
 * every reader, is {@link AllotmentFigures}'). The caps of a SKU's pools together never exceed its enabled seats when
 * they are set. Every change is made under the tenant's licensing lock taken alone and recomputes the users who hold or
 * wait for the SKU through the engine ({@link AllotmentUsers}), so that holders move to their pool when it has room,
 * waiting users wait in theirs, and freed seats go to the right waiting list.
 */
public final class SeatAllotments {
    private final Transactions transactions;
    private final TenantLocks locks;
    private final Allotments allotments;
    private final Seats seats;
    private final ProductCatalog catalog;
    private final Groups groups;
    private final GroupLicenses groupLicenses;
    private final BiPredicate<TenantId, UUID> unitExists;
    private final AllotmentUsers users;
    private final AuditLog audit;
    private final Clock clock;

    SeatAllotments(
            Transactions transactions,
            TenantLocks locks,
            Allotments allotments,
            Seats seats,
            ProductCatalog catalog,
            Groups groups,
            GroupLicenses groupLicenses,
            BiPredicate<TenantId, UUID> unitExists,
            AllotmentUsers users,
            AuditLog audit,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.locks = Objects.requireNonNull(locks);
        this.allotments = Objects.requireNonNull(allotments);
        this.seats = Objects.requireNonNull(seats);
        this.catalog = Objects.requireNonNull(catalog);
        this.groups = Objects.requireNonNull(groups);
        this.groupLicenses = Objects.requireNonNull(groupLicenses);
        this.unitExists = Objects.requireNonNull(unitExists);
        this.users = Objects.requireNonNull(users);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The pool the group's assignment of the SKU names, if any; empty too when the tenant has no such product. */
    public Outcome<Optional<AllotmentId>> named(TenantId tenant, GroupId group, String skuIdOrPartNumber) {
        return transactions.read(() -> assignedBy(tenant, group, skuIdOrPartNumber)
                .map(product -> allotments.book(tenant).named(group, product.skuId())));
    }

    /** The product the group assigns, or why not: no such group, no such product, or the group does not assign it. */
    private Outcome<Product> assignedBy(TenantId tenant, GroupId group, String skuIdOrPartNumber) {
        if (groups.find(tenant, group).isEmpty()) {
            return Outcome.refused(Rejection.notFound(group));
        }
        Optional<Product> product = catalog.forTenant(tenant).lookup(skuIdOrPartNumber);
        if (product.isEmpty()) {
            return Outcome.refused(Rejection.notFound(skuIdOrPartNumber));
        }
        SkuId sku = product.get().skuId();
        boolean assigns = groupLicenses.of(tenant, group).stream()
                .anyMatch(l -> l.license().skuId().equals(sku));
        if (!assigns) {
            return Outcome.refused(Rejection.of(
                    ErrorCode.LICENSE_NOT_ASSIGNED,
                    "The group does not assign %s: assign the license to the group before naming its allotment.",
                    product.get().skuPartNumber()));
        }
        return Outcome.done(product.get());
    }

    /** Adds a pool to the SKU and recomputes its holders and waiting users. */
    public Outcome<Allotment> create(Caller caller, String skuIdOrPartNumber, AllotmentChange change) {
        return changing(caller, () -> {
            Optional<Product> product = catalog.forTenant(caller.tenant()).lookup(skuIdOrPartNumber);
            if (product.isEmpty()) {
                return Outcome.refused(Rejection.notFound(skuIdOrPartNumber));
            }
            if (change.displayName().isEmpty()
                    || change.owner().isEmpty()
                    || change.cap().isEmpty()) {
                return Outcome.refused(Rejection.invalid("An allotment needs a displayName, an owner and a cap."));
            }
            SkuId sku = product.get().skuId();
            List<Allotment> pools = allotments.book(caller.tenant()).of(sku);
            Allotment pool = new Allotment(
                    AllotmentId.random(),
                    sku,
                    change.displayName().get().strip(),
                    change.owner().get(),
                    change.cap().get(),
                    pools.size() + 1);
            return save(caller, pools, null, pool, change.position(), Activity.ADD_ALLOTMENT);
        });
    }

    /** Changes a pool's name, owner, cap or place, and recomputes the SKU's holders and waiting users. */
    public Outcome<Allotment> update(Caller caller, AllotmentId id, AllotmentChange change) {
        return onPool(caller, id, before -> {
            Allotment after = before;
            after = change.displayName()
                    .map(String::strip)
                    .map(after::withDisplayName)
                    .orElse(after);
            after = change.owner().map(after::withOwner).orElse(after);
            after = change.cap().map(after::withCap).orElse(after);
            List<Allotment> pools = allotments.book(caller.tenant()).of(before.sku());
            return save(caller, pools, before, after, change.position(), Activity.UPDATE_ALLOTMENT);
        });
    }

    /**
     * Deletes a pool: its holders count in the remainder from now on, its waiting users wait there. The pool's figures
     * go with it, and removing them locks them: the SKU's holders and waiting users, then its seat row and its pools'
     * figures are locked first, in the lock order, so that the deletion never holds a pool's figures while it waits for
     * the seat row that a unit of work changing the SKU's seats holds before it locks them.
     */
    public Outcome<Allotment> delete(Caller caller, AllotmentId id) {
        return onPool(caller, id, pool -> {
            TenantId tenant = caller.tenant();
            List<UserId> concerned = users.withSku(tenant, pool.sku());
            users.lock(tenant, concerned);
            seats.lock(tenant, pool.sku());
            allotments.lock(tenant, pool.sku());
            allotments.remove(tenant, id);
            renumber(tenant, allotments.book(tenant).of(pool.sku()), null, 0);
            auditChange(caller, Activity.DELETE_ALLOTMENT, pool, List.of(PropertyChange.of("cap", pool.cap(), null)));
            users.reinherit(caller, concerned);
            return Outcome.done(pool);
        });
    }

    /** Runs {@code change} on the pool in one unit of work, once the caller may change pools and the pool exists. */
    private Outcome<Allotment> onPool(Caller caller, AllotmentId id, Function<Allotment, Outcome<Allotment>> change) {
        return changing(caller, () -> allotments
                .find(caller.tenant(), id)
                .map(change)
                .orElseGet(() -> Outcome.refused(Rejection.notFound(id))));
    }

    /**
     * Names the pool the group's assignment of the SKU draws from (empty: none, the members draw as their units say),
     * and recomputes the users who get the SKU through the group.
     */
    public Outcome<Optional<AllotmentId>> nameForGroup(
            Caller caller, GroupId group, String skuIdOrPartNumber, Optional<AllotmentId> pool) {
        return changing(caller, () -> {
            Outcome<Product> product = assignedBy(caller.tenant(), group, skuIdOrPartNumber);
            if (!product.isDone()) {
                return Outcome.refused(product.rejection());
            }
            SkuId sku = product.value().skuId();
            if (pool.isPresent()) {
                Optional<Allotment> named = allotments.find(caller.tenant(), pool.get());
                if (named.isEmpty() || !named.get().sku().equals(sku)) {
                    return Outcome.refused(Rejection.invalid(
                            "Allotment %s is not an allotment of %s.",
                            pool.get(), product.value().skuPartNumber()));
                }
            }
            allotments.name(caller.tenant(), group, sku, pool);
            audit.append(AuditEvent.of(
                    caller,
                    clock.instant(),
                    Activity.SET_GROUP_LICENSE,
                    List.of(
                            AuditTarget.group(
                                    group.value(),
                                    groups.find(caller.tenant(), group)
                                            .orElseThrow()
                                            .displayName()),
                            AuditTarget.other("Product", sku, product.value().skuPartNumber())),
                    List.of(PropertyChange.of(
                            "allotmentId", null, pool.map(AllotmentId::toString).orElse(null)))));
            users.reinherit(caller, users.throughGroup(caller.tenant(), group));
            return Outcome.done(pool);
        });
    }

    /**
     * Users who joined or left an administrative unit: their seats of SKUs that units' pools split are drawn anew
     * ({@link PoolBook#choose}), in the caller's unit of work, under the tenant's licensing lock shared.
     */
    public void unitMembersMoved(Caller caller, Collection<UserId> moved) {
        PoolBook book = allotments.book(caller.tenant());
        if (book.isEmpty() || moved.isEmpty()) {
            return;
        }
        locks.share(caller.tenant());
        users.reinherit(caller, moved);
    }

    /** Runs {@code change} in one unit of work, once the caller may change pools, under the licensing lock alone. */
    private <T> Outcome<T> changing(Caller caller, Supplier<Outcome<T>> change) {
        return transactions.run(() -> {
            Optional<Rejection> refused = ScopeGuard.TENANT_ONLY.toChangeTenant(caller);
            if (refused.isPresent()) {
                return Outcome.refused(refused.get());
            }
            locks.exclusive(caller.tenant());
            return change.get();
        });
    }

    private Outcome<Allotment> save(
            Caller caller,
            List<Allotment> pools,
            Allotment before,
            Allotment after,
            Optional<Integer> position,
            Activity activity) {
        Optional<Rejection> invalid =
                AllotmentRules.check(caller.tenant(), pools, before, after, position, this::exists);
        if (invalid.isEmpty()) {
            int enabled = seats.all(caller.tenant())
                    .getOrDefault(after.sku(), SeatCount.EMPTY)
                    .prepaid()
                    .enabled();
            invalid = AllotmentRules.fits(pools, before, after, enabled, productLabel(caller.tenant(), after.sku()));
        }
        if (invalid.isPresent()) {
            return Outcome.refused(invalid.get());
        }
        if (before == null) {
            allotments.add(caller.tenant(), after);
        } else {
            allotments.update(caller.tenant(), after);
        }
        int place = position.orElse(before == null ? pools.size() + 1 : before.position());
        List<Allotment> others = new ArrayList<>(pools);
        others.removeIf(p -> p.id().equals(after.id()));
        Allotment placed = renumber(caller.tenant(), others, after, place);
        auditChange(caller, activity, placed, AllotmentRules.changes(before, placed));
        users.recompute(caller, after.sku());
        return Outcome.done(placed);
    }

    /** Numbers the SKU's pools 1, 2, … in their order, with {@code moved} (if any) at {@code place}. */
    private Allotment renumber(TenantId tenant, List<Allotment> others, Allotment moved, int place) {
        List<Allotment> ordered = new ArrayList<>(others);
        ordered.sort(PoolBook.ORDER);
        if (moved != null) {
            ordered.add(Math.max(0, Math.min(place - 1, ordered.size())), moved);
        }
        Allotment placed = moved;
        for (int i = 0; i < ordered.size(); i++) {
            Allotment a = ordered.get(i);
            boolean isMoved = moved != null && a.id().equals(moved.id());
            if (a.position() != i + 1 || isMoved) {
                Allotment renumbered = a.withPosition(i + 1);
                allotments.update(tenant, renumbered);
                if (isMoved) {
                    placed = renumbered;
                }
            }
        }
        return placed;
    }

    private boolean exists(TenantId tenant, Allotment.Owner owner) {
        return owner.kind() == Allotment.Kind.GROUP
                ? groups.find(tenant, new GroupId(owner.id())).isPresent()
                : unitExists.test(tenant, owner.id());
    }

    private String productLabel(TenantId tenant, SkuId sku) {
        return catalog.forTenant(tenant).productLabel(sku);
    }

    private void auditChange(Caller caller, Activity activity, Allotment pool, List<PropertyChange> changes) {
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                activity,
                List.of(
                        AuditTarget.other("Allotment", pool.id(), pool.displayName()),
                        AuditTarget.other("Product", pool.sku(), productLabel(caller.tenant(), pool.sku()))),
                changes));
    }
}
