package org.allot.core.assembly;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.allot.core.TenantId;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.sync.HeldLicenses;

/** Directory sync's view of the licenses users hold, read through licensing's ports: seats held, and their sources. */
public final class AssignedLicenses implements HeldLicenses {
    private final Assignments assignments;
    private final GroupLicenses groupLicenses;
    private final ProductCatalog catalog;

    public AssignedLicenses(Assignments assignments, GroupLicenses groupLicenses, ProductCatalog catalog) {
        this.assignments = Objects.requireNonNull(assignments);
        this.groupLicenses = Objects.requireNonNull(groupLicenses);
        this.catalog = Objects.requireNonNull(catalog);
    }

    @Override
    public Map<GroupId, Set<String>> licensedGroups(TenantId tenant) {
        Set<GroupId> licensed = groupLicenses.licensedGroups(tenant);
        if (licensed.isEmpty()) {
            return Map.of();
        }
        Catalog products = catalog.forTenant(tenant);
        Map<GroupId, Set<String>> assigned = new LinkedHashMap<>();
        groupLicenses
                .ofGroups(tenant, licensed)
                .forEach((group, licenses) -> assigned.put(
                        group,
                        licenses.stream()
                                .map(l -> name(products, l.license().skuId()))
                                .collect(Collectors.toCollection(TreeSet::new))));
        return assigned;
    }

    @Override
    public Map<UserId, List<Held>> held(TenantId tenant, Collection<UserId> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        Map<UserId, List<LicenseAssignment>> all = assignments.of(tenant, users);
        Catalog products = all.isEmpty() ? null : catalog.forTenant(tenant);
        Map<UserId, List<Held>> held = new LinkedHashMap<>();
        all.forEach((user, list) -> {
            Map<SkuId, Boolean> direct = new TreeMap<>();
            for (LicenseAssignment a : list) {
                if (a.holdsSeat()) {
                    direct.merge(a.sku(), a.source().isDirect(), Boolean::logicalOr);
                }
            }
            List<Held> licenses = new ArrayList<>();
            direct.forEach((sku, isDirect) -> licenses.add(new Held(name(products, sku), isDirect)));
            if (!licenses.isEmpty()) {
                held.put(user, licenses);
            }
        });
        return held;
    }

    private static String name(Catalog products, SkuId sku) {
        return products.find(sku).map(Product::skuPartNumber).orElse(sku.toString());
    }
}
