package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.allot.core.Actor;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.PropertyChange;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;
import org.allot.core.testing.Scenario;
import org.allot.core.unit.UnitId;
import org.junit.jupiter.api.Test;

/**
 * Rule 12 per allotment: the license check recounts each pool's figures (holders, waiting users) from the pool every
 * assignment records, reports a pool whose figures drifted and corrects them under audit; a full pool whose users wait
 * while the product has seats free elsewhere is as the rules say, not drift.
 */
class LicenseCheckPoolsTest {
    private final Scenario contoso = Scenario.contoso();
    private final SeatAllotments pools = contoso.allot.licensing().allotments();
    private AllotmentId north;
    private List<UserId> northUsers;
    private GroupId all;

    /** E3 with 10 seats; North's pool of 2 holds two North users and queues the third; one other user holds a seat. */
    private void twoUnits() {
        contoso.subscribe(E3, 10);
        UnitId unit = contoso.unit("North");
        north = pools.create(
                        contoso.admin,
                        E3.skuId().toString(),
                        new AllotmentChange(
                                Optional.of("North seats"),
                                Optional.of(new Allotment.Owner(Allotment.Kind.UNIT, unit.value())),
                                Optional.of(2),
                                Optional.empty()))
                .value()
                .id();
        northUsers = contoso.inUnit(unit, contoso.users("north", 3));
        all = contoso.aGroup("All")
                .withMembers(northUsers)
                .withMembers(contoso.user("other"))
                .licensedWith(E3)
                .create();
        assertThat(pool()).isEqualTo(new AllotmentCount(2, 1));
    }

    @Test
    void aFullPoolThatQueuesWhileTheRemainderHasFreeSeatsIsNoDifference() {
        twoUnits();

        assertThat(contoso.differences(contoso.checkLicenses(true))).isEmpty();
    }

    @Test
    void aPoolsDriftedFiguresAreReportedAndCorrectedUnderAudit() {
        twoUnits();
        contoso.allot.allotments().save(contoso.tenant, north, new AllotmentCount(0, 3));

        LicenseCheckRun dryRun = contoso.checkLicenses(true);

        assertThat(contoso.differences(dryRun))
                .containsExactly(
                        pool(LicenseDifference.Kind.AllotmentConsumedUnits, "2", "0", false),
                        pool(LicenseDifference.Kind.AllotmentWaitingUnits, "1", "3", false));
        assertThat(pool()).as("a dry run changes nothing").isEqualTo(new AllotmentCount(0, 3));

        LicenseCheckRun repair = contoso.checkLicenses(false);

        assertThat(contoso.differences(repair))
                .containsExactly(
                        pool(LicenseDifference.Kind.AllotmentConsumedUnits, "2", "0", true),
                        pool(LicenseDifference.Kind.AllotmentWaitingUnits, "1", "3", true));
        assertThat(pool()).isEqualTo(new AllotmentCount(2, 1));
        AuditEvent correction = contoso.audit(Activity.REPAIR_LICENSE_STATE).get(0);
        assertThat(correction.actor()).isEqualTo(Actor.RECONCILIATION);
        assertThat(correction.target().displayName()).isEqualTo("North seats");
        assertThat(correction.changes())
                .containsExactly(
                        new PropertyChange("consumedUnits", "0", "2"), new PropertyChange("waitingUnits", "3", "1"));
        assertThat(contoso.differences(contoso.checkLicenses(true))).isEmpty();
    }

    @Test
    void aUserWaitingForAPoolWithAFreeSeatIsReportedAndServed() {
        twoUnits();
        UserId waiting = contoso.waitingFor(E3).get(0);
        UserId holder =
                northUsers.stream().filter(u -> !u.equals(waiting)).findFirst().orElseThrow();
        contoso.allot.memberships().remove(contoso.tenant, all, org.allot.core.directory.Member.user(holder));
        contoso.dropBehindTheBack(contoso.inherited(holder, E3, all));
        contoso.setSeatsBehindTheBack(E3, contoso.seatsOf(E3).withConsumed(2));
        contoso.allot.allotments().save(contoso.tenant, north, new AllotmentCount(1, 1));

        LicenseCheckRun dryRun = contoso.checkLicenses(true);
        assertThat(contoso.differences(dryRun))
                .containsExactly(new LicenseDifference(
                        LicenseDifference.Kind.WaitingWhileSeatsFree,
                        null,
                        null,
                        E3.skuId(),
                        null,
                        "nobody waiting while a seat is free",
                        "1 waiting, 1 free in allotment North seats",
                        false,
                        north,
                        "North seats"));

        contoso.checkLicenses(false);

        assertThat(contoso.inherited(waiting, E3, all).state()).isEqualTo(AssignmentState.Active);
        assertThat(pool()).isEqualTo(new AllotmentCount(2, 0));
        assertThat(contoso.differences(contoso.checkLicenses(true))).isEmpty();
    }

    @Test
    void aDryRunCountsThePoolsFromTheUsersItReadsAsARecountDoes() {
        twoUnits();
        contoso.allot.allotments().save(contoso.tenant, north, new AllotmentCount(5, 0));
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
                .containsExactly(
                        pool(LicenseDifference.Kind.AllotmentConsumedUnits, "2", "5", false),
                        pool(LicenseDifference.Kind.AllotmentWaitingUnits, "1", "0", false));
        assertThat(check.seatsCounted(counted).differences()).isEqualTo(recounted);
    }

    private AllotmentCount pool() {
        return contoso.allot.allotments().counts(contoso.tenant).get(north);
    }

    private LicenseDifference pool(LicenseDifference.Kind kind, String expected, String stored, boolean repaired) {
        return new LicenseDifference(
                kind, null, null, E3.skuId(), null, expected, stored, repaired, north, "North seats");
    }
}
