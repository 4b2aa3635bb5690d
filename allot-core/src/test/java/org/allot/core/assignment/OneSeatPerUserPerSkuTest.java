package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.SWAY;
import static org.assertj.core.api.Assertions.assertThat;

import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Rule 1: a user consumes one seat of a SKU however many of their assignments give it. */
class OneSeatPerUserPerSkuTest {
    private final Scenario contoso = Scenario.contoso();

    @Test
    void userWithTheSameSkuDirectlyAndFromTwoGroupsConsumesOneSeat() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        contoso.assign(ada, E3).value();
        GroupId sales =
                contoso.aGroup("Sales").withMembers(ada).licensedWith(E3).create();
        GroupId staff =
                contoso.aGroup("Staff").withMembers(ada).licensedWith(E3, SWAY).create();

        assertThat(contoso.licensesOf(ada).assignments()).hasSize(3).allMatch(LicenseAssignment::holdsSeat);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
        assertThat(contoso.inherited(ada, E3, sales).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.inherited(ada, E3, staff).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void seatIsFreedOnlyWhenTheLastSourceGoes() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        GroupId sales =
                contoso.aGroup("Sales").withMembers(ada).licensedWith(E3).create();
        contoso.assign(ada, E3).value();

        contoso.leave(sales, ada).value();
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
        assertThat(contoso.licensesOf(ada).holdsSeat(E3.skuId())).isTrue();

        contoso.remove(ada, E3).value();
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
        assertThat(contoso.licensesOf(ada).assignments()).isEmpty();
    }

    @Test
    void consumedUnitsCountUsersNotAssignments() {
        contoso.subscribe(E3, 10);
        var people = contoso.users("member", 4);
        GroupId a = contoso.aGroup("A").withMembers(people).licensedWith(E3).create();
        contoso.aGroup("B").withMembers(people.subList(0, 2)).licensedWith(E3).create();

        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(4);
        assertThat(contoso.usersHolding(E3)).isEqualTo(4);
        assertThat(contoso.licensesOf(people.get(0)).assignments()).hasSize(2);
        assertThat(contoso.inherited(people.get(3), E3, a).state()).isEqualTo(AssignmentState.Active);
    }
}
