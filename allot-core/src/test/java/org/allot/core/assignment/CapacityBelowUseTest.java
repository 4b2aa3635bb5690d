package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.LifecyclePeriods;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.subscription.SubscriptionTerms;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Capacity below use, decided, not silent (issue 18): a deleted subscription frees its seats at once and its holders
 * wait; seats lowered on an active subscription are an overage for the grace period, then group-derived seats are
 * taken back, lowest group priority first, then the most recently granted; direct ones never.
 */
class CapacityBelowUseTest {
    private final Scenario contoso = Scenario.contoso();

    private void tick(Duration d) {
        contoso.allot.clock().advance(d);
    }

    private Instant now() {
        return contoso.allot.clock().instant();
    }

    private OverageGrace grace() {
        return contoso.allot.overageGrace();
    }

    private OverageGrace.Preview preview() {
        return grace().preview(contoso.tenant, E3.skuId().toString()).orElseThrow();
    }

    private boolean holds(UserId user) {
        return contoso.heldSkus(user).contains(E3.skuId());
    }

    /** The tenant's audit records of seats taken back (the step itself runs over every tenant). */
    private long takeBackRecords() {
        return contoso.auditEvents().stream()
                .filter(e -> e.actor().equals(SeatTakeBack.CAPACITY))
                .count();
    }

    private GroupId group(String name, int priority, UserId... members) {
        GroupId g = contoso.aGroup(name).withMembers(members).licensedWith(E3).create();
        contoso.allot
                .licensing()
                .groups()
                .setPriority(contoso.admin, g, priority)
                .value();
        return g;
    }

    @Test
    void loweredSeatsAreTakenBackOnlyAfterTheGracePeriodLowestPriorityFirstThenMostRecent() {
        Subscription s = contoso.subscribe(E3, 5);
        UserId boss = contoso.user("boss");
        UserId early = contoso.user("early");
        UserId late = contoso.user("late");
        UserId vip = contoso.user("vip");
        UserId direct = contoso.user("direct");
        group("Board", 10, boss);
        tick(Duration.ofMinutes(1));
        GroupId staff = group("Staff", 0, early);
        tick(Duration.ofMinutes(1));
        contoso.join(staff, late).value();
        group("Vips", 5, vip);
        contoso.assign(direct, E3).value();
        Instant lateAsked = contoso.inherited(late, E3, staff).requestedAt();

        Instant cut = now();
        contoso.setSeats(s, 2);
        assertThat(contoso.seatsOf(E3).overage()).as("shown at once").isEqualTo(3);
        OverageGrace.Preview preview = preview();
        assertThat(preview.takenBack().stream().map(SeatHolders.Holder::user))
                .as("lowest priority first, then the most recently granted; direct never")
                .containsExactly(late, early, vip);
        assertThat(preview.graceEnds()).isBetween(cut.plus(Duration.ofDays(30)), now().plus(Duration.ofDays(30)));
        assertThat(preview.left()).isZero();

        tick(Duration.ofDays(29));
        grace().advance();
        assertThat(List.of(boss, early, late, vip, direct))
                .as("nothing happens before the grace period ends")
                .allMatch(this::holds);

        tick(Duration.ofDays(1));
        grace().advance();
        grace().advance();
        assertThat(takeBackRecords()).as("three taken back, once each").isEqualTo(3);
        assertThat(holds(boss)).isTrue();
        assertThat(holds(direct)).isTrue();
        assertThat(List.of(early, late, vip)).noneMatch(this::holds);
        LicenseAssignment lost = contoso.inherited(late, E3, staff);
        assertThat(lost.error()).isEqualTo(AssignmentError.CountViolation);
        assertThat(lost.reason()).startsWith("Seats reduced");
        assertThat(lost.requestedAt()).as("keeps its place").isEqualTo(lateAsked);
        assertThat(contoso.seatsOf(E3).overage()).isZero();
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(2);
        assertThat(contoso.usersHolding(E3)).isEqualTo(2);
        assertThat(preview().graceEnds())
                .as("the clock stops once nobody is beyond capacity")
                .isNull();
    }

    @Test
    void aUserTakenBackWaitsAheadOfLaterAskers() {
        Subscription s = contoso.subscribe(E3, 1);
        UserId first = contoso.user("first");
        GroupId staff = group("Staff", 0, first);
        contoso.setSeats(s, 0);
        tick(Duration.ofDays(30));
        grace().advance();
        tick(Duration.ofDays(1));
        UserId later = contoso.user("later");
        contoso.join(staff, later).value();
        assertThat(contoso.waitingFor(E3)).containsExactly(first, later);
        assertThat(contoso.inherited(first, E3, staff).reason())
                .as("the reason stays while the user waits")
                .startsWith("Seats reduced");

        contoso.setSeats(s, 1);
        assertThat(holds(first)).isTrue();
        assertThat(holds(later)).isFalse();
    }

    @Test
    void directAssignmentsAreNeverTakenBackAndTheOverageStaysVisible() {
        Subscription s = contoso.subscribe(E3, 2);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        contoso.assign(ada, E3).value();
        contoso.assign(bob, E3).value();
        contoso.setSeats(s, 0);
        tick(Duration.ofDays(31));
        grace().advance();
        assertThat(holds(ada) && holds(bob)).isTrue();
        assertThat(takeBackRecords()).isZero();
        assertThat(contoso.seatsOf(E3).overage()).isEqualTo(2);
        assertThat(preview().left()).isEqualTo(2);
    }

