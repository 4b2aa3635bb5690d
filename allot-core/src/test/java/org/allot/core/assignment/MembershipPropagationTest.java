package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.ErrorCode;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.GuestLicensing;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Rule 5: joining and leaving licensed groups, directly or through nesting, changes licenses at once. */
class MembershipPropagationTest {
    private final Scenario contoso = Scenario.contoso();

    @Test
    void memberInheritsGroupLicenseOnJoin() {
        contoso.subscribe(E3, 5);
        GroupId sales = contoso.aGroup("Sales").licensedWith(E3).create();
        UserId ada = contoso.user("ada");

        contoso.join(sales, ada).value();

        assertThat(contoso.inherited(ada, E3, sales).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void memberLosesGroupLicenseOnLeave() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        GroupId sales =
                contoso.aGroup("Sales").withMembers(ada).licensedWith(E3).create();

        contoso.leave(sales, ada).value();

        assertThat(contoso.licensesOf(ada).assignments()).isEmpty();
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
    }

    @Test
    void leavingKeepsTheLicenseWhenAnotherGroupGivesIt() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        GroupId sales =
                contoso.aGroup("Sales").withMembers(ada).licensedWith(E3).create();
        GroupId staff =
                contoso.aGroup("Staff").withMembers(ada).licensedWith(E3).create();

        contoso.leave(sales, ada).value();

        assertThat(contoso.inherited(ada, E3, staff).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.licensesOf(ada).assignments()).hasSize(1);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void membersOfANestedGroupInheritTheLicensesOfTheGroupsAbove() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        GroupId team = contoso.aGroup("Team").withMembers(ada).create();
        GroupId department = contoso.aGroup("Department").withNestedGroups(team).create();
        GroupId company = contoso.aGroup("Company")
                .withNestedGroups(department)
                .licensedWith(E3)
                .create();

        assertThat(contoso.inherited(ada, E3, company).state()).isEqualTo(AssignmentState.Active);

        UserId bob = contoso.user("bob");
        contoso.join(team, bob).value();
        assertThat(contoso.inherited(bob, E3, company).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void nestingAndUnnestingAGroupLicensesAndUnlicensesItsMembers() {
        contoso.subscribe(E3, 5);
        List<UserId> team = contoso.users("dev", 3);
        GroupId devs = contoso.aGroup("Devs").withMembers(team).create();
        GroupId licensed = contoso.aGroup("Licensed").licensedWith(E3).create();

        contoso.nest(licensed, devs).value();
        assertThat(team).allMatch(u -> contoso.heldSkus(u).contains(E3.skuId()));

        contoso.unnest(licensed, devs).value();
        assertThat(team).allMatch(u -> contoso.licensesOf(u).assignments().isEmpty());
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
    }

    @Test
    void withNestedLicensingOffOnlyDirectMembersInherit() {
        contoso.withPolicy(new TenantPolicy(GuestLicensing.BLOCK, false, 30, 500));
        contoso.subscribe(E3, 5);
        UserId direct = contoso.user("direct");
        UserId nested = contoso.user("nested");
        GroupId inner = contoso.aGroup("Inner").withMembers(nested).create();
        contoso.aGroup("Outer")
                .withMembers(direct)
                .withNestedGroups(inner)
                .licensedWith(E3)
                .create();

        assertThat(contoso.heldSkus(direct)).contains(E3.skuId());
        assertThat(contoso.licensesOf(nested).assignments()).isEmpty();
    }

    @Test
    void turningNestedLicensingOnLicensesNestedMembers() {
        contoso.withPolicy(new TenantPolicy(GuestLicensing.BLOCK, false, 30, 500));
        contoso.subscribe(E3, 5);
        UserId nested = contoso.user("nested");
        GroupId inner = contoso.aGroup("Inner").withMembers(nested).create();
        contoso.aGroup("Outer").withNestedGroups(inner).licensedWith(E3).create();

        contoso.withPolicy(TenantPolicy.DEFAULT);

        assertThat(contoso.heldSkus(nested)).contains(E3.skuId());
    }

    @Test
    void aGroupCannotContainItselfThroughNesting() {
        GroupId a = contoso.aGroup("A").create();
        GroupId b = contoso.aGroup("B").withNestedGroups(a).create();
        GroupId c = contoso.aGroup("C").withNestedGroups(b).create();

        assertThat(contoso.nest(a, c).rejection().code()).isEqualTo(ErrorCode.MEMBERSHIP_CYCLE);
        assertThat(contoso.nest(a, a).rejection().code()).isEqualTo(ErrorCode.MEMBERSHIP_CYCLE);
        assertThat(contoso.nest(b, a).rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void aLargeNestingChangeRunsInTheBackground() {
        Scenario big = Scenario.contosoWithBackgroundJobs();
        big.subscribe(EMS, 50);
        List<UserId> team = big.users("dev", 6);
        GroupId devs = big.aGroup("Devs").withMembers(team).create();
        GroupId licensed = big.aGroup("Licensed").licensedWith(EMS).create();

        big.nest(licensed, devs).value();
        assertThat(big.allot.groupLicenses().state(big.tenant, licensed))
                .isEqualTo(ProcessingState.QueuedForProcessing);
        big.runJobs();

        assertThat(team).allMatch(u -> big.heldSkus(u).contains(EMS.skuId()));
        assertThat(big.seatsOf(EMS).consumed()).isEqualTo(6);
    }
}
