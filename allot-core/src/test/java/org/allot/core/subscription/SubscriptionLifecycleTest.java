package org.allot.core.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.allot.core.ErrorCode;
import org.allot.core.catalog.SkuId;
import org.junit.jupiter.api.Test;

/** The calendar of one subscription: which terms are valid, and which status they give at a moment. */
class SubscriptionLifecycleTest {
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-06-30T00:00:00Z");
    private final SubscriptionLifecycle lifecycle = new SubscriptionLifecycle(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Subscription ending(Instant end, boolean autoRenew) {
        return new Subscription(
                new SubscriptionId(UUID.randomUUID()),
                new SkuId(UUID.randomUUID()),
                5,
                SubscriptionStatus.Enabled,
                false,
                NOW,
                null,
                new SubscriptionTerms(NOW, end, autoRenew, null, null));
    }

    @Test
    void aTermMovesEnabledWarningSuspendedDeletedAtItsEndAnd30And120DaysLater() {
        Subscription s = lifecycle.advanced(ending(END, false), NOW);
        assertThat(s.status()).isEqualTo(SubscriptionStatus.Enabled);
        assertThat(s.nextLifecycleDateTime()).isEqualTo(END);

        s = lifecycle.advanced(s, END);
        assertThat(s.status()).isEqualTo(SubscriptionStatus.Warning);
        assertThat(s.nextLifecycleDateTime()).isEqualTo(END.plus(Duration.ofDays(30)));

        s = lifecycle.advanced(s, END.plus(Duration.ofDays(30)));
        assertThat(s.status()).isEqualTo(SubscriptionStatus.Suspended);
        assertThat(s.nextLifecycleDateTime()).isEqualTo(END.plus(Duration.ofDays(120)));

        s = lifecycle.advanced(s, END.plus(Duration.ofDays(120)));
        assertThat(s.status()).isEqualTo(SubscriptionStatus.Deleted);
        assertThat(s.nextLifecycleDateTime()).isNull();
        assertThat(lifecycle.due(s, END.plus(Duration.ofDays(1000)))).isFalse();
    }

    @Test
    void advancingTwiceChangesNothingMore() {
        Instant late = END.plus(Duration.ofDays(45));
        Subscription once = lifecycle.advanced(ending(END, false), late);
        assertThat(once.status())
                .as("a late run goes straight to where the calendar is")
                .isEqualTo(SubscriptionStatus.Suspended);
        assertThat(lifecycle.advanced(once, late)).isEqualTo(once);
        assertThat(lifecycle.due(once, late)).isFalse();
    }

    @Test
    void autoRenewNeverExpiresAndItsNextDateIsTheRenewal() {
        Subscription s = lifecycle.advanced(ending(END, true), END.plus(Duration.ofDays(400)));
        assertThat(s.status()).isEqualTo(SubscriptionStatus.Enabled);
        assertThat(s.nextLifecycleDateTime()).isEqualTo(END);
    }

    @Test
    void withoutAnEndDateTheCalendarLeavesTheStatusAndTheGivenDateAlone() {
        Instant given = NOW.plus(Duration.ofDays(3));
        Subscription s =
                ending(null, false).withStatus(SubscriptionStatus.Warning).withNextLifecycle(given);
        assertThat(lifecycle.advanced(s, NOW.plus(Duration.ofDays(500)))).isEqualTo(s);
    }

    @Test
    void theCalendarNeverMovesAStatusBackNorADeletedSubscription() {
        Subscription lockedOut = ending(END, false).withStatus(SubscriptionStatus.LockedOut);
        assertThat(lifecycle.advanced(lockedOut, NOW).status()).isEqualTo(SubscriptionStatus.LockedOut);
        Subscription deleted = ending(END, false).withStatus(SubscriptionStatus.Deleted);
        assertThat(lifecycle.advanced(deleted, NOW)).isEqualTo(deleted);
    }

    @Test
    void renewingAnExpiredTermPutsItBackToEnabled() {
        Subscription warning = lifecycle.advanced(ending(END, false), END.plus(Duration.ofDays(5)));
        Instant newEnd = END.plus(Duration.ofDays(365));
        Subscription renewed =
                lifecycle.renewed(warning, warning.terms().withEnd(newEnd), END.plus(Duration.ofDays(5)));
        assertThat(renewed.status()).isEqualTo(SubscriptionStatus.Enabled);
        assertThat(renewed.nextLifecycleDateTime()).isEqualTo(newEnd);
        Subscription autoRenewed =
                lifecycle.renewed(warning, warning.terms().withAutoRenew(true), END.plus(Duration.ofDays(5)));
        assertThat(autoRenewed.status()).isEqualTo(SubscriptionStatus.Enabled);
    }

    @Test
    void changingOnlyThePriceKeepsTheCalendarsStatus() {
        Subscription warning = lifecycle.advanced(ending(END, false), END.plus(Duration.ofDays(5)));
        Subscription priced = lifecycle.renewed(
                warning, warning.terms().withPrice(new BigDecimal("12.50"), "EUR"), END.plus(Duration.ofDays(5)));
        assertThat(priced.status()).isEqualTo(SubscriptionStatus.Warning);
    }

    @Test
    void termsThatCannotBeAreRefused() {
        SubscriptionTerms ok = new SubscriptionTerms(NOW, END, false, new BigDecimal("20.00"), "USD");
        assertThat(lifecycle.check(ok)).isEmpty();
        assertThat(lifecycle.check(SubscriptionTerms.OPEN)).isEmpty();
        assertThat(lifecycle.check(ok.withEnd(NOW)).orElseThrow().message()).contains("endDateTime");
        assertThat(lifecycle
                        .check(ok.withEnd(NOW.minusSeconds(1)))
                        .orElseThrow()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(lifecycle
                        .check(ok.withPrice(new BigDecimal("-1"), "USD"))
                        .orElseThrow()
                        .message())
                .contains("unitPrice");
        assertThat(lifecycle.check(ok.withPrice(new BigDecimal("1.00001"), "USD")))
                .isPresent();
        assertThat(lifecycle.check(ok.withPrice(new BigDecimal("1e13"), "USD"))).isPresent();
        assertThat(lifecycle
                        .check(ok.withPrice(BigDecimal.ONE, "XYZ"))
                        .orElseThrow()
                        .message())
                .contains("ISO 4217");
        assertThat(lifecycle.check(ok.withPrice(BigDecimal.ONE, "usd"))).isPresent();
        assertThat(lifecycle.check(ok.withPrice(BigDecimal.ONE, null))).isPresent();
        assertThat(lifecycle.check(ok.withPrice(null, "EUR"))).isPresent();
    }

    @Test
    void servicesAreOffOnlyWhenTheSeatsLeftAreSuspendedOrLockedOut() {
        assertThat(new LicenseUnits(0, 0, 5, 0).servicesOn()).isFalse();
        assertThat(new LicenseUnits(0, 0, 0, 5).servicesOn()).isFalse();
        assertThat(new LicenseUnits(0, 2, 5, 0).servicesOn()).isTrue();
        assertThat(new LicenseUnits(1, 0, 5, 0).servicesOn()).isTrue();
        assertThat(LicenseUnits.NONE.servicesOn())
                .as("seats lowered to none: an overage")
                .isTrue();
    }
}
