package org.allot.core.timebound;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Transactions;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.testing.InMemoryAuditLog;
import org.allot.core.testing.InMemoryTimedGrants;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Time-bound grants (docs/delegation.md) on an injected clock: a direct license or a membership takes effect at its
 * start and ends at its end on its own, through the ordinary paths (the waiting list served, the removal grace held),
 * with audit records; the step is idempotent; bad times are refused and change nothing.
 */
class TimeBoundGrantsTest {
    private static final Duration DAY = Duration.ofDays(1);

    private final Scenario contoso = Scenario.contoso();
    private final InMemoryTimedGrants stored = new InMemoryTimedGrants();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final TimeBoundGrants grants = new TimeBoundGrants(
            new TimeBoundGrants.Ports(
                    Transactions.NONE,
                    TenantLocks.NONE,
                    contoso.allot.users(),
                    contoso.allot.groups(),
                    contoso.allot.memberships(),
                    contoso.allot.catalog(),
                    contoso.allot.licensing().users(),
                    contoso.allot.groupDirectory(),
                    stored,
                    audit,
                    org.allot.core.directory.ScopeGuard.TENANT_ONLY),
            contoso.allot.clock());

    private final UserId contractor = contoso.user("contractor");
    private final UserId waiting = contoso.user("waiting");

    private Instant in(Duration d) {
        return contoso.allot.clock().instant().plus(d);
    }

    private Outcome<TimeBoundGrants.Listed> license(UserId user, Instant start, Instant end) {
        return grants.grantLicense(contoso.admin, UserRef.of(user), E3.skuPartNumber(), Set.of(), start, end);
    }

    private void passes(Duration d) {
        contoso.allot.clock().advance(d);
    }

    private List<AuditEvent> recorded(Activity activity) {
        return audit.of(activity);
    }

    /** One seat of E3; {@code waiting} is in a licensed group and waits for it once the contractor holds it. */
    private GroupId oneSeatAndAWaitingMember() {
        contoso.subscribe(E3, 1);
        license(contractor, null, in(DAY.multipliedBy(30))).value();
        GroupId staff =
                contoso.aGroup("Staff").withMembers(waiting).licensedWith(E3).create();
        assertThat(contoso.waitingFor(E3)).containsExactly(waiting);
        return staff;
    }

    @Test
    void aDirectLicenseEndsOnItsOwnDateAndTheNextWaitingUserGetsTheSeat() {
        oneSeatAndAWaitingMember();
        assertThat(contoso.heldSkus(contractor)).containsExactly(E3.skuId());

        passes(DAY.multipliedBy(29));
        assertThat(grants.runDue()).isZero();
        assertThat(contoso.heldSkus(contractor)).containsExactly(E3.skuId());

        passes(DAY.multipliedBy(2));
        assertThat(grants.runDue()).isEqualTo(1);

        assertThat(contoso.heldSkus(contractor)).isEmpty();
        assertThat(contoso.heldSkus(waiting)).containsExactly(E3.skuId());
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
        assertThat(grants.ofUser(contoso.admin, UserRef.of(contractor)).orElseThrow())
                .isEmpty();
        AuditEvent ended = recorded(Activity.END_TIME_BOUND_GRANT).get(0);
        assertThat(ended.actor()).isEqualTo(TimeBoundGrants.TIME_BOUND_GRANTS);
        assertThat(ended.result()).isEqualTo(AuditEvent.SUCCESS);
        assertThat(ended.changes().toString()).contains("admin@contoso.com");
        assertThat(contoso.audit(Activity.CHANGE_USER_LICENSE).stream()
                        .filter(e -> e.actor().equals(TimeBoundGrants.TIME_BOUND_GRANTS)))
                .hasSize(1);
    }

    @Test
    void theStepIsIdempotent() {
        oneSeatAndAWaitingMember();
        passes(DAY.multipliedBy(31));

        assertThat(grants.runDue()).isEqualTo(1);
        assertThat(grants.runDue()).isZero();

        assertThat(recorded(Activity.END_TIME_BOUND_GRANT)).hasSize(1);
        assertThat(contoso.heldSkus(waiting)).containsExactly(E3.skuId());
    }

