package org.allot.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.allot.core.ErrorCode;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.Tenants;

/**
 * Which dynamic groups' memberships depend on which: group G depends on group H when G's rule reads plans that
 * membership of H grants (H's own licenses, and those of the licensed groups H is nested in when the tenant licenses
 * nested groups). Settling memberships in that order — rules that read no plans first, then each layer after the
 * layers it depends on — lets a cascade converge in one pass without anyone joining and leaving on the way; a cycle
 * would never settle, so rules that would close one are refused.
 */
final class RuleDependencies {
    private final GroupLicenses groupLicenses;
    private final Memberships memberships;
    private final ProductCatalog catalog;
    private final Tenants tenants;

    RuleDependencies(GroupLicenses groupLicenses, Memberships memberships, ProductCatalog catalog, Tenants tenants) {
        this.groupLicenses = Objects.requireNonNull(groupLicenses);
        this.memberships = Objects.requireNonNull(memberships);
        this.catalog = Objects.requireNonNull(catalog);
        this.tenants = Objects.requireNonNull(tenants);
    }

    /**
     * The groups in layers: the first holds the rules that read no plans; every later one, rules that depend only on
     * groups in earlier layers. (Should a cycle exist anyway, it is cut where the walk meets it.)
     */
    List<List<DynamicGroup>> strata(TenantId tenant, List<DynamicGroup> groups) {
        if (groups.stream().noneMatch(g -> g.rule().readsAssignedPlans())) {
            return List.of(groups);
        }
        Map<GroupId, Set<GroupId>> edges = edges(tenant, groups, Map.of());
        Map<GroupId, Integer> levels = new HashMap<>();
        Map<GroupId, DynamicGroup> byId = byId(groups);
        int top = 0;
        for (DynamicGroup group : groups) {
            top = Math.max(top, level(group.id(), byId, edges, levels, new HashSet<>()));
        }
        List<List<DynamicGroup>> strata = new ArrayList<>();
        for (int i = 0; i <= top; i++) {
            strata.add(new ArrayList<>());
        }
        groups.forEach(g -> strata.get(levels.get(g.id())).add(g));
        return strata;
    }

    /**
     * A chain of dependencies from {@code start} back to itself, as the groups along it, given these groups and,
     * for the groups in {@code licenses}, these licenses instead of their current ones.
     */
    Optional<List<DynamicGroup>> cycleThrough(
            TenantId tenant, List<DynamicGroup> groups, GroupId start, Map<GroupId, List<GroupLicense>> licenses) {
        Map<GroupId, Set<GroupId>> edges = edges(tenant, groups, licenses);
        Map<GroupId, DynamicGroup> byId = byId(groups);
        List<GroupId> path = new ArrayList<>(List.of(start));
        if (!walk(start, start, edges, path, new HashSet<>())) {
            return Optional.empty();
        }
        return Optional.of(path.stream().map(byId::get).toList());
    }

    /** The refusal of a change that would close the cycle {@code path}. */
    static Rejection refusal(List<DynamicGroup> path) {
        String chain =
                path.stream().map(g -> "'" + g.group().displayName() + "'").collect(Collectors.joining(" → "));
        return Rejection.of(
                ErrorCode.MEMBERSHIP_CYCLE,
                "This would make a dynamic group's membership depend on itself: %s (each group's rule reads plans"
                        + " that membership of the next one grants). Such rules would never settle.",
                chain);
    }

    private static boolean walk(
            GroupId at, GroupId start, Map<GroupId, Set<GroupId>> edges, List<GroupId> path, Set<GroupId> seen) {
        for (GroupId next : edges.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                path.add(start);
                return true;
            }
            if (seen.add(next)) {
                path.add(next);
                if (walk(next, start, edges, path, seen)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }

    private static int level(
            GroupId id,
            Map<GroupId, DynamicGroup> byId,
            Map<GroupId, Set<GroupId>> edges,
            Map<GroupId, Integer> levels,
            Set<GroupId> walking) {
        Integer known = levels.get(id);
        if (known != null) {
            return known;
        }
        if (!walking.add(id)) {
            return 0;
        }
        int level = byId.get(id).rule().readsAssignedPlans() ? 1 : 0;
        for (GroupId dependency : edges.getOrDefault(id, Set.of())) {
            if (!dependency.equals(id)) {
                level = Math.max(level, 1 + level(dependency, byId, edges, levels, walking));
            }
        }
        walking.remove(id);
        levels.put(id, level);
        return level;
    }

    /** For each group whose rule reads plans, the groups whose membership grants some of those plans. */
    private Map<GroupId, Set<GroupId>> edges(
            TenantId tenant, List<DynamicGroup> groups, Map<GroupId, List<GroupLicense>> licenses) {
        List<DynamicGroup> readers =
                groups.stream().filter(g -> g.rule().readsAssignedPlans()).toList();
        if (readers.isEmpty()) {
            return Map.of();
        }
        Map<GroupId, Set<ServicePlanId>> granted = granted(tenant, groups, licenses);
        Map<GroupId, Set<GroupId>> edges = new LinkedHashMap<>();
        for (DynamicGroup reader : readers) {
            MembershipRule.PlanReferences references = reader.rule().planReferences();
            for (DynamicGroup granting : groups) {
                if (references.anyOf(granted.getOrDefault(granting.id(), Set.of()))) {
                    edges.computeIfAbsent(reader.id(), g -> new LinkedHashSet<>())
                            .add(granting.id());
                }
            }
        }
        return edges;
    }

    /** The plans membership of each group grants: its licenses and those of the licensed groups above it. */
    private Map<GroupId, Set<ServicePlanId>> granted(
            TenantId tenant, List<DynamicGroup> groups, Map<GroupId, List<GroupLicense>> overrides) {
        Set<GroupId> licensed = new HashSet<>(groupLicenses.licensedGroups(tenant));
        overrides.forEach((group, list) -> {
            if (list.isEmpty()) {
                licensed.remove(group);
            } else {
                licensed.add(group);
            }
        });
        if (licensed.isEmpty()) {
            return Map.of();
        }
        boolean nested =
                tenants.find(tenant).map(t -> t.policy().nestedGroupLicensing()).orElse(true);
        Map<GroupId, Set<GroupId>> sources = new HashMap<>();
        Set<GroupId> all = new HashSet<>();
        for (DynamicGroup group : groups) {
            Set<GroupId> from = new HashSet<>(List.of(group.id()));
            if (nested) {
                from.addAll(memberships.ancestorGroups(tenant, group.id()));
            }
            from.retainAll(licensed);
            sources.put(group.id(), from);
            all.addAll(from);
        }
        Map<GroupId, List<GroupLicense>> licenses = new HashMap<>(groupLicenses.ofGroups(tenant, all));
        licenses.putAll(overrides);
        Catalog products = catalog.forTenant(tenant);
        Map<GroupId, Set<ServicePlanId>> granted = new HashMap<>();
        sources.forEach((group, from) -> {
            Set<ServicePlanId> plans = new HashSet<>();
            for (GroupId source : from) {
                for (GroupLicense license : licenses.getOrDefault(source, List.of())) {
                    products.find(license.license().skuId())
                            .ifPresent(p -> plans.addAll(
                                    p.enabledPlans(license.license().disabledPlans())));
                }
            }
            granted.put(group, plans);
        });
        return granted;
    }

    private static Map<GroupId, DynamicGroup> byId(List<DynamicGroup> groups) {
        Map<GroupId, DynamicGroup> byId = new LinkedHashMap<>();
        groups.forEach(g -> byId.put(g.id(), g));
        return byId;
    }
}
