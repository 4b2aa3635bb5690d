package org.allot.cli.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allot.api.extensions.LicensePendingRemoval;
import org.allot.api.graph.AssignedLicenseResource;
import org.allot.api.graph.LicenseAssignmentState;
import org.allot.api.graph.UserResource;
import org.allot.cli.api.Api;
import org.allot.cli.api.Query;
import org.allot.cli.lookup.Directory;
import org.allot.cli.lookup.Products;
import org.allot.cli.output.Table;

/** How licenses read in tables: part numbers, plan names, and one row per source of each license. */
final class Licenses {
    private Licenses() {}

    /** Part numbers, with the switched-off plans: {@code ENTERPRISEPACK(-SWAY,-FORMS_PLAN_E3)}. */
    static List<String> names(List<AssignedLicenseResource> licenses, Products products) {
        List<String> names = new ArrayList<>();
        for (AssignedLicenseResource license : licenses == null ? List.<AssignedLicenseResource>of() : licenses) {
            String name = products.partNumber(license.skuId());
            List<String> off = planNames(products, license.skuId(), license.disabledPlans());
            names.add(off.isEmpty() ? name : name + "(-" + String.join(",-", off) + ")");
        }
        return names;
    }

    /** {@code SPE_E5:CountViolation} for each assignment in error. */
    static List<String> errors(List<LicenseAssignmentState> states, Products products) {
        List<String> errors = new ArrayList<>();
        for (LicenseAssignmentState s : states == null ? List.<LicenseAssignmentState>of() : states) {
            if (inError(s)) {
                errors.add(products.partNumber(s.skuId()) + ":" + s.error());
            }
        }
        return errors;
    }

    static boolean inError(LicenseAssignmentState state) {
        return !"Active".equals(state.state()) || (state.error() != null && !"None".equals(state.error()));
    }

    static boolean hasErrors(UserResource user) {
        return user.licenseAssignmentStates() != null
                && user.licenseAssignmentStates().stream().anyMatch(Licenses::inError);
    }

    /**
     * One row per source of each license: direct, or the group it comes from; {@code pending} holds when each
     * assignment pending removal is freed ({@link #pendingKey}).
     */
    static Table sources(UserResource user, Directory directory, Map<String, Object> pending) {
        Products products = directory.products();
        Table table = Table.of(
                "skuPartNumber",
                "source",
                "state",
                "error",
                "disabledPlans",
                "waitingSince",
                "reason",
                "pendingRemoval");
        for (LicenseAssignmentState s : user.licenseAssignmentStates()) {
            table.add(
                    products.partNumber(s.skuId()),
                    s.assignedByGroup() == null ? "Direct" : directory.groupName(s.assignedByGroup()),
                    s.state(),
                    s.error(),
                    planNames(products, s.skuId(), s.disabledPlans()),
                    "CountViolation".equals(s.error()) ? s.requestedDateTime() : null,
                    s.reason(),
                    pending.get(pendingKey(s.skuId(), s.assignedByGroup())));
        }
        return table;
    }

    /** The key of an assignment in the map {@link #sources} takes: its product and its group (null: direct). */
    static String pendingKey(Object skuId, Object group) {
        return skuId + "/" + group;
    }

    /**
     * When each of the user's assignments pending removal is freed, by {@link #pendingKey}: asked of the server only
     * when the user holds a license that can be pending removal (one not in {@code Error}: a held license that loses
     * its seat or fails goes at once).
     */
    static Map<String, Object> pending(Api api, UserResource user) {
        boolean held = user.licenseAssignmentStates() != null
                && user.licenseAssignmentStates().stream().anyMatch(s -> !"Error".equals(s.state()));
        return held
                ? pending(api.list(
                        Query.path("/allot/v1/users", user.id(), "pendingRemovals"), LicensePendingRemoval.class))
                : Map.of();
    }

    /** {@link #pending(Api, UserResource)} from the user's pending removals as the server listed them. */
    static Map<String, Object> pending(List<LicensePendingRemoval> removals) {
        Map<String, Object> pending = new HashMap<>();
        for (LicensePendingRemoval p : removals) {
            pending.put(pendingKey(p.skuId(), p.assignedByGroup()), p.pendingRemovalDateTime());
        }
        return pending;
    }

    static List<String> planNames(Products products, Object skuId, List<?> plans) {
        if (plans == null || plans.isEmpty()) {
            return List.of();
        }
        Products.Sku sku = products.byId(skuId).orElse(null);
        return plans.stream()
                .map(String::valueOf)
                .map(p -> sku == null ? p : sku.planName(p))
                .toList();
    }
}
