package org.allot.core.request;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.Scope;
import org.allot.core.assignment.Allotment;
import org.allot.core.assignment.AllotmentChange;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.AssignmentError;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.assignment.DirectToGroup;
import org.allot.core.assignment.LicenseMigration;
import org.allot.core.assignment.PoolFigures;
import org.allot.core.assignment.SeatAllotments;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.audit.Activity;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.testing.Scenario;
import org.allot.core.timebound.TimeBoundGrants;
import org.allot.core.unit.UnitId;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's check, walked as one story on one tenant with two business units, North and South, each with a pool of
 * E3 seats and a unit administrator: the North administrator stays within North, the pools fill and queue on their own,
 * a South request approved for the manager waits for a South seat, a contractor's license ends on its date, the tenant
 * forbids direct assignment of E3, and the direct holders of EMS move to group licensing with no seat change.
 */
class TwoBusinessUnitsTest extends RequestTesting {
    /** Holders of EMS moved to group licensing in the last step. */
    private static final int HOLDERS = 1_000;

    private final SeatAllotments pools = contoso.allot.licensing().allotments();
    private final UserLicensing licensing = contoso.allot.licensing().users();
    private final ScopeGuard guard = new ScopeGuard(contoso.allot.unitMemberships());
    private final List<AssignedLicense> e3 = List.of(Scenario.license(E3));

