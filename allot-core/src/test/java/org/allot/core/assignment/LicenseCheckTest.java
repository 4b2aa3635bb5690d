package org.allot.core.assignment;

import static org.allot.core.assignment.LicenseDifference.Kind.ConsumedUnits;
import static org.allot.core.assignment.LicenseDifference.Kind.DisabledPlans;
import static org.allot.core.assignment.LicenseDifference.Kind.MissingAssignment;
import static org.allot.core.assignment.LicenseDifference.Kind.State;
import static org.allot.core.assignment.LicenseDifference.Kind.UnexpectedAssignment;
import static org.allot.core.assignment.LicenseDifferences.seats;
import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.allot.core.testing.TestCatalog.SWAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.allot.core.Actor;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.PropertyChange;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Rule 12: the license check recomputes every user's licenses from scratch and compares them with what is stored.
 * Drift is made here behind licensing's back, straight through the storage ports, as a bug or a hand-made database
 * change would make it: a dry run reports each difference in users' assignments exactly and changes nothing; a repair
 * brings it back in line through the engine, with a "Repair license state" record by "reconciliation". Seat figures:
 * {@link LicenseCheckSeatsTest}; how runs go: {@link LicenseCheckRunsTest}.
 */
class LicenseCheckTest {
    private final Scenario contoso = Scenario.contoso();
    private final LicenseDifferences differences = new LicenseDifferences(contoso);

    @Test
    void aConsistentTenantHasNoDifferences() {
        contoso.subscribe(E3, 2);
        contoso.subscribe(EMS, 10);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        UserId cyd = contoso.user("cyd");
        UserId dan = contoso.user("dan");
        UserId eve = contoso.user("eve");
        GroupId staff = contoso.aGroup("Staff")
                .withMembers(ada, bob, cyd)
                .licensedWith(E3)
                .create();
        contoso.aGroup("All")
                .withNestedGroups(staff)
                .withMembers(eve)
                .licensedWith(EMS)
                .create();
        contoso.assign(dan, EMS).value();
        contoso.allot.userDirectory().delete(contoso.admin, eve).value();
        assertThat(contoso.waitingFor(E3)).hasSize(1);

        LicenseCheckRun dryRun = contoso.checkLicenses(true);
        LicenseCheckRun repair = contoso.checkLicenses(false);

        for (LicenseCheckRun run : List.of(dryRun, repair)) {
            assertThat(run.state()).isEqualTo(LicenseCheckState.Succeeded);
            assertThat(run.usersChecked()).as("living users").isEqualTo(4);
            assertThat(run.differencesFound()).isZero();
            assertThat(run.consistent()).isTrue();
            assertThat(contoso.differences(run)).isEmpty();
        }
        assertThat(dryRun.dryRun()).isTrue();
        assertThat(repair.dryRun()).isFalse();
        assertThat(contoso.audit(Activity.REPAIR_LICENSE_STATE)).isEmpty();
    }

    @Test
    void aDryRunReportsAMissingGroupAssignmentAndChangesNothing() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        GroupId staff =
                contoso.aGroup("Staff").withMembers(ada).licensedWith(E3).create();
        contoso.dropBehindTheBack(contoso.inherited(ada, E3, staff));
        LicenseDifferences.Stored before = differences.stored();

        LicenseCheckRun run = contoso.checkLicenses(true);

