package org.allot.server.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The seats a transaction takes with its commit ({@link JdbcSeats#takeAtCommit}): written by one message that holds
 * the update of each SKU's row and the {@code COMMIT} (V42), so that the hot row of a SKU is held only while the
 * commit is flushed, with no round trip and no thread waiting for a processor in between.
 *
 * <p>The message is sent just before the transaction manager commits, as the last of the transaction's work; the
 * driver then sees the transaction ended, and the manager's own commit sends nothing. When a figure no longer allows
 * the seats, the procedure fails with a serialization failure, the {@code COMMIT} is not run, the transaction is rolled
 * back and {@link UnitOfWork} runs the unit of work again.
 */
final class SeatsAtCommit implements TransactionSynchronization {
    private final JdbcClient jdbc;
    private final Map<UUID, Map<UUID, Integer>> taken = new TreeMap<>();

    private SeatsAtCommit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds seats to take with the commit of the current transaction; false, with nothing planned, outside a
     * transaction that writes, and in a rehearsal (which never commits, and whose later steps must see the seats).
     */
    static boolean plan(JdbcClient jdbc, TenantId tenant, Map<SkuId, Integer> seats) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                || UnitOfWork.rehearsing()) {
            return false;
        }
        SeatsAtCommit planned = (SeatsAtCommit) TransactionSynchronizationManager.getResource(SeatsAtCommit.class);
        if (planned == null) {
            planned = new SeatsAtCommit(jdbc);
            TransactionSynchronizationManager.bindResource(SeatsAtCommit.class, planned);
            TransactionSynchronizationManager.registerSynchronization(planned);
        }
        Map<UUID, Integer> ofTenant = planned.taken.computeIfAbsent(tenant.value(), t -> new TreeMap<>());
        seats.forEach((sku, n) -> ofTenant.merge(sku.value(), n, Integer::sum));
        return true;
    }

    /**
     * Takes back the seats of this tenant planned with the commit of the current transaction (by SKU, in SKU order),
     * for the caller to take them at once; empty when none are planned.
     */
    static Map<UUID, Integer> takeBack(TenantId tenant) {
        SeatsAtCommit planned = TransactionSynchronizationManager.isSynchronizationActive()
                ? (SeatsAtCommit) TransactionSynchronizationManager.getResource(SeatsAtCommit.class)
                : null;
        if (planned == null) {
            return Map.of();
        }
        Map<UUID, Integer> ofTenant = planned.taken.remove(tenant.value());
        return ofTenant == null ? Map.of() : ofTenant;
    }

    /** Whether seats of this tenant are planned with the commit of the current transaction ({@link #plan}). */
    static boolean planned(TenantId tenant) {
        SeatsAtCommit planned = TransactionSynchronizationManager.isSynchronizationActive()
                ? (SeatsAtCommit) TransactionSynchronizationManager.getResource(SeatsAtCommit.class)
                : null;
        return planned != null && planned.taken.containsKey(tenant.value());
    }

    /** After every other synchronization's work: nothing may run in the transaction once it is committed. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        taken.forEach((tenant, seats) -> {
            sql.append("call allot_take_seats(?, ?, ?); ");
            params.add(tenant);
            params.add(seats.keySet().toArray(UUID[]::new));
            params.add(seats.values().stream().mapToInt(Integer::intValue).toArray());
        });
        sql.append("commit");
        jdbc.sql(sql.toString()).params(params).update();
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(SeatsAtCommit.class);
    }
}
