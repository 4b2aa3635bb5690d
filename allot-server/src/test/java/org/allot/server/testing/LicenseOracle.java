package org.allot.server.testing;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;
import org.allot.server.persistence.JdbcWaitingLists;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a tenant's stored licenses must be, worked out independently of the server's code from the raw tables: every
 * user's sources and disabled plans follow from their direct assignments, their memberships (nested ones when the
 * tenant allows) and what their groups assign; seat figures equal a recount and never exceed capacity; nobody waits
 * while a seat is free; waiting lists are in the documented order; dynamic groups hold exactly who matches their
 * rule. Who holds a seat and who waits depends on history (holders are never bumped), so it is checked through those
 * invariants and not by replaying history. A product split into allotments may have users waiting while it has free
 * seats (a full pool queues its own users): its seats are checked pool by pool by a {@link PoolOracle}, as are the
 * pools every holder and waiting user draws from. Returns every difference it finds, in words.
 */
public final class LicenseOracle {
    private static final UUID DIRECT = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final UUID tenant;
    private final Map<String, Predicate<String>> rules;
    private final PoolOracle pools;

    /**
     * @param rules the membership rules the tenant's dynamic groups may have, each with what it means for a
     *     department
     */
    public LicenseOracle(JdbcClient jdbc, TenantId tenant, Map<String, Predicate<String>> rules) {
        this(jdbc, tenant.value(), rules, new PoolOracle(jdbc, tenant));
    }

