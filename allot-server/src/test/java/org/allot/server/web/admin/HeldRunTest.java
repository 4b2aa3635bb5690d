package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.sync.SyncCounts;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.allot.core.sync.SyncTrigger;
import org.junit.jupiter.api.Test;

class HeldRunTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aRunBlockedForItsRemovalsOnlySpeaksOfNoDeletion() {
        HeldRun held = new HeldRun(blocked(0, 5, 5));

        assertThat(held.title()).isEqualTo("5 membership removals wait for your confirmation");
        assertThat(held.summary())
                .startsWith("The run holds back 5 memberships of licensed groups; carried out, they would take a"
                        + " license from 5 users.");
        assertThat(held.explained()).startsWith("Nothing was removed:").doesNotContain("deleted");
        assertThat(held.confirmLabel()).isEqualTo("Confirm removals");
        assertThat(held.confirmQuestion())
                .isEqualTo("Remove the 5 memberships of licensed groups listed here? 5 users would lose a license.");
        assertThat(held.pendingDeletions()).isNull();
    }

    @Test
    void aRunBlockedForItsDeletionsOnlySaysNothingOfRemovals() {
        HeldRun held = new HeldRun(blocked(6, 0, 6));

        assertThat(held.title()).isEqualTo("6 deletions wait for your confirmation");
        assertThat(held.summary()).isEqualTo("Carried out, its deletions would take a license from 6 users.");
        assertThat(held.confirmLabel()).isEqualTo("Confirm deletions");
        assertThat(held.confirmQuestion())
                .isEqualTo("Delete the 6 users and groups listed here? 6 users would lose a license. Users can be"
                        + " restored during the retention period.");
        assertThat(held.explained())
                .as("a deleted user keeps its seat until purged: the page says when the license is lost")
                .endsWith("their licenses are lost when they are purged.");
        assertThat(held.pendingDeletions()).isEqualTo("6 held");
        assertThat(held.counts())
                .isEqualTo("0 added, 0 updated, 0 deleted (6 held for confirmation), 30 unchanged," + " 0 in error");
    }

    @Test
    void aRunHoldingBothNamesBoth() {
        HeldRun held = new HeldRun(blocked(1, 1, 2));

        assertThat(held.title()).isEqualTo("1 deletion and 1 membership removal wait for your confirmation");
        assertThat(held.summary())
                .startsWith("The run also holds back 1 membership of licensed groups; carried"
                        + " out, they and its deletions would take a license from 2 users.");
        assertThat(held.confirmLabel()).isEqualTo("Confirm deletions and removals");
        assertThat(held.confirmQuestion())
                .startsWith("Delete the 1 user or group and remove the 1 membership of licensed groups listed here?");
    }

    @Test
    void aDryRunCountsWhatItWouldDo() {
        SyncRun preview = run(SyncRunState.PREVIEW, 47, 0, 12, new SyncCounts(34, 0, 0, 0, 0));
        HeldRun held = new HeldRun(preview);

        assertThat(held.counts())
                .isEqualTo("Applied, it would add 34, update 0 and delete 47; 0 unchanged, 0 in error");
        assertThat(held.pendingDeletions()).isEqualTo("47 if applied");
    }

    private static SyncRun blocked(int deletions, int removals, int losing) {
        return run(SyncRunState.BLOCKED, deletions, removals, losing, new SyncCounts(0, 0, 0, 30, 0));
    }

    private static SyncRun run(SyncRunState state, int deletions, int removals, int losing, SyncCounts counts) {
        SyncRun started = SyncRun.started(new TenantId(UUID.randomUUID()), SyncTrigger.MANUAL, "Ada", NOW);
        return new SyncRun(
                started.id(),
                started.tenant(),
                started.trigger(),
                null,
                state,
                NOW,
                NOW,
                counts,
                deletions,
                removals,
                losing,
                null,
                "Ada");
    }
}
