package org.allot.core;

import java.util.List;
import java.util.function.Supplier;

/**
 * Port: units of work (database transactions in the server). Every use case of the core runs its work through this
 * port, so a caller — a controller, an admin page, a job, the demo data — never opens one itself.
 *
 * <p>A unit of work asked for while one is already running (a use case called by another, or a step of a sync run)
 * is part of the running one: it is neither committed, retried nor rolled back on its own.
 */
public interface Transactions {

    /**
     * Runs a step as one unit of work. A step that returns a refused {@link Outcome} writes nothing. A step may be
     * run again from its start after a concurrency conflict (a deadlock or a serialization failure), so it changes
     * nothing but storage.
     */
    <T> T run(Supplier<T> step);

    /**
     * Whether the calling thread is inside a unit of work: work asked for now joins it, so it must not be handed to
     * another thread's unit of work ({@link Batches}).
     */
    default boolean inUnitOfWork() {
        return false;
    }

    /**
     * Runs a step as one unit of work, like {@link #run}, whose commit need not have reached the disk when this
     * returns: a step that is done again when its unit of work is lost (a background job's chunk, committed together
     * with the job's cursor). A database that crashes may lose it, and then every unit of work committed after it as
     * well, never one without the other: whatever a later unit of work kept was decided on a state that includes it.
     */
    default <T> T runRedoable(Supplier<T> step) {
        return run(step);
    }

    /** Reads in one unit of work that writes nothing, so what is read is one consistent view. */
    default <T> T read(Supplier<T> query) {
        return run(query);
    }

    /**
     * Runs work that reads without locks and must see one consistent state throughout, whatever commits meanwhile
     * (PostgreSQL's REPEATABLE READ). What it writes must not be written by anyone else meanwhile.
     */
    default <T> T snapshot(Supplier<T> work) {
        return run(work);
    }

    /**
     * Rehearses steps: runs them one after the other as if each were a unit of work of its own, then undoes them all.
     * Each step sees what the steps before it did, a refused step writes nothing (it is undone at once), and nothing
     * is kept: the answers are what the same steps would answer if run for real, in this order, with nothing else
     * happening meanwhile. The locks the steps take are held until the end, so callers keep the steps few. What a
     * validate-only request (a dry run) answers.
     */
    default <T> List<T> rehearse(List<Supplier<T>> steps) {
        throw new UnsupportedOperationException("this store cannot undo a unit of work, so it cannot rehearse one");
    }

    /** For stores without transactions (the in-memory test kit): each step simply runs. */
    Transactions NONE = new Transactions() {
        @Override
        public <T> T run(Supplier<T> step) {
            return step.get();
        }
    };
}
