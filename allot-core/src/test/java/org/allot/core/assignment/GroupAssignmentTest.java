package org.allot.core.assignment;

import static org.allot.core.testing.Scenario.license;
import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.allot.core.testing.TestCatalog.EXCHANGE_P2;
import static org.allot.core.testing.TestCatalog.EXCHANGE_STANDARD;
import static org.allot.core.testing.TestCatalog.SWAY;
import static org.allot.core.testing.TestCatalog.TEAMS;
import static org.allot.core.testing.TestCatalog.WORKPLACE_ANALYTICS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.ErrorCode;
import org.allot.core.Rejection;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Rule 4: group assignment, processed per SKU for every member. */
class GroupAssignmentTest {
    private final Scenario contoso = Scenario.contoso();

    @Test
    void membersInheritTheGroupsLicenses() {
        contoso.subscribe(E3, 10);
        contoso.subscribe(EMS, 10);
        List<UserId> sales = contoso.users("seller", 3);
        GroupId group = contoso.aGroup("Sales").withMembers(sales).create();

        var state = contoso.allot
                .licensing()
                .groups()
                .assign(contoso.admin, group, List.of(license(E3), license(EMS)), List.of())
                .value();

        assertThat(state.state()).isEqualTo(ProcessingState.ProcessingComplete);
        for (UserId member : sales) {
            assertThat(contoso.heldSkus(member)).containsExactlyInAnyOrder(E3.skuId(), EMS.skuId());
            assertThat(contoso.inherited(member, E3, group).state()).isEqualTo(AssignmentState.Active);
        }
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(3);
        assertThat(contoso.seatsOf(EMS).consumed()).isEqualTo(3);
    }

    @Test
    void eachSkuIsAssignedIndependentlySoOneExhaustedSkuDoesNotBlockTheOthers() {
        contoso.subscribe(E3, 1);
        contoso.subscribe(EMS, 10);
        List<UserId> sales = contoso.users("seller", 3);

        contoso.aGroup("Sales")
                .withMembers(sales)
                .licensedWith(E3)
                .licensedWith(EMS)
                .create();

        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
        assertThat(contoso.seatsOf(EMS).consumed()).isEqualTo(3);
        assertThat(sales).allMatch(u -> contoso.heldSkus(u).contains(EMS.skuId()));
    }

    @Test
    void aPlanWhosePrerequisiteFailedIsInDependencyViolationWhileTheRestWorks() {
        contoso.subscribe(E3, 1);
        contoso.subscribe(WORKPLACE_ANALYTICS, 5);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");

        GroupId group = contoso.aGroup("Analysts")
                .withMembers(ada, bob)
                .licensedWith(E3)
                .licensedWith(WORKPLACE_ANALYTICS)
                .create();

        UserId licensed = contoso.heldSkus(ada).contains(E3.skuId()) ? ada : bob;
        UserId waiting = licensed.equals(ada) ? bob : ada;
        LicenseAssignment working = contoso.inherited(licensed, WORKPLACE_ANALYTICS, group);
        LicenseAssignment partial = contoso.inherited(waiting, WORKPLACE_ANALYTICS, group);
        assertThat(working.state()).isEqualTo(AssignmentState.Active);
        assertThat(partial.state()).isEqualTo(AssignmentState.ActiveWithError);
        assertThat(partial.error()).isEqualTo(AssignmentError.DependencyViolation);
        assertThat(partial.reason()).contains("Microsoft Workplace Analytics").contains("Exchange Online");
        assertThat(contoso.inherited(waiting, E3, group).error()).isEqualTo(AssignmentError.CountViolation);
    }

    @Test
    void prerequisiteArrivingLaterClearsTheDependencyViolation() {
        var e3 = contoso.subscribe(E3, 1);
        contoso.subscribe(WORKPLACE_ANALYTICS, 5);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        GroupId group = contoso.aGroup("Analysts")
                .withMembers(ada, bob)
                .licensedWith(E3)
                .licensedWith(WORKPLACE_ANALYTICS)
                .create();

        contoso.setSeats(e3, 2);

        for (UserId member : List.of(ada, bob)) {
            assertThat(contoso.inherited(member, E3, group).state()).isEqualTo(AssignmentState.Active);
            assertThat(contoso.inherited(member, WORKPLACE_ANALYTICS, group).state())
                    .isEqualTo(AssignmentState.Active);
        }
    }

