package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.Subscription;
import org.allot.core.testing.Scenario;
import org.allot.core.unit.UnitId;
import org.junit.jupiter.api.Test;

/**
 * Allotments (issue 19): a SKU's seats split into capped pools owned by administrative units or groups, each with its
 * own waiting list; the invariants hold per pool and per SKU after every step ({@link #assertInvariants}).
 */
class AllotmentsTest {
    private final Scenario contoso = Scenario.contoso();
    private final SeatAllotments pools = contoso.allot.licensing().allotments();
    private GroupId all;

    @Test
    void aFullPoolQueuesItsUsersWhileTheRemainderHasFreeSeats() {
        contoso.subscribe(E3, 10);
        UnitId north = unit("North");
        AllotmentId pool = pool("North seats", north, 2);
        List<UserId> northUsers = inUnit(north, contoso.users("north", 3));
        List<UserId> others = contoso.users("other", 2);

        joinAll(northUsers);
        joinAll(others);

        assertThat(holds(northUsers.get(0))).isTrue();
        assertThat(holds(northUsers.get(1))).isTrue();
        LicenseAssignment third = contoso.inherited(northUsers.get(2), E3, all());
        assertThat(third.error()).isEqualTo(AssignmentError.CountViolation);
        assertThat(third.pool()).isEqualTo(pool);
        assertThat(others).allMatch(this::holds);
        assertThat(contoso.inherited(others.get(0), E3, all()).pool()).isNull();
        PoolFigures figures = figures();
        assertThat(figures.of(pool))
                .isEqualTo(new PoolFigures.Pool(figures.of(pool).allotment(), 2, 2, 1));
        assertThat(figures.remainder()).isEqualTo(new PoolFigures.Pool(null, 8, 2, 0));
        assertInvariants();
    }

    @Test
    void aDirectAssignmentToAFullPoolIsRefusedNamingThePoolWhileTheSkuHasFreeSeatsElsewhere() {
        contoso.subscribe(E3, 10);
        UnitId north = unit("North");
        AllotmentId pool = pool("North seats", north, 1);
        List<UserId> northUsers = inUnit(north, contoso.users("north", 2));
        contoso.assign(northUsers.get(0), E3).value();

        Outcome<?> refused = contoso.assign(northUsers.get(1), E3);

        assertThat(refused.isDone()).isFalse();
        assertThat(refused.rejection().code()).isEqualTo(ErrorCode.NO_AVAILABLE_LICENSES);
        assertThat(refused.rejection().message())
                .contains("allotment 'North seats' (" + pool + ")")
                .contains("other allotments or in no allotment");
        assertThat(figures().remainder().consumed()).isZero();
        assertInvariants();
    }

    @Test
    void aFreedSeatGoesBackToItsPoolAndItsWaitingListFirst() {
        contoso.subscribe(E3, 4);
        UnitId north = unit("North");
        AllotmentId pool = pool("North seats", north, 2);
        List<UserId> northUsers = inUnit(north, contoso.users("north", 3));
        List<UserId> others = contoso.users("other", 3);
        joinAll(northUsers);
        joinAll(others);
        assertThat(contoso.waitingFor(E3)).containsExactlyInAnyOrder(northUsers.get(2), others.get(2));

        contoso.leave(all(), northUsers.get(0)).value();

        assertThat(holds(northUsers.get(2))).isTrue();
        assertThat(contoso.inherited(northUsers.get(2), E3, all()).pool()).isEqualTo(pool);
        assertThat(contoso.waitingFor(E3)).containsExactly(others.get(2));
        assertInvariants();

        contoso.leave(all(), others.get(0)).value();

        assertThat(holds(others.get(2))).isTrue();
        assertThat(contoso.waitingFor(E3)).isEmpty();
        assertInvariants();
    }

    @Test
    void aPoolNamedOnTheGroupAssignmentComesBeforeTheUsersUnit() {
        contoso.subscribe(E3, 10);
        UnitId north = unit("North");
        UnitId south = unit("South");
        AllotmentId northPool = pool("North seats", north, 3);
        AllotmentId southPool = pool("South seats", south, 3);
        UserId contractor = inUnit(north, List.of(contoso.user("contractor"))).get(0);
        GroupId contractors = contoso.aGroup("Contractors").licensedWith(E3).create();
        pools.nameForGroup(contoso.admin, contractors, E3.skuId().toString(), Optional.of(southPool))
                .value();

        contoso.join(contractors, contractor).value();

        assertThat(contoso.inherited(contractor, E3, contractors).pool()).isEqualTo(southPool);
        assertThat(figures().of(northPool).consumed()).isZero();
        assertThat(figures().of(southPool).consumed()).isEqualTo(1);
        assertInvariants();
    }

