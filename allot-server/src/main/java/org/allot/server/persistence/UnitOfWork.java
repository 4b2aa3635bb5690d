package org.allot.server.persistence;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.allot.core.ConcurrentChange;
import org.allot.core.Outcome;
import org.allot.core.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The core's {@link Transactions} on the database: each unit of work is one transaction; a refused outcome writes
 * nothing, and a transaction that lost a deadlock or a serialization conflict to a concurrent one is run again from
 * the start. A unit of work asked for inside a running transaction is part of it (see {@link Transactions}).
 */
public final class UnitOfWork implements Transactions {
    private static final Logger log = LoggerFactory.getLogger(UnitOfWork.class);
    /** A conflict is run again at least this many times, ... */
    private static final int ATTEMPTS = 8;
    /** ... and for as long as this, whatever the number: a loaded machine lengthens every other transaction's hold. */
    private static final long PERSIST_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final TransactionTemplate write;
    private final TransactionTemplate read;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate savepoint;
    private final DataSource dataSource;

    public UnitOfWork(PlatformTransactionManager transactions) {
        this.dataSource = transactions instanceof DataSourceTransactionManager jdbc ? jdbc.getDataSource() : null;
        this.write = new TransactionTemplate(transactions);
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.read.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Rehearses steps in one transaction that is always rolled back: each step runs after a savepoint, and a step that
     * is refused (or fails) is rolled back to it at once, as its own transaction would be. Seats are taken by the
     * steps' own statements, not with the commit ({@link SeatsAtCommit}), so that a step sees the seats the steps
     * before it took.
     */
    @Override
    public <T> List<T> rehearse(List<Supplier<T>> steps) {
        if (inTransaction()) {
            throw new IllegalStateException("a rehearsal is a unit of work of its own");
        }
        return retrying(() -> write.execute(status -> {
            status.setRollbackOnly();
            TransactionSynchronizationManager.bindResource(Rehearsal.class, Rehearsal.INSTANCE);
            try {
                List<T> answers = new ArrayList<>();
                for (Supplier<T> step : steps) {
                    answers.add(savepoint.execute(inner -> {
                        T result = step.get();
                        if (result instanceof Outcome<?> outcome && !outcome.isDone()) {
                            inner.setRollbackOnly();
                        }
                        return result;
                    }));
                }
                return answers;
            } finally {
                TransactionSynchronizationManager.unbindResource(Rehearsal.class);
            }
        }));
    }

    /** Whether the current transaction is a rehearsal, which is rolled back whatever it does. */
    static boolean rehearsing() {
        return TransactionSynchronizationManager.hasResource(Rehearsal.class);
    }

    /** Marks a rehearsing transaction. */
    private enum Rehearsal {
        INSTANCE
    }

    @Override
    public boolean inUnitOfWork() {
        return inTransaction();
    }

    /** Runs a step in one transaction; a refused outcome rolls back everything it did. */
    @Override
    public <T> T run(Supplier<T> step) {
        if (inTransaction()) {
            return step.get();
        }
        return retrying(() -> write.execute(status -> {
            T result = step.get();
            if (result instanceof Outcome<?> outcome && !outcome.isDone()) {
                status.setRollbackOnly();
            }
            return result;
        }));
    }

    /**
     * {@link #run}, with the commit's WAL flushed by PostgreSQL's WAL writer within a few hundred milliseconds instead
     * of being waited for ({@code synchronous_commit = off} for this transaction alone). PostgreSQL flushes its WAL in
     * order, so a later durable commit (any other unit of work's, or this job's next) makes this one durable too; a
     * crash of the database loses at most the last of these, together with everything committed after them.
     */
    @Override
    public <T> T runRedoable(Supplier<T> step) {
        if (inTransaction() || dataSource == null) {
            return run(step);
        }
        return run(() -> {
            try (Statement statement = DataSourceUtils.getConnection(dataSource).createStatement()) {
                statement.execute("set local synchronous_commit = off");
            } catch (SQLException e) {
                throw new IllegalStateException("could not defer the commit's flush", e);
            }
            return step.get();
        });
    }

    /** Runs work that cannot be refused, in one transaction. */
    public <T> T execute(Supplier<T> work) {
        return run(work);
    }

    /**
     * Runs work that reads without locks and must see one consistent state: every statement of the transaction sees
     * the database as it was when the first one began (PostgreSQL's REPEATABLE READ), whatever commits meanwhile.
     * What it writes must not be written by anyone else meanwhile (a license check's own records, say).
     */
    @Override
    public <T> T snapshot(Supplier<T> work) {
        if (inTransaction()) {
            return work.get();
        }
        return retrying(() -> snapshot.execute(status -> work.get()));
    }

    /**
     * Reads on one connection held for the whole read, each statement committed by itself (no {@code BEGIN} and
     * {@code COMMIT} around them): at PostgreSQL's READ COMMITTED every statement sees the database as of its own
     * start, inside a transaction or not, so a transaction would add a round trip and nothing else. What a read
     * remembers for the rest of its unit of work (the tenant's stamp, see {@link TenantStamps}) it remembers for the
     * read. A view that must be one state throughout is a {@link #snapshot}.
     */
    @Override
    public <T> T read(Supplier<T> query) {
        if (inTransaction()) {
            return query.get();
        }
        return read.execute(status -> query.get());
    }

    private static boolean inTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive();
    }

    private static <T> T retrying(Supplier<T> attempt) {
        long start = System.nanoTime();
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (ConcurrencyFailureException | ConcurrentChange e) {
                if (i >= ATTEMPTS && System.nanoTime() - start > PERSIST_NANOS) {
                    throw e;
                }
                log.debug(
                        "Transaction lost a concurrency conflict (attempt {}), running it again: {}",
                        i,
                        e.getMessage());
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(i, 6)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
