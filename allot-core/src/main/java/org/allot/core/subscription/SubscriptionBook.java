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
import java.util.function.UnaryOperator;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
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
 * ({@link CapacityLoss}). The book checks each addition or change and owns its unit of work; {@link CapacityChanges}
 * writes it and carries it through to the product's seats.
 */
public final class SubscriptionBook {
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
    private final SubscriptionLifecycle lifecycle;
    private final LifecycleSettings settings;
    private final CapacityChanges changes;

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
        this.transactions = Objects.requireNonNull(transactions);
        this.catalog = Objects.requireNonNull(catalog);
        this.subscriptions = Objects.requireNonNull(subscriptions);
        this.seats = Objects.requireNonNull(seats);
        this.lifecycle = Objects.requireNonNull(lifecycle);
        this.changes = new CapacityChanges(catalog, subscriptions, seats, audit, listener, lifecycle, clocks, loss);
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
        return changes.add(caller, subscription, product.get());
    }

    public Outcome<Subscription> setSeats(Caller caller, SubscriptionId id, int seatCount) {
        return changes.afterCommit(caller, transactions.run(() -> setSeatsNow(caller, id, seatCount)));
    }

    private Outcome<Subscription> setSeatsNow(Caller caller, SubscriptionId id, int seatCount) {
        if (seatCount < 0 || seatCount > MAX_SEATS) {
            return Outcome.refused(
                    Rejection.invalid("A subscription has 0 to %d seats, not %d.", MAX_SEATS, seatCount));
        }
        return changes.change(caller, id, s -> s.withTotalLicenses(seatCount));
    }

    public Outcome<Subscription> setStatus(Caller caller, SubscriptionId id, SubscriptionStatus status) {
        return changes.afterCommit(caller, transactions.run(() -> setStatusNow(caller, id, status)));
    }

    private Outcome<Subscription> setStatusNow(Caller caller, SubscriptionId id, SubscriptionStatus status) {
        if (status == null) {
            return Outcome.refused(Rejection.invalid("status is required."));
        }
        return changes.change(caller, id, s -> s.withStatus(status));
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
        return changes.afterCommit(caller, transactions.run(() -> {
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
                outcome = changes.change(
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
        return changes.afterCommit(
                caller,
                transactions.run(() -> changes.change(
                        caller, id, s -> lifecycleOf(caller.tenant()).advanced(s, lifecycle.now()))));
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
}
