package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.allot.core.ErrorCode;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionCalendar;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.subscription.SubscriptionTerms;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions move along their calendar (issue 18, "two clocks, one rule"): Warning keeps its holders and takes no
 * new ones, Suspended keeps assignments counted, Deleted no longer counts; the step is idempotent and audited once per
 * move.
 */
class SubscriptionCalendarTest {
    private final Scenario contoso = Scenario.contoso();
    private final SubscriptionCalendar calendar = contoso.allot.subscriptionCalendar();

    private Subscription subscribeUntil(int seats, Instant end, boolean autoRenew) {
        return contoso.allot
                .subscriptionBook()
                .add(
                        contoso.admin,
                        E3.skuId(),
                        seats,
                        SubscriptionStatus.Enabled,
                        false,
                        null,
                        new SubscriptionTerms(null, end, autoRenew, new BigDecimal("32.00"), "EUR"))
                .value();
    }

    private Subscription current(Subscription s) {
        return contoso.allot
                .subscriptionBook()
                .subscription(contoso.tenant, s.id())
                .orElseThrow();
    }

    private Instant now() {
        return contoso.allot.clock().instant();
    }

    private List<AuditEvent> calendarMoves() {
        return contoso.audit(Activity.UPDATE_SUBSCRIPTION).stream()
                .filter(e -> e.actor().equals(SubscriptionCalendar.CALENDAR))
                .toList();
    }

    @Test
    void eachMoveHappensOnceAtItsDateWithOneAuditRecord() {
        Instant end = now().plus(Duration.ofDays(10));
        Subscription s = subscribeUntil(3, end, false);
        assertThat(s.nextLifecycleDateTime()).isEqualTo(end);

        calendar.advance();
        assertThat(current(s).status()).as("nothing moves before the end").isEqualTo(SubscriptionStatus.Enabled);
        contoso.allot.clock().advance(Duration.ofDays(10));
        calendar.advance();
        assertThat(current(s).status()).isEqualTo(SubscriptionStatus.Warning);
        calendar.advance();
        assertThat(calendarMoves()).as("a rerun changes nothing").hasSize(1);

        contoso.allot.clock().advance(Duration.ofDays(30));
        calendar.advance();
        assertThat(current(s).status()).isEqualTo(SubscriptionStatus.Suspended);
        contoso.allot.clock().advance(Duration.ofDays(90));
        calendar.advance();
        assertThat(current(s).status()).isEqualTo(SubscriptionStatus.Deleted);
        contoso.allot.clock().advance(Duration.ofDays(365));
        calendar.advance();

        List<AuditEvent> moves = calendarMoves();
        assertThat(moves).hasSize(3);
        assertThat(moves.get(0).changes())
                .anySatisfy(c -> assertThat(c.name() + " " + c.oldValue() + " " + c.newValue())
                        .isEqualTo("status Enabled Warning"));
    }

    @Test
    void followingTheCalendarTwiceAuditsOnce() {
        Subscription s = subscribeUntil(1, now().plus(Duration.ofDays(1)), false);
        contoso.allot.clock().advance(Duration.ofDays(2));
        var book = contoso.allot.subscriptionBook();
        book.followCalendar(contoso.admin.as(SubscriptionCalendar.CALENDAR), s.id())
                .value();
        book.followCalendar(contoso.admin.as(SubscriptionCalendar.CALENDAR), s.id())
                .value();
        assertThat(calendarMoves()).hasSize(1);
    }

    @Test
    void autoRenewNeverExpires() {
        Instant end = now().plus(Duration.ofDays(30));
        Subscription s = subscribeUntil(2, end, true);
        contoso.allot.clock().advance(Duration.ofDays(400));
        calendar.advance();
        assertThat(calendarMoves()).isEmpty();
        assertThat(current(s).status()).isEqualTo(SubscriptionStatus.Enabled);
        assertThat(current(s).nextLifecycleDateTime()).isEqualTo(end);
    }

