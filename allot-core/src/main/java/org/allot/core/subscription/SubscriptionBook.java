package org.allot.core.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;

/**
 * Adds subscriptions and changes their seats and status. Freed or added seats go to the waiting list at once. Seats
 * lowered below what is in use show as overage and start the product's overage clock ({@link OverageClocks}): seats
 * are taken back only when its grace period has passed. A subscription deleted (by the calendar or by hand) no longer
 * counts, and the holders beyond what is left lose their seat at once, once its unit of work has ended
 * ({@link CapacityLoss}).
 */
public final class SubscriptionBook {
    private static final System.Logger LOG = System.getLogger(SubscriptionBook.class.getName());

    public static final int MAX_SEATS = 10_000_000;
    /**
     * Graph counts seats in 32 bits ({@code prepaidUnits}, {@code consumedUnits}, {@code totalLicenses}), so the seats
     * of a product over all its subscriptions, whatever their status, stay within this.
     */
    public static final long MAX_SEATS_PER_PRODUCT = Integer.MAX_VALUE;

    private final Transactions transactions;
    private final ProductCatalog catalog;
    private final Subscriptions subscriptions;
    private final Seats seats;
    private final AuditLog audit;
    private final CapacityListener listener;
    private final SubscriptionLifecycle lifecycle;
    private final LifecycleSettings settings;
    private final OverageClocks clocks;
    private final CapacityLoss loss;

    public SubscriptionBook(
            Transactions transactions,
            ProductCatalog catalog,
            Subscriptions subscriptions,
            Seats seats,
            AuditLog audit,
            CapacityListener listener,
            SubscriptionLifecycle lifecycle,
            LifecycleSettings settings,
            OverageClocks clocks,
            CapacityLoss loss) {
        this.settings = Objects.requireNonNull(settings);
        this.clocks = Objects.requireNonNull(clocks);
        this.loss = Objects.requireNonNull(loss);
        this.transactions = Objects.requireNonNull(transactions);
        this.catalog = Objects.requireNonNull(catalog);
        this.subscriptions = Objects.requireNonNull(subscriptions);
        this.seats = Objects.requireNonNull(seats);
        this.audit = Objects.requireNonNull(audit);
        this.listener = Objects.requireNonNull(listener);
        this.lifecycle = Objects.requireNonNull(lifecycle);
    }

    /** Adds a subscription of {@code seatCount} seats to a product of the tenant's catalogue. */
    public Outcome<Subscription> add(
            Caller caller, SkuId sku, int seatCount, SubscriptionStatus status, boolean trial, Instant nextLifecycle) {
        return add(caller, sku, seatCount, status, trial, nextLifecycle, SubscriptionTerms.OPEN);
    }

    /**
     * Adds a subscription bought on {@code terms}: one with an end date gets the status and next lifecycle date the
     * calendar gives it now ({@link SubscriptionLifecycle}), instead of {@code nextLifecycle}.
     */
    public Outcome<Subscription> add(
            Caller caller,
            SkuId sku,
            int seatCount,
            SubscriptionStatus status,
            boolean trial,
            Instant nextLifecycle,
            SubscriptionTerms terms) {
        return transactions.run(() -> addNow(caller, sku, seatCount, status, trial, nextLifecycle, terms));
    }

