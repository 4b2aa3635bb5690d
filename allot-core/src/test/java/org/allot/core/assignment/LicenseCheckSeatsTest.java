package org.allot.core.assignment;

import static org.allot.core.assignment.LicenseDifference.Kind.ConsumedUnits;
import static org.allot.core.assignment.LicenseDifference.Kind.WaitingUnits;
import static org.allot.core.assignment.LicenseDifference.Kind.WaitingWhileSeatsFree;
import static org.allot.core.assignment.LicenseDifferences.seats;
import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.Actor;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.PropertyChange;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Rule 12, the seat figures: the license check counts each product's consumed and waiting seats from the users it
 * reads, reports figures that differ and users who wait while a seat is free, and corrects them under audit.
 */
class LicenseCheckSeatsTest {
    private final Scenario contoso = Scenario.contoso();
    private final LicenseDifferences differences = new LicenseDifferences(contoso);

    @Test
    void wrongSeatFiguresAreReportedAndCorrectedUnderAudit() {
        contoso.subscribe(E3, 5);
        List<UserId> members = contoso.users("member", 2);
        contoso.aGroup("Staff").withMembers(members).licensedWith(E3).create();
        contoso.setSeatsBehindTheBack(E3, contoso.seatsOf(E3).withConsumed(4).withWaiting(1));
        LicenseDifferences.Stored before = differences.stored();

        LicenseCheckRun dryRun = contoso.checkLicenses(true);

        assertThat(contoso.differences(dryRun))
                .containsExactly(seats(ConsumedUnits, E3, "2", "4", false), seats(WaitingUnits, E3, "0", "1", false));
        assertThat(differences.stored()).isEqualTo(before);

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
        contoso.insertGroupAssignmentBehindTheBack(new UserId(java.util.UUID.randomUUID()), E3, staff);
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
}
