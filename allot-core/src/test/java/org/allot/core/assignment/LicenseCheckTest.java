package org.allot.core.assignment;

import static org.allot.core.assignment.LicenseDifference.Kind.ConsumedUnits;
import static org.allot.core.assignment.LicenseDifference.Kind.DisabledPlans;
import static org.allot.core.assignment.LicenseDifference.Kind.MissingAssignment;
import static org.allot.core.assignment.LicenseDifference.Kind.State;
import static org.allot.core.assignment.LicenseDifference.Kind.UnexpectedAssignment;
import static org.allot.core.assignment.LicenseDifference.Kind.WaitingUnits;
import static org.allot.core.assignment.LicenseDifference.Kind.WaitingWhileSeatsFree;
import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.allot.core.testing.TestCatalog.SWAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.Actor;
import org.allot.core.ErrorCode;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.PropertyChange;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;
import org.allot.core.subscription.SeatCount;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Rule 12: the license check recomputes every user's licenses from scratch and compares them with what is stored.
 * Drift is made here behind licensing's back, straight through the storage ports, as a bug or a hand-made database
 * change would make it: a dry run reports each difference exactly and changes nothing; a repair brings it back in
 * line through the engine, with a "Repair license state" record by "reconciliation".
 */
class LicenseCheckTest {
    private final Scenario contoso = Scenario.contoso();

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
        Stored before = stored();

        LicenseCheckRun run = contoso.checkLicenses(true);