    @Test
    void twoBusinessUnitsLicenseOnTheirOwnFromOneTenant() {
        contoso.subscribe(E3, 10);
        UnitId north = unit("North");
        UnitId south = unit("South");
        List<UserId> n = inUnit(north, contoso.users("north", 4));
        UserId contractor = inUnit(north, List.of(contoso.user("contractor"))).get(0);
        List<UserId> s = inUnit(south, contoso.users("south", 4));
        UserId southManager =
                inUnit(south, List.of(contoso.user("south-manager"))).get(0);
        UserId hq = contoso.user("hq");
        GroupId northStaff = inUnit(north, contoso.aGroup("North staff").create());
        GroupId southStaff = inUnit(south, contoso.aGroup("South staff").create());
        AllotmentId northPool = pool("North seats", north, 3);
        AllotmentId southPool = pool("South seats", south, 2);
        Scope northOnly = Scope.units(List.of(north.value()));
        Scope southOnly = Scope.units(List.of(south.value()));
        Caller northAdmin = Caller.of(contoso.tenant, Actor.app("north-desk", "North service desk"))
                .within(northOnly);
        Caller southPortal = portal.within(southOnly);

        // 1. The North administrator reads and licenses North's users; South's are not found, and not touched.
        assertThat(guard.toRead(northAdmin, n.get(0).value(), n.get(0))).isEmpty();
        assertThat(guard.toRead(northAdmin, northStaff.value(), northStaff)).isEmpty();
        assertThat(guard.toRead(northAdmin, s.get(0).value(), s.get(0)).map(Rejection::code))
                .contains(ErrorCode.NOT_FOUND);
        assertThat(guard.toRead(northAdmin, southStaff.value(), southStaff).map(Rejection::code))
                .contains(ErrorCode.NOT_FOUND);
        assertThat(timeBound.ofUser(northAdmin, UserRef.of(n.get(0)))).isPresent();
        assertThat(timeBound.ofUser(northAdmin, UserRef.of(s.get(0)))).isEmpty();
        assertThat(book.list(northAdmin, null, UserRef.of(s.get(0)), 10)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(licensing
                        .assign(northAdmin, UserRef.of(n.get(0)), e3, List.of(), false)
                        .isDone())
                .isTrue();
        assertOutside(licensing.assign(northAdmin, UserRef.of(s.get(0)), e3, List.of(), false));
        assertOutside(contoso.allot.licensing().groups().assign(northAdmin, southStaff, e3, List.of()));
        assertOutside(contoso.allot
                .groupDirectory()
                .addMember(northAdmin, southStaff, n.get(1).value()));
        assertOutside(contoso.allot
                .groupDirectory()
                .addMember(northAdmin, northStaff, s.get(0).value()));
        assertOutside(timeBound.grantLicense(
                northAdmin, UserRef.of(s.get(0)), "ENTERPRISEPACK", Set.of(), null, now().plus(Duration.ofDays(30))));
        assertThat(contoso.heldSkus(s.get(0))).isEmpty();
        assertThat(contoso.membersOf(southStaff)).isEmpty();
        assertThat(contoso.direct(n.get(0), E3).pool()).isEqualTo(northPool);

        // 2. North's pool fills and its users queue while South's pool and the remainder have free seats.
        timeBound
                .grantLicense(
                        northAdmin,
                        UserRef.of(contractor),
                        "ENTERPRISEPACK",
                        Set.of(),
                        null,
                        now().plus(Duration.ofDays(30)))
                .value();
        contoso.allot
                .licensing()
                .groups()
                .assign(northAdmin, northStaff, e3, List.of())
                .value();
        for (UserId user : n.subList(1, 4)) {
            contoso.allot
                    .groupDirectory()
                    .addMember(northAdmin, northStaff, user.value())
                    .value();
            contoso.allot.clock().advance(Duration.ofMinutes(1));
        }
        assertThat(holds(n.get(1))).isTrue();
        assertThat(contoso.inherited(n.get(2), E3, northStaff).error()).isEqualTo(AssignmentError.CountViolation);
        assertThat(contoso.waitingFor(E3)).containsExactlyInAnyOrder(n.get(2), n.get(3));
        assertThat(figures().of(northPool))
                .extracting(PoolFigures.Pool::consumed, PoolFigures.Pool::waiting)
                .containsExactly(3, 2);
        assertThat(figures().of(southPool).available()).isEqualTo(2);
        assertThat(figures().remainder().available()).isEqualTo(5);
        contoso.assign(hq, E3).value();
        assertThat(contoso.direct(hq, E3).pool())
                .as("the remainder still serves others")
                .isNull();
        licensing
                .assign(northAdmin, UserRef.of(n.get(0)), List.of(), List.of(E3.skuId()), false)
                .value();
        assertThat(holds(n.get(2)))
                .as("North's freed seat goes to North's first waiting user")
                .isTrue();
        assertThat(contoso.inherited(n.get(2), E3, northStaff).pool()).isEqualTo(northPool);
        assertThat(contoso.waitingFor(E3)).containsExactly(n.get(3));

        // 3. A South request, approved by the portal for the manager, waits for a South seat and is granted when one
        // frees.
        contoso.allot
                .licensing()
                .groups()
                .assign(contoso.admin, southStaff, e3, List.of())
                .value();
        contoso.join(southStaff, s.get(0)).value();
        contoso.join(southStaff, s.get(1)).value();
        userManagers
                .assign(contoso.admin, UserRef.of(s.get(2)), southManager.value())
                .value();
        UUID request = filed(s.get(2));
        assertThat(book.find(contoso.admin, request).orElseThrow().request().manager())
                .isEqualTo(southManager);
        assertThat(decisions
                        .approve(
                                northAdmin,
                                Approver.within(northOnly, true),
                                request,
                                RequestDecisions.Approval.asRequested())
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.OUTSIDE_SCOPE);
        RequestView approved = decisions
                .approve(
                        southPortal,
                        Approver.within(southOnly, true).forManager(),
                        request,
                        RequestDecisions.Approval.asRequested())
                .value();
        assertThat(approved.request().decision().onBehalfOfManager()).isTrue();
        assertThat(approved.grantStatus()).isEqualTo(GrantStatus.WAITING_FOR_SEAT);
        assertThat(contoso.direct(s.get(2), E3).pool()).isEqualTo(southPool);
        assertThat(figures().remainder().available())
                .as("although the remainder has seats")
                .isPositive();
        contoso.leave(southStaff, s.get(0)).value();
        assertThat(book.find(contoso.admin, request).orElseThrow().grantStatus())
                .isEqualTo(GrantStatus.GRANTED);
        assertThat(contoso.direct(s.get(2), E3).state()).isEqualTo(AssignmentState.Active);

        // 4. The contractor's license ends on its own date; its seat goes to North's next waiting user, not South's.
        contoso.join(southStaff, s.get(3)).value();
        assertThat(contoso.waitingFor(E3)).containsExactlyInAnyOrder(n.get(3), s.get(3));
        contoso.allot.clock().advance(Duration.ofDays(29));
        assertThat(timeBound.runDue()).isZero();
        assertThat(holds(contractor)).isTrue();
        contoso.allot.clock().advance(Duration.ofDays(2));
        assertThat(timeBound.runDue()).isEqualTo(1);
        assertThat(holds(contractor)).isFalse();
        assertThat(holds(n.get(3))).isTrue();
        assertThat(contoso.waitingFor(E3)).containsExactly(s.get(3));
        assertThat(audit.of(Activity.END_TIME_BOUND_GRANT)).singleElement().satisfies(e -> assertThat(e.actor())
                .isEqualTo(TimeBoundGrants.TIME_BOUND_GRANTS));

        // 5. The tenant forbids direct assignment of E3: refused with the policy's message; the break glass is audited.
        contoso.allot
                .licensing()
                .groupOnly()
                .setProduct(contoso.admin, "ENTERPRISEPACK", true)
                .value();
        Outcome<?> refused = licensing.assign(northAdmin, UserRef.of(n.get(0)), e3, List.of(), false);
        assertThat(refused.rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.rejection().message())
                .startsWith("Direct assignment of Office 365 E3 (ENTERPRISEPACK) is not allowed: the group-only policy"
                        + " of this product requires it to be assigned through a group.");
        assertThat(contoso.heldSkus(n.get(0))).isEmpty();
        UserId visitor = contoso.user("visitor");
        assertThat(licensing
                        .assign(contoso.admin, UserRef.of(visitor), e3, List.of(), false, true)
                        .isDone())
                .isTrue();
        assertThat(contoso.audit(Activity.OVERRIDE_GROUP_ONLY_POLICY))
                .singleElement()
                .satisfies(e -> assertThat(e.targets())
                        .extracting(t -> t.id())
                        .contains(visitor.toString(), E3.skuId().toString()));
        contoso.allot
                .groupDirectory()
                .addMember(northAdmin, northStaff, n.get(0).value())
                .value();
        assertThat(contoso.inherited(n.get(0), E3, northStaff).error())
                .as("through a group it is allowed, and waits for North's pool")
                .isEqualTo(AssignmentError.CountViolation);
        assertThat(contoso.seatsOf(E3).consumed())
                .as("never over-allocated: 3 North, 2 South, 2 of the remainder")
                .isEqualTo(contoso.usersHolding(E3))
                .isEqualTo(7);

        // 6. The direct holders of EMS move to a group that grants it: no seat changes, every holder keeps EMS.
        contoso.subscribe(EMS, HOLDERS + 10);
        List<UserId> holders = contoso.users("holder", HOLDERS);
        licensing
                .assignEach(contoso.admin, holders, EMS.skuId(), org.allot.core.assignment.DirectLicenseChange.ADD)
                .value();
        GroupId emsUsers = contoso.aGroup("EMS users").licensedWith(EMS).create();
        int seatsBefore = contoso.seatsOf(EMS).consumed();
        assertThat(seatsBefore).isEqualTo(HOLDERS);
        DirectToGroup.Preview preview = contoso.allot
                .directToGroup()
                .preview(contoso.tenant, EMS.skuId().toString(), emsUsers, false)
                .value();
        assertThat(preview.directHolders()).isEqualTo(HOLDERS);
        assertThat(preview.moving()).isEqualTo(HOLDERS);
        assertThat(preview.joining()).isEqualTo(HOLDERS);
        assertThat(preview.seatsUsed()).isEqualTo(seatsBefore);
        LicenseMigration run = contoso.allot
                .directToGroup()
                .start(contoso.admin, EMS.skuId().toString(), emsUsers, false)
                .value();
        contoso.runJobs();
        assertThat(contoso.allot
                        .directToGroup()
                        .run(contoso.tenant, run.id(), 0, 10)
                        .orElseThrow()
                        .run())
                .extracting(LicenseMigration::state, LicenseMigration::moved, LicenseMigration::kept)
                .containsExactly(LicenseMigration.State.Completed, HOLDERS, 0);
        assertThat(contoso.seatsOf(EMS).consumed()).isEqualTo(seatsBefore);
        assertThat(holders).allSatisfy(u -> {
            assertThat(contoso.licensesOf(u).find(EMS.skuId(), AssignmentSource.DIRECT))
                    .isEmpty();
            assertThat(contoso.inherited(u, EMS, emsUsers).state()).isEqualTo(AssignmentState.Active);
        });
    }

    private boolean holds(UserId user) {
        return contoso.heldSkus(user).contains(E3.skuId());
    }

    private UnitId unit(String name) {
        return contoso.unit(name);
    }

    private List<UserId> inUnit(UnitId unit, List<UserId> users) {
        return contoso.inUnit(unit, users);
    }

    private GroupId inUnit(UnitId unit, GroupId group) {
        contoso.allot.unitMembers().add(contoso.admin, unit, group.value()).value();
        return group;
    }

    private AllotmentId pool(String name, UnitId owner, int cap) {
        AllotmentChange change = new AllotmentChange(
                java.util.Optional.of(name),
                java.util.Optional.of(new Allotment.Owner(Allotment.Kind.UNIT, owner.value())),
                java.util.Optional.of(cap),
                java.util.Optional.empty());
        return pools.create(contoso.admin, E3.skuId().toString(), change)
                .value()
                .id();
    }

    private PoolFigures figures() {
        return contoso.allot
                .licensing()
                .allotmentFigures()
                .figures(contoso.tenant, E3.skuId().toString())
                .orElseThrow();
    }

    private static void assertOutside(Outcome<?> outcome) {
        assertThat(outcome.isDone()).isFalse();
        assertThat(outcome.rejection().code()).isEqualTo(ErrorCode.OUTSIDE_SCOPE);
        assertThat(outcome.rejection().message()).isEqualTo(ScopeGuard.INSUFFICIENT);
    }
}
