package org.allot.server.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a tenant's allotments must be, worked out from the raw tables with no code of the server's: for every pooled
 * product, each pool's figures equal a recount of the assignments that record it, nobody holds more seats of a pool
 * than the seats it has (its cap, filled in the pools' order out of the enabled seats), the remainder likewise, nobody
 * waits for a pool (or the remainder) while it and the product have a free seat, the product's own figures equal a
 * recount and stay within its enabled seats, and every waiting user waits in the pool the rule chooses for them now
 * ({@link Placement}). Returns every difference it finds, in words.
 *
 * <p>{@link #afterCapsMovedAndSettled()}: for a tenant whose caps were lowered and raised while seats were held, and
 * whose holders were then recomputed until none moved ({@link RacePools#settle}). A lowered cap takes no seat back
 * and a raised one shrinks the remainder, so a pool or the remainder may then hold more users than its seats: that no
 * seat was taken beyond them is for a {@link PoolWatch} to tell. Settled, every holder draws from the pool the rule chooses,
 * or that pool has no seat free for a newcomer (a holder keeps the seat where it is rather than lose it).
 */
public final class PoolOracle {
    private final JdbcClient jdbc;
    private final UUID tenant;
    private final boolean capsKept;

    public PoolOracle(JdbcClient jdbc, TenantId tenant) {
        this(jdbc, tenant.value(), true);
    }

    private PoolOracle(JdbcClient jdbc, UUID tenant, boolean capsKept) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.capsKept = capsKept;
    }

    /** This oracle for a tenant whose caps moved while seats were held, and whose pools were then settled. */
    public PoolOracle afterCapsMovedAndSettled() {
        return new PoolOracle(jdbc, tenant, false);
    }

    record Pool(UUID id, UUID sku, String name, int cap, int position, int consumed, int waiting, UUID owner) {}

    /** A user's seat of a product, held or waited for, as the user's assignments of it record it. */
    record Draw(UUID user, UUID sku, boolean holds, Set<UUID> pools, Set<UUID> groups) {}

    public List<String> differences() {
        List<String> found = new ArrayList<>();
        Map<UUID, List<Pool>> pools = new HashMap<>();
        jdbc.sql("""
                        select a.id, a.sku_id, a.display_name, a.cap, a.position, a.owner_id, c.consumed, c.waiting
                        from allotment a join allotment_count c on c.tenant_id = a.tenant_id and c.allotment_id = a.id
                        where a.tenant_id = ? order by a.sku_id, a.position, a.id""").param(tenant).query(rs -> {
            Pool p = new Pool(
                    rs.getObject("id", UUID.class),
                    rs.getObject("sku_id", UUID.class),
                    rs.getString("display_name"),
                    rs.getInt("cap"),
                    rs.getInt("position"),
                    rs.getInt("consumed"),
                    rs.getInt("waiting"),
                    rs.getObject("owner_id", UUID.class));
            pools.computeIfAbsent(p.sku(), s -> new ArrayList<>()).add(p);
        });
        // per (sku, pool or null): users holding and users waiting, as the assignments record them
        Map<UUID, Map<UUID, Set<UUID>>> holding = new HashMap<>();
        Map<UUID, Map<UUID, Set<UUID>>> waiting = new HashMap<>();
        Map<List<UUID>, Draw> draws = new HashMap<>();
        jdbc.sql("""
                        select a.user_id, a.sku_id, a.allotment_id, a.source_group_id, a.state, a.error,
                            a.pending_removal_at is not null as pending, u.deleted_at is not null as deleted
                        from license_assignment a join directory_user u on u.tenant_id = a.tenant_id and u.id = a.user_id
                        where a.tenant_id = ?""").param(tenant).query(rs -> {
            UUID sku = rs.getObject("sku_id", UUID.class);
            UUID pool = rs.getObject("allotment_id", UUID.class);
            UUID user = rs.getObject("user_id", UUID.class);
            boolean holds = rs.getString("state").startsWith("Active");
            boolean waits = !holds && "CountViolation".equals(rs.getString("error")) && !rs.getBoolean("deleted");
            if (holds) {
                holding.computeIfAbsent(sku, s -> new HashMap<>())
                        .computeIfAbsent(pool, p -> new HashSet<>())
                        .add(user);
            } else if (waits) {
                waiting.computeIfAbsent(sku, s -> new HashMap<>())
                        .computeIfAbsent(pool, p -> new HashSet<>())
                        .add(user);
            }
            if ((holds || waits) && !rs.getBoolean("deleted")) {
                // a license held after its removal (pending) keeps the pool it was in: no draw of it is checked
                Draw d = draws.computeIfAbsent(
                        List.of(user, sku), k -> new Draw(user, sku, holds, new HashSet<>(), new HashSet<>()));
                d.pools().add(pool == null ? Placement.REMAINDER : pool);
                d.groups()
                        .add(
                                rs.getBoolean("pending")
                                        ? Placement.PENDING
                                        : rs.getObject("source_group_id", UUID.class));
            }
        });
        Placement placement = new Placement(jdbc, tenant, pools, holding, waiting);
        pools.forEach((sku, skuPools) -> {
            int[] figures = jdbc.sql(
                            "select enabled, consumed, waiting from seat_count where tenant_id = ? and sku_id = ?")
                    .params(tenant, sku)
                    .query((rs, n) -> new int[] {rs.getInt("enabled"), rs.getInt("consumed"), rs.getInt("waiting")})
                    .single();
            int enabled = figures[0];
            Map<UUID, Set<UUID>> held = holding.getOrDefault(sku, Map.of());
            Map<UUID, Set<UUID>> queued = waiting.getOrDefault(sku, Map.of());
            Set<UUID> allHolders = new HashSet<>();
            held.values().forEach(allHolders::addAll);
            Set<UUID> allWaiting = new HashSet<>();
            queued.values().forEach(allWaiting::addAll);
            allWaiting.removeAll(allHolders);
            if (figures[1] != allHolders.size()) {
                found.add(sku + ": consumed " + figures[1] + ", but " + allHolders.size() + " users hold a seat");
            }
            if (allHolders.size() > enabled) {
                found.add(sku + ": " + allHolders.size() + " holders of " + enabled + " enabled seats");
            }
            boolean skuFree = enabled - allHolders.size() > 0;
            Map<UUID, Integer> seats = placement.seats(sku, enabled);
            for (Pool p : skuPools) {
                int holders = size(held.get(p.id()));
                int waiters = size(queued.get(p.id()));
                if (p.consumed() != holders) {
                    found.add(p.name() + ": consumed " + p.consumed() + ", but " + holders + " users hold its seats");
                }
                if (p.waiting() != waiters) {
                    found.add(p.name() + ": waiting " + p.waiting() + ", but " + waiters + " users wait for it");
                }
                check(found, p.name(), holders, waiters, seats.get(p.id()), skuFree);
            }
            int remainderHolders = placement.holders(sku, null);
            int remainderWaiting = placement.waiters(sku, null);
            check(found, sku + "'s remainder", remainderHolders, remainderWaiting, seats.get(null), skuFree);
        });
        for (Draw d : draws.values()) {
            if (pools.containsKey(d.sku()) && !d.groups().contains(Placement.PENDING)) {
                placement.check(d, !capsKept).ifPresent(found::add);
            }
        }
        return found;
    }

    private void check(List<String> found, String name, int holders, int waiters, int seats, boolean skuFree) {
        if (capsKept && holders > seats) {
            found.add(name + ": " + holders + " holders of its " + seats + " seats");
        }
        if (waiters > 0 && holders < seats && skuFree) {
            found.add(name + ": " + waiters + " users wait while it has a free seat");
        }
    }

    private static int size(Set<UUID> users) {
        return users == null ? 0 : users.size();
    }

    /**
     * Which pool a user's seat of a product is drawn from, as docs/delegation.md states it: the pool named on one of
     * the group assignments giving the product (the first in the product's order); otherwise the first pool, in that
     * order, owned by a unit containing the user or by a group the user gets the product through; otherwise the
     * remainder.
     */
    static final class Placement {
        static final UUID REMAINDER = new UUID(0, 0);
        static final UUID PENDING = new UUID(0, 1);

        private final Map<UUID, List<Pool>> pools;
        private final Map<UUID, Map<UUID, Set<UUID>>> holding;
        private final Map<UUID, Map<UUID, Set<UUID>>> waiting;
        private final Map<UUID, Set<UUID>> unitsOf = new HashMap<>();
        /** (group, sku) → the pool the group's assignment names. */
        private final Map<List<UUID>, UUID> named = new HashMap<>();

        private final Map<UUID, Map<UUID, Integer>> seats = new HashMap<>();

        Placement(
                JdbcClient jdbc,
                UUID tenant,
                Map<UUID, List<Pool>> pools,
                Map<UUID, Map<UUID, Set<UUID>>> holding,
                Map<UUID, Map<UUID, Set<UUID>>> waiting) {
            this.pools = pools;
            this.holding = holding;
            this.waiting = waiting;
            jdbc.sql("select unit_id, user_id from unit_member_user where tenant_id = ?")
                    .param(tenant)
                    .query(rs -> {
                        unitsOf.computeIfAbsent(rs.getObject("user_id", UUID.class), u -> new HashSet<>())
                                .add(rs.getObject("unit_id", UUID.class));
                    });
            jdbc.sql("select group_id, sku_id, allotment_id from group_license_allotment where tenant_id = ?")
                    .param(tenant)
                    .query(rs -> {
                        named.put(
                                List.of(rs.getObject("group_id", UUID.class), rs.getObject("sku_id", UUID.class)),
                                rs.getObject("allotment_id", UUID.class));
                    });
        }

        /** Each pool's seats (null: the remainder's): its cap, as far as the caps before it leave enabled seats. */
        Map<UUID, Integer> seats(UUID sku, int enabled) {
            Map<UUID, Integer> result = new HashMap<>();
            int left = Math.max(0, enabled);
            for (Pool p : pools.getOrDefault(sku, List.of())) {
                int s = Math.min(p.cap(), left);
                result.put(p.id(), s);
                left -= s;
            }
            result.put(null, left);
            seats.put(sku, result);
            return result;
        }

        /** Holders of the pool (null: the remainder, with the holders of pools that no longer exist). */
        int holders(UUID sku, UUID pool) {
            return count(holding.getOrDefault(sku, Map.of()), sku, pool);
        }

        int waiters(UUID sku, UUID pool) {
            return count(waiting.getOrDefault(sku, Map.of()), sku, pool);
        }

        private int count(Map<UUID, Set<UUID>> users, UUID sku, UUID pool) {
            int n = 0;
            for (Map.Entry<UUID, Set<UUID>> e : users.entrySet()) {
                if (Objects.equals(known(sku, e.getKey()), pool)) {
                    n += e.getValue().size();
                }
            }
            return n;
        }

        /** The pool, or null (the remainder) for none or one that no longer exists. */
        private UUID known(UUID sku, UUID pool) {
            return pools.getOrDefault(sku, List.of()).stream().anyMatch(p -> p.id().equals(pool)) ? pool : null;
        }

        UUID choose(UUID user, UUID sku, Set<UUID> groups) {
            List<Pool> ordered = new ArrayList<>(pools.getOrDefault(sku, List.of()));
            ordered.sort(Comparator.comparingInt(Pool::position));
            for (Pool p : ordered) {
                if (groups.stream().anyMatch(g -> p.id().equals(named.get(List.of(g, sku))))) {
                    return p.id();
                }
            }
            Set<UUID> units = unitsOf.getOrDefault(user, Set.of());
            for (Pool p : ordered) {
                if (units.contains(p.owner()) || groups.contains(p.owner())) {
                    return p.id();
                }
            }
            return null;
        }

        /**
         * A waiting user waits in the pool chosen for them; a holder, once settled, holds a seat of it or of another
         * pool when it has no seat free for a newcomer.
         */
        java.util.Optional<String> check(Draw d, boolean settledHoldersOnly) {
            Set<UUID> recorded = new HashSet<>();
            d.pools().forEach(p -> recorded.add(known(d.sku(), p.equals(REMAINDER) ? null : p)));
            UUID chosen = choose(d.user(), d.sku(), d.groups());
            String who = "user " + d.user() + (d.holds() ? " holding " : " waiting for ") + d.sku() + " in " + recorded
                    + ", the rule's pool " + chosen;
            if (recorded.size() != 1) {
                return java.util.Optional.of(who + ": its assignments record several pools");
            }
            UUID pool = recorded.iterator().next();
            if (Objects.equals(pool, chosen)) {
                return java.util.Optional.empty();
            }
            if (!d.holds()) {
                return java.util.Optional.of(who + ": waits in another pool");
            }
            if (!settledHoldersOnly) {
                return java.util.Optional.empty();
            }
            int free = seats.get(d.sku()).get(chosen) - holders(d.sku(), chosen) - waiters(d.sku(), chosen);
            return free > 0
                    ? java.util.Optional.of(who + ": holds elsewhere though " + free + " seats of it are free")
                    : java.util.Optional.empty();
        }
    }
}
