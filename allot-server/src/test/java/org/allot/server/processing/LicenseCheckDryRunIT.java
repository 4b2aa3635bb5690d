package org.allot.server.processing;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.LicenseCheckRun;
import org.allot.core.assignment.LicenseDifference;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.server.persistence.SharedSnapshots;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A dry run in ranges examined at once: the seat figures compared with what the ranges counted, and, carried on from
 * a cursor by another worker, the users after it checked once and the seats recounted.
 */
class LicenseCheckDryRunIT {
    private final Scenario contoso = Scenario.contosoWithBackgroundJobs();
    private final PostgresInstallation allot = (PostgresInstallation) contoso.allot;
    private final LicenseCheck check = allot.licenseCheck();
    private final LicenseCheckDryRun dryRuns =
            new LicenseCheckDryRun(check, allot.work(), new SharedSnapshots(TestDatabase.shared(), allot.jdbc()), 2, 2);

    @Test
    void aDryRunCarriedOnFromACursorChecksTheUsersAfterItAndRecountsTheSeats() {
        contoso.subscribe(E3, 10);
        List<UserId> members = new ArrayList<>(new TreeSet<>(contoso.users("member", 7)));
        GroupId staff =
                contoso.aGroup("Staff").withMembers(members).licensedWith(E3).create();
        contoso.runJobs();
        members.forEach(member -> contoso.dropBehindTheBack(contoso.inherited(member, E3, staff)));

        LicenseCheckRun whole = dryRun(new LicenseCheckDryRun.Position(false, null, 0, 0), 7);
        LicenseCheckRun carriedOn = dryRun(new LicenseCheckDryRun.Position(true, members.get(2), 3, 0), 4);

        assertThat(contoso.differences(whole))
                .extracting(LicenseDifference::kind, LicenseDifference::user, LicenseDifference::expected)
                .first()
                .isEqualTo(org.assertj.core.groups.Tuple.tuple(LicenseDifference.Kind.ConsumedUnits, null, "0"));
        assertThat(contoso.differences(whole))
                .filteredOn(d -> d.user() != null)
                .extracting(LicenseDifference::user)
                .containsExactlyElementsOf(members);
        assertThat(contoso.differences(carriedOn))
                .extracting(LicenseDifference::user)
                .as("the seats recounted, the users after the cursor checked once each")
                .containsExactly(null, members.get(3), members.get(4), members.get(5), members.get(6));
        assertThat(contoso.differences(carriedOn).get(0))
                .isEqualTo(contoso.differences(whole).get(0));
        assertThat(carriedOn.usersChecked()).isEqualTo(4);
    }

    private LicenseCheckRun dryRun(LicenseCheckDryRun.Position from, int users) {
        LicenseCheckRun run = check.request(contoso.admin, true).value();
        allot.work().execute(() -> check.begin(contoso.tenant, run.id()));
        List<LicenseCheckDryRun.Position> recorded = new ArrayList<>();
        LicenseCheckDryRun.Position end = dryRuns.run(contoso.tenant, run.id(), from, recorded::add);
        allot.work().execute(() -> check.finish(contoso.tenant, run.id()));
        contoso.runJobs(); // the job finds the run over

        assertThat(end.atTheEnd()).isTrue();
        assertThat(end.processed() - from.processed()).isEqualTo(users);
        assertThat(recorded).last().isEqualTo(end);
        return check.run(contoso.tenant, run.id()).orElseThrow();
    }
}
