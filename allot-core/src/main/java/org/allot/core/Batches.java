package org.allot.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Work of concurrent callers run in batches, one batch per key at a time (group commit). A caller whose key has no
 * batch running runs one at once, made of itself and whoever of that key is waiting; callers that arrive while a batch
 * runs wait, and one of them runs the next batch for all of them. Nothing waits for a timer: a caller alone is never
 * held back, and the batches grow with the load. The batch runs on the thread of one of its callers. A second
 * batch (up to {@code parallel}) starts beside a running one only once {@code fill} callers wait for it, so that the
 * batches stay large and what each costs is shared.
 *
 * <p>The work answers each input of a batch, in order; an input it answers with null is told so ({@link
 * Optional#empty()}) and its caller does its work alone (one the batch could not decide, say). When the work fails (it
 * throws: the database unreachable, say), every caller of that batch gets the failure, at once: trying each alone
 * would only wait as long again, so the work checks each input before it writes anything.
 *
 * @param <K> what batches are per (a tenant, say); one lane is kept per key ever seen
 * @param <I> a caller's input
 * @param <O> a caller's output
 */
public final class Batches<K, I, O> {
    private final int most;
    private final int parallel;
    private final int fill;
    private final Function<List<I>, List<O>> work;
    private final ConcurrentHashMap<K, Lane<I, O>> lanes = new ConcurrentHashMap<>();

    /**
     * Batches of at most {@code most} inputs, each run by {@code work}, which answers every input in order; up to
     * {@code parallel} at a time per key, the second and later only once {@code fill} callers wait for one.
     */
    public Batches(int most, int parallel, int fill, Function<List<I>, List<O>> work) {
        if (most < 1 || parallel < 1 || fill < 1) {
            throw new IllegalArgumentException("a batch holds at least one input, and one at least may run");
        }
        this.most = most;
        this.parallel = parallel;
        this.fill = fill;
        this.work = Objects.requireNonNull(work);
    }

    /**
     * Runs {@code input} in a batch of {@code key}'s and returns its output once the batch is done; empty when the
     * batch answered this input with null, and then the caller does its work alone. Throws what the batch's work
     * threw.
     */
    public Optional<O> run(K key, I input) {
        Lane<I, O> lane = lanes.computeIfAbsent(key, k -> new Lane<>());
        Waiting<I, O> me = new Waiting<>(input);
        lane.lock.lock();
        try {
            lane.waiting.add(me);
            while (!me.answered) {
                if (lane.running > 0 && (lane.running >= parallel || lane.waiting.size() < fill)) {
                    lane.changed.awaitUninterruptibly();
                    continue;
                }
                List<Waiting<I, O>> batch = new ArrayList<>(Math.min(most, lane.waiting.size()));
                while (batch.size() < most && !lane.waiting.isEmpty()) {
                    batch.add(lane.waiting.poll());
                }
                lane.running++;
                lane.lock.unlock();
                List<O> outputs = null;
                Throwable failure = null;
                try {
                    outputs = answers(batch.stream().map(w -> w.input).toList());
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    lane.lock.lock();
                    lane.running--;
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).answer(outputs == null ? null : outputs.get(i), failure);
                    }
                    lane.changed.signalAll();
                }
            }
            if (me.failure instanceof RuntimeException e) {
                throw e;
            }
            if (me.failure instanceof Error e) {
                throw e;
            }
            return Optional.ofNullable(me.output);
        } finally {
            lane.lock.unlock();
        }
    }

    /** The batch's outputs, one per input. */
    private List<O> answers(List<I> inputs) {
        List<O> outputs = work.apply(inputs);
        if (outputs.size() != inputs.size()) {
            throw new IllegalStateException(
                    "a batch of " + inputs.size() + " inputs was answered with " + outputs.size() + " outputs");
        }
        return outputs;
    }

    /** A key's callers waiting for a batch, and how many batches run. Guarded by its lock. */
    private static final class Lane<I, O> {
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        final ArrayDeque<Waiting<I, O>> waiting = new ArrayDeque<>();
        int running;
    }

    /** A caller's input and, once its batch is done, its output, or what the batch failed with. */
    private static final class Waiting<I, O> {
        final I input;
        boolean answered;
        O output;
        Throwable failure;

        Waiting(I input) {
            this.input = input;
        }

        void answer(O output, Throwable failure) {
            this.output = output;
            this.failure = failure;
            this.answered = true;
        }
    }
}
