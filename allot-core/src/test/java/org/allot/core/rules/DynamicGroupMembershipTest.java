package org.allot.core.rules;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.ErrorCode;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.assignment.ProcessingState;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Dynamic groups: members follow the rule, and licenses follow the members. */
class DynamicGroupMembershipTest {
    private static final String SALES = "user.department -eq \"Sales\"";
    private static final String MARKETING = "user.department -eq \"Marketing\"";

    private final Scenario contoso = Scenario.contoso();

    @Test
    void usersWhoMatchTheRuleAreMembersAsSoonAsTheGroupIsCreated() {
        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        UserId bob = contoso.aUser("bob").inDepartment("Marketing").create();

        GroupId sales = contoso.aGroup("Sales").withRule(SALES).create();

        assertThat(contoso.membersOf(sales)).containsExactly(ada);
        assertThat(contoso.membersOf(sales)).doesNotContain(bob);
    }

    @Test
    void aNewUserWhoMatchesJoinsAtOnceAndGetsTheGroupsLicenses() {
        contoso.subscribe(E3, 5);
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).licensedWith(E3).create();

        UserId ada = contoso.aUser("ada").inDepartment("sales").create();

        assertThat(contoso.membersOf(sales)).containsExactly(ada);
        assertThat(contoso.inherited(ada, E3, sales).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void changingADepartmentMovesTheUserBetweenDynamicGroupsAndTheirLicensesFollow() {
        contoso.subscribe(E3, 5);
        contoso.subscribe(EMS, 5);
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).licensedWith(E3).create();
        GroupId marketing = contoso.aGroup("Marketing")
                .withRule(MARKETING)
                .licensedWith(EMS)
                .create();
        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();

        contoso.update(ada, UserAttribute.DEPARTMENT, "Marketing").value();

        assertThat(contoso.membersOf(sales)).isEmpty();
        assertThat(contoso.membersOf(marketing)).containsExactly(ada);
        assertThat(contoso.heldSkus(ada)).containsExactly(EMS.skuId());
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
        assertThat(contoso.seatsOf(EMS).consumed()).isEqualTo(1);
    }

    @Test
    void aUserSyncedFromOnPremisesIsEvaluatedLikeAnyOther() {
        GroupId synced = contoso.aGroup("Synced")
                .withRule("user.onPremisesSyncEnabled -eq true")
                .create();

        UserId ada = contoso.allot
                .userDirectory()
                .provisionSynced(
                        contoso.admin,
                        Map.of(
                                UserAttribute.USER_PRINCIPAL_NAME, "ada@contoso.com",
                                UserAttribute.DISPLAY_NAME, "Ada"),
                        "AAECAwQFBgcICQoLDA0ODw==",
                        "ada")
                .value()
                .id();

        assertThat(contoso.membersOf(synced)).containsExactly(ada);
    }

    @Test
    void usersChangedInBulkBehindTheDirectorysBackFollowWhenReported() {
        contoso.subscribe(E3, 5);
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).licensedWith(E3).create();
        List<UserId> team = contoso.users("member", 3);
        team.forEach(u -> contoso.allot
                .users()
                .update(
                        contoso.tenant,
                        contoso.allot.users().find(contoso.tenant, u).orElseThrow().toBuilder()
                                .department("Sales")
                                .build()));
        assertThat(contoso.membersOf(sales)).isEmpty();

        contoso.allot.dynamicMembership().usersChanged(contoso.admin, team);

