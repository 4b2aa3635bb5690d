package org.allot.server.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.allot.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What changes rarely per tenant and requests read — the tenant itself, its custom products and plan rules, its
 * subscriptions, its dynamic groups — read once per server and used for as long as the tenant's stamp has not moved. The stamp is a number in the database
 * that every committed change of those tables raises (triggers, V29), whoever makes it: another server of the
 * installation or SQL typed by hand, so a server never serves them staler than the unit of work it is in.
 *
 * <p>A unit of work reads the stamp once: with the tenant's licensing lock, in the same round trip (as it stands once
 * the lock is held, so that what it decides under the lock is read after the lock; {@link JdbcTenantLocks}), or else
 * at its first remembered read. Every remembered read of the tenant in it then costs nothing more. What a transaction reads after it changed one of those tables itself is read from the
 * database and never remembered (the adapters say so with {@link #wrote}, and the database marks such a transaction
 * too). The seat figures are not here, and a unit of work that holds seat rows reads the subscriptions from the
 * database: seats (and a SKU's total of them) are decided on what is read under their lock.
 */
public final class TenantStamps {
    /** The kinds of things remembered per tenant. */
    enum Kind {
        TENANT,
        PRODUCTS,
        PLAN_RULES,
        SUBSCRIPTIONS,
        DYNAMIC_GROUPS,
        UNITS,
        ALLOTMENTS,
        REMOVAL_GRACE,
        GROUP_ONLY
    }

    /** The stamp as a transaction sees it, and whether that transaction changed a stamped table itself. */
    private record Stamp(long value, boolean written) {}

    /** What was read of a tenant at a stamp. */
    private record Entry(long stamp, Map<Kind, Object> values) {}

    /** The tenant's ({@code ?}) stamp, and whether the current transaction changed a stamped table itself. */
    private static final String STAMP = """
            select coalesce((select stamp from tenant_stamp where tenant_id = ?), 0) as stamp,
                   coalesce(current_setting('allot.tenant_settings_written', true), '') = 'true' as written""";

    private final JdbcClient jdbc;
    private final Map<TenantId, Entry> entries = new ConcurrentHashMap<>();

    public TenantStamps(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc);
    }

    private TenantStamps() {
        this.jdbc = null;
    }

    /** Remembers nothing: every read goes to the database. */
    static TenantStamps off() {
        return new TenantStamps();
    }

    /** What {@code read} reads of the tenant, remembered while the tenant's stamp stays where it was. */
    @SuppressWarnings("unchecked")
    <T> T read(TenantId tenant, Kind kind, Supplier<T> read) {
        if (jdbc == null || (kind == Kind.SUBSCRIPTIONS && LockOrder.current().holds(LockOrder.Level.SEATS))) {
            return read.get(); // subscriptions read while seat rows are held decide seats: read under the lock
        }
        Stamp stamp = current(tenant);
        if (stamp.written()) {
            return read.get();
        }
        Entry entry = entries.get(tenant);
        if (entry != null && entry.stamp() == stamp.value()) {
            Object known = entry.values().get(kind);
            if (known != null) {
                return (T) known;
            }
        }
        T value = read.get();
        Stamp after = stamp(tenant);
        if (!after.written() && after.value() == stamp.value()) {
            remember(tenant, stamp.value(), kind, value);
        }
        return value;
    }

    /**
     * The current transaction changed something stamped of the tenant: its own later reads go to the database (the
     * stamp moves only when it commits).
     */
    void wrote(TenantId tenant) {
        if (jdbc == null) {
            return;
        }
        Map<TenantId, Stamp> bound = bound();
        if (bound != null) {
            bound.put(tenant, new Stamp(-1, true));
        }
    }

    /** The current transaction took the tenant's licensing lock: what it reads from now on is read after it. */
    void locked(TenantId tenant) {
        if (jdbc == null) {
            return;
        }
        Map<TenantId, Stamp> bound = bound();
        if (bound != null && bound.containsKey(tenant) && !bound.get(tenant).written()) {
            bound.remove(tenant);
        }
    }

    /** Whether this remembers anything (or reads everything from the database). */
    boolean remembers() {
        return jdbc != null;
    }

    /**
     * The current transaction read the tenant's stamp in a statement of its own (with the tenant's licensing lock):
     * its remembered reads use it, unless it changed the tenant's settings itself.
     */
    void seen(TenantId tenant, long stamp, boolean written) {
        Map<TenantId, Stamp> bound = bound();
        if (bound == null) {
            return;
        }
        Stamp known = bound.get(tenant);
        if (known == null || !known.written()) {
            bound.put(tenant, new Stamp(written ? -1 : stamp, written));
        }
    }

    /**
     * Reads the tenant's stamp with {@code trip}'s statements, after them, when the current unit of work has not read
     * it yet: as its first remembered read would, one round trip earlier.
     */
    void readWith(TenantId tenant, OneRoundTrip trip) {
        Map<TenantId, Stamp> bound = jdbc == null ? null : bound();
        if (bound == null || bound.containsKey(tenant)) {
            return;
        }
        trip.add(
                STAMP,
                rs -> bound.putIfAbsent(tenant, new Stamp(rs.getLong("stamp"), rs.getBoolean("written"))),
                tenant.value());
    }

    /** Forgets everything (tests, and a server whose database was replaced under it). */
    public void clear() {
        entries.clear();
    }

    private void remember(TenantId tenant, long stamp, Kind kind, Object value) {
        entries.compute(tenant, (id, entry) -> {
            Entry current =
                    entry == null || entry.stamp() < stamp ? new Entry(stamp, new ConcurrentHashMap<>()) : entry;
            if (current.stamp() == stamp) {
                current.values().put(kind, value);
            }
            return current;
        });
    }

    /** The stamp this transaction has read, or reads it now. */
    private Stamp current(TenantId tenant) {
        Map<TenantId, Stamp> bound = bound();
        if (bound == null) {
            return stamp(tenant);
        }
        Stamp stamp = bound.get(tenant);
        if (stamp == null) {
            stamp = stamp(tenant);
            bound.put(tenant, stamp);
        }
        return stamp;
    }

    private Stamp stamp(TenantId tenant) {
        return jdbc.sql(STAMP)
                .param(tenant.value())
                .query((rs, row) -> new Stamp(rs.getLong("stamp"), rs.getBoolean("written")))
                .single();
    }

    /** The stamps the current transaction has read, or null outside transactions. */
    @SuppressWarnings("unchecked")
    private Map<TenantId, Stamp> bound() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<TenantId, Stamp> bound = (Map<TenantId, Stamp>) TransactionSynchronizationManager.getResource(this);
        if (bound == null) {
            Map<TenantId, Stamp> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TenantStamps.this);
                }
            });
            bound = fresh;
        }
        return bound;
    }
}
