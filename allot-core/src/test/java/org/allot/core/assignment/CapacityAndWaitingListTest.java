package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.allot.core.ErrorCode;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Rule 6: seats are never over-allocated; users wait first come, first served and are served automatically. */
class CapacityAndWaitingListTest {
    private final Scenario contoso = Scenario.contoso();

    @Test
    void memberIsInCountViolationWhenSeatsRunOut() {
        contoso.subscribe(E3, 2);
        List<UserId> members = contoso.users("member", 3);

        GroupId group =
                contoso.aGroup("All").withMembers(members).licensedWith(E3).create();

        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(2);
        assertThat(contoso.seatsOf(E3).waiting()).isEqualTo(1);
        UserId waiting = contoso.waitingFor(E3).get(0);
        LicenseAssignment a = contoso.inherited(waiting, E3, group);
        assertThat(a.state()).isEqualTo(AssignmentState.Error);
        assertThat(a.error()).isEqualTo(AssignmentError.CountViolation);
        assertThat(a.reason()).contains("waiting list");
    }

    @Test
    void freedSeatsGoToWaitingUsersFirstComeFirstServedWithoutReprocessing() {
        contoso.subscribe(E3, 1);
        UserId holder = contoso.user("holder");
        GroupId group =
                contoso.aGroup("All").withMembers(holder).licensedWith(E3).create();
        UserId first = contoso.user("first");
        UserId second = contoso.user("second");
        contoso.join(group, first).value();
        contoso.join(group, second).value();
        assertThat(contoso.waitingFor(E3)).containsExactly(first, second);

        contoso.leave(group, holder).value();

        assertThat(contoso.inherited(first, E3, group).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.inherited(second, E3, group).error()).isEqualTo(AssignmentError.CountViolation);
        assertThat(contoso.waitingFor(E3)).containsExactly(second);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void seatsAddedToASubscriptionFillTheWaitingListInOrder() {
        var e3 = contoso.subscribe(E3, 1);
        GroupId group = contoso.aGroup("All").licensedWith(E3).create();
        List<UserId> joiners = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UserId u = contoso.user("joiner" + i);
            contoso.join(group, u).value();
            joiners.add(u);
        }

        contoso.setSeats(e3, 3);

        assertThat(joiners.subList(0, 3)).allMatch(u -> contoso.heldSkus(u).contains(E3.skuId()));
        assertThat(contoso.waitingFor(E3)).containsExactlyElementsOf(joiners.subList(3, 5));
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(3);
        assertThat(contoso.seatsOf(E3).waiting()).isEqualTo(2);
    }

    @Test
    void aDirectAssignmentCannotTakeASeatWhileUsersWait() {
        contoso.subscribe(E3, 1);
        UserId holder = contoso.user("holder");
        GroupId group =
                contoso.aGroup("All").withMembers(holder).licensedWith(E3).create();
        UserId waiting = contoso.user("waiting");
        contoso.join(group, waiting).value();

        assertThat(contoso.assign(contoso.user("newcomer"), E3).rejection().code())
                .isEqualTo(ErrorCode.NO_AVAILABLE_LICENSES);
        assertThat(contoso.assign(waiting, E3).rejection().code()).isEqualTo(ErrorCode.NO_AVAILABLE_LICENSES);
    }

    @Test
    void seatsOwedToTheQueueAreRefusedToNewcomersUnlessForced() {
        Scenario slow = Scenario.contosoWithBackgroundJobs();
        var e3 = slow.subscribe(E3, 1);
        UserId holder = slow.user("holder");
        GroupId group = slow.aGroup("All").withMembers(holder).licensedWith(E3).create();
        List<UserId> queue = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UserId u = slow.user("queued" + i);
            slow.join(group, u).value();
            queue.add(u);
        }
        slow.setSeats(e3, 5);
        // one unit of work serves two waiting users; the other two free seats are owed to the four still waiting
        assertThat(slow.seatsOf(E3).available()).isEqualTo(2);
        assertThat(slow.seatsOf(E3).waiting()).isEqualTo(4);
        UserId newcomer = slow.user("newcomer");

        assertThat(slow.assign(newcomer, E3).rejection().code()).isEqualTo(ErrorCode.NO_AVAILABLE_LICENSES);
        var forced = slow.allot
                .licensing()
                .users()
                .assign(slow.admin, newcomer, List.of(AssignedLicense.of(E3.skuId())), List.of(), true)
                .value();
        assertThat(forced.holdsSeat(E3.skuId())).isTrue();

        slow.runJobs();
        assertThat(slow.seatsOf(E3).consumed()).isEqualTo(5);
        assertThat(queue.subList(0, 3)).allMatch(u -> slow.heldSkus(u).contains(E3.skuId()));
        assertThat(slow.waitingFor(E3)).containsExactlyElementsOf(queue.subList(3, 6));
    }

    @Test
    void membersOfAHigherPriorityGroupAreServedBeforeEarlierRequests() {
        var e3 = contoso.subscribe(E3, 1);
        UserId holder = contoso.user("holder");
        GroupId staff =
                contoso.aGroup("Staff").withMembers(holder).licensedWith(E3).create();
        GroupId executives = contoso.aGroup("Executives").licensedWith(E3).create();
        contoso.allot
                .licensing()
                .groups()
                .setPriority(contoso.admin, executives, 10)
                .value();
        UserId early = contoso.user("early");
        contoso.join(staff, early).value();
        UserId executive = contoso.user("executive");
        contoso.join(executives, executive).value();
        UserId late = contoso.user("late");
        contoso.join(staff, late).value();

        assertThat(contoso.waitingFor(E3)).containsExactly(executive, early, late);

        contoso.setSeats(e3, 2);
        assertThat(contoso.heldSkus(executive)).contains(E3.skuId());
        assertThat(contoso.waitingFor(E3)).containsExactly(early, late);
    }

    @Test
    void withEqualPrioritiesTheEarlierRequestComesFirst() {
        WaitingOrder early = new WaitingOrder(UserId.random(), java.time.Instant.parse("2026-01-01T00:00:00Z"), 0);
        WaitingOrder late = new WaitingOrder(UserId.random(), java.time.Instant.parse("2026-01-02T00:00:00Z"), 0);
        WaitingOrder lateVip = new WaitingOrder(UserId.random(), late.requestedAt(), 9);

        List<WaitingOrder> order = new ArrayList<>(List.of(late, early, lateVip));
        order.sort(WaitingOrder.ORDER);

        assertThat(order).containsExactly(lateVip, early, late);
    }
}
