package org.allot.core.jobs;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.allot.core.Transactions;
import org.allot.core.assignment.ProcessingState;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A group job commits each chunk as a unit of work that is done again when lost ({@link Transactions#runRedoable}),
 * and its end as a durable one, which makes every chunk before it durable too.
 */
class BackgroundLicensingCommitsTest {
    private final Scenario contoso = Scenario.contosoWithBackgroundJobs();

    @Test
    void chunksCommitAsRedoableUnitsOfWorkAndTheEndDurably() {
        contoso.subscribe(E3, 100);
        List<UserId> members = contoso.users("member", 5);
        GroupId group = contoso.aGroup("Everyone").withMembers(members).create();
        contoso.licenseGroup(group, E3).value();
        RecordingTransactions transactions = new RecordingTransactions();
        OneJob queue = new OneJob(new Job(contoso.tenant, 1, JobKind.GROUP, group.value(), JobProgress.NONE, 1));
        BackgroundLicensing background = new BackgroundLicensing(
                queue,
                transactions,
                contoso.allot.licensing(),
                contoso.allot.dynamicMembership(),
                contoso.allot.licenseCheck(),
                (tenant, run, from, progress) -> {},
                contoso.allot.directToGroupJob(),
                2,
                Duration.ofSeconds(30));

        assertThat(background.runOne(UUID.randomUUID())).isEqualTo(BackgroundLicensing.Turn.RAN);

        // the claim, the start, three chunks of two users, the end
        assertThat(transactions.kinds)
                .containsExactly("durable", "durable", "redoable", "redoable", "redoable", "durable");
        assertThat(queue.completed).isTrue();
        assertThat(contoso.allot.groupLicenses().state(contoso.tenant, group))
                .isEqualTo(ProcessingState.ProcessingComplete);
        assertThat(members).allMatch(m -> contoso.heldSkus(m).contains(E3.skuId()));
    }

    /** Runs each step at once, noting whether it was asked for as durable or as redoable. */
    private static final class RecordingTransactions implements Transactions {
        final List<String> kinds = new ArrayList<>();

        @Override
        public <T> T run(Supplier<T> step) {
            kinds.add("durable");
            return step.get();
        }

        @Override
        public <T> T runRedoable(Supplier<T> step) {
            kinds.add("redoable");
            return step.get();
        }

        @Override
        public <T> T read(Supplier<T> query) {
            return query.get();
        }
    }

    /** A queue holding one job, claimed once. */
    private static final class OneJob implements JobQueue {
        private Job job;
        boolean completed;

        OneJob(Job job) {
            this.job = job;
        }

        @Override
        public Optional<Job> claim(UUID worker, Duration lease) {
            Optional<Job> claimed = Optional.ofNullable(job);
            job = null;
            return claimed;
        }

        @Override
        public boolean progress(Job job, UUID worker, Duration lease, JobProgress progress) {
            return true;
        }

        @Override
        public boolean takeRerun(Job job, UUID worker) {
            return false;
        }

        @Override
        public void complete(Job job, UUID worker) {
            completed = true;
        }

        @Override
        public void fail(Job job, UUID worker, String error, int maxAttempts, Duration retryAfter) {
            throw new AssertionError(error);
        }

        @Override
        public void postpone(Job job, UUID worker) {}

        @Override
        public void releaseAll(UUID worker) {}

        @Override
        public void whenQueued(Runnable listener) {}
    }
}
