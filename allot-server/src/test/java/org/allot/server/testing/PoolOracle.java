package org.allot.server.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a tenant's allotments must be, worked out from the raw tables with no code of the server's: for every pooled
 * product, each pool's figures equal a recount of the assignments that record it, nobody holds more seats of a pool
 * than the seats it has (its cap, filled in the pools' order out of the enabled seats), the remainder likewise, nobody
 * waits for a pool (or the remainder) while it and the product have a free seat, and the product's own figures equal a
 * recount and stay within its enabled seats. Returns every difference it finds, in words.
 */
public final class PoolOracle {
    private final JdbcClient jdbc;
    private final UUID tenant;

    public PoolOracle(JdbcClient jdbc, TenantId tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant.value();
    }

    private record Pool(UUID id, UUID sku, String name, int cap, int position, int consumed, int waiting) {}

    public List<String> differences() {
        List<String> found = new ArrayList<>();
        Map<UUID, List<Pool>> pools = new HashMap<>();
        jdbc.sql("""
                        select a.id, a.sku_id, a.display_name, a.cap, a.position, c.consumed, c.waiting
                        from allotment a join allotment_count c on c.tenant_id = a.tenant_id and c.allotment_id = a.id
                        where a.tenant_id = ? order by a.sku_id, a.position, a.id""").param(tenant).query(rs -> {
            Pool p = new Pool(
                    rs.getObject("id", UUID.class),
                    rs.getObject("sku_id", UUID.class),
                    rs.getString("display_name"),
                    rs.getInt("cap"),
                    rs.getInt("position"),
                    rs.getInt("consumed"),
                    rs.getInt("waiting"));
            pools.computeIfAbsent(p.sku(), s -> new ArrayList<>()).add(p);
        });
        // per (sku, pool or null): users holding and users waiting, as the assignments record them
        Map<UUID, Map<UUID, Set<UUID>>> holding = new HashMap<>();
        Map<UUID, Map<UUID, Set<UUID>>> waiting = new HashMap<>();
        jdbc.sql("""
                        select a.user_id, a.sku_id, a.allotment_id, a.state, a.error, u.deleted_at is not null as deleted
                        from license_assignment a join directory_user u on u.tenant_id = a.tenant_id and u.id = a.user_id
                        where a.tenant_id = ?""").param(tenant).query(rs -> {
            UUID sku = rs.getObject("sku_id", UUID.class);
            UUID pool = rs.getObject("allotment_id", UUID.class);
            UUID user = rs.getObject("user_id", UUID.class);
            if (rs.getString("state").startsWith("Active")) {
                holding.computeIfAbsent(sku, s -> new HashMap<>())
                        .computeIfAbsent(pool, p -> new HashSet<>())
                        .add(user);
            } else if ("CountViolation".equals(rs.getString("error")) && !rs.getBoolean("deleted")) {
                waiting.computeIfAbsent(sku, s -> new HashMap<>())
                        .computeIfAbsent(pool, p -> new HashSet<>())
                        .add(user);
            }
        });
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
            int left = enabled;
            Set<UUID> known = new HashSet<>();
            for (Pool p : skuPools) {
                known.add(p.id());
                int seats = Math.min(p.cap(), left);
                left -= seats;
                int holders = size(held.get(p.id()));
                int waiters = size(queued.get(p.id()));
                if (p.consumed() != holders) {
                    found.add(p.name() + ": consumed " + p.consumed() + ", but " + holders + " users hold its seats");
                }
                if (p.waiting() != waiters) {
                    found.add(p.name() + ": waiting " + p.waiting() + ", but " + waiters + " users wait for it");
                }
                if (holders > seats) {
                    found.add(p.name() + ": " + holders + " holders of its " + seats + " seats");
                }
                if (waiters > 0 && holders < seats && skuFree) {
                    found.add(p.name() + ": " + waiters + " users wait while it has a free seat");
                }
            }
            int remainderHolders = 0;
            int remainderWaiting = 0;
            for (Map.Entry<UUID, Set<UUID>> e : held.entrySet()) {
                if (e.getKey() == null || !known.contains(e.getKey())) {
                    remainderHolders += e.getValue().size();
                }
            }
            for (Map.Entry<UUID, Set<UUID>> e : queued.entrySet()) {
                if (e.getKey() == null || !known.contains(e.getKey())) {
                    remainderWaiting += e.getValue().size();
                }
            }
            if (remainderHolders > left) {
                found.add(sku + ": " + remainderHolders + " holders of the remainder's " + left + " seats");
            }
            if (remainderWaiting > 0 && remainderHolders < left && skuFree) {
                found.add(sku + ": " + remainderWaiting + " users wait for the remainder while it has a free seat");
            }
        });
        return found;
    }

    private static int size(Set<UUID> users) {
        return users == null ? 0 : users.size();
    }
}