    @Test
    void aGrantThatStartsLaterAssignsNothingUntilItsStart() {
        contoso.subscribe(E3, 5);
        TimedGrant scheduled = license(contractor, in(DAY.multipliedBy(7)), in(DAY.multipliedBy(30)))
                .value()
                .grant();

        assertThat(scheduled.started()).isFalse();
        assertThat(contoso.heldSkus(contractor)).isEmpty();
        assertThat(grants.runDue()).isZero();
        assertThat(grants.ofUser(contoso.admin, UserRef.of(contractor)).orElseThrow())
                .singleElement()
                .satisfies(l -> assertThat(l.grant().started()).isFalse());

        passes(DAY.multipliedBy(7));
        assertThat(grants.runDue()).isEqualTo(1);
        assertThat(contoso.direct(contractor, E3).holdsSeat()).isTrue();
        assertThat(recorded(Activity.START_TIME_BOUND_GRANT)).hasSize(1);

        passes(DAY.multipliedBy(23));
        assertThat(grants.runDue()).isEqualTo(1);
        assertThat(contoso.heldSkus(contractor)).isEmpty();
    }

    @Test
    void theEndRemovesOnlyTheDirectAssignmentNotTheLicenseAGroupGives() {
        contoso.subscribe(E3, 5);
        license(contractor, null, in(DAY)).value();
        GroupId staff =
                contoso.aGroup("Staff").withMembers(contractor).licensedWith(E3).create();

        passes(DAY.multipliedBy(2));
        grants.runDue();

        assertThat(contoso.licensesOf(contractor).find(E3.skuId(), AssignmentSource.DIRECT))
                .isEmpty();
        assertThat(contoso.inherited(contractor, E3, staff).holdsSeat()).isTrue();
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void aTimedMembershipEndsAndGroupLicensingRemovesWhatTheGroupGave() {
        contoso.subscribe(E3, 1);
        GroupId staff = contoso.aGroup("Staff").licensedWith(E3).create();
        grants.grantMembership(contoso.admin, staff, UserRef.of(contractor), null, in(DAY.multipliedBy(10)))
                .value();
        contoso.join(staff, waiting).value();
        assertThat(contoso.inherited(contractor, E3, staff).holdsSeat()).isTrue();
        assertThat(contoso.waitingFor(E3)).containsExactly(waiting);

        passes(DAY.multipliedBy(10));
        assertThat(grants.runDue()).isEqualTo(1);

        assertThat(contoso.membersOf(staff)).containsExactly(waiting);
        assertThat(contoso.heldSkus(contractor)).isEmpty();
        assertThat(contoso.heldSkus(waiting)).containsExactly(E3.skuId());
        assertThat(contoso.audit(Activity.REMOVE_MEMBER)).singleElement().satisfies(e -> assertThat(e.actor())
                .isEqualTo(TimeBoundGrants.TIME_BOUND_GRANTS));
    }

    @Test
    void aMembershipThatStartsLaterIsNoMembershipUntilThen() {
        contoso.subscribe(E3, 1);
        GroupId staff = contoso.aGroup("Staff").licensedWith(E3).create();
        grants.grantMembership(contoso.admin, staff, UserRef.of(contractor), in(DAY), null)
                .value();

        assertThat(contoso.membersOf(staff)).isEmpty();
        assertThat(grants.ofGroup(contoso.admin, staff).orElseThrow())
                .singleElement()
                .satisfies(l -> assertThat(l.userPrincipalName()).isEqualTo("contractor@contoso.com"));

        passes(DAY);
        grants.runDue();
        assertThat(contoso.membersOf(staff)).containsExactly(contractor);
        assertThat(contoso.heldSkus(contractor)).containsExactly(E3.skuId());
        // a start without an end leaves an ordinary membership behind
        assertThat(grants.ofGroup(contoso.admin, staff).orElseThrow()).isEmpty();
    }

    @Test
    void atTheEndTheRemovalGraceHoldsTheLicenseAsForAnyRemoval() {
        oneSeatAndAWaitingMember();
        contoso.allot
                .licensing()
                .pendingRemovals()
                .setDays(contoso.admin, E3.skuPartNumber(), 5)
                .value();

        passes(DAY.multipliedBy(31));
        grants.runDue();

        assertThat(contoso.direct(contractor, E3).isPendingRemoval()).isTrue();
        assertThat(contoso.waitingFor(E3)).containsExactly(waiting);

        passes(DAY.multipliedBy(6));
        contoso.allot.licensing().pendingRemovals().freeDue();
        assertThat(contoso.heldSkus(contractor)).isEmpty();
        assertThat(contoso.heldSkus(waiting)).containsExactly(E3.skuId());
    }

    @Test
    void anEndBeforeTheStartOrInThePastIsRefusedAndNothingIsAssigned() {
        contoso.subscribe(E3, 5);

        Outcome<TimeBoundGrants.Listed> backwards = license(contractor, in(DAY.multipliedBy(5)), in(DAY));
        Outcome<TimeBoundGrants.Listed> past = license(contractor, null, in(DAY.negated()));
        Outcome<TimeBoundGrants.Listed> endless = license(contractor, null, null);

        assertThat(List.of(backwards, past, endless))
                .allSatisfy(o -> assertThat(o.rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        assertThat(backwards.rejection().message()).contains("endDateTime must be after startDateTime");
        assertThat(past.rejection().message()).contains("endDateTime must be in the future");
        assertThat(contoso.heldSkus(contractor)).isEmpty();
        assertThat(stored.ofUser(contoso.tenant, contractor)).isEmpty();
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void aLicenseThatCannotBeAssignedNowIsRefusedAndNotKept() {
        contoso.subscribe(E3, 1);
        contoso.assign(waiting, E3).value();

        Outcome<TimeBoundGrants.Listed> full = license(contractor, null, in(DAY));

        assertThat(full.rejection().code()).isEqualTo(ErrorCode.NO_AVAILABLE_LICENSES);
        assertThat(stored.ofUser(contoso.tenant, contractor)).isEmpty();
    }

    @Test
    void theEndCanBeMovedOrRemoved() {
        contoso.subscribe(E3, 5);
        license(contractor, null, in(DAY)).value();
        UserRef ref = UserRef.of(contractor);

        grants.changeLicense(
                        contoso.admin,
                        ref,
                        E3.skuPartNumber(),
                        new TimeBoundGrants.Reschedule(false, null, true, in(DAY.multipliedBy(3))))
                .value();
        passes(DAY.multipliedBy(2));
        assertThat(grants.runDue()).isZero();
        assertThat(contoso.heldSkus(contractor)).containsExactly(E3.skuId());

        grants.changeLicense(
                        contoso.admin, ref, E3.skuPartNumber(), new TimeBoundGrants.Reschedule(false, null, true, null))
                .value();
        passes(DAY.multipliedBy(30));
        assertThat(grants.runDue()).isZero();
        assertThat(contoso.heldSkus(contractor)).containsExactly(E3.skuId());
        assertThat(recorded(Activity.SET_TIME_BOUND_GRANT)).hasSize(3);
    }

    @Test
    void aStartedGrantsStartCannotChangeAndAPastEndIsRefused() {
        contoso.subscribe(E3, 5);
        license(contractor, null, in(DAY.multipliedBy(3))).value();
        UserRef ref = UserRef.of(contractor);

        Outcome<TimeBoundGrants.Listed> restart = grants.changeLicense(
                contoso.admin, ref, E3.skuPartNumber(), new TimeBoundGrants.Reschedule(true, in(DAY), false, null));
        Outcome<TimeBoundGrants.Listed> past = grants.changeLicense(
                contoso.admin,
                ref,
                E3.skuPartNumber(),
                new TimeBoundGrants.Reschedule(false, null, true, in(DAY.negated())));

        assertThat(restart.rejection().message()).contains("has started");
        assertThat(past.rejection().message()).contains("in the future");
    }

    @Test
    void cancellingAScheduledGrantAssignsNothingAndCancellingAStartedOneEndsItNow() {
        contoso.subscribe(E3, 5);
        GroupId staff = contoso.aGroup("Staff").create();
        license(contractor, in(DAY), in(DAY.multipliedBy(2))).value();
        grants.grantMembership(contoso.admin, staff, UserRef.of(waiting), null, in(DAY.multipliedBy(9)))
                .value();

        grants.cancelLicense(contoso.admin, UserRef.of(contractor), E3.skuId().toString())
                .value();
        grants.cancelMembership(contoso.admin, staff, UserRef.of(waiting)).value();

        assertThat(contoso.membersOf(staff)).isEmpty();
        passes(DAY.multipliedBy(3));
        assertThat(grants.runDue()).isZero();
        assertThat(contoso.heldSkus(contractor)).isEmpty();
        assertThat(stored.ofUser(contoso.tenant, contractor)).isEmpty();
    }

    @Test
    void aSecondGrantOfTheSameLicenseIsRefused() {
        contoso.subscribe(E3, 5);
        license(contractor, null, in(DAY)).value();

        Outcome<TimeBoundGrants.Listed> again = license(contractor, in(DAY.multipliedBy(2)), in(DAY.multipliedBy(3)));

        assertThat(again.rejection().code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(again.rejection().message()).contains("change or cancel it");
    }

    @Test
    void anEndSetOnALicenseOrMembershipHeldWithoutOneEndsItWithItsPlansKept() {
        contoso.subscribe(E3, 5);
        contoso.assign(contractor, E3, E3.servicePlans().get(0)).value();
        GroupId staff = contoso.aGroup("Staff").withMembers(waiting).create();

        TimedGrant license = grants.changeLicense(
                        contoso.admin,
                        UserRef.of(contractor),
                        E3.skuPartNumber(),
                        new TimeBoundGrants.Reschedule(false, null, true, in(DAY)))
                .value()
                .grant();
        grants.changeMembership(
                        contoso.admin,
                        staff,
                        UserRef.of(waiting),
                        new TimeBoundGrants.Reschedule(false, null, true, in(DAY)))
                .value();

        assertThat(license.started()).isTrue();
        assertThat(contoso.direct(contractor, E3).disabledPlans())
                .containsExactly(E3.servicePlans().get(0).id());
        passes(DAY);
        assertThat(grants.runDue()).isEqualTo(2);
        assertThat(contoso.heldSkus(contractor)).isEmpty();
        assertThat(contoso.membersOf(staff)).isEmpty();
        assertThat(grants.changeLicense(
                                contoso.admin,
                                UserRef.of(contractor),
                                E3.skuPartNumber(),
                                new TimeBoundGrants.Reschedule(false, null, true, in(DAY)))
                        .rejection()
                        .code())
                .as("nothing held: nothing to give an end")
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void whereTheGroupOnlyPolicyForbidsDirectAssignmentATimedLicenseIsRefusedAndAScheduledOneDroppedAtItsStart() {
        contoso.subscribe(E3, 5);
        license(waiting, in(DAY), in(DAY.multipliedBy(2))).value();
        contoso.allot
                .licensing()
                .groupOnly()
                .setProduct(contoso.admin, E3.skuPartNumber(), true)
                .value();

        Outcome<TimeBoundGrants.Listed> now = license(contractor, null, in(DAY));

        assertThat(now.rejection().message()).contains("group-only policy");
        assertThat(stored.ofUser(contoso.tenant, contractor)).isEmpty();
        passes(DAY);
        grants.runDue();
        assertThat(contoso.heldSkus(waiting)).isEmpty();
        assertThat(stored.ofUser(contoso.tenant, waiting)).isEmpty();
        assertThat(recorded(Activity.START_TIME_BOUND_GRANT)).singleElement().satisfies(e -> assertThat(e.result())
                .isEqualTo(AuditEvent.FAILURE));
    }
}