    private Outcome<Subscription> addNow(
            Caller caller,
            SkuId sku,
            int seatCount,
            SubscriptionStatus status,
            boolean trial,
            Instant nextLifecycle,
            SubscriptionTerms terms) {
        Catalog products = catalog.forTenant(caller.tenant());
        Optional<Product> product = products.find(sku);
        if (product.isEmpty()) {
            return Outcome.refused(Rejection.invalid("%s is not a product of the catalogue.", sku));
        }
        if (seatCount < 0 || seatCount > MAX_SEATS) {
            return Outcome.refused(
                    Rejection.invalid("A subscription has 0 to %d seats, not %d.", MAX_SEATS, seatCount));
        }
        if (status == null || status == SubscriptionStatus.Deleted) {
            return Outcome.refused(
                    Rejection.invalid("A new subscription is Enabled, Warning, Suspended or LockedOut."));
        }
        Optional<Rejection> badTerms = lifecycle.check(terms);
        if (badTerms.isPresent()) {
            return Outcome.refused(badTerms.get());
        }
        SubscriptionLifecycle calendar = lifecycleOf(caller.tenant());
        seats.lock(caller.tenant(), sku);
        Optional<Rejection> beyond =
                SeatLimit.beyond(product.get(), subscriptions.ofSku(caller.tenant(), sku), null, seatCount);
        if (beyond.isPresent()) {
            return Outcome.refused(beyond.get());
        }
        Instant now = lifecycle.now();
        Subscription subscription = calendar.advanced(
                new Subscription(
                        new SubscriptionId(UUID.randomUUID()),
                        sku,
                        seatCount,
                        status,
                        trial,
                        now,
                        nextLifecycle,
                        terms),
                now);
        subscriptions.add(caller.tenant(), subscription);
        recount(caller.tenant(), sku);
        audit.append(AuditEvent.of(
                caller,
                lifecycle.now(),
                Activity.ADD_SUBSCRIPTION,
                SubscriptionChanges.target(subscription, product.get()),
                SubscriptionChanges.added(subscription)));
        listener.capacityChanged(caller, sku);
        return Outcome.done(subscription);
    }

    public Outcome<Subscription> setSeats(Caller caller, SubscriptionId id, int seatCount) {
        return afterCommit(caller, transactions.run(() -> setSeatsNow(caller, id, seatCount)));
    }

    private Outcome<Subscription> setSeatsNow(Caller caller, SubscriptionId id, int seatCount) {
        if (seatCount < 0 || seatCount > MAX_SEATS) {
            return Outcome.refused(
                    Rejection.invalid("A subscription has 0 to %d seats, not %d.", MAX_SEATS, seatCount));
        }
        return change(caller, id, s -> s.withTotalLicenses(seatCount));
    }

    public Outcome<Subscription> setStatus(Caller caller, SubscriptionId id, SubscriptionStatus status) {
        return afterCommit(caller, transactions.run(() -> setStatusNow(caller, id, status)));
    }

    private Outcome<Subscription> setStatusNow(Caller caller, SubscriptionId id, SubscriptionStatus status) {
        if (status == null) {
            return Outcome.refused(Rejection.invalid("status is required."));
        }
        return change(caller, id, s -> s.withStatus(status));
    }

    /**
     * Changes a subscription's seats, its status or both, in one unit of work (seats first): refused as a whole when
     * either is refused.
     */
    public Outcome<Subscription> change(
            Caller caller, SubscriptionId id, Integer seatCount, SubscriptionStatus status) {
        return change(caller, id, seatCount, status, null);
    }

    /**
     * Changes a subscription's seats, status and terms ({@code terms} gives the new terms from the current ones; null
     * leaves them), in one unit of work: refused as a whole when any is refused. Changing the end date or auto-renew
     * puts the status where the calendar says ({@link SubscriptionLifecycle#renewed}); a deleted subscription's terms
     * do not change.
     */
    public Outcome<Subscription> change(
            Caller caller,
            SubscriptionId id,
            Integer seatCount,
            SubscriptionStatus status,
            UnaryOperator<SubscriptionTerms> terms) {
        return afterCommit(caller, transactions.run(() -> {
            Optional<Rejection> early = terms == null // checked first too: nothing changes before a refusal
                    ? Optional.empty()
                    : subscriptions.find(caller.tenant(), id).flatMap(s -> termsRefused(s, terms));
            if (early.isPresent()) {
                return Outcome.refused(early.get());
            }
            Outcome<Subscription> outcome = seatCount == null ? Outcome.done(null) : setSeatsNow(caller, id, seatCount);
            if (outcome.isDone() && status != null) {
                outcome = setStatusNow(caller, id, status);
            }
            if (outcome.isDone() && terms != null) {
                outcome = change(
                        caller,
                        id,
                        s -> lifecycleOf(caller.tenant()).renewed(s, terms.apply(s.terms()), lifecycle.now()),
                        s -> termsRefused(s, terms));
            }
            return outcome.isDone() && outcome.value() == null
                    ? Outcome.refused(Rejection.invalid("Nothing to change."))
                    : outcome;
        }));
    }

