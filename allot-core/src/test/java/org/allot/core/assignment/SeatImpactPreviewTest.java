package org.allot.core.assignment;

import static org.allot.core.testing.Scenario.license;
import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.allot.core.ErrorCode;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.core.unit.UnitId;
import org.junit.jupiter.api.Test;

/** The seat-impact preview tells what a group license change would do, and changes nothing. */
class SeatImpactPreviewTest {
    private final Scenario contoso = Scenario.contosoWithBackgroundJobs();

    @Test
    void predictsSeatsTakenAndWhoWouldWaitWithoutChangingAnything() {
        contoso.subscribe(E3, 3);
        List<UserId> members = contoso.users("member", 5);
        UserId partner = contoso.aUser("partner").guest().create();
        GroupId group = contoso.aGroup("Staff")
                .withMembers(members)
                .withMembers(partner)
                .create();
        int audits = contoso.auditEvents().size();

        SeatImpact impact = contoso.allot
                .licensing()
                .groups()
                .preview(contoso.admin, group, List.of(license(E3)), List.of())
                .value();

        assertThat(impact.members()).isEqualTo(6);
        assertThat(impact.guestMembers()).isEqualTo(1);
        SeatImpact.Sku e3 = impact.skus().get(0);
        assertThat(e3.sku()).isEqualTo(E3.skuId());
        assertThat(e3.availableNow()).isEqualTo(3);
        assertThat(e3.seatsTaken()).isEqualTo(3);
        assertThat(e3.wouldWait()).isEqualTo(2);
        assertThat(e3.wouldWaitSample()).hasSize(2).doesNotContain(partner);
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
        assertThat(contoso.auditEvents()).hasSize(audits);
        assertThat(contoso.allot.allAssignments(contoso.tenant)).isEmpty();

        contoso.licenseGroup(group, E3).value();
        contoso.runJobs();
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(3);
        assertThat(contoso.waitingFor(E3)).containsExactlyInAnyOrderElementsOf(e3.wouldWaitSample());
    }

    @Test
    void predictsWhoWouldLoseALicenseAndWhoKeepsItFromAnotherSource() {
        contoso.subscribe(E3, 10);
        contoso.subscribe(EMS, 10);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        GroupId staff =
                contoso.aGroup("Staff").withMembers(ada, bob).licensedWith(E3).create();
        contoso.assign(bob, E3).value();

        SeatImpact impact = contoso.allot
                .licensing()
                .groups()
                .preview(contoso.admin, staff, List.of(), List.of(E3.skuId()))
                .value();

        SeatImpact.Sku e3 = impact.skus().stream()
                .filter(s -> s.sku().equals(E3.skuId()))
                .findFirst()
                .orElseThrow();
        assertThat(e3.wouldLose()).isEqualTo(1);
        assertThat(e3.wouldLoseSample()).containsExactly(ada);
        assertThat(e3.seatsFreed()).isEqualTo(1);
        assertThat(contoso.heldSkus(ada)).contains(E3.skuId());
    }

    @Test
    void refusesWhatAssignWouldRefuse() {
        GroupId group = contoso.aGroup("Staff").create();

        assertThat(contoso.allot
                        .licensing()
                        .groups()
                        .preview(contoso.admin, group, List.of(license(E3)), List.of())
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_LICENSE);
    }

    @Test
    void aPoolThatWouldFillQueuesItsUsersEvenWhileTheProductHasFreeSeats() {
        contoso.subscribe(E3, 10);
        UnitId north = contoso.unit("North");
        contoso.allot
                .licensing()
                .allotments()
                .create(
                        contoso.admin,
                        E3.skuId().toString(),
                        new AllotmentChange(
                                Optional.of("North seats"),
                                Optional.of(new Allotment.Owner(Allotment.Kind.UNIT, north.value())),
                                Optional.of(2),
                                Optional.empty()))
                .value();
        List<UserId> northUsers = contoso.inUnit(north, contoso.users("north", 3));
        List<UserId> others = contoso.users("other", 2);
        GroupId staff = contoso.aGroup("Staff")
                .withMembers(northUsers)
                .withMembers(others)
                .create();

        SeatImpact impact = contoso.allot
                .licensing()
                .groups()
                .preview(contoso.admin, staff, List.of(license(E3)), List.of())
                .value();

        SeatImpact.Sku e3 = impact.skus().get(0);
        assertThat(e3.availableNow()).isEqualTo(10);
        assertThat(e3.seatsTaken())
                .as("two North seats and two of the remainder")
                .isEqualTo(4);
        assertThat(e3.wouldWait())
                .as("the third North user waits for a North seat")
                .isEqualTo(1);
        assertThat(e3.pools()).hasSize(2);
        SeatImpact.Pool northPool = e3.pools().get(0);
        assertThat(northPool.allotment().displayName()).isEqualTo("North seats");
        assertThat(northPool).isEqualTo(new SeatImpact.Pool(northPool.allotment(), 2, 0, 2, 0, 1));
        assertThat(northPool.fillsAndQueues()).isTrue();
        assertThat(e3.pools().get(1)).isEqualTo(new SeatImpact.Pool(null, 8, 0, 2, 0, 0));
        assertThat(e3.pools().get(1).availableAfter()).isEqualTo(6);

        contoso.licenseGroup(staff, E3).value();
        contoso.runJobs();
        assertThat(contoso.waitingFor(E3)).containsExactlyElementsOf(e3.wouldWaitSample());
        PoolFigures applied = contoso.allot
                .licensing()
                .allotmentFigures()
                .figures(contoso.tenant, "ENTERPRISEPACK")
                .orElseThrow();
        assertThat(applied.of(northPool.allotment().id()))
                .isEqualTo(new PoolFigures.Pool(northPool.allotment(), 2, 2, 1));
        assertThat(applied.remainder()).isEqualTo(new PoolFigures.Pool(null, 8, 2, 0));
    }

    @Test
    void aProductWithoutPoolsShowsNone() {
        contoso.subscribe(E3, 3);
        GroupId group =
                contoso.aGroup("Staff").withMembers(contoso.users("member", 2)).create();

        SeatImpact impact = contoso.allot
                .licensing()
                .groups()
                .preview(contoso.admin, group, List.of(license(E3)), List.of())
                .value();

        assertThat(impact.skus().get(0).pools()).isEmpty();
    }
}
