package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Rule 4 and 5 for large groups: processed in chunks by a durable job, with processing state showing progress. */
class BackgroundGroupProcessingTest {
    private final Scenario contoso = Scenario.contosoWithBackgroundJobs();

    @Test
    void largeGroupIsQueuedThenProcessedInChunksUntilComplete() {
        contoso.subscribe(E3, 100);
        List<UserId> members = contoso.users("member", 7);
        GroupId group = contoso.aGroup("Everyone").withMembers(members).create();

        var state = contoso.licenseGroup(group, E3).value();

        assertThat(state.state()).isEqualTo(ProcessingState.QueuedForProcessing);
        assertThat(contoso.licensesOf(members.get(0)).assignments()).isEmpty();
        contoso.runJobs();
        assertThat(contoso.allot.groupLicenses().state(contoso.tenant, group))
                .isEqualTo(ProcessingState.ProcessingComplete);
        assertThat(members).allMatch(m -> contoso.heldSkus(m).contains(E3.skuId()));
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(7);
    }

    @Test
    void processingAChunkAgainChangesNothing() {
        contoso.subscribe(E3, 100);
        List<UserId> members = contoso.users("member", 5);
        GroupId group =
                contoso.aGroup("Everyone").withMembers(members).licensedWith(E3).create();
        contoso.runJobs();
        var before = contoso.allot.allAssignments(contoso.tenant);
        int audits = contoso.auditEvents().size();

        var chunk = contoso.allot.licensing().groups().processChunk(contoso.admin, group, null, 3);

        assertThat(chunk.users()).isEqualTo(3);
        assertThat(contoso.allot.allAssignments(contoso.tenant)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(contoso.auditEvents()).hasSize(audits);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(5);
    }

    @Test
    void usersWhoLeftWhileTheGroupWasQueuedLoseTheLicenseWhenItRuns() {
        contoso.subscribe(E3, 100);
        contoso.subscribe(EMS, 100);
        List<UserId> members = contoso.users("member", 6);
        GroupId group =
                contoso.aGroup("Everyone").withMembers(members).licensedWith(E3).create();
        contoso.runJobs();

        contoso.unlicenseGroup(group, E3).value();
        contoso.licenseGroup(group, EMS).value();
        contoso.runJobs();

        assertThat(members).allMatch(m -> contoso.heldSkus(m).equals(java.util.Set.of(EMS.skuId())));
        assertThat(contoso.seatsOf(E3).consumed()).isZero();
    }

    @Test
    void chunksCoverMembersAndFormerHoldersWithoutGaps() {
        contoso.subscribe(E3, 100);
        List<UserId> first = contoso.users("first", 5);
        List<UserId> second = contoso.users("second", 5);
        GroupId group =
                contoso.aGroup("Rotating").withMembers(first).licensedWith(E3).create();
        contoso.runJobs();
        first.forEach(u -> contoso.leave(group, u).value());
        second.forEach(u -> contoso.join(group, u).value());

        contoso.allot.licensing().groups().reprocess(contoso.admin, group).value();
        contoso.runJobs();

        assertThat(first).allMatch(u -> contoso.licensesOf(u).assignments().isEmpty());
        assertThat(second).allMatch(u -> contoso.heldSkus(u).contains(E3.skuId()));
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(5);
    }
}
