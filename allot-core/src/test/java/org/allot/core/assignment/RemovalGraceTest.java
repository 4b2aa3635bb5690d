package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.allot.core.testing.TestCatalog.EXCHANGE_STANDARD;
import static org.allot.core.testing.TestCatalog.WORKPLACE_ANALYTICS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.allot.core.ErrorCode;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Grace on removal (issue 18, PendingRemoval): a removed license is held for the days set for its product, its seat
 * still counted and the license still assigned; rejoining the group or re-adding the license cancels it; when the
 * days have passed the scheduled step frees it and the waiting list advances at once. 0 days frees at once.
 */
class RemovalGraceTest {
    private final Scenario contoso = Scenario.contoso();
    private final PendingRemovals pending = contoso.allot.licensing().pendingRemovals();

    /** One seat of E3, held by {@code holder} through the group; {@code waiting} waits for it. */
    private final UserId holder = contoso.user("holder");

    private final UserId waiting = contoso.user("waiting");
    private GroupId staff;

    private void oneSeatHeldAndOneWaiting() {
        contoso.subscribe(E3, 1);
        staff = contoso.aGroup("Staff").withMembers(holder).licensedWith(E3).create();
        contoso.join(staff, waiting).value();
        assertThat(contoso.waitingFor(E3)).containsExactly(waiting);
    }

    private void hold(int days) {
        assertThat(pending.setDays(contoso.admin, E3.skuPartNumber(), days)
                        .value()
                        .days())
                .isEqualTo(days);
    }

    private void seatsAreTrue() {
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo((int) contoso.usersHolding(E3));
        assertThat(contoso.seatsOf(E3).waiting())
                .isEqualTo(contoso.waitingFor(E3).size());
    }

    @Test
    void withZeroDaysTheSeatIsFreedAtOnceAndTheWaitingUserServed() {
        oneSeatHeldAndOneWaiting();

        contoso.leave(staff, holder).value();

        assertThat(contoso.heldSkus(holder)).isEmpty();
        assertThat(contoso.heldSkus(waiting)).containsExactly(E3.skuId());
        assertThat(contoso.allAssignmentsPending()).isEmpty();
        seatsAreTrue();
    }

    @Test
    void leavingTheGroupHoldsTheLicenseForTheProductsDays() {
        oneSeatHeldAndOneWaiting();
        hold(30);
        Instant left = contoso.allot.clock().instant();

        contoso.leave(staff, holder).value();

        LicenseAssignment held = contoso.inherited(holder, E3, staff);
        assertThat(held.state()).isEqualTo(AssignmentState.Active);
        assertThat(held.isPendingRemoval()).isTrue();
        assertThat(held.pendingRemovalAt()).isBetween(left.plus(Duration.ofDays(30)), left.plus(Duration.ofDays(31)));
        assertThat(contoso.heldSkus(holder)).containsExactly(E3.skuId());
        assertThat(contoso.waitingFor(E3)).containsExactly(waiting);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
        seatsAreTrue();
        assertThat(lastLicenseChangeOf(holder).changes().toString()).contains("pending removal until");
    }

