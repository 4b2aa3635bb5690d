package org.allot.core.subscription;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;

/**
 * Writes a subscription added or changed, within the unit of work of {@link SubscriptionBook}, and what that does to
 * its product's capacity: the product's seats recounted under its seat lock, the overage clock ({@link
 * OverageClocks}), one audit record, the waiting list told ({@link CapacityListener}); and, once a change that left
 * the subscription deleted has committed, the holders beyond what is left losing their seat ({@link CapacityLoss}).
 */
final class CapacityChanges {
    private static final System.Logger LOG = System.getLogger(CapacityChanges.class.getName());

    private final ProductCatalog catalog;
    private final Subscriptions subscriptions;
    private final Seats seats;
    private final AuditLog audit;
    private final CapacityListener listener;
    private final SubscriptionLifecycle lifecycle;
    private final OverageClocks clocks;
    private final CapacityLoss loss;

    CapacityChanges(
            ProductCatalog catalog,
            Subscriptions subscriptions,
            Seats seats,
            AuditLog audit,
            CapacityListener listener,
            SubscriptionLifecycle lifecycle,
            OverageClocks clocks,
            CapacityLoss loss) {
        this.catalog = Objects.requireNonNull(catalog);
        this.subscriptions = Objects.requireNonNull(subscriptions);
        this.seats = Objects.requireNonNull(seats);
        this.audit = Objects.requireNonNull(audit);
        this.listener = Objects.requireNonNull(listener);
        this.lifecycle = Objects.requireNonNull(lifecycle);
        this.clocks = Objects.requireNonNull(clocks);
        this.loss = Objects.requireNonNull(loss);
    }

    /** Stores a new subscription of {@code product}, checked and under the product's seat lock, and counts it in. */
    Outcome<Subscription> add(Caller caller, Subscription subscription, Product product) {
        SkuId sku = subscription.skuId();
        subscriptions.add(caller.tenant(), subscription);
        recount(caller.tenant(), sku);
        audit.append(AuditEvent.of(
                caller,
                lifecycle.now(),
                Activity.ADD_SUBSCRIPTION,
                SubscriptionChanges.target(subscription, product),
                SubscriptionChanges.added(subscription)));
        listener.capacityChanged(caller, sku);
        return Outcome.done(subscription);
    }

    Outcome<Subscription> change(Caller caller, SubscriptionId id, UnaryOperator<Subscription> change) {
        return change(caller, id, change, s -> Optional.empty());
    }

    /**
     * Changes a subscription under its product's seat lock: {@code check} refuses it as it is under the lock; nothing
     * is written, nor audited, when {@code change} leaves it as it is.
     */
    Outcome<Subscription> change(
            Caller caller,
            SubscriptionId id,
            UnaryOperator<Subscription> change,
            Function<Subscription, Optional<Rejection>> check) {
        Optional<Subscription> found = subscriptions.find(caller.tenant(), id);
        if (found.isEmpty()) {
            return Outcome.refused(Rejection.notFound(id));
        }
        SkuId sku = found.get().skuId();
        seats.lock(caller.tenant(), sku);
        List<Subscription> ofSku = subscriptions.ofSku(caller.tenant(), sku);
        Subscription before =
                ofSku.stream().filter(s -> s.id().equals(id)).findFirst().orElse(found.get());
        Optional<Rejection> refused = check.apply(before);
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        Subscription after = change.apply(before);
        if (after.equals(before)) {
            return Outcome.done(before);
        }
        Product product = catalog.forTenant(caller.tenant()).find(sku).orElseThrow();
        Optional<Rejection> beyond = SeatLimit.beyond(product, ofSku, before, after.totalLicenses());
        if (beyond.isPresent()) {
            return Outcome.refused(beyond.get());
        }
        subscriptions.update(caller.tenant(), after);
        SeatCount was = seats.lock(caller.tenant(), sku);
        SeatCount count = recount(caller.tenant(), sku, was);
        followOverage(caller.tenant(), sku, before, after, was, count);
        audit.append(AuditEvent.of(
                caller,
                lifecycle.now(),
                Activity.UPDATE_SUBSCRIPTION,
                SubscriptionChanges.target(after, product),
                SubscriptionChanges.between(before, after)));
        listener.capacityChanged(caller, sku);
        return Outcome.done(after);
    }

    /**
     * Once a change that left the subscription deleted has committed: the holders beyond what the product has left
     * lose their seat ({@link CapacityLoss}), in a unit of work of its own; nothing when none is beyond.
     */
    Outcome<Subscription> afterCommit(Caller caller, Outcome<Subscription> outcome) {
        if (outcome.isDone() && outcome.value() != null && outcome.value().status() == SubscriptionStatus.Deleted) {
            try {
                loss.subscriptionDeleted(caller, outcome.value().skuId());
            } catch (RuntimeException e) {
                // the change is committed and says so; its product stays marked, and the step frees the seats
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Seats of deleted subscription " + outcome.value().id() + " not freed yet: " + e
                                + "; the overage step frees them");
            }
        }
        return outcome;
    }

    private SeatCount recount(TenantId tenant, SkuId sku) {
        return recount(tenant, sku, seats.lock(tenant, sku));
    }

    /** The product's seat figures, locked ({@code locked}), with the seats of its subscriptions as they are now. */
    private SeatCount recount(TenantId tenant, SkuId sku, SeatCount locked) {
        SeatCount count = locked.withPrepaid(LicenseUnits.of(subscriptions.ofSku(tenant, sku)));
        seats.save(tenant, sku, count);
        return count;
    }

    /**
     * The overage clock, under the product's seat lock: seats lowered on a subscription that is not deleted, below
     * what is in use, start it (the grace period runs from the first cut; a clock left running although nobody was
     * beyond capacity before this cut starts again); a subscription deleted with holders beyond capacity marks them
     * to be taken back at once ({@link OverageClocks#deleted}); once nobody is beyond capacity the clock stops.
     */
    private void followOverage(
            TenantId tenant, SkuId sku, Subscription before, Subscription after, SeatCount was, SeatCount count) {
        if (clocks.stopOnceSettled(tenant, sku, count)) {
            return;
        }
        if (after.status() == SubscriptionStatus.Deleted && before.status() != SubscriptionStatus.Deleted) {
            clocks.deleted(tenant, sku, lifecycle.now());
        } else if (after.totalLicenses() < before.totalLicenses()) {
            // nobody was beyond capacity before the cut: a clock still running is one the step has not stopped yet
            clocks.stopOnceSettled(tenant, sku, was);
            clocks.start(tenant, sku, lifecycle.now());
        }
    }
}
