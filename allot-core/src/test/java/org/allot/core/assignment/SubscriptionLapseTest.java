package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.ErrorCode;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Rule 9: subscriptions lapse gracefully; nobody loses a license because capacity went down. */
class SubscriptionLapseTest {
    private final Scenario contoso = Scenario.contoso();

    @Test
    void warningSeatsKeepTheirUsersButTakeNoNewOnes() {
        var subscription = contoso.subscribe(E3, 2);
        List<UserId> members = contoso.users("member", 2);
        GroupId group =
                contoso.aGroup("Staff").withMembers(members).licensedWith(E3).create();

        contoso.allot
                .subscriptionBook()
                .setStatus(contoso.admin, subscription.id(), SubscriptionStatus.Warning)
                .value();

        assertThat(members).allMatch(u -> contoso.heldSkus(u).contains(E3.skuId()));
        UserId newcomer = contoso.user("newcomer");
        contoso.join(group, newcomer).value();
        assertThat(contoso.inherited(newcomer, E3, group).error()).isEqualTo(AssignmentError.CountViolation);
        assertThat(contoso.seatsOf(E3).prepaid().warning()).isEqualTo(2);
        assertThat(contoso.seatsOf(E3).overage()).isZero();
    }

    @Test
    void loweringCapacityBelowUseRemovesNobodyShowsTheOverageAndRefusesNewAssignments() {
        var subscription = contoso.subscribe(E3, 3);
        List<UserId> members = contoso.users("member", 3);
        contoso.aGroup("Staff").withMembers(members).licensedWith(E3).create();

        contoso.setSeats(subscription, 1);

        assertThat(members).allMatch(u -> contoso.heldSkus(u).contains(E3.skuId()));
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(3);
        assertThat(contoso.seatsOf(E3).overage()).isEqualTo(2);
        assertThat(contoso.assign(contoso.user("newcomer"), E3).rejection().code())
                .isEqualTo(ErrorCode.NO_AVAILABLE_LICENSES);
    }

    @Test
    void overageResolvesAsUsersLeaveWithoutServingTheQueueEarly() {
        var subscription = contoso.subscribe(E3, 2);
        UserId a = contoso.user("a");
        UserId b = contoso.user("b");
        GroupId group =
                contoso.aGroup("Staff").withMembers(a, b).licensedWith(E3).create();
        UserId waiting = contoso.user("waiting");
        contoso.join(group, waiting).value();
        contoso.setSeats(subscription, 1);

        contoso.leave(group, a).value();
        assertThat(contoso.waitingFor(E3)).containsExactly(waiting);

        contoso.leave(group, b).value();
        assertThat(contoso.heldSkus(waiting)).contains(E3.skuId());
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void suspendedSubscriptionsKeepExistingAssignments() {
        var subscription = contoso.subscribe(E3, 2);
        UserId ada = contoso.user("ada");
        contoso.assign(ada, E3).value();

        contoso.allot
                .subscriptionBook()
                .setStatus(contoso.admin, subscription.id(), SubscriptionStatus.Suspended)
                .value();

        assertThat(contoso.direct(ada, E3).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.seatsOf(E3).prepaid().suspended()).isEqualTo(2);
        assertThat(contoso.seatsOf(E3).prepaid().capabilityStatus()).isEqualTo(SubscriptionStatus.Suspended);
    }
}