    @Test
    void aUnitAdministratorSeesAndUndoesThePendingRemovalsOfItsUnitsUsersOnly() {
        contoso.subscribe(E3, 2);
        UserId other = contoso.user("other");
        staff = contoso.aGroup("Staff")
                .withMembers(holder, other)
                .licensedWith(E3)
                .create();
        hold(30);
        contoso.leave(staff, holder).value();
        contoso.leave(staff, other).value();
        org.allot.core.unit.UnitId north = contoso.unit("North");
        contoso.inUnit(north, List.of(holder));
        contoso.inUnit(contoso.unit("South"), List.of(other));
        org.allot.core.Caller northAdmin = contoso.admin.within(org.allot.core.Scope.units(List.of(north.value())));

        assertThat(pending.ofUser(northAdmin, UserRef.of(holder))).isPresent();
        assertThat(pending.ofUser(northAdmin, UserRef.of(other)))
                .as("not found, as every read outside the scope")
                .isEmpty();
        assertThat(pending.cancel(northAdmin, UserRef.of(other), E3.skuPartNumber())
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.OUTSIDE_SCOPE);
        assertThat(pending.cancel(northAdmin, UserRef.of("nobody@contoso.com"), E3.skuPartNumber())
                        .rejection()
                        .code())
                .as("whether the user exists or not")
                .isEqualTo(ErrorCode.OUTSIDE_SCOPE);
        assertThat(pending.ofUser(contoso.admin, UserRef.of(other))
                        .orElseThrow()
                        .pending())
                .hasSize(1);

        assertThat(pending.cancel(northAdmin, UserRef.of(holder), E3.skuPartNumber())
                        .value()
                        .pending())
                .isEmpty();
        assertThat(contoso.direct(holder, E3).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void rejoiningTheGroupCancelsThePendingRemoval() {
        oneSeatHeldAndOneWaiting();
        hold(30);
        contoso.leave(staff, holder).value();

        contoso.join(staff, holder).value();

        LicenseAssignment back = contoso.inherited(holder, E3, staff);
        assertThat(back.isPendingRemoval()).isFalse();
        assertThat(back.state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.waitingFor(E3)).containsExactly(waiting);
        seatsAreTrue();
        contoso.allot.clock().advance(Duration.ofDays(31));
        pending.freeDue();
        assertThat(contoso.heldSkus(holder)).containsExactly(E3.skuId());
        assertThat(contoso.inherited(holder, E3, staff).isPendingRemoval()).isFalse();
    }

    @Test
    void reAddingTheLicenseDirectlyCancelsThePendingRemoval() {
        oneSeatHeldAndOneWaiting();
        hold(30);
        contoso.leave(staff, holder).value();

        contoso.assign(holder, E3).value();

        assertThat(contoso.direct(holder, E3).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.licensesOf(holder).assignments()).hasSize(1);
        assertThat(contoso.allAssignmentsPending()).isEmpty();
        assertThat(contoso.waitingFor(E3)).containsExactly(waiting);
        seatsAreTrue();
    }

    @Test
    void aDirectRemovalIsHeldAndReAddingItTakesTheSameRowBack() {
        contoso.subscribe(E3, 1);
        hold(7);
        contoso.assign(holder, E3).value();
        Instant requested = contoso.direct(holder, E3).requestedAt();

        contoso.remove(holder, E3).value();
        assertThat(contoso.direct(holder, E3).isPendingRemoval()).isTrue();
        assertThat(contoso.assign(waiting, E3).rejection().code()).isEqualTo(ErrorCode.NO_AVAILABLE_LICENSES);

        contoso.assign(holder, E3).value();
        LicenseAssignment back = contoso.direct(holder, E3);
        assertThat(back.isPendingRemoval()).isFalse();
        assertThat(back.requestedAt()).isEqualTo(requested);
        seatsAreTrue();
    }

    @Test
    void whenTheDaysHavePassedTheStepFreesTheSeatAndTheWaitingListAdvancesOnce() {
        oneSeatHeldAndOneWaiting();
        hold(30);
        contoso.leave(staff, holder).value();
        contoso.allot.clock().advance(Duration.ofDays(29));
        pending.freeDue();
        assertThat(contoso.heldSkus(holder)).containsExactly(E3.skuId());
        assertThat(contoso.waitingFor(E3)).containsExactly(waiting);

        contoso.allot.clock().advance(Duration.ofDays(2));
        pending.freeDue(); // on a shared database, other tenants' due removals are freed too

        assertThat(contoso.heldSkus(holder)).isEmpty();
        assertThat(contoso.licensesOf(holder).assignments()).isEmpty();
        assertThat(contoso.heldSkus(waiting)).containsExactly(E3.skuId());
        assertThat(contoso.waitingFor(E3)).isEmpty();
        seatsAreTrue();
        AuditEvent freed = lastLicenseChangeOf(holder);
        assertThat(freed.actor()).isEqualTo(PendingRemovals.REMOVAL_GRACE);

        int records = contoso.auditEvents().size();
        pending.freeDue();
        assertThat(contoso.auditEvents()).as("a second run changes nothing").hasSize(records);
    }

    @Test
    void aUserWithSeveralDueRemovalsIsEvaluatedOnce() {
        contoso.subscribe(E3, 1);
        contoso.subscribe(EMS, 1);
        hold(5);
        pending.setDays(contoso.admin, EMS.skuPartNumber(), 5).value();
        staff = contoso.aGroup("Staff")
                .withMembers(holder)
                .licensedWith(E3)
                .licensedWith(EMS)
                .create();
        contoso.leave(staff, holder).value();
        assertThat(contoso.allAssignmentsPending()).hasSize(2);

        contoso.allot.clock().advance(Duration.ofDays(6));
        int evaluated = pending.freeDue(); // other tenants' due removals on a shared database count too

        assertThat(contoso.licensesOf(holder).assignments()).isEmpty();
        assertThat(evaluated).as("one user, two due licenses").isOne();
        seatsAreTrue();
    }

    @Test
    void settingTheDaysAnswersTheProductsPendingRemovalsAsAUserSeesThem() {
        oneSeatHeldAndOneWaiting();
        hold(30);
        contoso.leave(staff, holder).value();

        PendingRemovals.ProductRemovals set =
                pending.setDays(contoso.admin, E3.skuId().toString(), 20).value();

        assertThat(set.product().skuId()).isEqualTo(E3.skuId());
        assertThat(set.days()).isEqualTo(20);
        assertThat(set.pending()).singleElement().satisfies(p -> {
            assertThat(p.user()).isEqualTo(holder);
            assertThat(p.sku()).isEqualTo(E3.skuId());
            assertThat(p.skuPartNumber()).isEqualTo(E3.skuPartNumber());
            assertThat(p.source()).isEqualTo(AssignmentSource.group(staff));
        });
        assertThat(pending.ofUser(contoso.admin, UserRef.of(holder))
                        .orElseThrow()
                        .pending())
                .as("one shape for a product's and a user's pending removals")
                .containsExactlyElementsOf(set.pending());
    }

    @Test
    void removingTheGroupsLicenseHoldsItForEveryMember() {
        contoso.subscribe(E3, 3);
        hold(10);
        UserId other = contoso.user("other");
        staff = contoso.aGroup("Staff")
                .withMembers(holder, other)
                .licensedWith(E3)
                .create();

        contoso.unlicenseGroup(staff, E3).value();

        assertThat(contoso.inherited(holder, E3, staff).isPendingRemoval()).isTrue();
        assertThat(contoso.inherited(other, E3, staff).isPendingRemoval()).isTrue();
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(2);
        seatsAreTrue();

        contoso.allot.clock().advance(Duration.ofDays(11));
        pending.freeDue();
        assertThat(contoso.allAssignmentsPending()).isEmpty();
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
        seatsAreTrue();
    }

    @Test
    void undoingAPendingRemovalKeepsTheLicenseAsADirectOne() {
        oneSeatHeldAndOneWaiting();
        hold(30);
        contoso.leave(staff, holder).value();

        PendingRemovals.UserRemovals after = pending.cancel(
                        contoso.admin, UserRef.of(holder), E3.skuId().toString())
                .value();

        assertThat(after.pending()).isEmpty();
        assertThat(contoso.licensesOf(holder).assignments()).hasSize(1);
        assertThat(contoso.direct(holder, E3).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.allAssignmentsPending()).isEmpty();
        assertThat(contoso.waitingFor(E3)).containsExactly(waiting);
        seatsAreTrue();
        assertThat(pending.cancel(contoso.admin, UserRef.of(holder), E3.skuPartNumber())
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.LICENSE_NOT_ASSIGNED);
    }

    @Test
    void undoingIsRefusedWhenADirectAssignmentOfTheProductWouldBeAndChangesNothing() {
        contoso.subscribe(E3, 1);
        contoso.subscribe(WORKPLACE_ANALYTICS, 1);
        pending.setDays(contoso.admin, WORKPLACE_ANALYTICS.skuPartNumber(), 30).value();
        staff = contoso.aGroup("Analysts")
                .withMembers(holder)
                .licensedWith(E3)
                .licensedWith(WORKPLACE_ANALYTICS)
                .create();
        contoso.leave(staff, holder).value();
        LicenseAssignment held = contoso.inherited(holder, WORKPLACE_ANALYTICS, staff);
        assertThat(held.isPendingRemoval()).isTrue();
        assertThat(held.state()).as("E3, its Exchange, freed at once").isEqualTo(AssignmentState.ActiveWithError);
        long changes = licenseChangesDone();

        assertThat(pending.cancel(contoso.admin, UserRef.of(holder), WORKPLACE_ANALYTICS.skuPartNumber())
                        .rejection()
                        .code())
                .as("a direct assignment must be active")
                .isEqualTo(ErrorCode.DEPENDENCY_VIOLATION);

        assertThat(contoso.licensesOf(holder).assignments()).containsExactly(held);
        assertThat(licenseChangesDone()).as("only the refusal is audited").isEqualTo(changes);
    }

    private long licenseChangesDone() {
        return contoso.audit(Activity.CHANGE_USER_LICENSE).stream()
                .filter(e -> e.result().equals("success"))
                .count();
    }

    @Test
    void aProductThatExcludesTheHeldOneFreesItAtOnce() {
        contoso.subscribe(E3, 1);
        contoso.subscribe(EXCHANGE_STANDARD, 1);
        hold(7);
        contoso.assign(holder, E3).value();

        contoso.assign(holder, List.of(Scenario.license(EXCHANGE_STANDARD)), List.of(E3.skuId()))
                .value();

        assertThat(contoso.heldSkus(holder)).containsExactly(EXCHANGE_STANDARD.skuId());
        assertThat(contoso.licensesOf(holder).assignments()).hasSize(1);
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
        seatsAreTrue();
    }

    @Test
    void aSeatTakenBackFromALicensePendingRemovalFreesItForGood() {
        Subscription s = contoso.subscribe(E3, 1);
        hold(30);
        staff = contoso.aGroup("Staff").withMembers(holder).licensedWith(E3).create();
        contoso.leave(staff, holder).value();
        assertThat(contoso.inherited(holder, E3, staff).isPendingRemoval()).isTrue();

        contoso.allot
                .subscriptionBook()
                .setStatus(contoso.admin, s.id(), SubscriptionStatus.Deleted)
                .value();

        assertThat(contoso.licensesOf(holder).assignments())
                .as("the removal goes ahead: nothing waits")
                .isEmpty();
        assertThat(contoso.waitingFor(E3)).isEmpty();
        contoso.subscribe(E3, 1);
        assertThat(contoso.heldSkus(holder))
                .as("a removed license does not come back")
                .isEmpty();
        assertThat(contoso.allAssignmentsPending()).isEmpty();
        seatsAreTrue();
    }

    @Test
    void theDaysAreCheckedAndTheirChangeAudited() {
        assertThat(pending.setDays(contoso.admin, E3.skuPartNumber(), -1)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(pending.setDays(contoso.admin, E3.skuPartNumber(), RemovalGrace.MAX_DAYS + 1)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(pending.setDays(contoso.admin, "NO_SUCH_PRODUCT", 3)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);

        hold(14);
        hold(14);

        assertThat(pending.days(contoso.tenant)).containsEntry(E3.skuId(), 14);
        List<AuditEvent> set = contoso.audit(Activity.SET_REMOVAL_GRACE);
        assertThat(set).hasSize(1);
        assertThat(set.get(0).changes().toString()).contains("removalGraceDays").contains("14");
        hold(0);
        assertThat(pending.days(contoso.tenant)).isEmpty();
    }

    private AuditEvent lastLicenseChangeOf(UserId user) {
        List<AuditEvent> changes = contoso.audit(Activity.CHANGE_USER_LICENSE).stream()
                .filter(e -> e.target().id().equals(user.toString()))
                .toList();
        return changes.get(changes.size() - 1);
    }
}
