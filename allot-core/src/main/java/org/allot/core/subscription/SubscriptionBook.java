package org.allot.core.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
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
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;

/**
 * Adds subscriptions and changes their seats and status. Capacity changes never take a license away: lowering seats
 * below what is in use shows as overage, and freed or added seats go to the waiting list at once.
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
    private final AuditLog audit;
    private final CapacityListener listener;
    private final Clock clock;

    public SubscriptionBook(
            Transactions transactions,
            ProductCatalog catalog,
            Subscriptions subscriptions,
            Seats seats,
            AuditLog audit,
            CapacityListener listener,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.catalog = Objects.requireNonNull(catalog);
        this.subscriptions = Objects.requireNonNull(subscriptions);
        this.seats = Objects.requireNonNull(seats);
        this.audit = Objects.requireNonNull(audit);
        this.listener = Objects.requireNonNull(listener);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Adds a subscription of {@code seatCount} seats to a product of the tenant's catalogue. */
    public Outcome<Subscription> add(
            Caller caller, SkuId sku, int seatCount, SubscriptionStatus status, boolean trial, Instant nextLifecycle) {
        return transactions.run(() -> addNow(caller, sku, seatCount, status, trial, nextLifecycle));
    }

    private Outcome<Subscription> addNow(
            Caller caller, SkuId sku, int seatCount, SubscriptionStatus status, boolean trial, Instant nextLifecycle) {
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
        seats.lock(caller.tenant(), sku);
        Optional<Rejection> beyond =
                beyondLimit(product.get(), subscriptions.ofSku(caller.tenant(), sku), null, seatCount);
        if (beyond.isPresent()) {
            return Outcome.refused(beyond.get());
        }
        Subscription subscription = new Subscription(
                new SubscriptionId(UUID.randomUUID()), sku, seatCount, status, trial, clock.instant(), nextLifecycle);
        subscriptions.add(caller.tenant(), subscription);
        recount(caller.tenant(), sku);
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.ADD_SUBSCRIPTION,
                target(subscription, product.get()),
                List.of(
                        PropertyChange.of("totalLicenses", null, seatCount),
                        PropertyChange.of("status", null, status))));
        listener.capacityChanged(caller, sku);
        return Outcome.done(subscription);
    }

    public Outcome<Subscription> setSeats(Caller caller, SubscriptionId id, int seatCount) {
        return transactions.run(() -> setSeatsNow(caller, id, seatCount));
    }

    private Outcome<Subscription> setSeatsNow(Caller caller, SubscriptionId id, int seatCount) {
        if (seatCount < 0 || seatCount > MAX_SEATS) {
            return Outcome.refused(
                    Rejection.invalid("A subscription has 0 to %d seats, not %d.", MAX_SEATS, seatCount));
        }
        return change(caller, id, s -> s.withTotalLicenses(seatCount), "totalLicenses");
    }

    public Outcome<Subscription> setStatus(Caller caller, SubscriptionId id, SubscriptionStatus status) {
        return transactions.run(() -> setStatusNow(caller, id, status));
    }

    private Outcome<Subscription> setStatusNow(Caller caller, SubscriptionId id, SubscriptionStatus status) {
        if (status == null) {
            return Outcome.refused(Rejection.invalid("status is required."));
        }
        return change(caller, id, s -> s.withStatus(status), "status");
    }

    /**
     * Changes a subscription's seats, its status or both, in one unit of work (seats first): refused as a whole when
     * either is refused.
     */
    public Outcome<Subscription> change(
            Caller caller, SubscriptionId id, Integer seatCount, SubscriptionStatus status) {
        return transactions.run(() -> {
            Outcome<Subscription> outcome =
                    seatCount == null ? setStatusNow(caller, id, status) : setSeatsNow(caller, id, seatCount);
            return outcome.isDone() && seatCount != null && status != null ? setStatusNow(caller, id, status) : outcome;
        });
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

    private Outcome<Subscription> change(
            Caller caller, SubscriptionId id, java.util.function.UnaryOperator<Subscription> change, String property) {
        Optional<Subscription> found = subscriptions.find(caller.tenant(), id);
        if (found.isEmpty()) {
            return Outcome.refused(Rejection.notFound(id));
        }
        SkuId sku = found.get().skuId();
        seats.lock(caller.tenant(), sku);
        List<Subscription> ofSku = subscriptions.ofSku(caller.tenant(), sku);
        Subscription before =
                ofSku.stream().filter(s -> s.id().equals(id)).findFirst().orElse(found.get());
        Subscription after = change.apply(before);
        if (after.equals(before)) {
            return Outcome.done(before);
        }
        Product product = catalog.forTenant(caller.tenant()).find(sku).orElseThrow();
        Optional<Rejection> beyond = beyondLimit(product, ofSku, before, after.totalLicenses());
        if (beyond.isPresent()) {
            return Outcome.refused(beyond.get());
        }
        subscriptions.update(caller.tenant(), after);
        recount(caller.tenant(), sku);
        Object old = property.equals("status") ? before.status() : before.totalLicenses();
        Object now = property.equals("status") ? after.status() : after.totalLicenses();
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.UPDATE_SUBSCRIPTION,
                target(after, product),
                List.of(PropertyChange.of(property, old, now))));
        listener.capacityChanged(caller, sku);
        return Outcome.done(after);
    }

    /**
     * Refuses {@code seatCount} seats (for a new subscription, or instead of those of {@code replaced}) when they would
     * take the product's total beyond {@link #MAX_SEATS_PER_PRODUCT}. {@code ofSku} is read under the SKU's seat lock,
     * so concurrent requests cannot together exceed it.
     */
    private static Optional<Rejection> beyondLimit(
            Product product, List<Subscription> ofSku, Subscription replaced, int seatCount) {
        long now = LicenseUnits.total(ofSku);
        long after = now - (replaced == null ? 0 : replaced.totalLicenses()) + seatCount;
        if (after <= MAX_SEATS_PER_PRODUCT || after <= now) {
            return Optional.empty();
        }
        return Optional.of(Rejection.invalid(
                "A product can have at most %d seats over all its subscriptions (Microsoft Graph counts seats in 32"
                        + " bits): %s has %d and would have %d.",
                MAX_SEATS_PER_PRODUCT, product.skuPartNumber(), now, after));
    }

    private void recount(TenantId tenant, SkuId sku) {
        SeatCount count = seats.lock(tenant, sku);
        seats.save(tenant, sku, count.withPrepaid(LicenseUnits.of(subscriptions.ofSku(tenant, sku))));
    }

    private static AuditTarget target(Subscription subscription, Product product) {
        return AuditTarget.other("Subscription", subscription.id(), product.skuPartNumber());
    }
}
