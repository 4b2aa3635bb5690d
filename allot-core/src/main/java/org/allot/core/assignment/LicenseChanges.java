package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.allot.core.audit.PropertyChange;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ServicePlan;

/** Describes for the audit log how a user's licenses changed. */
final class LicenseChanges {
    private LicenseChanges() {}

    static List<PropertyChange> between(UserLicenses before, UserLicenses after, Catalog catalog) {
        List<PropertyChange> changes = new ArrayList<>();
        String oldLicenses = describe(before.assignedLicenses(), catalog);
        String newLicenses = describe(after.assignedLicenses(), catalog);
        if (!oldLicenses.equals(newLicenses)) {
            changes.add(PropertyChange.of("AssignedLicense", oldLicenses, newLicenses));
        }
        Map<LicenseAssignment.Key, LicenseAssignment> old = new HashMap<>();
        before.assignments().forEach(a -> old.put(a.key(), a));
        Set<LicenseAssignment.Key> keys = new LinkedHashSet<>(old.keySet());
        after.assignments().forEach(a -> keys.add(a.key()));
        Map<LicenseAssignment.Key, LicenseAssignment> now = new HashMap<>();
        after.assignments().forEach(a -> now.put(a.key(), a));
        for (LicenseAssignment.Key key : keys) {
            String was = state(old.get(key), catalog);
            String is = state(now.get(key), catalog);
            if (!Objects.equals(was, is)) {
                changes.add(PropertyChange.of(
                        "LicenseAssignment "
                                + catalog.find(key.sku())
                                        .map(p -> p.skuPartNumber())
                                        .orElse(key.sku().toString())
                                + (key.source().isDirect()
                                        ? " (direct)"
                                        : " (group " + key.source().groupOrNull() + ")"),
                        was,
                        is));
            }
        }
        return changes;
    }

    static String describe(List<AssignedLicense> licenses, Catalog catalog) {
        return licenses.stream().map(l -> describe(l, catalog)).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describe(AssignedLicense license, Catalog catalog) {
        String name = catalog.find(license.skuId())
                .map(p -> p.skuPartNumber())
                .orElse(license.skuId().toString());
        if (license.disabledPlans().isEmpty()) {
            return name;
        }
        return name + " without "
                + license.disabledPlans().stream()
                        .map(id -> catalog.plan(id).map(ServicePlan::name).orElse(id.toString()))
                        .sorted()
                        .collect(Collectors.joining(" "));
    }

    private static String state(LicenseAssignment a, Catalog catalog) {
        if (a == null) {
            return null;
        }
        String state = a.error() == null ? a.state().name() : a.state() + " (" + a.error() + ")";
        if (!a.disabledPlans().isEmpty()) {
            state += ", off: "
                    + a.disabledPlans().stream()
                            .map(id -> catalog.plan(id).map(ServicePlan::name).orElse(id.toString()))
                            .sorted()
                            .collect(Collectors.joining(" "));
        }
        if (a.isPendingRemoval()) {
            state += ", pending removal until " + a.pendingRemovalAt();
        }
        return state;
    }
}
