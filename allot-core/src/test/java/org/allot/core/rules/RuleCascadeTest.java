package org.allot.core.rules;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.allot.core.testing.TestCatalog.ENTRA_P1;
import static org.allot.core.testing.TestCatalog.EXCHANGE_P2;
import static org.allot.core.testing.TestCatalog.EXCHANGE_STANDARD;
import static org.allot.core.testing.TestCatalog.POWER_BI_PRO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.ErrorCode;
import org.allot.core.audit.Activity;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Rules on {@code user.assignedPlans}: a group's members follow the plans users hold, whatever gives them — including
 * other dynamic groups. Cascades settle in one pass, in dependency order, and a rule that would make a group's
 * membership depend on itself is refused.
 */
class RuleCascadeTest {
    private static final String SALES = "user.department -eq \"Sales\"";

    private final Scenario contoso = Scenario.contoso();

    @Test
    void aRuleOnAssignedPlansFollowsLicensesGrantedByAnotherDynamicGroup() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EMS, 5);
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).licensedWith(E3).create();
        GroupId mail = contoso.aGroup("Mail users")
                .withRule(has(EXCHANGE_P2))
                .licensedWith(EMS)
                .create();

        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        assertThat(contoso.membersOf(sales)).containsExactly(ada);
        assertThat(contoso.membersOf(mail)).containsExactly(ada);
        assertThat(contoso.heldSkus(ada)).containsExactlyInAnyOrder(E3.skuId(), EMS.skuId());

        contoso.update(ada, UserAttribute.DEPARTMENT, "HR").value();
        assertThat(contoso.membersOf(sales)).isEmpty();
        assertThat(contoso.membersOf(mail)).isEmpty();
        assertThat(contoso.heldSkus(ada)).isEmpty();
    }

    @Test
    void aCascadeConvergesInOnePassWithoutFlapping() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EMS, 5);
        contoso.subscribe(POWER_BI_PRO, 5);
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).licensedWith(E3).create();
        GroupId secured = contoso.aGroup("Secured")
                .withRule(has(EXCHANGE_P2))
                .licensedWith(EMS)
                .create();
        // reads both layers below: Exchange (from Sales) and not yet Entra ID P1 (from Secured)
        GroupId onboarding = contoso.aGroup("Onboarding")
                .withRule(has(EXCHANGE_P2) + " -and -not (" + has(ENTRA_P1) + ")")
                .licensedWith(POWER_BI_PRO)
                .create();

        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();

        assertThat(contoso.membersOf(sales)).containsExactly(ada);
        assertThat(contoso.membersOf(secured)).containsExactly(ada);
        assertThat(contoso.membersOf(onboarding))
                .as("settled after Secured, never joined")
                .isEmpty();
        assertThat(contoso.audit(Activity.ADD_MEMBER)).hasSize(2);
        assertThat(contoso.audit(Activity.REMOVE_MEMBER)).isEmpty();
        assertThat(contoso.seatsOf(POWER_BI_PRO).consumed()).isZero();
    }

    @Test
    void aRuleOnAssignedPlansFollowsADirectAssignment() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EMS, 5);
        GroupId mail = contoso.aGroup("Mail users")
                .withRule(has(EXCHANGE_P2))
                .licensedWith(EMS)
                .create();
        UserId ada = contoso.user("ada");

        contoso.assign(ada, E3).value();
        assertThat(contoso.membersOf(mail)).containsExactly(ada);
        assertThat(contoso.heldSkus(ada)).contains(EMS.skuId());

        contoso.remove(ada, E3).value();
        assertThat(contoso.membersOf(mail)).isEmpty();
        assertThat(contoso.heldSkus(ada)).isEmpty();
    }

    @Test
    void aRuleOnAssignedPlansSeesOnlyPlansThatWork() {
        contoso.subscribe(E3, 5);
        GroupId mail = contoso.aGroup("Mail users").withRule(has(EXCHANGE_P2)).create();
        UserId ada = contoso.user("ada");

        contoso.assign(ada, E3, EXCHANGE_P2).value();

        assertThat(contoso.membersOf(mail))
                .as("Exchange is switched off in her E3")
                .isEmpty();
    }

    @Test
    void aUserWhoGetsASeatFromTheWaitingListJoinsTheGroupsThatReadPlans() {
        var e3 = contoso.subscribe(E3, 1);
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).licensedWith(E3).create();
        GroupId mail = contoso.aGroup("Mail users").withRule(has(EXCHANGE_P2)).create();
        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        UserId bob = contoso.aUser("bob").inDepartment("Sales").create();
        assertThat(contoso.waitingFor(E3)).containsExactly(bob);
        assertThat(contoso.membersOf(mail)).containsExactly(ada);

        contoso.setSeats(e3, 2);

        assertThat(contoso.membersOf(sales)).containsExactlyInAnyOrder(ada, bob);
        assertThat(contoso.membersOf(mail)).containsExactlyInAnyOrder(ada, bob);
    }

    @Test
    void aRuleThatWouldMakeTwoGroupsDependOnEachOtherIsRefusedWhenSaved() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EMS, 5);
        GroupId a = contoso.aGroup("A").withRule(SALES).licensedWith(E3).create();
        GroupId b =
                contoso.aGroup("B").withRule(has(EXCHANGE_P2)).licensedWith(EMS).create();

        var refused = contoso.setRule(a, has(ENTRA_P1)).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.MEMBERSHIP_CYCLE);
        assertThat(refused.message()).contains("'A' → 'B' → 'A'");
        assertThat(contoso.allot.groups().find(contoso.tenant, a).orElseThrow().membershipRule())
                .isEqualTo(SALES);
        assertThat(contoso.allot.groups().find(contoso.tenant, b)).isPresent();
    }

    @Test
    void aRuleOnPlansItsOwnGroupGrantsIsRefused() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EMS, 5);
        GroupId mail = contoso.aGroup("Mail").withRule(SALES).licensedWith(E3).create();

        assertThat(contoso.setRule(mail, "-not (" + has(EXCHANGE_P2) + ")")
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.MEMBERSHIP_CYCLE);
    }

    @Test
    void aRuleOnPlansGrantedThroughAParentGroupOfItsOwnIsRefused() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EMS, 5);
        GroupId mail = contoso.aGroup("Mail").withRule(SALES).create();
        contoso.aGroup("Licensed").withNestedGroups(mail).licensedWith(E3).create();

        assertThat(contoso.setRule(mail, has(EXCHANGE_P2)).rejection().code()).isEqualTo(ErrorCode.MEMBERSHIP_CYCLE);
    }

    @Test
    void givingAGroupLicensesThatWouldCloseACycleIsRefused() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EMS, 5);
        GroupId a = contoso.aGroup("A").withRule(has(ENTRA_P1)).create();
        contoso.aGroup("B").withRule(has(EXCHANGE_P2)).licensedWith(EMS).create();
        GroupId mail = contoso.aGroup("Mail").withRule(has(EXCHANGE_P2)).create();

        var refused = contoso.licenseGroup(a, E3).rejection();
        assertThat(refused.code()).isEqualTo(ErrorCode.MEMBERSHIP_CYCLE);
        assertThat(refused.message()).contains("'A' → 'B' → 'A'");
        assertThat(contoso.licenseGroup(mail, E3).rejection().code()).isEqualTo(ErrorCode.MEMBERSHIP_CYCLE);
        assertThat(contoso.allot.groupLicenses().of(contoso.tenant, a)).isEmpty();
        assertThat(contoso.licenseGroup(mail, EMS).isDone())
                .as("plans the rule does not read")
                .isTrue();
    }

    @Test
    void aRuleOnPlansOfOtherProductsIsNoCycle() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EMS, 5);
        GroupId a = contoso.aGroup("A").withRule(SALES).licensedWith(E3).create();
        contoso.aGroup("B").withRule(has(EXCHANGE_P2)).licensedWith(EMS).create();

        assertThat(contoso.setRule(a, has(EXCHANGE_STANDARD.servicePlans().get(0)))
                        .isDone())
                .isTrue();
    }

    @Test
    void aRuleOnAnyPlanDependsOnEveryGroupThatGrantsOne() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EMS, 5);
        contoso.aGroup("A").withRule(SALES).licensedWith(E3).create();
        GroupId licensed = contoso.aGroup("Licensed")
                .withRule("user.assignedPlans -any (assignedPlan.capabilityStatus -eq \"Enabled\")")
                .create();

        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        assertThat(contoso.membersOf(licensed)).containsExactly(ada);

        var refused = contoso.licenseGroup(licensed, EMS).rejection();
        assertThat(refused.code()).isEqualTo(ErrorCode.MEMBERSHIP_CYCLE);
        assertThat(refused.message()).contains("'Licensed' → 'Licensed'");
    }

    @Test
    void aCascadeOverManyUsersSettlesForEachOfThem() {
        contoso.subscribe(E3, 10);
        contoso.subscribe(EMS, 10);
        List<UserId> team = List.of(
                contoso.aUser("u1").inDepartment("Sales").create(),
                contoso.aUser("u2").inDepartment("Sales").create(),
                contoso.aUser("u3").inDepartment("Sales").create());
        GroupId mail = contoso.aGroup("Mail users")
                .withRule(has(EXCHANGE_P2))
                .licensedWith(EMS)
                .create();

        GroupId sales = contoso.aGroup("Sales").withRule(SALES).licensedWith(E3).create();

        assertThat(contoso.membersOf(sales)).containsExactlyInAnyOrderElementsOf(team);
        assertThat(contoso.membersOf(mail)).containsExactlyInAnyOrderElementsOf(team);
        assertThat(contoso.seatsOf(EMS).consumed()).isEqualTo(3);
    }

    private static String has(ServicePlan plan) {
        return "user.assignedPlans -any (assignedPlan.servicePlanId -eq \"" + plan.id()
                + "\" -and assignedPlan.capabilityStatus -eq \"Enabled\")";
    }
}