    @Test
    void aUserInSeveralUnitsDrawsFromTheFirstPoolInTheSkusOrder() {
        contoso.subscribe(E3, 10);
        UnitId north = unit("North");
        UnitId south = unit("South");
        AllotmentId northPool = pool("North seats", north, 3);
        AllotmentId southPool = pool("South seats", south, 3);
        UserId both = contoso.user("both");
        inUnit(north, List.of(both));
        inUnit(south, List.of(both));

        contoso.join(all(), both).value();
        assertThat(contoso.inherited(both, E3, all()).pool()).isEqualTo(northPool);

        pools.update(contoso.admin, southPool, change(Optional.empty(), Optional.of(1)))
                .value();

        assertThat(contoso.inherited(both, E3, all()).pool()).isEqualTo(southPool);
        assertThat(figures().of(northPool).consumed()).isZero();
        assertThat(figures().of(southPool).consumed()).isEqualTo(1);
        assertInvariants();
    }

    @Test
    void raisingACapServesThePoolsWaitingListAndLoweringItTakesNoSeatAway() {
        contoso.subscribe(E3, 10);
        UnitId north = unit("North");
        AllotmentId pool = pool("North seats", north, 1);
        List<UserId> northUsers = inUnit(north, contoso.users("north", 3));
        joinAll(northUsers);
        assertThat(contoso.waitingFor(E3)).containsExactly(northUsers.get(1), northUsers.get(2));

        pools.update(contoso.admin, pool, change(Optional.of(2), Optional.empty()))
                .value();

        assertThat(holds(northUsers.get(1))).isTrue();
        assertThat(contoso.waitingFor(E3)).containsExactly(northUsers.get(2));
        assertInvariants();

        pools.update(contoso.admin, pool, change(Optional.of(0), Optional.empty()))
                .value();

        assertThat(northUsers.subList(0, 2)).allMatch(this::holds);
        UserId late = inUnit(north, List.of(contoso.user("late"))).get(0);
        contoso.join(all(), late).value();
        assertThat(contoso.inherited(late, E3, all()).error()).isEqualTo(AssignmentError.CountViolation);
        assertInvariants();
    }

    @Test
    void capsAboveTheEnabledSeatsAreRefused() {
        contoso.subscribe(E3, 5);
        UnitId north = unit("North");
        UnitId south = unit("South");
        pool("North seats", north, 3);

        Outcome<Allotment> refused = pools.create(contoso.admin, E3.skuId().toString(), create("South", south, 3));

        assertThat(refused.isDone()).isFalse();
        assertThat(refused.rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.rejection().message()).contains("6 seats").contains("5 enabled seats");
        assertThat(figures().pools()).hasSize(1);
    }

    @Test
    void aSubscriptionThatShrinksBelowTheCapsFillsThePoolsInOrderAndNeverOverAllocates() {
        Subscription e3 = contoso.subscribe(E3, 6);
        UnitId north = unit("North");
        UnitId south = unit("South");
        AllotmentId northPool = pool("North seats", north, 3);
        AllotmentId southPool = pool("South seats", south, 3);

        contoso.setSeats(e3, 4);

        PoolFigures figures = figures();
        assertThat(figures.of(northPool).seats()).isEqualTo(3);
        assertThat(figures.of(southPool).seats()).isEqualTo(1);
        assertThat(figures.remainder().seats()).isZero();
        List<UserId> southUsers = inUnit(south, contoso.users("south", 2));
        UserId outsider = contoso.user("outsider");
        joinAll(southUsers);
        contoso.join(all(), outsider).value();
        assertThat(holds(southUsers.get(0))).isTrue();
        assertThat(holds(southUsers.get(1))).isFalse();
        assertThat(holds(outsider)).isFalse();
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
        assertInvariants();
    }

    @Test
    void deletingAPoolGivesItsHoldersAndWaitingUsersToTheRemainder() {
        contoso.subscribe(E3, 3);
        UnitId north = unit("North");
        AllotmentId pool = pool("North seats", north, 1);
        List<UserId> northUsers = inUnit(north, contoso.users("north", 2));
        joinAll(northUsers);
        assertThat(contoso.waitingFor(E3)).containsExactly(northUsers.get(1));

        pools.delete(contoso.admin, pool).value();

        assertThat(northUsers).allMatch(this::holds);
        assertThat(contoso.inherited(northUsers.get(0), E3, all()).pool()).isNull();
        assertThat(figures().remainder()).isEqualTo(new PoolFigures.Pool(null, 3, 2, 0));
        assertInvariants();
    }