    private LicenseOracle(JdbcClient jdbc, UUID tenant, Map<String, Predicate<String>> rules, PoolOracle pools) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.rules = rules;
        this.pools = pools;
    }

    /** This oracle checking the tenant's allotments with {@code pools} (by default, one whose caps never moved). */
    public LicenseOracle withPools(PoolOracle pools) {
        return new LicenseOracle(jdbc, tenant, rules, pools);
    }

    record Person(UUID id, String location, boolean guest, boolean deleted, String department) {}

    /** {@code pending}: null, or when a removed license held for its product's days is freed. */
    record Row(
            UUID user,
            UUID sku,
            UUID source,
            Set<UUID> disabled,
            String state,
            String error,
            Instant requested,
            Instant pending) {
        boolean active() {
            return state.startsWith("Active");
        }
    }

    public List<String> differences() {
        List<String> found = new ArrayList<>();
        boolean nested = jdbc.sql("select nested_group_licensing from tenant where id = ?")
                .param(tenant)
                .query(Boolean.class)
                .single();
        boolean guestsBlocked = !"Allow"
                .equalsIgnoreCase(jdbc.sql("select guest_licensing from tenant where id = ?")
                        .param(tenant)
                        .query(String.class)
                        .single());
        Map<UUID, Person> people = new HashMap<>();
        jdbc.sql("select id, usage_location, user_type, deleted_at, department from directory_user where tenant_id = ?")
                .param(tenant)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    people.put(
                            id,
                            new Person(
                                    id,
                                    rs.getString("usage_location"),
                                    "Guest".equals(rs.getString("user_type")),
                                    rs.getObject("deleted_at") != null,
                                    rs.getString("department")));
                });
        Map<UUID, Set<UUID>> groupsOfUser = new HashMap<>();
        jdbc.sql("select group_id, user_id from group_member_user where tenant_id = ?")
                .param(tenant)
                .query(rs -> {
                    groupsOfUser
                            .computeIfAbsent(rs.getObject("user_id", UUID.class), u -> new HashSet<>())
                            .add(rs.getObject("group_id", UUID.class));
                });
        Map<UUID, Set<UUID>> parents = new HashMap<>();
        jdbc.sql("select group_id, member_group_id from group_member_group where tenant_id = ?")
                .param(tenant)
                .query(rs -> {
                    parents.computeIfAbsent(rs.getObject("member_group_id", UUID.class), g -> new HashSet<>())
                            .add(rs.getObject("group_id", UUID.class));
                });
        Map<UUID, Map<UUID, Set<UUID>>> groupLicenses = new HashMap<>();
        jdbc.sql("select group_id, sku_id, disabled_plans from group_license where tenant_id = ?")
                .param(tenant)
                .query(rs -> {
                    groupLicenses
                            .computeIfAbsent(rs.getObject("group_id", UUID.class), g -> new HashMap<>())
                            .put(rs.getObject("sku_id", UUID.class), uuids(rs.getArray("disabled_plans")));
                });
        Map<UUID, Integer> priorities = new HashMap<>();
        Map<UUID, String> dynamicRules = new HashMap<>();
        jdbc.sql("select id, license_priority, membership_rule, membership_rule_processing_state"
                        + " from directory_group where tenant_id = ?")
                .param(tenant)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    priorities.put(id, rs.getInt("license_priority"));
                    if (rs.getString("membership_rule") != null
                            && "On".equals(rs.getString("membership_rule_processing_state"))) {
                        dynamicRules.put(id, rs.getString("membership_rule"));
                    }
                });
        Map<UUID, List<Row>> rowsOfUser = new TreeMap<>();
        jdbc.sql("select * from license_assignment where tenant_id = ?")
                .param(tenant)
                .query(rs -> {
                    Row row = new Row(
                            rs.getObject("user_id", UUID.class),
                            rs.getObject("sku_id", UUID.class),
                            rs.getObject("source_group_id", UUID.class),
                            uuids(rs.getArray("disabled_plans")),
                            rs.getString("state"),
                            rs.getString("error"),
                            rs.getTimestamp("requested_at").toInstant(),
                            rs.getTimestamp("pending_removal_at") == null
                                    ? null
                                    : rs.getTimestamp("pending_removal_at").toInstant());
                    rowsOfUser
                            .computeIfAbsent(row.user(), u -> new ArrayList<>())
                            .add(row);
                });

        dynamicRules.forEach((group, rule) -> {
            Predicate<String> matches = rules.get(rule);
            if (matches == null) {
                found.add("dynamic group " + group + " has a rule the oracle does not know: " + rule);
                return;
            }
            for (Person p : people.values()) {
                if (p.deleted()) {
                    continue;
                }
                boolean member = groupsOfUser.getOrDefault(p.id(), Set.of()).contains(group);
                if (member != matches.test(p.department())) {
                    found.add("user " + p.id() + " in department " + p.department() + " is " + (member ? "" : "not ")
                            + "a member of dynamic group " + group + " (" + rule + ")");
                }
            }
        });

        for (Person p : people.values()) {
            if (p.deleted()) {
                continue; // a deleted user's licenses stay as they were until restore or purge
            }
            List<Row> rows = rowsOfUser.getOrDefault(p.id(), List.of());
            Map<List<UUID>, Set<UUID>> expected = new HashMap<>();
            for (UUID group : groupsOf(p.id(), nested, groupsOfUser, parents)) {
                groupLicenses
                        .getOrDefault(group, Map.of())
                        .forEach((sku, disabled) -> expected.put(List.of(sku, group), disabled));
            }
            Map<List<UUID>, Set<UUID>> stored = new HashMap<>();
            for (Row row : rows) {
                if (row.pending() != null) {
                    // held after its removal: it holds a seat, and no source of its product is left to the user
                    if (!row.active()) {
                        found.add("user " + p.id() + " has " + row.sku() + " pending removal without a seat: " + row);
                    }
                    if (rows.stream().filter(o -> o.sku().equals(row.sku())).count() > 1) {
                        found.add("user " + p.id() + " has " + row.sku() + " pending removal beside another source: "
                                + rows);
                    }
                    continue;
                }
                if (!row.source().equals(DIRECT)) {
                    stored.put(List.of(row.sku(), row.source()), row.disabled());
                } else if (p.location() == null) {
                    found.add("user " + p.id() + " holds a direct license of " + row.sku() + " without usage location");
                }
            }
            if (!stored.equals(expected)) {
                found.add("user " + p.id() + " has group licenses (sku, group → disabled plans) " + stored
                        + " but belongs to groups that assign " + expected);
            }
            Map<UUID, List<Row>> bySku = new HashMap<>();
            for (Row row : rows) {
                boolean blockedGuest =
                        p.guest() && guestsBlocked && !row.source().equals(DIRECT);
                if (blockedGuest) {
                    if (!"Error".equals(row.state()) || !"Other".equals(row.error())) {
                        found.add("guest " + p.id() + " inherits " + row.sku() + " from " + row.source() + " ("
                                + row.state() + "/" + row.error() + ")");
                    }
                    continue;
                }
                if (!row.active() && !"CountViolation".equals(row.error())) {
                    found.add("user " + p.id() + " has " + row.sku() + " from " + row.source() + " in " + row.state()
                            + "/" + row.error() + ", which nothing explains");
                }
                bySku.computeIfAbsent(row.sku(), s -> new ArrayList<>()).add(row);
            }
            bySku.forEach((sku, skuRows) -> {
                long active = skuRows.stream().filter(Row::active).count();
                if (active != 0 && active != skuRows.size()) {
                    found.add("user " + p.id() + " both holds and waits for a seat of " + sku + ": " + skuRows);
                }
            });
        }

        checkSeats(found, people, rowsOfUser, priorities);
        found.addAll(pools.differences());
        return found;
    }

    private void checkSeats(
            List<String> found,
            Map<UUID, Person> people,
            Map<UUID, List<Row>> rowsOfUser,
            Map<UUID, Integer> priority) {
        Map<UUID, Set<UUID>> holders = new HashMap<>();
        Map<UUID, Map<UUID, Row>> waiting = new HashMap<>();
        rowsOfUser.forEach((user, rows) -> {
            for (Row row : rows) {
                if (row.active()) {
                    holders.computeIfAbsent(row.sku(), s -> new TreeSet<>()).add(user);
                }
            }
            Person p = people.get(user);
            for (Row row : rows) {
                if ("CountViolation".equals(row.error()) && p != null && !p.deleted()) {
                    waiting.computeIfAbsent(row.sku(), s -> new HashMap<>())
                            .merge(user, row, (a, b) -> better(a, b, priority));
                }
            }
        });
        Set<UUID> pooled = new HashSet<>(jdbc.sql("select sku_id from allotment where tenant_id = ?")
                .param(tenant)
                .query(UUID.class)
                .list());
        jdbc.sql("select * from seat_count where tenant_id = ?").param(tenant).query(rs -> {
            UUID sku = rs.getObject("sku_id", UUID.class);
            int enabled = rs.getInt("enabled");
            int consumed = rs.getInt("consumed");
            int waits = rs.getInt("waiting");
            int held = holders.getOrDefault(sku, Set.of()).size();
            int queued = waiting.getOrDefault(sku, Map.of()).size();
            if (consumed != held) {
                found.add("SKU " + sku + " counts " + consumed + " seats consumed, " + held + " users hold one");
            }
            if (consumed > enabled) {
                found.add("SKU " + sku + " is over-allocated: " + consumed + " of " + enabled);
            }
            if (waits != queued) {
                found.add("SKU " + sku + " counts " + waits + " waiting, " + queued + " users wait");
            }
            if (queued > 0 && enabled > consumed && !pooled.contains(sku)) {
                found.add("SKU " + sku + " has " + (enabled - consumed) + " free seats while " + queued + " wait");
            }
        });
        waiting.forEach((sku, rows) -> {
            List<UUID> order = rows.values().stream()
                    .sorted(Comparator.comparing((Row r) -> -priority.getOrDefault(r.source(), 0))
                            .thenComparing(Row::requested)
                            .thenComparing(Row::user, LicenseOracle::inDatabaseOrder))
                    .map(Row::user)
                    .toList();
            List<UUID> listed = new JdbcWaitingLists(jdbc)
                    .waiting(new TenantId(tenant), new SkuId(sku), Integer.MAX_VALUE).stream()
                            .map(UserId::value)
                            .toList();
            if (!listed.equals(order)) {
                found.add("SKU " + sku + " waiting list is " + listed + ", in the documented order " + order);
            }
        });
    }

    /**
     * User ids in the order PostgreSQL sorts them, byte by byte (Java's {@link UUID#compareTo} compares signed halves):
     * the last key of the waiting order, which decides between requests made at the same instant.
     */
    private static int inDatabaseOrder(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** The place a user waiting through several groups keeps: the higher priority, then the earlier request. */
    private static Row better(Row a, Row b, Map<UUID, Integer> priority) {
        int pa = priority.getOrDefault(a.source(), 0);
        int pb = priority.getOrDefault(b.source(), 0);
        if (pa != pb) {
            return pa > pb ? a : b;
        }
        return a.requested().isAfter(b.requested()) ? b : a;
    }

    private static Set<UUID> groupsOf(
            UUID user, boolean nested, Map<UUID, Set<UUID>> groupsOfUser, Map<UUID, Set<UUID>> parents) {
        Set<UUID> result = new HashSet<>(groupsOfUser.getOrDefault(user, Set.of()));
        if (!nested) {
            return result;
        }
        List<UUID> todo = new ArrayList<>(result);
        while (!todo.isEmpty()) {
            UUID group = todo.remove(todo.size() - 1);
            for (UUID parent : parents.getOrDefault(group, Set.of())) {
                if (result.add(parent)) {
                    todo.add(parent);
                }
            }
        }
        return result;
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        Set<UUID> result = new HashSet<>();
        for (Object o : (Object[]) array.getArray()) {
            result.add((UUID) Objects.requireNonNull(o));
        }
        return result;
    }
}
