package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.core.unit.UnitChange;
import org.allot.core.unit.UnitId;
import org.junit.jupiter.api.Test;

/**
 * Pools owned by dynamic administrative units (issue 19): a user who joins or leaves such a unit by its rule — created,
 * changed, restored, or the rule changed — has their seat drawn anew at once, in the same unit of work, as a user added
 * to or removed from a static unit has; so do the users of a unit whose type changes, or that is deleted. A seat that
 * such a move frees in a pool goes to the pool's waiting list at once.
 */
class UnitMembershipPoolsTest {
    private static final String SALES = "user.department -eq \"Sales\"";

    private final Scenario contoso = Scenario.contoso();
    private final SeatAllotments pools = contoso.allot.licensing().allotments();
    private GroupId all;

    @Test
    void aHolderWhoseDepartmentChangesMovesIntoTheDynamicUnitsPoolAndBackOut() {
        contoso.subscribe(E3, 10);
        AllotmentId sales = pool("Sales seats", dynamicUnit("Sales", SALES), 2);
        UserId ada = contoso.aUser("ada").inDepartment("Marketing").create();
        contoso.join(all(), ada).value();
        assertThat(contoso.inherited(ada, E3, all()).pool()).isNull();

        contoso.update(ada, UserAttribute.DEPARTMENT, "Sales").value();

        assertThat(contoso.inherited(ada, E3, all()).pool()).isEqualTo(sales);
        assertThat(figures().of(sales).consumed()).isEqualTo(1);
        assertThat(figures().remainder().consumed()).isZero();

        contoso.update(ada, UserAttribute.DEPARTMENT, "Marketing").value();

        assertThat(contoso.inherited(ada, E3, all()).pool()).isNull();
        assertThat(figures().of(sales).consumed()).isZero();
        assertThat(figures().remainder().consumed()).isEqualTo(1);
    }

    @Test
    void aWaitingUserWhoJoinsAFullDynamicUnitWaitsForItsPoolAndIsServedWhenASeatFrees() {
        contoso.subscribe(E3, 3);
        AllotmentId sales = pool("Sales seats", dynamicUnit("Sales", SALES), 1);
        UserId seller = contoso.aUser("seller").inDepartment("Sales").create();
        List<UserId> others = List.of(
                contoso.aUser("o1").inDepartment("Marketing").create(),
                contoso.aUser("o2").inDepartment("Marketing").create(),
                contoso.aUser("o3").inDepartment("Marketing").create());
        contoso.join(all(), seller).value();
        others.forEach(u -> contoso.join(all(), u).value());
        UserId mover = others.get(2);
        assertThat(contoso.waitingFor(E3)).containsExactly(mover);
        assertThat(contoso.inherited(mover, E3, all()).pool()).isNull();

        contoso.update(mover, UserAttribute.DEPARTMENT, "Sales").value();

        LicenseAssignment waiting = contoso.inherited(mover, E3, all());
        assertThat(waiting.error()).isEqualTo(AssignmentError.CountViolation);
        assertThat(waiting.pool()).isEqualTo(sales);
        assertThat(figures().of(sales).waiting()).isEqualTo(1);
        assertThat(figures().remainder().waiting()).isZero();

        contoso.leave(all(), seller).value();

        assertThat(contoso.heldSkus(mover)).contains(E3.skuId());
        assertThat(contoso.inherited(mover, E3, all()).pool()).isEqualTo(sales);
        assertThat(contoso.waitingFor(E3)).isEmpty();
    }

    @Test
    void aHolderWhoLeavesTheDynamicUnitGivesThePoolsSeatToItsWaitingUser() {
        contoso.subscribe(E3, 3);
        AllotmentId sales = pool("Sales seats", dynamicUnit("Sales", SALES), 1);
        UserId ada = contoso.aUser("ada").create();
        UserId bob = contoso.aUser("bob").create();
        UserId cy = contoso.aUser("cy").create();
        contoso.join(all(), ada).value();
        contoso.join(all(), bob).value();
        contoso.update(ada, UserAttribute.DEPARTMENT, "Sales").value();
        contoso.update(cy, UserAttribute.DEPARTMENT, "Sales").value();
        contoso.join(all(), cy).value();
        assertThat(contoso.waitingFor(E3)).containsExactly(cy);

        contoso.update(ada, UserAttribute.DEPARTMENT, "Marketing").value();

        assertThat(contoso.inherited(ada, E3, all()).pool()).isNull();
        assertThat(contoso.waitingFor(E3))
                .as("the Sales seat ada left goes to cy")
                .isEmpty();
        assertThat(contoso.inherited(cy, E3, all()).pool()).isEqualTo(sales);
        assertThat(figures().of(sales).consumed()).isEqualTo(1);
    }

    @Test
    void aHolderRemovedFromAStaticUnitGivesThePoolsSeatToItsWaitingUser() {
        contoso.subscribe(E3, 3);
        UnitId north = contoso.unit("North");
        AllotmentId pool = pool("North seats", north, 1);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        UserId cy = contoso.user("cy");
        contoso.join(all(), ada).value();
        contoso.join(all(), bob).value();
        contoso.inUnit(north, List.of(ada, cy));
        contoso.join(all(), cy).value();
        assertThat(contoso.waitingFor(E3)).containsExactly(cy);

        contoso.allot.unitMembers().remove(contoso.admin, north, ada.value()).value();

        assertThat(contoso.inherited(ada, E3, all()).pool()).isNull();
        assertThat(contoso.waitingFor(E3))
                .as("the seat ada's move freed in the pool goes to cy")
                .isEmpty();
        assertThat(contoso.inherited(cy, E3, all()).pool()).isEqualTo(pool);
    }