        assertThat(contoso.differences(run))
                .containsExactly(
                        seats(ConsumedUnits, E3, "0", "1", false),
                        of(MissingAssignment, ada, E3, staff, "Active", "absent", false));
        assertThat(run.usersChecked()).isEqualTo(1);
        assertThat(run.differencesFound()).isEqualTo(2);
        assertThat(run.differencesRepaired()).isZero();
        assertThat(run.consistent()).isFalse();
        assertThat(stored()).isEqualTo(before);
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
                        of(MissingAssignment, ada, E3, staff, "Active", "absent", true));
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
        Instant at = contoso.allot.clock().instant();
        contoso.insertBehindTheBack(new LicenseAssignment(
                eve,
                E3.skuId(),
                AssignmentSource.group(staff),
                Set.of(),
                AssignmentState.Active,
                null,
                null,
                at,
                at,
                null));
        contoso.setSeatsBehindTheBack(E3, contoso.seatsOf(E3).withConsumed(2));
        contoso.join(staff, bob).value();
        assertThat(contoso.waitingFor(E3)).containsExactly(bob);

        LicenseCheckRun dryRun = contoso.checkLicenses(true);
        assertThat(contoso.differences(dryRun))
                .containsExactly(of(UnexpectedAssignment, eve, E3, staff, "absent", "Active", false));

        LicenseCheckRun repair = contoso.checkLicenses(false);
        assertThat(contoso.differences(repair))
                .containsExactly(of(UnexpectedAssignment, eve, E3, staff, "absent", "Active", true));
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

        LicenseDifference plans = of(DisabledPlans, ada, E3, staff, "SWAY", "none", false);
        LicenseDifference state = of(State, bob, E3, staff, "Active", "Error (Other)", false);
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
    void wrongSeatFiguresAreReportedAndCorrectedUnderAudit() {
        contoso.subscribe(E3, 5);
        List<UserId> members = contoso.users("member", 2);
        contoso.aGroup("Staff").withMembers(members).licensedWith(E3).create();
        contoso.setSeatsBehindTheBack(E3, contoso.seatsOf(E3).withConsumed(4).withWaiting(1));
        Stored before = stored();

        LicenseCheckRun dryRun = contoso.checkLicenses(true);

        assertThat(contoso.differences(dryRun))
                .containsExactly(seats(ConsumedUnits, E3, "2", "4", false), seats(WaitingUnits, E3, "0", "1", false));
        assertThat(stored()).isEqualTo(before);

        contoso.checkLicenses(false);

        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(2);
        assertThat(contoso.seatsOf(E3).waiting()).isZero();
        AuditEvent correction = contoso.audit(Activity.REPAIR_LICENSE_STATE).get(0);
        assertThat(correction.actor()).isEqualTo(Actor.RECONCILIATION);
        assertThat(correction.target().displayName()).isEqualTo("ENTERPRISEPACK");
        assertThat(correction.changes())
                .containsExactly(
                        new PropertyChange("consumedUnits", "4", "2"), new PropertyChange("waitingUnits", "1", "0"));
    }

    @Test
    void aDryRunCountsTheSeatsFromTheUsersItReadsAsARecountDoes() {
        contoso.subscribe(E3, 3);
        contoso.subscribe(EMS, 5);
        List<UserId> members = contoso.users("member", 5);
        GroupId staff =
                contoso.aGroup("Staff").withMembers(members).licensedWith(E3).create();
        contoso.aGroup("Mobile").withMembers(members.get(0)).licensedWith(E3).create();
        contoso.assign(members.get(1), EMS).value();
        List<UserId> waiting = contoso.waitingFor(E3);
        UserId holder =
                members.stream().filter(u -> !waiting.contains(u)).findFirst().orElseThrow();
        contoso.allot.userDirectory().delete(contoso.admin, holder).value();
        contoso.allot.userDirectory().delete(contoso.admin, waiting.get(0)).value();
        Instant at = contoso.allot.clock().instant();
        contoso.insertBehindTheBack(new LicenseAssignment(
                new UserId(java.util.UUID.randomUUID()),
                E3.skuId(),
                AssignmentSource.group(staff),
                Set.of(),
                AssignmentState.Active,
                null,
                null,
                at,
                at,
                null));
        contoso.setSeatsBehindTheBack(E3, contoso.seatsOf(E3).withConsumed(7).withWaiting(4));
        contoso.setSeatsBehindTheBack(EMS, contoso.seatsOf(EMS).withConsumed(0));
        LicenseCheck check = contoso.allot.licenseCheck();
        LicenseCheckRun run = check.request(contoso.admin, true).value();

        SeatTally counted = SeatTally.none();
        for (UserRange range : check.ranges(contoso.tenant, null, 2, 2)) {
            counted = counted.plus(
                    check.examine(contoso.tenant, run.id(), range, 2).seats());
        }

        List<LicenseDifference> recounted =
                check.examineSeats(contoso.tenant, run.id()).differences();
        assertThat(recounted)
                .as("deleted holders counted, deleted waiters not, each user once, no one who does not exist")
                .containsExactly(
                        seats(ConsumedUnits, E3, "3", "7", false),
                        seats(WaitingUnits, E3, "1", "4", false),
                        seats(ConsumedUnits, EMS, "1", "0", false));
        assertThat(check.seatsCounted(counted).differences()).isEqualTo(recounted);
    }

    @Test
    void aUserWaitingWhileASeatIsFreeIsReportedAndServed() {
        contoso.subscribe(E3, 1);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        GroupId staff =
                contoso.aGroup("Staff").withMembers(ada, bob).licensedWith(E3).create();
        UserId waiting = contoso.waitingFor(E3).get(0);
        UserId holder = waiting.equals(ada) ? bob : ada;
        contoso.allot.memberships().remove(contoso.tenant, staff, Member.user(holder));
        contoso.dropBehindTheBack(contoso.inherited(holder, E3, staff));
        contoso.setSeatsBehindTheBack(E3, contoso.seatsOf(E3).withConsumed(0));

        LicenseCheckRun dryRun = contoso.checkLicenses(true);
        assertThat(contoso.differences(dryRun))
                .containsExactly(seats(
                        WaitingWhileSeatsFree, E3, "nobody waiting while a seat is free", "1 waiting, 1 free", false));

        LicenseCheckRun repair = contoso.checkLicenses(false);

        assertThat(contoso.differences(repair))
                .extracting(LicenseDifference::repaired)
                .containsExactly(true);
        assertThat(contoso.inherited(waiting, E3, staff).state()).isEqualTo(AssignmentState.Active);
        assertThat(contoso.waitingFor(E3)).isEmpty();
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void assignmentsLeftByAUserWhoNoLongerExistsAreReportedAndRemoved() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        GroupId staff =
                contoso.aGroup("Staff").withMembers(ada).licensedWith(E3).create();
        UserId gone = new UserId(java.util.UUID.randomUUID());
        Instant at = contoso.allot.clock().instant();
        contoso.insertBehindTheBack(new LicenseAssignment(
                gone,
                E3.skuId(),
                AssignmentSource.group(staff),
                Set.of(),
                AssignmentState.Active,
                null,
                null,
                at,
                at,
                null));
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

    @Test
    void aTenantHasOneRunUnderWayAtATime() {
        LicenseCheck check = contoso.allot.licenseCheck();
        LicenseCheckRun queued = check.request(contoso.admin, true).value();
        assertThat(queued.state()).isEqualTo(LicenseCheckState.Queued);
        assertThat(queued.requestedBy()).isEqualTo(contoso.admin.actor());

        var second = check.request(contoso.admin, false);

        assertThat(second.isDone()).isFalse();
        assertThat(second.rejection().code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(second.rejection().message()).contains(queued.id().toString());
        contoso.runJobs();
        LicenseCheckRun next = check.request(contoso.admin, false).value();
        contoso.runJobs();
        assertThat(check.runs(contoso.tenant, 0, 10))
                .extracting(LicenseCheckRun::id)
                .containsExactly(next.id(), queued.id());
        assertThat(check.runs(contoso.tenant, 1, 10))
                .extracting(LicenseCheckRun::id)
                .containsExactly(queued.id());
        assertThat(check.latest(contoso.tenant).orElseThrow().state()).isEqualTo(LicenseCheckState.Succeeded);
    }

    @Test
    void aRunGoesAChunkAtATimeAndCarriesOnFromTheLastUserAChunkCovered() {
        Scenario small = Scenario.contosoWithBackgroundJobs();
        small.subscribe(E3, 10);
        List<UserId> members = small.users("member", 5);
        GroupId staff =
                small.aGroup("Staff").withMembers(members).licensedWith(E3).create();
        small.runJobs();
        for (UserId member : members) {
            small.dropBehindTheBack(small.inherited(member, E3, staff));
        }
        LicenseCheck check = small.allot.licenseCheck();
        LicenseCheckRun run = check.request(small.admin, true).value();
        check.start(small.tenant, run.id());

        LicenseCheck.Chunk first = check.check(small.tenant, run.id(), null, 2);
        // the worker stops here; another carries on from the committed cursor
        LicenseCheck.Chunk second = check.check(small.tenant, run.id(), first.next(), 2);
        LicenseCheck.Chunk third = check.check(small.tenant, run.id(), second.next(), 2);
        check.finish(small.tenant, run.id());
        small.runJobs();

        assertThat(List.of(first.users(), second.users(), third.users())).containsExactly(2, 2, 1);
        assertThat(third.next()).isNull();
        LicenseCheckRun done = check.run(small.tenant, run.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(LicenseCheckState.Succeeded);
        assertThat(done.usersChecked())
                .as("each user once, the job finding the run over")
                .isEqualTo(5);
        assertThat(small.differences(done))
                .filteredOn(d -> d.kind() == MissingAssignment)
                .extracting(LicenseDifference::user)
                .containsExactlyElementsOf(new java.util.TreeSet<>(members));
    }

    @Test
    void aDryRunInRangesExaminedApartFindsWhatOneReadOfEveryUserFinds() {
        Scenario small = Scenario.contosoWithBackgroundJobs();
        small.subscribe(E3, 20);
        List<UserId> members = small.users("member", 7);
        GroupId staff =
                small.aGroup("Staff").withMembers(members).licensedWith(E3).create();
        small.runJobs();
        for (UserId member : members.subList(0, 5)) {
            small.dropBehindTheBack(small.inherited(member, E3, staff));
        }
        LicenseCheck check = small.allot.licenseCheck();
        LicenseCheckRun run = check.request(small.admin, true).value();
        check.begin(small.tenant, run.id());

        LicenseCheck.Findings whole = check.examine(small.tenant, run.id(), UserRange.all(), 100);
        // seven users where about two were expected: read two at a time
        LicenseCheck.Findings crowded = check.examine(small.tenant, run.id(), UserRange.all(), 2);
        List<UserRange> ranges = check.ranges(small.tenant, null, 1, 3);
        List<LicenseCheck.Findings> apart = ranges.stream()
                .map(range -> check.examine(small.tenant, run.id(), range, 1))
                .toList();

        assertThat(whole.differences())
                .extracting(LicenseDifference::user)
                .containsExactlyElementsOf(new java.util.TreeSet<>(members.subList(0, 5)));
        assertThat(whole.users()).isEqualTo(7);
        assertThat(crowded).isEqualTo(whole);
        assertThat(ranges).hasSize(9).first().extracting(UserRange::after).isNull();
        assertThat(apart.stream().mapToInt(LicenseCheck.Findings::users).sum()).isEqualTo(7);
        assertThat(apart.stream().flatMap(f -> f.differences().stream()))
                .containsExactlyElementsOf(whole.differences());
    }

    @Test
    void theScheduleRepairsEachTenantOncePerInterval() {
        LicenseCheck check = contoso.allot.licenseCheck();
        Duration day = Duration.ofHours(24);
        assertThat(check.requestScheduled(contoso.tenant, true, day))
                .as("a new tenant")
                .isEmpty();

        contoso.allot.clock().advance(Duration.ofHours(25));
        LicenseCheckRun scheduled =
                check.requestScheduled(contoso.tenant, true, day).orElseThrow();

        assertThat(scheduled.dryRun()).isFalse();
        assertThat(scheduled.requestedBy()).isEqualTo(Actor.RECONCILIATION);
        assertThat(check.requestScheduled(contoso.tenant, true, day))
                .as("under way")
                .isEmpty();
        contoso.runJobs();
        assertThat(check.requestScheduled(contoso.tenant, true, day))
                .as("just checked")
                .isEmpty();
        contoso.allot.clock().advance(Duration.ofHours(25));
        assertThat(check.requestScheduled(contoso.tenant, true, day)).isPresent();
    }

    /** What a dry run must leave as it found: assignments, seat figures and the audit log. */
    private record Stored(Set<LicenseAssignment> assignments, Map<SkuId, SeatCount> seats, int auditEvents) {}

    private Stored stored() {
        return new Stored(
                new HashSet<>(contoso.allot.allAssignments(contoso.tenant)),
                contoso.allot.seats().all(contoso.tenant),
                contoso.auditEvents().size());
    }

    private LicenseDifference of(
            LicenseDifference.Kind kind,
            UserId user,
            Product product,
            GroupId group,
            String expected,
            String stored,
            boolean repaired) {
        String upn =
                contoso.allot.users().find(contoso.tenant, user).orElseThrow().userPrincipalName();
        return new LicenseDifference(
                kind, user, upn, product.skuId(), AssignmentSource.group(group), expected, stored, repaired);
    }

    private static LicenseDifference seats(
            LicenseDifference.Kind kind, Product product, String expected, String stored, boolean repaired) {
        return new LicenseDifference(kind, null, null, product.skuId(), null, expected, stored, repaired);
    }
}
