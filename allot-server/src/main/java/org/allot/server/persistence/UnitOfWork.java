package org.allot.server.persistence;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.allot.core.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a core command as one transaction: a refused outcome writes nothing, and a transaction that lost a deadlock
 * or a serialization conflict to a concurrent one is run again from the start.
 */
public final class UnitOfWork {
    private static final Logger log = LoggerFactory.getLogger(UnitOfWork.class);
    /** A conflict is run again at least this many times, ... */
    private static final int ATTEMPTS = 8;
    /** ... and for as long as this, whatever the number: a loaded machine lengthens every other transaction's hold. */
    private static final long PERSIST_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final TransactionTemplate write;
    private final TransactionTemplate read;
    private final TransactionTemplate snapshot;

    public UnitOfWork(PlatformTransactionManager transactions) {
        this.write = new TransactionTemplate(transactions);
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.read.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Runs a command; a refused outcome rolls back everything it did. */
    public <T> Outcome<T> run(Supplier<Outcome<T>> command) {
        return retrying(() -> write.execute(status -> {
            Outcome<T> outcome = command.get();
            if (!outcome.isDone()) {
                status.setRollbackOnly();
            }
            return outcome;
        }));
    }

    /** Runs work that cannot be refused, in one transaction. */
    public <T> T execute(Supplier<T> work) {
        return retrying(() -> write.execute(status -> work.get()));
    }

    /**
     * Runs work that reads without locks and must see one consistent state: every statement of the transaction sees
     * the database as it was when the first one began (PostgreSQL's REPEATABLE READ), whatever commits meanwhile.
     * What it writes must not be written by anyone else meanwhile (a license check's own records, say).
     */
    public <T> T snapshot(Supplier<T> work) {
        return retrying(() -> snapshot.execute(status -> work.get()));
    }

    /** Reads in one read-only transaction, so the result is one consistent view. */
    public <T> T read(Supplier<T> query) {
        return read.execute(status -> query.get());
    }

    private static <T> T retrying(Supplier<T> attempt) {
        long start = System.nanoTime();
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (ConcurrencyFailureException e) {
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
