package org.allot.server.persistence;

import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.allot.core.UuidOrder;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps a transaction to the one order in which licensing locks are taken (see {@code TenantLocks} and
 * docs/storage-and-processing.md): the tenant's lock, then users in id order, then seat figures in SKU order. A
 * transaction only ever waits for a lock that comes after every lock it holds; a lock wanted out of that order (a
 * second step of the same transaction touching a user or SKU that sorts before one it already holds, say) is only
 * tried, and when another transaction holds it the transaction gives up with {@link CannotAcquireLockException} and
 * is run again from the start. Two transactions can therefore never wait for each other: there are no deadlocks.
 */
final class LockOrder {
    /** The kinds of licensing locks, in the order they are taken. */
    enum Level {
        TENANT,
        USERS,
        SEATS
    }

    private final EnumMap<Level, Set<UUID>> held = new EnumMap<>(Level.class);
    private Level highest;
    private UUID highestKey;
    private boolean tenantShared;

    private LockOrder() {}

    /** The order of the current transaction, or a fresh one outside transactions (which hold nothing for long). */
    static LockOrder current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new LockOrder();
        }
        LockOrder order = (LockOrder) TransactionSynchronizationManager.getResource(LockOrder.class);
        if (order == null) {
            LockOrder fresh = new LockOrder();
            TransactionSynchronizationManager.bindResource(LockOrder.class, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LockOrder.class);
                }
            });
            order = fresh;
        }
        return order;
    }

    /** Whether the transaction may wait for the tenant's lock: it holds no later lock, and does not upgrade one. */
    boolean mayWaitForTenant(boolean exclusive) {
        return highest == null || (highest == Level.TENANT && !(exclusive && tenantShared));
    }

    void tookTenant(boolean exclusive) {
        tenantShared |= !exclusive;
        note(Level.TENANT, null);
    }

    /**
     * Whether the transaction may wait for these rows of this level: it holds nothing of a later level, and every
     * row it does not hold yet sorts after those of this level it holds.
     */
    boolean mayWait(Level level, Collection<UUID> keys) {
        if (highest == null || highest.compareTo(level) < 0) {
            return true;
        }
        Set<UUID> mine = held.getOrDefault(level, Set.of());
        return highest == level
                && keys.stream()
                        .filter(k -> !mine.contains(k))
                        .allMatch(k -> highestKey == null || UuidOrder.compare(k, highestKey) > 0);
    }

    /** Whether the transaction holds a row of this level. */
    boolean holds(Level level) {
        return !held.getOrDefault(level, Set.of()).isEmpty();
    }

    /** Notes rows of this level as locked. */
    void took(Level level, Collection<UUID> keys) {
        held.computeIfAbsent(level, l -> new HashSet<>()).addAll(keys);
        keys.forEach(k -> note(level, k));
    }

    /** The locking clause for these rows of this level: with {@code nowait} when they come out of order. */
    String clause(String locking, Level level, Collection<UUID> keys) {
        return mayWait(level, keys) ? locking : locking + " nowait";
    }

    /**
     * Runs a locking statement, turning PostgreSQL's "could not obtain lock" (SQL state 55P03, from {@code nowait})
     * into {@link CannotAcquireLockException}, which units of work run again.
     */
    static <T> T locking(Supplier<T> statement) {
        try {
            return statement.get();
        } catch (DataAccessException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                    throw new CannotAcquireLockException(
                            "A row comes out of the lock order here and another transaction holds it; running again",
                            e);
                }
            }
            throw e;
        }
    }

    static CannotAcquireLockException outOfOrder(String what) {
        return new CannotAcquireLockException(
                what + " is held by another transaction and comes out of the lock order here; running again");
    }

    private void note(Level level, UUID key) {
        if (highest == null || highest.compareTo(level) < 0) {
            highest = level;
            highestKey = key;
        } else if (highest == level && key != null && (highestKey == null || UuidOrder.compare(key, highestKey) > 0)) {
            highestKey = key;
        }
    }
}
