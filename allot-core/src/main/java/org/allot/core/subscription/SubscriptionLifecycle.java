package org.allot.core.subscription;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.allot.core.Rejection;

/**
 * The calendar of a subscription, in one place: which terms are valid, and which status its terms give it at a moment.
 * A subscription with an end date that does not renew by itself moves, as in Microsoft 365, from {@code Enabled} to
 * {@code Warning} at its end (30 days by default, {@link LifecyclePeriods#DEFAULTS}: its holders keep their seats,
 * nobody new gets one), then to {@code Suspended} (90 days by default: assignments kept, services off, still counted
 * as consumed), then to {@code Deleted} (its seats no longer count). The calendar only moves a subscription forward: a
 * status set by an administrator further along is kept, and {@code Deleted} is final. Renewing (a new end date, or
 * auto-renew) puts it back where the calendar says ({@link #renewed}). What each status means for seats is counted in
 * {@link LicenseUnits} and {@link SeatCount}.
 */
public final class SubscriptionLifecycle {
    /** Digits of a unit price before and after the decimal point (stored as numeric(16, 4)). */
    static final int PRICE_INTEGER_DIGITS = 12;

    static final int PRICE_FRACTION_DIGITS = 4;

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private final Clock clock;
    private final Duration warning;
    private final Duration suspended;

    public SubscriptionLifecycle(Clock clock) {
        this(clock, LifecyclePeriods.DEFAULTS.warning(), LifecyclePeriods.DEFAULTS.suspended());
    }

    public SubscriptionLifecycle(Clock clock, Duration warning, Duration suspended) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warning = Objects.requireNonNull(warning, "warning");
        this.suspended = Objects.requireNonNull(suspended, "suspended");
        if (warning.isNegative() || suspended.isNegative()) {
            throw new IllegalArgumentException("lifecycle periods must not be negative");
        }
    }

    /** The same calendar with a tenant's own periods. */
    public SubscriptionLifecycle with(LifecyclePeriods periods) {
        if (periods.warning().equals(warning) && periods.suspended().equals(suspended)) {
            return this;
        }
        return new SubscriptionLifecycle(clock, periods.warning(), periods.suspended());
    }

    public Instant now() {
        return clock.instant();
    }

    /** Why {@code terms} cannot be a subscription's, if they cannot. */
    public Optional<Rejection> check(SubscriptionTerms terms) {
        if (terms.startDateTime() != null
                && terms.endDateTime() != null
                && !terms.endDateTime().isAfter(terms.startDateTime())) {
            return Optional.of(Rejection.invalid(
                    "endDateTime (%s) must be after startDateTime (%s).", terms.endDateTime(), terms.startDateTime()));
        }
        BigDecimal price = terms.unitPrice();
        if (price != null && price.signum() < 0) {
            return Optional.of(Rejection.invalid("unitPrice must not be negative, not %s.", price));
        }
        if (price != null
                && (price.stripTrailingZeros().scale() > PRICE_FRACTION_DIGITS
                        || price.precision() - price.scale() > PRICE_INTEGER_DIGITS)) {
            return Optional.of(Rejection.invalid(
                    "unitPrice has at most %d digits before the decimal point and %d after, not %s.",
                    PRICE_INTEGER_DIGITS, PRICE_FRACTION_DIGITS, price));
        }
        String currency = terms.currency();
        if (currency != null && !CURRENCIES.contains(currency)) {
            return Optional.of(
                    Rejection.invalid("'%s' is not an ISO 4217 currency code (for example EUR, USD, CHF).", currency));
        }
        if ((price == null) != (currency == null)) {
            return Optional.of(Rejection.invalid("Give unitPrice and currency together."));
        }
        return Optional.empty();
    }

    /**
     * The status the calendar gives terms at {@code at}: empty when the calendar does not move them (no end date, or
     * auto-renew).
     */
    public Optional<SubscriptionStatus> calendarStatus(SubscriptionTerms terms, Instant at) {
        Instant end = terms.endDateTime();
        if (end == null || terms.autoRenew()) {
            return Optional.empty();
        }
        if (at.isBefore(end)) {
            return Optional.of(SubscriptionStatus.Enabled);
        }
        if (at.isBefore(end.plus(warning))) {
            return Optional.of(SubscriptionStatus.Warning);
        }
        if (at.isBefore(end.plus(warning).plus(suspended))) {
            return Optional.of(SubscriptionStatus.Suspended);
        }
        return Optional.of(SubscriptionStatus.Deleted);
    }

    /**
     * The subscription as the calendar has it at {@code at}: its status moved forward (never back) and its next
     * lifecycle date. The same subscription when the calendar has nothing to change, so applying it twice changes
     * nothing more.
     */
    public Subscription advanced(Subscription s, Instant at) {
        if (s.status() == SubscriptionStatus.Deleted) {
            return s;
        }
        Optional<SubscriptionStatus> calendar = calendarStatus(s.terms(), at);
        if (calendar.isEmpty()) {
            return s.terms().endDateTime() == null
                    ? s
                    : s.withNextLifecycle(s.terms().endDateTime());
        }
        SubscriptionStatus status = later(s.status(), calendar.get());
        return s.withStatus(status).withNextLifecycle(nextDate(status, s.terms()));
    }

    /**
     * The subscription after its terms changed: when its end date or auto-renew changed (a renewal, or a shorter
     * term), its status is the calendar's again, back to {@code Enabled} before its end or when it has no end or
     * renews by itself; otherwise as {@link #advanced}.
     */
    public Subscription renewed(Subscription before, SubscriptionTerms terms, Instant at) {
        Subscription after = before.withTerms(terms);
        boolean termChanged = !Objects.equals(before.terms().endDateTime(), terms.endDateTime())
                || before.terms().autoRenew() != terms.autoRenew();
        if (!termChanged || before.status() == SubscriptionStatus.Deleted) {
            return advanced(after, at);
        }
        SubscriptionStatus status = calendarStatus(terms, at).orElse(SubscriptionStatus.Enabled);
        Instant next =
                terms.endDateTime() == null ? null : terms.autoRenew() ? terms.endDateTime() : nextDate(status, terms);
        return after.withStatus(status).withNextLifecycle(next);
    }

    /** Whether the calendar has a move for the subscription at {@code at}. */
    public boolean due(Subscription s, Instant at) {
        return !advanced(s, at).equals(s);
    }

    private Instant nextDate(SubscriptionStatus status, SubscriptionTerms terms) {
        Instant end = terms.endDateTime();
        return switch (status) {
            case Enabled -> end;
            case Warning -> end.plus(warning);
            case Suspended, LockedOut -> end.plus(warning).plus(suspended);
            case Deleted -> null;
        };
    }

    private static SubscriptionStatus later(SubscriptionStatus a, SubscriptionStatus b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