    @Test
    void anAddOnWithoutItsPrerequisiteInTheSameGroupIsRefused() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(WORKPLACE_ANALYTICS, 5);
        UserId ada = contoso.user("ada");
        contoso.aGroup("Mail").withMembers(ada).licensedWith(E3).create();
        GroupId analysts = contoso.aGroup("Analysts").withMembers(ada).create();

        Rejection refused = contoso.licenseGroup(analysts, WORKPLACE_ANALYTICS).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.DEPENDENCY_VIOLATION);
        assertThat(refused.message())
                .startsWith("License operation failed. Make sure that the group has necessary services")
                .contains("Microsoft Workplace Analytics");
        assertThat(contoso.allot.groupLicenses().of(contoso.tenant, analysts)).isEmpty();
    }

    @Test
    void removingThePrerequisiteFromAGroupThatKeepsTheAddOnIsRefused() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(WORKPLACE_ANALYTICS, 5);
        GroupId group = contoso.aGroup("Analysts")
                .licensedWith(E3)
                .licensedWith(WORKPLACE_ANALYTICS)
                .create();

        assertThat(contoso.unlicenseGroup(group, E3).rejection().code()).isEqualTo(ErrorCode.DEPENDENCY_VIOLATION);
        assertThat(contoso.licenseGroup(group, E3, EXCHANGE_P2).rejection().code())
                .isEqualTo(ErrorCode.DEPENDENCY_VIOLATION);
    }

    @Test
    void licensesThatExcludeEachOtherCannotShareAGroup() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EXCHANGE_STANDARD, 5);
        GroupId group = contoso.aGroup("Mail").licensedWith(E3).create();

        assertThat(contoso.licenseGroup(group, EXCHANGE_STANDARD).rejection().code())
                .isEqualTo(ErrorCode.MUTUALLY_EXCLUSIVE_VIOLATION);
    }

    @Test
    void onlySecurityGroupsAssignLicenses() {
        contoso.subscribe(E3, 5);
        GroupId team = contoso.allot
                .groupDirectory()
                .create(
                        contoso.admin,
                        Map.of(GroupAttribute.DISPLAY_NAME, "Team", GroupAttribute.SECURITY_ENABLED, false),
                        Set.of("Unified"))
                .value()
                .id();

        assertThat(contoso.licenseGroup(team, E3).rejection().message()).contains("security-enabled");
    }

    @Test
    void removingALicenseFromTheGroupRemovesItFromMembersUnlessAnotherSourceGivesIt() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        GroupId sales =
                contoso.aGroup("Sales").withMembers(ada, bob).licensedWith(E3).create();
        contoso.assign(bob, E3).value();

        contoso.unlicenseGroup(sales, E3).value();

        assertThat(contoso.licensesOf(ada).assignments()).isEmpty();
        assertThat(contoso.heldSkus(bob)).containsExactly(E3.skuId());
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void changingTheGroupsDisabledPlansChangesEveryMember() {
        contoso.subscribe(E3, 5);
        List<UserId> members = contoso.users("member", 2);
        GroupId group = contoso.aGroup("Staff")
                .withMembers(members)
                .licensedWith(E3, SWAY)
                .create();

        contoso.licenseGroup(group, E3, TEAMS).value();

        for (UserId member : members) {
            assertThat(contoso.inherited(member, E3, group).disabledPlans()).containsExactly(TEAMS.id());
        }
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(2);
    }

    @Test
    void assigningTheGroupIsAuditedWithStartAndFinishCounts() {
        contoso.subscribe(E3, 1);
        List<UserId> members = contoso.users("member", 3);
        GroupId group =
                contoso.aGroup("Staff").withMembers(members).licensedWith(E3).create();

        AuditEvent set = contoso.audit(Activity.SET_GROUP_LICENSE).get(0);
        assertThat(set.target().id()).isEqualTo(group.toString());
        assertThat(set.changes().get(0).newValue()).isEqualTo("[ENTERPRISEPACK]");
        assertThat(contoso.audit(Activity.START_GROUP_LICENSING)).hasSize(1);
        AuditEvent finish = contoso.audit(Activity.FINISH_GROUP_LICENSING).get(0);
        assertThat(finish.actor().displayName()).isEqualTo("group-based licensing");
        assertThat(finish.changes().get(0).newValue())
                .isEqualTo("Users successfully assigned licenses: 1, Users for whom license assignment failed: 2.");
        assertThat(contoso.audit(Activity.CHANGE_USER_LICENSE))
                .hasSize(3)
                .allMatch(e -> e.actor().displayName().equals("group-based licensing"))
                .allMatch(e -> e.correlationId().equals(set.correlationId()));
    }
}
