package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.ConcurrentChange;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.LicenseUnits;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seat figures, one row per SKU. {@link #lock} takes the row lock that serialises every change to a SKU's seats,
 * across threads and server processes, until the transaction ends.
 */
public final class JdbcSeats implements Seats {
    /** Every seat figure of a tenant ({@code ?}), read without a lock. */
    static final String ALL = "select * from seat_count where tenant_id = ?";

    private final JdbcClient jdbc;

    public JdbcSeats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SeatCount lock(TenantId tenant, SkuId sku) {
        takePlanned(tenant);
        Optional<SeatCount> locked = locked(tenant, sku);
        if (locked.isPresent()) {
            return locked.get();
        }
        jdbc.sql("insert into seat_count (tenant_id, sku_id) values (?, ?) on conflict do nothing")
                .params(tenant.value(), sku.value())
                .update();
        return locked(tenant, sku).orElseThrow();
    }

    private Optional<SeatCount> locked(TenantId tenant, SkuId sku) {
        LockOrder order = LockOrder.current();
        Optional<SeatCount> count =
                LockOrder.locking(() -> jdbc.sql("select * from seat_count where tenant_id = ? and sku_id = ? "
                                + order.clause("for update", LockOrder.Level.SEATS, List.of(sku.value())))
                        .params(tenant.value(), sku.value())
                        .query(JdbcSeats::map)
                        .optional());
        if (count.isPresent()) {
            order.took(LockOrder.Level.SEATS, List.of(sku.value()));
        }
        return count;
    }

    /**
     * One statement for the lock and the write: the row is locked by the update, and its figures before the addition
     * are returned to be replayed on. Only when the row exists and may be waited for in the lock order; otherwise
     * empty, and the caller locks and saves.
     */
    @Override
    public Optional<SeatCount> lockAdding(TenantId tenant, SkuId sku, int consumed, int waiting) {
        takePlanned(tenant);
        LockOrder order = LockOrder.current();
        if (!order.mayWait(LockOrder.Level.SEATS, List.of(sku.value()))) {
            return Optional.empty();
        }
        Optional<SeatCount> before = jdbc.sql("""
                        update seat_count set consumed = consumed + ?, waiting = waiting + ?
                        where tenant_id = ? and sku_id = ?
                        returning enabled, warning, suspended, locked_out, consumed - ? as consumed,
                            waiting - ? as waiting""")
                .params(consumed, waiting, tenant.value(), sku.value(), consumed, waiting)
                .query(JdbcSeats::map)
                .optional();
        if (before.isPresent()) {
            order.took(LockOrder.Level.SEATS, List.of(sku.value()));
        }
        return before;
    }

    /**
     * Seats an earlier step of this unit of work planned to take with the commit ({@link #takeAtCommit}) are taken
     * now, before its figures are read or locked again: a later step (the next of several users given a license or
     * joining a group in one unit of work) must decide on figures that count them, and may make someone wait, which
     * the plan's condition (nobody waits) would no longer allow at the commit. Taken on the same condition; when it
     * no longer holds, the unit of work is run again.
     */
    void takePlanned(TenantId tenant) {
        Map<UUID, Integer> planned = SeatsAtCommit.takeBack(tenant);
        planned.forEach((id, taken) -> {
            SkuId sku = new SkuId(id);
            SeatCount count = lock(tenant, sku);
            if (count.waiting() > 0 || count.prepaid().enabled() - count.consumed() < taken) {
                throw new ConcurrentChange("the seats of " + sku + " changed while a unit of work decided");
            }
            save(tenant, sku, count.withConsumed(count.consumed() + taken));
        });
    }

    /** Taken by the message that commits the transaction ({@link SeatsAtCommit}). */
    @Override
    public boolean takeAtCommit(TenantId tenant, Map<SkuId, Integer> taken) {
        return SeatsAtCommit.plan(jdbc, tenant, taken);
    }

    @Override
    public void save(TenantId tenant, SkuId sku, SeatCount c) {
        jdbc.sql("""
                        update seat_count set enabled = ?, warning = ?, suspended = ?, locked_out = ?, consumed = ?,
                            waiting = ?
                        where tenant_id = ? and sku_id = ?""")
                .params(
                        c.prepaid().enabled(),
                        c.prepaid().warning(),
                        c.prepaid().suspended(),
                        c.prepaid().lockedOut(),
                        c.consumed(),
                        c.waiting(),
                        tenant.value(),
                        sku.value())
                .update();
    }

    @Override
    public Map<SkuId, SeatCount> all(TenantId tenant) {
        takePlanned(tenant);
        Map<SkuId, SeatCount> counts = new HashMap<>();
        jdbc.sql(ALL).param(tenant.value()).query(rs -> {
            counts.put(new SkuId(SqlValues.uuid(rs, "sku_id")), map(rs, 0));
        });
        return counts;
    }

    static SeatCount map(ResultSet rs, int row) throws SQLException {
        return new SeatCount(
                new LicenseUnits(
                        rs.getInt("enabled"), rs.getInt("warning"), rs.getInt("suspended"), rs.getInt("locked_out")),
                rs.getInt("consumed"),
                rs.getInt("waiting"));
    }
}