    @Test
    void anExpiredSubscriptionKeepsItsHoldersButGivesNoNewSeatWhileAnotherStillDoes() {
        Subscription expiring = subscribeUntil(2, now().plus(Duration.ofDays(1)), false);
        UserId ada = contoso.user("ada");
        contoso.assign(ada, E3).value();
        contoso.allot.clock().advance(Duration.ofDays(2));
        calendar.advance();

        assertThat(current(expiring).status()).isEqualTo(SubscriptionStatus.Warning);
        assertThat(contoso.direct(ada, E3).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.seatsOf(E3).prepaid().warning()).isEqualTo(2);
        assertThat(contoso.seatsOf(E3).overage()).isZero();
        UserId bob = contoso.user("bob");
        assertThat(contoso.assign(bob, E3).rejection().code()).isEqualTo(ErrorCode.NO_AVAILABLE_LICENSES);

        contoso.subscribe(E3, 2);
        assertThat(contoso.assign(bob, E3).isDone())
                .as("an enabled subscription of the SKU gives its free seats (enabled - consumed, as Microsoft 365)")
                .isTrue();
        assertThat(contoso.assign(contoso.user("cy"), E3).rejection().code())
                .as("ada's seat counts against the enabled ones")
                .isEqualTo(ErrorCode.NO_AVAILABLE_LICENSES);
    }

    @Test
    void suspendedSeatsStayCountedAndDeletedOnesNoLongerCount() {
        Subscription expiring = subscribeUntil(2, now().plus(Duration.ofDays(1)), false);
        UserId ada = contoso.user("ada");
        contoso.assign(ada, E3).value();

        contoso.allot.clock().advance(Duration.ofDays(31));
        calendar.advance();
        assertThat(current(expiring).status()).isEqualTo(SubscriptionStatus.Suspended);
        assertThat(contoso.seatsOf(E3).prepaid().suspended()).isEqualTo(2);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);

        contoso.allot.clock().advance(Duration.ofDays(90));
        calendar.advance();
        assertThat(current(expiring).status()).isEqualTo(SubscriptionStatus.Deleted);
        assertThat(contoso.seatsOf(E3).prepaid().suspended()).isZero();
        assertThat(contoso.seatsOf(E3).overage()).isZero();
        assertThat(contoso.direct(ada, E3).error())
                .as("the holder beyond what is left loses the seat and waits")
                .isEqualTo(AssignmentError.CountViolation);
        assertThat(contoso.waitingFor(E3)).containsExactly(ada);
    }

    @Test
    void renewingServesTheWaitingListAtOnce() {
        Subscription expiring = subscribeUntil(1, now().plus(Duration.ofDays(1)), false);
        contoso.allot.clock().advance(Duration.ofDays(2));
        calendar.advance();
        var group = contoso.aGroup("Staff").licensedWith(E3).create();
        UserId ada = contoso.user("ada");
        contoso.join(group, ada).value();
        assertThat(contoso.waitingFor(E3)).containsExactly(ada);

        contoso.allot
                .subscriptionBook()
                .change(contoso.admin, expiring.id(), null, null, t -> t.withEnd(now().plus(Duration.ofDays(365))))
                .value();

        assertThat(current(expiring).status()).isEqualTo(SubscriptionStatus.Enabled);
        assertThat(contoso.heldSkus(ada)).contains(E3.skuId());
    }

    @Test
    void badTermsAreRefusedAndChangeNothing() {
        var book = contoso.allot.subscriptionBook();
        Instant now = now();
        var endBeforeStart = book.add(
                contoso.admin,
                E3.skuId(),
                1,
                SubscriptionStatus.Enabled,
                false,
                null,
                new SubscriptionTerms(now, now.minusSeconds(1), false, null, null));
        assertThat(endBeforeStart.rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        Subscription s = subscribeUntil(1, now.plus(Duration.ofDays(5)), false);
        var negative = book.change(contoso.admin, s.id(), 4, null, t -> t.withPrice(new BigDecimal("-3"), "EUR"));
        assertThat(negative.rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(current(s).totalLicenses()).as("refused as a whole").isEqualTo(1);
        assertThat(contoso.seatsOf(E3).prepaid().enabled()).isEqualTo(1);
    }
}