        assertThat(contoso.differences(run))
                .containsExactly(
                        seats(ConsumedUnits, E3, "0", "1", false),
                        differences.ofGroup(MissingAssignment, ada, E3, staff, "Active", "absent", false));
        assertThat(run.usersChecked()).isEqualTo(1);
        assertThat(run.differencesFound()).isEqualTo(2);
        assertThat(run.differencesRepaired()).isZero();
        assertThat(run.consistent()).isFalse();
        assertThat(differences.stored()).isEqualTo(before);
    }

    @Test
    void aRepairGivesBackAMissingGroupAssignmentWithAnAuditRecord() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        GroupId staff =
                contoso.aGroup("Staff").withMembers(ada).licensedWith(E3).create();
        contoso.dropBehindTheBack(contoso.inherited(ada, E3, staff));

        LicenseCheckRun run = contoso.checkLicenses(false);

        assertThat(contoso.differences(run))
                .containsExactly(
                        seats(ConsumedUnits, E3, "0", "1", true),
                        differences.ofGroup(MissingAssignment, ada, E3, staff, "Active", "absent", true));
        assertThat(run.differencesRepaired()).isEqualTo(2);
        assertThat(run.consistent()).isTrue();
        assertThat(contoso.inherited(ada, E3, staff).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
        List<AuditEvent> repairs = contoso.audit(Activity.REPAIR_LICENSE_STATE);
        assertThat(repairs).allSatisfy(e -> assertThat(e.actor()).isEqualTo(Actor.RECONCILIATION));
        assertThat(repairs).extracting(e -> e.target().type()).containsExactly("SubscribedSku", "User");
        assertThat(repairs.get(0).changes()).containsExactly(new PropertyChange("consumedUnits", "1", "0"));
        assertThat(repairs.get(1).target().id()).isEqualTo(ada.toString());
        assertThat(repairs.get(1).changes())
                .contains(new PropertyChange("LicenseAssignment ENTERPRISEPACK (group " + staff + ")", null, "Active"));
        assertThat(contoso.checkLicenses(true).consistent()).isTrue();
    }

    @Test
    void aPhantomSeatOfANonMemberIsRemovedAndGoesToTheWaitingList() {
        contoso.subscribe(E3, 2);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        UserId eve = contoso.user("eve");
        GroupId staff =
                contoso.aGroup("Staff").withMembers(ada).licensedWith(E3).create();
        contoso.insertGroupAssignmentBehindTheBack(eve, E3, staff);
        contoso.setSeatsBehindTheBack(E3, contoso.seatsOf(E3).withConsumed(2));
        contoso.join(staff, bob).value();
        assertThat(contoso.waitingFor(E3)).containsExactly(bob);

        LicenseCheckRun dryRun = contoso.checkLicenses(true);
        assertThat(contoso.differences(dryRun))
                .containsExactly(differences.ofGroup(UnexpectedAssignment, eve, E3, staff, "absent", "Active", false));

        LicenseCheckRun repair = contoso.checkLicenses(false);
        assertThat(contoso.differences(repair))
                .containsExactly(differences.ofGroup(UnexpectedAssignment, eve, E3, staff, "absent", "Active", true));
        assertThat(contoso.licensesOf(eve).assignments()).isEmpty();
        assertThat(contoso.inherited(bob, E3, staff).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(2);
        assertThat(contoso.seatsOf(E3).waiting()).isZero();
    }

    @Test
    void disabledPlansAndStatesThatDifferFromTheEnginesAreReportedAndRepaired() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        GroupId staff = contoso.aGroup("Staff")
                .withMembers(ada, bob)
                .licensedWith(E3, SWAY)
                .create();
        contoso.overwriteBehindTheBack(contoso.inherited(ada, E3, staff).withDisabledPlans(Set.of()));
        LicenseAssignment bobs = contoso.inherited(bob, E3, staff);
        contoso.overwriteBehindTheBack(bobs.withOutcome(
                AssignmentState.Error, AssignmentError.Other, "broken", bobs.requestedAt(), bobs.updatedAt()));
        List<UserId> inOrder =
                new java.util.TreeSet<>(List.of(ada, bob)).stream().toList();

        LicenseCheckRun dryRun = contoso.checkLicenses(true);

        LicenseDifference plans = differences.ofGroup(DisabledPlans, ada, E3, staff, "SWAY", "none", false);
        LicenseDifference state = differences.ofGroup(State, bob, E3, staff, "Active", "Error (Other)", false);
        assertThat(contoso.differences(dryRun))
                .containsExactlyElementsOf(List.of(
                        seats(ConsumedUnits, E3, "1", "2", false),
                        inOrder.get(0).equals(ada) ? plans : state,
                        inOrder.get(0).equals(ada) ? state : plans));

        LicenseCheckRun repair = contoso.checkLicenses(false);

        assertThat(repair.differencesRepaired()).isEqualTo(3);
        assertThat(contoso.inherited(ada, E3, staff).disabledPlans()).containsExactly(SWAY.id());
        assertThat(contoso.inherited(bob, E3, staff).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(2);
        assertThat(contoso.audit(Activity.REPAIR_LICENSE_STATE))
                .filteredOn(e -> e.target().type().equals("User"))
                .extracting(e -> e.target().id())
                .containsExactlyInAnyOrder(ada.toString(), bob.toString());
    }

    @Test
    void everyUserWhoseLicensesMustChangeIsReportedHoweverManyLookAlike() {
        contoso.subscribe(E3, 10);
        List<UserId> inGermany = List.of(
                contoso.aUser("anna").locatedIn("DE").create(),
                contoso.aUser("bernd").locatedIn("DE").create(),
                contoso.aUser("carla").locatedIn("DE").create());
        UserId elsewhere = contoso.aUser("dora").locatedIn("FR").create();
        GroupId staff = contoso.aGroup("Staff")
                .withMembers(inGermany.get(0), inGermany.get(1), inGermany.get(2), elsewhere)
                .licensedWith(E3)
                .create();
        // a rule made afterwards, which nothing applied to those who already hold the plan
        contoso.allot
                .catalog()
                .addRule(
                        contoso.admin,
                        org.allot.core.catalog.PlanRule.Kind.PROHIBITED_IN,
                        SWAY.id(),
                        Set.of(),
                        Set.of(org.allot.core.directory.UsageLocation.of("DE")),
                        "not in Germany")
                .value();

        LicenseCheckRun run = contoso.checkLicenses(true);

        assertThat(contoso.differences(run))
                .filteredOn(d -> d.user() != null)
                .extracting(LicenseDifference::user)
                .containsExactlyInAnyOrderElementsOf(inGermany);
        assertThat(contoso.inherited(elsewhere, E3, staff).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void aCheckAskedForWhileAGroupsLicensesAreStillBeingAppliedWaitsForThemAndFindsNothing() {
        Scenario busy = Scenario.contosoWithBackgroundJobs();
        busy.subscribe(E3, 10);
        List<UserId> members = busy.users("member", 6);
        GroupId staff = busy.aGroup("Staff").withMembers(members).create();
        LicenseCheckRun asked =
                busy.allot.licenseCheck().request(busy.admin, true).value();
        busy.licenseGroup(staff, E3).value(); // six members: applied in the background, after the check was asked for

        busy.runJobs();

        LicenseCheckRun run =
                busy.allot.licenseCheck().run(busy.tenant, asked.id()).orElseThrow();
        assertThat(run.state()).isEqualTo(LicenseCheckState.Succeeded);
        assertThat(busy.differences(run)).as("work in progress taken for drift").isEmpty();
        assertThat(members).allMatch(u -> busy.heldSkus(u).contains(E3.skuId()));
    }

    @Test
    void aDirectAssignmentIsIntentThatARepairNeverInventsNorRemoves() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        contoso.assign(ada, E3).value();
        contoso.assign(bob, E3).value();
        contoso.dropBehindTheBack(contoso.direct(ada, E3));
        LicenseAssignment bobs = contoso.direct(bob, E3);
        contoso.overwriteBehindTheBack(bobs.withOutcome(
                AssignmentState.Error, AssignmentError.Other, "broken", bobs.requestedAt(), bobs.updatedAt()));

        LicenseCheckRun dryRun = contoso.checkLicenses(true);
        assertThat(contoso.differences(dryRun))
                .containsExactly(
                        seats(ConsumedUnits, E3, "0", "2", false),
                        new LicenseDifference(
                                State,
                                bob,
                                "bob@contoso.com",
                                E3.skuId(),
                                AssignmentSource.DIRECT,
                                "Active",
                                "Error (Other)",
                                false));

        contoso.checkLicenses(false);

        assertThat(contoso.licensesOf(ada).assignments()).as("never invented").isEmpty();
        assertThat(contoso.direct(bob, E3).state()).as("kept, in line").isEqualTo(AssignmentState.Active);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void assignmentsLeftByAUserWhoNoLongerExistsAreReportedAndRemoved() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        GroupId staff =
                contoso.aGroup("Staff").withMembers(ada).licensedWith(E3).create();
        UserId gone = new UserId(java.util.UUID.randomUUID());
        contoso.insertGroupAssignmentBehindTheBack(gone, E3, staff);
        contoso.setSeatsBehindTheBack(E3, contoso.seatsOf(E3).withConsumed(2));

        LicenseCheckRun dryRun = contoso.checkLicenses(true);

        LicenseDifference orphan = new LicenseDifference(
                UnexpectedAssignment,
                gone,
                null,
                E3.skuId(),
                AssignmentSource.group(staff),
                "absent (no such user)",
                "Active",
                false);
        assertThat(contoso.differences(dryRun)).containsExactly(seats(ConsumedUnits, E3, "1", "2", false), orphan);

        contoso.checkLicenses(false);

        assertThat(contoso.allot.allAssignments(contoso.tenant))
                .extracting(LicenseAssignment::user)
                .containsExactly(ada);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
        assertThat(contoso.audit(Activity.REPAIR_LICENSE_STATE))
                .extracting(e -> e.target().id())
                .contains(gone.toString());
        assertThat(contoso.checkLicenses(true).consistent()).isTrue();
    }

    @Test
    void aDeletedUsersLicensesStayFrozenAndTheirSeatsCount() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        GroupId staff =
                contoso.aGroup("Staff").withMembers(ada).licensedWith(E3).create();
        contoso.allot.userDirectory().delete(contoso.admin, ada).value();
        contoso.allot.memberships().remove(contoso.tenant, staff, Member.user(ada));

        LicenseCheckRun dryRun = contoso.checkLicenses(true);
        LicenseCheckRun repair = contoso.checkLicenses(false);

        assertThat(dryRun.usersChecked()).isZero();
        assertThat(contoso.differences(dryRun)).isEmpty();
        assertThat(contoso.differences(repair)).isEmpty();
        assertThat(contoso.inherited(ada, E3, staff).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }
}