    private Optional<Rejection> termsRefused(Subscription s, UnaryOperator<SubscriptionTerms> terms) {
        if (s.status() == SubscriptionStatus.Deleted) {
            return Optional.of(Rejection.invalid("A deleted subscription's terms do not change: add a new one."));
        }
        return lifecycle.check(terms.apply(s.terms()));
    }

    /**
     * Moves a subscription along its calendar ({@link SubscriptionLifecycle#advanced}) as of now, under its product's
     * seat lock: nothing happens, and nothing is audited, when it is already where the calendar says, so running it
     * again, or on several servers at once, changes it once.
     */
    public Outcome<Subscription> followCalendar(Caller caller, SubscriptionId id) {
        return afterCommit(
                caller,
                transactions.run(() ->
                        change(caller, id, s -> lifecycleOf(caller.tenant()).advanced(s, lifecycle.now()))));
    }

    /**
     * Once a change that left the subscription deleted has committed: the holders beyond what the product has left
     * lose their seat ({@link CapacityLoss}), in a unit of work of its own; nothing when none is beyond.
     */
    private Outcome<Subscription> afterCommit(Caller caller, Outcome<Subscription> outcome) {
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

    private SubscriptionLifecycle lifecycleOf(TenantId tenant) {
        return lifecycle.with(settings.of(tenant));
    }

    /** The tenant's subscriptions, every status included. */
    public List<Subscription> subscriptions(TenantId tenant) {
        return transactions.read(() -> subscriptions.all(tenant));
    }

    /** The subscriptions of one product, every status included. */
    public List<Subscription> subscriptionsOf(TenantId tenant, SkuId sku) {
        return transactions.read(() -> subscriptions.ofSku(tenant, sku));
    }

    public Optional<Subscription> subscription(TenantId tenant, SubscriptionId id) {
        return transactions.read(() -> subscriptions.find(tenant, id));
    }

    /** Every product the tenant has subscriptions for, in catalogue order of part number. */
    public List<SubscribedSku> subscribedSkus(TenantId tenant) {
        return transactions.read(() -> subscribedSkusRead(tenant));
    }

    private List<SubscribedSku> subscribedSkusRead(TenantId tenant) {
        Catalog products = catalog.forTenant(tenant);
        Map<SkuId, List<SubscriptionId>> ids = new LinkedHashMap<>();
        for (Subscription s : subscriptions.all(tenant)) {
            ids.computeIfAbsent(s.skuId(), k -> new ArrayList<>()).add(s.id());
        }
        Map<SkuId, SeatCount> counts = seats.all(tenant);
        List<SubscribedSku> result = new ArrayList<>();
        ids.forEach((sku, subs) -> products.find(sku)
                .ifPresent(p -> result.add(new SubscribedSku(p, counts.getOrDefault(sku, SeatCount.EMPTY), subs))));
        result.sort(Comparator.comparing(s -> s.product().skuPartNumber()));
        return result;
    }

    public Optional<SubscribedSku> subscribedSku(TenantId tenant, SkuId sku) {
        return transactions.read(() -> subscribedSkuRead(tenant, sku));
    }

    private Optional<SubscribedSku> subscribedSkuRead(TenantId tenant, SkuId sku) {
        return subscribedSkus(tenant).stream()
                .filter(s -> s.product().skuId().equals(sku))
                .findFirst();
    }

    private Outcome<Subscription> change(Caller caller, SubscriptionId id, UnaryOperator<Subscription> change) {
        return change(caller, id, change, s -> Optional.empty());
    }

    private Outcome<Subscription> change(
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