    @Test
    void aHolderWhoJoinsAUnitMovesToItsPoolWhenItHasRoom() {
        contoso.subscribe(E3, 3);
        UnitId north = unit("North");
        AllotmentId pool = pool("North seats", north, 1);
        UserId mover = contoso.user("mover");
        contoso.join(all(), mover).value();
        assertThat(contoso.inherited(mover, E3, all()).pool()).isNull();

        inUnit(north, List.of(mover));

        assertThat(contoso.inherited(mover, E3, all()).pool()).isEqualTo(pool);
        assertThat(figures().of(pool).consumed()).isEqualTo(1);
        assertThat(figures().remainder().consumed()).isZero();
        assertInvariants();
    }

    /** The group "All", licensed with E3 (made once the tenant has E3). */
    private GroupId all() {
        if (all == null) {
            all = contoso.aGroup("All").licensedWith(E3).create();
        }
        return all;
    }

    private boolean holds(UserId user) {
        return contoso.heldSkus(user).contains(E3.skuId());
    }

    private void joinAll(List<UserId> users) {
        users.forEach(u -> contoso.join(all(), u).value());
    }

    private UnitId unit(String name) {
        return contoso.unit(name);
    }

    private List<UserId> inUnit(UnitId unit, List<UserId> users) {
        return contoso.inUnit(unit, users);
    }

    private AllotmentId pool(String name, UnitId owner, int cap) {
        return pools.create(contoso.admin, E3.skuId().toString(), create(name, owner, cap))
                .value()
                .id();
    }

    private static AllotmentChange create(String name, UnitId owner, int cap) {
        return new AllotmentChange(
                Optional.of(name),
                Optional.of(new Allotment.Owner(Allotment.Kind.UNIT, owner.value())),
                Optional.of(cap),
                Optional.empty());
    }

    private static AllotmentChange change(Optional<Integer> cap, Optional<Integer> position) {
        return new AllotmentChange(Optional.empty(), Optional.empty(), cap, position);
    }

    private PoolFigures figures() {
        return contoso.allot
                .licensing()
                .allotmentFigures()
                .figures(contoso.tenant, E3.skuId().toString())
                .orElseThrow();
    }

    /**
     * Per pool and for the SKU: the figures are what the assignments say, nobody holds more than a pool's seats allow
     * unless its cap was lowered below use, the SKU is never over-allocated, and nobody waits where a seat is free.
     */
    private void assertInvariants() {
        Map<AllotmentId, Set<UserId>> holding = new HashMap<>();
        Map<AllotmentId, Set<UserId>> waiting = new HashMap<>();
        for (LicenseAssignment a : contoso.allot.allAssignments(contoso.tenant)) {
            if (a.sku().equals(E3.skuId()) && a.holdsSeat()) {
                holding.computeIfAbsent(a.pool(), p -> new HashSet<>()).add(a.user());
            } else if (a.sku().equals(E3.skuId()) && a.isWaiting()) {
                waiting.computeIfAbsent(a.pool(), p -> new HashSet<>()).add(a.user());
            }
        }
        PoolFigures figures = figures();
        assertThat(contoso.seatsOf(E3).consumed()).isLessThanOrEqualTo(figures.enabled());
        for (PoolFigures.Pool pool : figures.pools()) {
            AllotmentId id = pool.allotment().id();
            assertThat(pool.consumed()).as("holders of %s", id).isEqualTo(size(holding.get(id)));
            assertThat(pool.waiting()).as("waiting for %s", id).isEqualTo(size(waiting.get(id)));
            assertThat(pool.waiting() == 0
                            || pool.available() == 0
                            || contoso.seatsOf(E3).available() == 0)
                    .as("nobody waits for %s while it has a free seat", id)
                    .isTrue();
        }
        assertThat(figures.remainder().consumed()).isEqualTo(size(holding.get(null)));
        assertThat(figures.remainder().waiting()).isEqualTo(size(waiting.get(null)));
        assertThat(figures.remainder().consumed())
                .isLessThanOrEqualTo(figures.remainder().seats());
    }

    private static int size(Set<UserId> users) {
        return users == null ? 0 : users.size();
    }
}
