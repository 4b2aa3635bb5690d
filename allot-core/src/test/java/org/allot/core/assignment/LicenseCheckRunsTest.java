package org.allot.core.assignment;

import static org.allot.core.assignment.LicenseDifference.Kind.MissingAssignment;
import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.allot.core.Actor;
import org.allot.core.ErrorCode;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Rule 12, how license check runs go: one under way per tenant, a chunk of users at a time from a committed cursor,
 * ranges examined apart finding what one read finds, and the schedule that repairs each tenant once per interval.
 */
class LicenseCheckRunsTest {
    private final Scenario contoso = Scenario.contoso();

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
}
