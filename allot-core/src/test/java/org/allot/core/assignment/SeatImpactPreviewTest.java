package org.allot.core.assignment;

import static org.allot.core.testing.Scenario.license;
import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.ErrorCode;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
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
}