    @Test
    void theGracePeriodIsTheTenantsOwn() {
        contoso.allot.lifecycleSettings().save(contoso.tenant, new LifecyclePeriods(30, 90, 7));
        Subscription s = contoso.subscribe(E3, 1);
        UserId ada = contoso.user("ada");
        group("Staff", 0, ada);
        contoso.setSeats(s, 0);
        tick(Duration.ofDays(6));
        grace().advance();
        assertThat(holds(ada)).isTrue();
        tick(Duration.ofDays(1));
        grace().advance();
        assertThat(holds(ada)).isFalse();
    }

    @Test
    void anOverageThatEndsByItselfStopsTheClock() {
        Subscription s = contoso.subscribe(E3, 2);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        GroupId staff = group("Staff", 0, ada, bob);
        contoso.setSeats(s, 1);
        contoso.leave(staff, bob).value();
        grace().advance();
        assertThat(preview().graceEnds()).isNull();
        contoso.join(staff, bob).value();
        tick(Duration.ofDays(3));
        Instant cut = now();
        contoso.setSeats(s, 0);
        assertThat(preview().overageSince()).as("a new cut starts a new clock").isBetween(cut, now());
    }

    @Test
    void aDeletedSubscriptionFreesItsSeatsAtOnceAndItsHoldersWaitForAnotherOfTheProduct() {
        Subscription expiring = contoso.allot
                .subscriptionBook()
                .add(
                        contoso.admin,
                        E3.skuId(),
                        3,
                        SubscriptionStatus.Enabled,
                        false,
                        null,
                        new SubscriptionTerms(null, now().plus(Duration.ofDays(1)), false, null, null))
                .value();
        contoso.subscribe(E3, 1);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        UserId cy = contoso.user("cy");
        UserId dan = contoso.user("dan");
        contoso.assign(ada, E3).value();
        tick(Duration.ofMinutes(1));
        group("Staff", 0, bob, cy);
        tick(Duration.ofMinutes(1));
        contoso.assign(dan, E3).value();

        tick(Duration.ofDays(1 + 30 + 89));
        contoso.allot.subscriptionCalendar().advance();
        assertThat(List.of(ada, bob, cy, dan)).as("Suspended: still held").allMatch(this::holds);
        tick(Duration.ofDays(1));
        contoso.allot.subscriptionCalendar().advance();

        assertThat(contoso.allot
                        .subscriptionBook()
                        .subscription(contoso.tenant, expiring.id())
                        .orElseThrow()
                        .status())
                .isEqualTo(SubscriptionStatus.Deleted);
        assertThat(contoso.seatsOf(E3).consumed()).as("one seat left").isEqualTo(1);
        assertThat(contoso.seatsOf(E3).overage()).isZero();
        assertThat(holds(ada))
                .as("group-derived first, then the most recent direct one")
                .isTrue();
        assertThat(List.of(bob, cy, dan)).noneMatch(this::holds);
        assertThat(contoso.waitingFor(E3)).containsExactlyInAnyOrder(bob, cy, dan);
        assertThat(contoso.direct(dan, E3).reason()).startsWith("Seats reduced");

        contoso.subscribe(E3, 1);
        assertThat(contoso.usersHolding(E3))
                .as("the waiting list is served from a new subscription")
                .isEqualTo(2);
    }

    @Test
    void deletingASubscriptionByHandFreesItsSeatsToo() {
        Subscription s = contoso.subscribe(E3, 2);
        UserId ada = contoso.user("ada");
        group("Staff", 0, ada);
        contoso.allot
                .subscriptionBook()
                .setStatus(contoso.admin, s.id(), SubscriptionStatus.Deleted)
                .value();
        assertThat(holds(ada)).isFalse();
        assertThat(contoso.waitingFor(E3)).containsExactly(ada);
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
    }

    @Test
    void expiredSeatsAreNotAnOverageToTakeBack() {
        contoso.allot
                .subscriptionBook()
                .add(
                        contoso.admin,
                        E3.skuId(),
                        1,
                        SubscriptionStatus.Enabled,
                        false,
                        null,
                        new SubscriptionTerms(null, now().plus(Duration.ofDays(1)), false, null, null))
                .value();
        UserId ada = contoso.user("ada");
        group("Staff", 0, ada);
        tick(Duration.ofDays(60));
        contoso.allot.subscriptionCalendar().advance();
        grace().advance();
        assertThat(holds(ada)).as("Suspended: the calendar is its grace").isTrue();
        assertThat(preview().takenBack()).isEmpty();
    }

    @Test
    void aDeletionNotYetTakenBackIsPreviewedAsTakenBackAtOnceFromAnySource() {
        Subscription cut = contoso.subscribe(E3, 2);
        UserId ada = contoso.user("ada");
        UserId dan = contoso.user("dan");
        group("Staff", 0, ada);
        tick(Duration.ofMinutes(1));
        contoso.assign(dan, E3).value();
        contoso.setSeats(cut, 0);
        // a subscription of the product deleted, as its delete marks it, by a server that stopped before the
        // take-back that follows the delete's commit
        contoso.allot.overageClocks().deleted(contoso.tenant, E3.skuId(), now());

        OverageGrace.Preview preview = preview();

        assertThat(preview.takenBack().stream().map(SeatHolders.Holder::user))
                .as("from any source, group-derived first")
                .containsExactly(ada, dan);
        assertThat(preview.left()).isZero();
        assertThat(preview.graceEnds())
                .as("no grace period: at the step's next run")
                .isNull();
        grace().advance();
        assertThat(List.of(ada, dan)).noneMatch(this::holds);
    }
}