        assertThat(contoso.membersOf(sales)).containsExactlyInAnyOrderElementsOf(team);
        assertThat(team).allMatch(u -> contoso.heldSkus(u).contains(E3.skuId()));
    }

    @Test
    void anUpdateOfPropertiesTheRuleDoesNotReadLeavesMembershipsAlone() {
        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).create();
        int events = contoso.auditEvents().size();

        contoso.update(ada, UserAttribute.USAGE_LOCATION, "SE").value();
        contoso.update(ada, UserAttribute.JOB_TITLE, "Account manager").value();

        assertThat(contoso.membersOf(sales)).containsExactly(ada);
        assertThat(contoso.auditEvents().subList(events, contoso.auditEvents().size()))
                .extracting(e -> e.activity())
                .containsExactly(Activity.UPDATE_USER, Activity.UPDATE_USER);
    }

    @Test
    void membersOfADynamicGroupCannotBeAddedOrRemovedByHand() {
        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        UserId bob = contoso.user("bob");
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).create();

        assertThat(contoso.join(sales, bob).rejection().message())
                .isEqualTo("Members of a dynamic group follow its membership rule and cannot be added or removed by"
                        + " hand.");
        assertThat(contoso.leave(sales, ada).rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(contoso.membersOf(sales)).containsExactly(ada);
    }

    @Test
    void aRuleEditChangesOnlyTheDifference() {
        contoso.subscribe(E3, 10);
        List<UserId> sales = List.of(
                contoso.aUser("ada").inDepartment("Sales").create(),
                contoso.aUser("bob").inDepartment("Sales").create(),
                contoso.aUser("cy").inDepartment("Sales").create());
        UserId dan = contoso.aUser("dan").inDepartment("Marketing").create();
        contoso.aUser("eve").inDepartment("Finance").create();
        GroupId group =
                contoso.aGroup("Revenue").withRule(SALES).licensedWith(E3).create();
        var licensesBefore =
                sales.stream().map(u -> contoso.inherited(u, E3, group)).toList();
        int eventsBefore = contoso.auditEvents().size();

        contoso.setRule(group, "user.department -in [\"Sales\", \"Marketing\"]").value();

        assertThat(contoso.membersOf(group))
                .containsExactlyInAnyOrderElementsOf(List.of(sales.get(0), sales.get(1), sales.get(2), dan));
        List<AuditEvent> since = contoso.auditEvents()
                .subList(eventsBefore, contoso.auditEvents().size());
        assertThat(since)
                .filteredOn(e -> e.activity() == Activity.ADD_MEMBER || e.activity() == Activity.REMOVE_MEMBER)
                .singleElement()
                .satisfies(e -> assertThat(e.activity()).isEqualTo(Activity.ADD_MEMBER))
                .satisfies(e -> assertThat(e.target().id()).isEqualTo(dan.toString()));
        assertThat(since)
                .filteredOn(e -> e.activity() == Activity.CHANGE_USER_LICENSE)
                .extracting(e -> e.target().id())
                .containsExactly(dan.toString());
        assertThat(sales.stream().map(u -> contoso.inherited(u, E3, group)).toList())
                .isEqualTo(licensesBefore);
    }

    @Test
    void narrowingARuleRemovesOnlyThoseWhoNoLongerMatch() {
        contoso.subscribe(E3, 10);
        UserId ada = contoso.aUser("ada").inDepartment("Sales").locatedIn("US").create();
        UserId bob = contoso.aUser("bob").inDepartment("Sales").locatedIn("SE").create();
        GroupId group = contoso.aGroup("Sales").withRule(SALES).licensedWith(E3).create();

        contoso.setRule(group, SALES + " -and user.usageLocation -eq \"US\"").value();

        assertThat(contoso.membersOf(group)).containsExactly(ada);
        assertThat(contoso.heldSkus(bob)).isEmpty();
        assertThat(contoso.audit(Activity.REMOVE_MEMBER))
                .singleElement()
                .satisfies(e -> assertThat(e.target().id()).isEqualTo(bob.toString()))
                .satisfies(e -> assertThat(e.actor().displayName()).isEqualTo("dynamic membership"));
    }

    @Test
    void aPausedGroupKeepsItsMembersUntilItIsSwitchedBackOn() {
        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).create();

        contoso.setRuleProcessing(sales, "Paused").value();
        contoso.update(ada, UserAttribute.DEPARTMENT, "Marketing").value();
        UserId bob = contoso.aUser("bob").inDepartment("Sales").create();
        contoso.setRule(sales, "user.department -eq \"Finance\"").value();

        assertThat(contoso.membersOf(sales)).containsExactly(ada);

        contoso.setRuleProcessing(sales, "On").value();

        assertThat(contoso.membersOf(sales)).isEmpty();
        contoso.setRule(sales, SALES).value();
        assertThat(contoso.membersOf(sales)).containsExactly(bob);
    }

    @Test
    void aDeletedUserKeepsTheirMembershipsLikeTheirLicensesUntilRestored() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).licensedWith(E3).create();

        contoso.allot.userDirectory().delete(contoso.admin, ada).value();
        contoso.setRule(sales, "user.department -eq \"Finance\"").value();
        assertThat(contoso.allot
                        .memberships()
                        .groupsOfUsers(contoso.tenant, List.of(ada))
                        .get(ada))
                .containsKey(sales);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);

        contoso.allot.userDirectory().restore(contoso.admin, ada).value();

        assertThat(contoso.membersOf(sales)).isEmpty();
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
    }

    @Test
    void anInvalidRuleIsRefusedWithItsPositionAndChangesNothing() {
        var refused = contoso.allot
                .groupDirectory()
                .create(
                        contoso.admin,
                        Map.of(GroupAttribute.DISPLAY_NAME, "Sales", GroupAttribute.MEMBERSHIP_RULE, "(" + SALES),
                        Set.of(Group.DYNAMIC_MEMBERSHIP))
                .rejection();
        assertThat(refused.message())
                .isEqualTo("Invalid membership rule: Expected ')' at position 29 but found end of rule.");

        GroupId sales = contoso.aGroup("Sales").withRule(SALES).create();
        int events = contoso.auditEvents().size();
        assertThat(contoso.setRule(sales, "user.departmnt -eq \"Sales\"")
                        .rejection()
                        .message())
                .startsWith("Invalid membership rule: Unknown property 'user.departmnt' at position 1.");
        assertThat(contoso.allot
                        .groups()
                        .find(contoso.tenant, sales)
                        .orElseThrow()
                        .membershipRule())
                .isEqualTo(SALES);
        assertThat(contoso.auditEvents()).hasSize(events);
    }

    @Test
    void aDynamicGroupNeedsARuleAndOnlyDynamicGroupsTakeOne() {
        var groups = contoso.allot.groupDirectory();

        assertThat(groups.create(
                                contoso.admin,
                                Map.of(GroupAttribute.DISPLAY_NAME, "Sales"),
                                Set.of(Group.DYNAMIC_MEMBERSHIP))
                        .rejection()
                        .message())
                .contains("needs a membershipRule");
        assertThat(groups.create(
                                contoso.admin,
                                Map.of(GroupAttribute.DISPLAY_NAME, "Sales", GroupAttribute.MEMBERSHIP_RULE, SALES),
                                Set.of())
                        .rejection()
                        .message())
                .contains("apply only to groups whose groupTypes include DynamicMembership");
        GroupId assigned = contoso.aGroup("Assigned").create();
        assertThat(contoso.setRuleProcessing(assigned, "Paused").rejection().code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        GroupId dynamic = contoso.aGroup("Dynamic").withRule(SALES).create();
        assertThat(contoso.setRuleProcessing(dynamic, "Sometimes").rejection().message())
                .contains("Allowed: On, Paused");
        assertThat(contoso.allot
                        .groups()
                        .find(contoso.tenant, dynamic)
                        .orElseThrow()
                        .membershipRuleProcessingState())
                .isEqualTo("On");
    }

    @Test
    void aStoredRuleThatDoesNotParseLeavesOnlyItsOwnGroupAlone() {
        GroupId broken = contoso.aGroup("Broken").withRule(SALES).create();
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).create();
        Group stored = contoso.allot.groups().find(contoso.tenant, broken).orElseThrow();
        contoso.allot.groups().update(contoso.tenant, stored.withMembershipRule("(user.department -eq", "On"));

        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();

        assertThat(contoso.membersOf(sales)).containsExactly(ada);
        assertThat(contoso.membersOf(broken)).isEmpty();
    }

    @Test
    void savingARuleIsAuditedWithItsOldAndNewText() {
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).create();

        contoso.setRule(sales, MARKETING).value();

        assertThat(contoso.audit(Activity.UPDATE_GROUP)).singleElement().satisfies(e -> assertThat(e.changes())
                .singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("membershipRule"))
                .satisfies(c -> assertThat(c.oldValue()).isEqualTo(SALES))
                .satisfies(c -> assertThat(c.newValue()).isEqualTo(MARKETING)));
    }

    @Test
    void membersOfADynamicGroupNestedInALicensedGroupInheritItsLicenses() {
        contoso.subscribe(E3, 5);
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).create();
        GroupId company = contoso.aGroup("Company")
                .withNestedGroups(sales)
                .licensedWith(E3)
                .create();

        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        assertThat(contoso.inherited(ada, E3, company).state()).isEqualTo(AssignmentState.Active);

        contoso.update(ada, UserAttribute.DEPARTMENT, "HR").value();
        assertThat(contoso.heldSkus(ada)).isEmpty();
    }

    @Test
    void aRecomputeOverALargeDirectoryRunsAsABackgroundJob() {
        Scenario big = Scenario.contosoWithBackgroundJobs();
        big.subscribe(E3, 50);
        List<UserId> sales = List.of(
                big.aUser("s1").inDepartment("Sales").create(),
                big.aUser("s2").inDepartment("Sales").create(),
                big.aUser("s3").inDepartment("Sales").create(),
                big.aUser("s4").inDepartment("Sales").create());
        big.aUser("m1").inDepartment("Marketing").create();

        GroupId group = big.aGroup("Sales").withRule(SALES).create();
        assertThat(big.membersOf(group)).isEmpty();
        big.runJobs();
        assertThat(big.membersOf(group)).containsExactlyInAnyOrderElementsOf(sales);

        big.licenseGroup(group, E3).value();
        big.runJobs();
        assertThat(big.allot.groupLicenses().state(big.tenant, group)).isEqualTo(ProcessingState.ProcessingComplete);
        assertThat(sales).allMatch(u -> big.heldSkus(u).contains(E3.skuId()));
    }

    @Test
    void askingForARecomputeOfAGroupThatAppliesNoRuleIsRefused() {
        GroupId assigned = contoso.aGroup("Assigned").create();
        GroupId sales = contoso.aGroup("Sales").withRule(SALES).create();
        contoso.setRuleProcessing(sales, "Paused").value();

        assertThat(contoso.allot
                        .dynamicMembership()
                        .recompute(contoso.admin, assigned)
                        .isDone())
                .isFalse();
        assertThat(contoso.allot
                        .dynamicMembership()
                        .recompute(contoso.admin, sales)
                        .isDone())
                .isFalse();
        assertThat(contoso.allot
                        .dynamicMembership()
                        .recompute(contoso.admin, GroupId.random())
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }
}
