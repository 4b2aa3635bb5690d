package org.allot.core.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.catalog.Product;
import org.allot.core.subscription.SeatsBought;
import org.allot.core.subscription.Subscription;

/**
 * The charging rule (docs/license-lifecycle.md, "Costs and reports"): each seat is charged once, to the source that
 * has held it longest, direct counting as a source; amounts are kept per currency, never converted.
 *
 * <p>A product's seats are priced by its subscriptions that count, in the order they were bought ({@link
 * SeatsBought}, the rule reclaim's saving reads too): the holders that have held the product longest take the first-bought seats, so
 * each seat has one price in one currency. Seats held beyond every subscription's seats have no price; seats bought
 * that nobody holds are reported as unassigned, at their price.
 */
public final class ChargedSeats {
    /**
     * Which of a user's sources of one product is charged: the one that has held it longest (the earliest {@code
     * since}); on a tie, the direct source, then groups in id order.
     */
    public static final Comparator<Holding> LONGEST_HELD =
            Comparator.comparing(Holding::since).thenComparing(Holding::source);

    private final Product product;
    private final List<Subscription> subscriptions;
    private final List<Holding> charged = new ArrayList<>();
    private final java.util.Set<Holding.Key> hidden = new java.util.HashSet<>();

    /** The charging of one product's seats, priced by its subscriptions that count at {@code now}. */
    public ChargedSeats(Product product, Collection<Subscription> subscriptions, Instant now) {
        this.product = Objects.requireNonNull(product);
        this.subscriptions = SeatsBought.inOrder(
                subscriptions.stream()
                        .filter(s -> s.skuId().equals(product.skuId()))
                        .toList(),
                now);
    }

    /** The source charged for one user's license among its sources; empty when none holds a seat. */
    public static Optional<Holding> chargedSource(Collection<Holding> sourcesOfOneLicense) {
        return sourcesOfOneLicense.stream().filter(Holding::holdsSeat).min(LONGEST_HELD);
    }

    /** Adds one user's sources of this product (all of them, so that the one charged can be chosen). */
    public void addLicense(Collection<Holding> sourcesOfOneLicense) {
        addLicense(sourcesOfOneLicense, true);
    }

    /**
     * Adds one user's sources of this product; a seat not {@code shown} is charged and priced as any other (it takes
     * its place among the holders) but has no line of its own: a report narrowed to some users.
     */
    public void addLicense(Collection<Holding> sourcesOfOneLicense, boolean shown) {
        chargedSource(sourcesOfOneLicense).ifPresent(h -> {
            if (!h.sku().equals(product.skuId())) {
                throw new IllegalArgumentException("a holding of another product: " + h.sku());
            }
            charged.add(h);
            if (!shown) {
                hidden.add(h.key());
            }
        });
    }

    /** How many seats have been charged so far. */
    public int holders() {
        return charged.size();
    }

    /**
     * The cost lines of the product: its seats by department, source charged and currency, and its seats nobody holds
     * by currency. Lines are in the order of their first seat.
     */
    public List<CostLine> lines() {
        return lines(true);
    }

    /**
     * The cost lines of the seats shown, each priced as among every holder; with the seats nobody holds when {@code
     * unassigned}.
     */
    public List<CostLine> lines(boolean unassigned) {
        List<Holding> byTenure = new ArrayList<>(charged);
        byTenure.sort(LONGEST_HELD.thenComparing(Holding::userId));
        Map<LineKey, Sum> sums = new LinkedHashMap<>();
        int next = 0;
        for (Subscription s : subscriptions) {
            Price price = Price.of(s);
            for (int seat = 0; seat < s.totalLicenses(); seat++) {
                if (next < byTenure.size()) {
                    Holding h = byTenure.get(next++);
                    if (!hidden.contains(h.key())) {
                        sums.computeIfAbsent(LineKey.of(h, price.currency()), k -> new Sum())
                                .add(price);
                    }
                } else {
                    if (unassigned) {
                        int left = s.totalLicenses() - seat;
                        sums.computeIfAbsent(new LineKey(null, null, null, price.currency()), k -> new Sum())
                                .add(price, left);
                    }
                    break;
                }
            }
        }
        for (; next < byTenure.size(); next++) {
            if (!hidden.contains(byTenure.get(next).key())) {
                sums.computeIfAbsent(LineKey.of(byTenure.get(next), null), k -> new Sum())
                        .add(Price.NONE);
            }
        }
        List<CostLine> lines = new ArrayList<>();
        sums.forEach((k, sum) -> lines.add(new CostLine(
                product,
                k.department(),
                k.source(),
                k.groupName(),
                k.currency(),
                sum.seats,
                k.currency() == null ? null : sum.amount)));
        return lines;
    }

    private record Price(BigDecimal unitPrice, String currency) {
        static final Price NONE = new Price(null, null);

        static Price of(Subscription s) {
            return s.terms().unitPrice() == null || s.terms().currency() == null
                    ? NONE
                    : new Price(s.terms().unitPrice(), s.terms().currency());
        }
    }

    private record LineKey(String department, AssignmentSource source, String groupName, String currency) {
        static LineKey of(Holding h, String currency) {
            return new LineKey(h.department(), h.source(), h.source().isDirect() ? null : h.groupName(), currency);
        }
    }

    private static final class Sum {
        int seats;
        BigDecimal amount = BigDecimal.ZERO;

        void add(Price price) {
            add(price, 1);
        }

        void add(Price price, int count) {
            seats += count;
            if (price.unitPrice() != null) {
                amount = amount.add(price.unitPrice().multiply(BigDecimal.valueOf(count)));
            }
        }
    }
}
