package org.allot.core.subscription;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.audit.Activity;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A product's seats, over all its subscriptions whatever their status, fit Graph's 32-bit counts
 * ({@code prepaidUnits}, {@code consumedUnits}, {@code totalLicenses}): a purchase beyond 2,147,483,647 is refused
 * and writes nothing.
 */
class SeatTotalsTest {
    private static final int MAX = Integer.MAX_VALUE;
    private static final int BIG = SubscriptionBook.MAX_SEATS;

    private final Scenario contoso = Scenario.contoso();

    @Test
    void aSubscriptionThatWouldTakeAProductBeyondTheLimitIsRefusedAndWritesNothing() {
        List<Subscription> bought = buyUpTo(214);
        int auditBefore = contoso.auditEvents().size();

        Outcome<Subscription> beyond = add(BIG);

        assertThat(beyond.isDone()).isFalse();
        assertThat(beyond.rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(beyond.rejection().message())
                .contains("2147483647")
                .contains(E3.skuPartNumber())
                .contains("2140000000");
        assertThat(contoso.allot.subscriptionBook().subscribedSku(contoso.tenant, E3.skuId()))
                .hasValueSatisfying(s -> assertThat(s.subscriptionIds()).hasSize(bought.size()));
        assertThat(contoso.seatsOf(E3).prepaid().enabled()).isEqualTo(214 * BIG);
        assertThat(contoso.auditEvents()).hasSize(auditBefore);
    }

    @Test
    void theLastSeatsUpToTheLimitCanBeBoughtAndNotOneMore() {
        buyUpTo(214);

        assertThat(add(MAX - 214 * BIG).isDone()).isTrue();
        assertThat(contoso.seatsOf(E3).prepaid().enabled()).isEqualTo(MAX);
        assertThat(contoso.allot
                        .subscriptionBook()
                        .subscribedSku(contoso.tenant, E3.skuId())
                        .orElseThrow()
                        .capabilityStatus())
                .isEqualTo(SubscriptionStatus.Enabled);
        assertThat(add(1).rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(contoso.seatsOf(E3).prepaid().enabled()).isEqualTo(MAX);
    }

    @Test
    void raisingTheSeatsOfASubscriptionBeyondTheLimitIsRefused() {
        List<Subscription> bought = buyUpTo(214);
        Subscription small = add(1000).value();
        int auditBefore = contoso.audit(Activity.UPDATE_SUBSCRIPTION).size();

        Outcome<Subscription> raised = contoso.allot.subscriptionBook().setSeats(contoso.admin, small.id(), BIG);

        assertThat(raised.rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(contoso.seatsOf(E3).prepaid().enabled()).isEqualTo(214 * BIG + 1000);
        assertThat(contoso.audit(Activity.UPDATE_SUBSCRIPTION)).hasSize(auditBefore);
        assertThat(contoso.allot
                        .subscriptionBook()
                        .setSeats(contoso.admin, bought.get(0).id(), 0)
                        .isDone())
                .isTrue();
        assertThat(contoso.allot
                        .subscriptionBook()
                        .setSeats(contoso.admin, small.id(), BIG)
                        .isDone())
                .isTrue();
    }

    @Test
    void seatsCountTowardsTheLimitWhateverTheStatusOfTheirSubscription() {
        List<Subscription> bought = buyUpTo(214);
        for (int i = 0; i < 4; i++) {
            SubscriptionStatus status = List.of(
                            SubscriptionStatus.Warning,
                            SubscriptionStatus.Suspended,
                            SubscriptionStatus.LockedOut,
                            SubscriptionStatus.Deleted)
                    .get(i);
            contoso.allot
                    .subscriptionBook()
                    .setStatus(contoso.admin, bought.get(i).id(), status)
                    .value();
        }

        assertThat(add(BIG).rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        LicenseUnits units = contoso.seatsOf(E3).prepaid();
        assertThat(List.of(units.enabled(), units.warning(), units.suspended(), units.lockedOut()))
                .containsExactly(210 * BIG, BIG, BIG, BIG);
    }

    @Test
    void prepaidUnitsStayPositiveEvenForTotalsStoredBeforeTheLimit() {
        List<Subscription> stored = new ArrayList<>();
        for (int i = 0; i < 232; i++) {
            stored.add(new Subscription(
                    SubscriptionId.of("00000000-0000-0000-0000-%012d".formatted(i)),
                    E3.skuId(),
                    BIG,
                    SubscriptionStatus.Enabled,
                    false,
                    java.time.Instant.EPOCH,
                    null));
        }

        LicenseUnits units = LicenseUnits.of(stored);

        assertThat(units.enabled()).isEqualTo(MAX);
        assertThat(units.capabilityStatus()).isEqualTo(SubscriptionStatus.Enabled);
        SeatCount seats = new SeatCount(new LicenseUnits(MAX, MAX, 0, 0), 3, 0);
        assertThat(seats.overage()).isZero();
        assertThat(seats.available()).isEqualTo(MAX - 3);
    }

    private List<Subscription> buyUpTo(int subscriptions) {
        List<Subscription> bought = new ArrayList<>();
        for (int i = 0; i < subscriptions; i++) {
            bought.add(contoso.subscribe(E3, BIG));
        }
        return bought;
    }

    private Outcome<Subscription> add(int seats) {
        return contoso.allot
                .subscriptionBook()
                .add(contoso.admin, E3.skuId(), seats, SubscriptionStatus.Enabled, false, null);
    }
}