    @Test
    void aNewUserLicensedByADynamicGroupDrawsFromTheDynamicUnitsPool() {
        contoso.subscribe(E3, 10);
        AllotmentId sales = pool("Sales seats", dynamicUnit("Sales", SALES), 2);
        GroupId salesStaff =
                contoso.aGroup("Sales staff").withRule(SALES).licensedWith(E3).create();

        UserId cy = contoso.aUser("cy").inDepartment("Sales").create();

        assertThat(contoso.inherited(cy, E3, salesStaff).pool()).isEqualTo(sales);
        assertThat(figures().of(sales).consumed()).isEqualTo(1);
        assertThat(figures().remainder().consumed()).isZero();
    }

    @Test
    void aUnitsNewRuleMovesTheUsersItNowMatchesIntoItsPool() {
        contoso.subscribe(E3, 10);
        UnitId unit = dynamicUnit("Sales", SALES);
        AllotmentId sales = pool("Sales seats", unit, 2);
        UserId dee = contoso.aUser("dee").inDepartment("Support").create();
        contoso.join(all(), dee).value();
        assertThat(contoso.inherited(dee, E3, all()).pool()).isNull();

        contoso.allot
                .unitDirectory()
                .update(contoso.admin, unit, UnitChange.none().withMembershipRule("user.department -eq \"Support\""))
                .value();

        assertThat(contoso.inherited(dee, E3, all()).pool()).isEqualTo(sales);
        assertThat(figures().of(sales).consumed()).isEqualTo(1);
    }

    @Test
    void aStaticUnitMadeDynamicLetsGoOfTheMembersItsRuleDoesNotMatch() {
        contoso.subscribe(E3, 10);
        UnitId unit = contoso.unit("Sales");
        AllotmentId sales = pool("Sales seats", unit, 2);
        UserId fay = contoso.aUser("fay").inDepartment("Marketing").create();
        contoso.inUnit(unit, List.of(fay));
        contoso.join(all(), fay).value();
        assertThat(contoso.inherited(fay, E3, all()).pool()).isEqualTo(sales);

        contoso.allot
                .unitDirectory()
                .update(
                        contoso.admin,
                        unit,
                        UnitChange.none().withMembershipType("Dynamic").withMembershipRule(SALES))
                .value();

        assertThat(contoso.inherited(fay, E3, all()).pool()).isNull();
        assertThat(figures().of(sales).consumed()).isZero();
        assertThat(figures().remainder().consumed()).isEqualTo(1);
    }

    @Test
    void aUnitThatOwnsAPoolIsNotDeletedUntilThePoolIsGoneAndThenItsUsersLeaveIt() {
        contoso.subscribe(E3, 10);
        UnitId unit = dynamicUnit("Sales", SALES);
        AllotmentId sales = pool("Sales seats", unit, 2);
        UserId gus = contoso.aUser("gus").inDepartment("Sales").create();
        contoso.join(all(), gus).value();
        assertThat(contoso.inherited(gus, E3, all()).pool()).isEqualTo(sales);

        Outcome<?> refused = contoso.allot.unitDirectory().delete(contoso.admin, unit);

        assertThat(refused.isDone()).isFalse();
        assertThat(refused.rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.rejection().message())
                .contains("Sales owns the allotment 'Sales seats' of Office 365 E3 (ENTERPRISEPACK)")
                .contains("delete it or give it another owner first");
        assertThat(contoso.inherited(gus, E3, all()).pool()).isEqualTo(sales);

        contoso.allot.licensing().allotments().delete(contoso.admin, sales).value();
        contoso.allot.unitDirectory().delete(contoso.admin, unit).value();

        assertThat(contoso.inherited(gus, E3, all()).pool()).isNull();
        assertThat(figures().remainder().consumed()).isEqualTo(1);
    }

    @Test
    void aRestoredUserRejoinsTheDynamicUnitAndItsPool() {
        contoso.subscribe(E3, 10);
        UnitId unit = dynamicUnit("Sales", SALES);
        AllotmentId sales = pool("Sales seats", unit, 2);
        UserId eve = contoso.aUser("eve").inDepartment("Sales").create();
        contoso.join(all(), eve).value();
        assertThat(contoso.inherited(eve, E3, all()).pool()).isEqualTo(sales);

        contoso.allot.userDirectory().delete(contoso.admin, eve).value();
        contoso.allot.userDirectory().restore(contoso.admin, eve).value();

        assertThat(contoso.inherited(eve, E3, all()).pool()).isEqualTo(sales);
        assertThat(figures().of(sales).consumed()).isEqualTo(1);
        assertThat(figures().remainder().consumed()).isZero();
    }

    /** The group "All", licensed with E3 (made once the tenant has E3). */
    private GroupId all() {
        if (all == null) {
            all = contoso.aGroup("All").licensedWith(E3).create();
        }
        return all;
    }

    private UnitId dynamicUnit(String name, String rule) {
        return contoso.allot
                .unitDirectory()
                .create(
                        contoso.admin,
                        UnitChange.none()
                                .withDisplayName(name)
                                .withMembershipType("Dynamic")
                                .withMembershipRule(rule))
                .value()
                .id();
    }

    private AllotmentId pool(String name, UnitId owner, int cap) {
        return pools.create(
                        contoso.admin,
                        E3.skuId().toString(),
                        new AllotmentChange(
                                Optional.of(name),
                                Optional.of(new Allotment.Owner(Allotment.Kind.UNIT, owner.value())),
                                Optional.of(cap),
                                Optional.empty()))
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
}
