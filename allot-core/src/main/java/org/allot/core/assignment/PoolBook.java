package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;

/**
 * A tenant's allotments as one unit of work reads them: each SKU's pools in their order, and the pools group
 * assignments name. The one place that says which pool an assignment draws from ({@link #choose}) and how many seats
 * each pool has when the subscription holds fewer than the caps ({@link #caps}).
 */
public final class PoolBook {
    /** A SKU's pools: position, then id. */
    public static final Comparator<Allotment> ORDER =
            Comparator.comparingInt(Allotment::position).thenComparing(Allotment::id);

    /** A tenant without pools. */
    public static final PoolBook EMPTY = new PoolBook(List.of(), Map.of());

    private final Map<SkuId, List<Allotment>> bySku = new TreeMap<>();
    private final Map<AllotmentId, Allotment> byId = new LinkedHashMap<>();
    private final Map<Allotments.Named, AllotmentId> named;

    public PoolBook(Collection<Allotment> pools, Map<Allotments.Named, AllotmentId> named) {
        List<Allotment> sorted = new ArrayList<>(pools);
        sorted.sort(Comparator.comparing(Allotment::sku).thenComparing(ORDER));
        for (Allotment a : sorted) {
            bySku.computeIfAbsent(a.sku(), s -> new ArrayList<>()).add(a);
            byId.put(a.id(), a);
        }
        this.named = Map.copyOf(named);
    }

    /** Two books are equal when they hold the same pools and name the same ones. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PoolBook book && byId.equals(book.byId) && named.equals(book.named);
    }

    @Override
    public int hashCode() {
        return byId.hashCode() * 31 + named.hashCode();
    }

    @Override
    public String toString() {
        return "PoolBook" + byId.values();
    }

    /** The pools owned by this administrative unit or group, in SKU then pool order. */
    public List<Allotment> ownedBy(UUID owner) {
        return byId.values().stream().filter(a -> a.owner().id().equals(owner)).toList();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Whether the SKU's seats are split into pools. */
    public boolean pooled(SkuId sku) {
        return bySku.containsKey(sku);
    }

    /** The SKU's pools, in order. */
    public List<Allotment> of(SkuId sku) {
        return List.copyOf(bySku.getOrDefault(sku, List.of()));
    }

    public Optional<Allotment> find(AllotmentId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The pool a group's assignment of the SKU names, if any (and if it still exists). */
    public Optional<AllotmentId> named(GroupId group, SkuId sku) {
        AllotmentId id = named.get(new Allotments.Named(group, sku));
        return id != null && byId.containsKey(id) ? Optional.of(id) : Optional.empty();
    }

    /** Every named pool, for views. */
    public Map<Allotments.Named, AllotmentId> named() {
        return named;
    }

    /**
     * The seats each pool of the SKU has out of {@code enabled}: its cap, but never more than what the pools before it
     * left, so that the pools together never hold more seats than the SKU (a subscription that shrank below the caps
     * fills the first pools first and leaves the remainder with none).
     */
    public Map<AllotmentId, Integer> caps(SkuId sku, int enabled) {
        Map<AllotmentId, Integer> caps = new LinkedHashMap<>();
        int left = Math.max(0, enabled);
        for (Allotment a : bySku.getOrDefault(sku, List.of())) {
            int cap = Math.min(a.cap(), left);
            caps.put(a.id(), cap);
            left -= cap;
        }
        return caps;
    }

    /** The seats of the SKU in no pool: its enabled seats less what the pools have ({@link #caps}). */
    public int remainder(SkuId sku, int enabled) {
        int pooled =
                caps(sku, enabled).values().stream().mapToInt(Integer::intValue).sum();
        return Math.max(0, enabled - pooled);
    }

    /**
     * Which pool a user's seat of the SKU is drawn from (empty: the remainder), as issue 19 decided: a pool named on
     * one of the group assignments giving the SKU; otherwise a pool whose owner the user belongs to (a unit containing
     * the user, or a group the user gets the SKU through); among several, the first in the SKU's order.
     *
     * @param sources the sources still in the running for the SKU's seat
     * @param units the administrative units the user is a member of (asked only when a unit owns a pool of the SKU)
     */
    public Optional<AllotmentId> choose(SkuId sku, Collection<AssignmentSource> sources, Supplier<Set<UUID>> units) {
        List<Allotment> pools = bySku.get(sku);
        if (pools == null) {
            return Optional.empty();
        }
        Optional<AllotmentId> first = Optional.empty();
        for (AssignmentSource source : sources) {
            if (!source.isDirect()) {
                Optional<AllotmentId> id = named(source.groupOrNull(), sku);
                if (id.isPresent()
                        && (first.isEmpty() || ORDER.compare(byId.get(id.get()), byId.get(first.get())) < 0)) {
                    first = id;
                }
            }
        }
        if (first.isPresent()) {
            return first;
        }
        Set<UUID> memberOf = null;
        for (Allotment pool : pools) {
            UUID owner = pool.owner().id();
            if (pool.owner().kind() == Allotment.Kind.GROUP) {
                if (sources.stream()
                        .anyMatch(s -> !s.isDirect() && s.groupOrNull().value().equals(owner))) {
                    return Optional.of(pool.id());
                }
            } else {
                if (memberOf == null) {
                    memberOf = units.get();
                }
                if (memberOf.contains(owner)) {
                    return Optional.of(pool.id());
                }
            }
        }
        return Optional.empty();
    }
}
