package org.allot.server.web.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.assignment.UserLicenses;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;

/** Builds what the user pages show of licenses: per product, its sources, errors in plain words, and its apps. */
public final class UserViews {
    private UserViews() {}

    /** A user's licenses, one view per product, by product name. */
    static List<LicenseView> licenses(LicensedDirectory.UserDetail detail) {
        LicensedUser user = detail.user();
        Catalog products = user.catalog();
        UserLicenses licenses = user.licenses();
        List<LicenseAssignment> rows = licenses.assignments();
        Map<SkuId, Map<ServicePlanId, UserLicenses.ProvisioningStatus>> working = new HashMap<>();
        for (UserLicenses.LicenseDetail d : licenses.details(products)) {
            Map<ServicePlanId, UserLicenses.ProvisioningStatus> plans = new HashMap<>();
            d.servicePlans().forEach(p -> plans.put(p.plan().id(), p.status()));
            working.put(d.product().skuId(), plans);
        }
        Map<SkuId, List<LicenseAssignment>> bySku = new LinkedHashMap<>();
        rows.forEach(a -> bySku.computeIfAbsent(a.sku(), s -> new ArrayList<>()).add(a));
        List<LicenseView> views = new ArrayList<>();
        bySku.forEach((sku, sources) -> views.add(
                view(products, licenses, sku, sources, detail.groupNames(), working, detail.waitingPositions())));
        views.sort(Comparator.comparing(LicenseView::productName, String.CASE_INSENSITIVE_ORDER));
        return views;
    }

    /** The apps of a product as switches: all on, or as the user's direct assignment of it has them. */
    static List<LicenseView.App> switches(Product product, Set<ServicePlanId> disabled) {
        return product.servicePlans().stream()
                .sorted(Comparator.comparing(UserViews::appName, String.CASE_INSENSITIVE_ORDER))
                .map(p -> new LicenseView.App(p.id().toString(), appName(p), !disabled.contains(p.id()), null))
                .toList();
    }

    private static LicenseView view(
            Catalog products,
            UserLicenses licenses,
            SkuId sku,
            List<LicenseAssignment> sources,
            Map<UUID, String> groups,
            Map<SkuId, Map<ServicePlanId, UserLicenses.ProvisioningStatus>> working,
            Map<SkuId, Integer> positions) {
        Product product = products.find(sku).orElse(null);
        String name = product == null ? sku.toString() : product.displayName();
        boolean held = licenses.holdsSeat(sku);
        boolean waiting = licenses.isWaitingFor(sku);
        Integer position = waiting ? positions.get(sku) : null;
        List<LicenseView.Source> rows = new ArrayList<>();
        for (LicenseAssignment a : sources) {
            String label = a.source().isDirect()
                    ? "Direct"
                    : "Inherited from "
                            + groups.getOrDefault(a.source().groupOrNull().value(), "a deleted group");
            rows.add(new LicenseView.Source(
                    label,
                    a.source().isDirect() ? null : a.source().groupOrNull().value(),
                    a.state() == null ? "Pending" : stateLabel(a.state()),
                    a.error() == null ? null : a.error().name(),
                    Problems.of(a, name, position),
                    a.pendingRemovalAt()));
        }
        LicenseAssignment direct =
                sources.stream().filter(a -> a.source().isDirect()).findFirst().orElse(null);
        List<LicenseView.App> apps = new ArrayList<>();
        if (product != null) {
            Map<ServicePlanId, UserLicenses.ProvisioningStatus> status = working.getOrDefault(sku, Map.of());
            for (LicenseView.App app : switches(product, direct == null ? unionOff(sources) : direct.disabledPlans())) {
                UserLicenses.ProvisioningStatus s = status.get(new ServicePlanId(UUID.fromString(app.id())));
                apps.add(new LicenseView.App(app.id(), app.name(), app.on(), s == null ? null : appStatus(s)));
            }
        }
        boolean errors = sources.stream().anyMatch(a -> a.error() != null);
        String status =
                held ? (errors ? "Active with errors" : "Active") : waiting ? "Waiting for a seat" : "Not licensed";
        String style = held ? (errors ? "warning" : "success") : waiting ? "info" : "danger";
        return new LicenseView(
                sku.toString(),
                name,
                product == null ? "" : product.skuPartNumber(),
                status,
                style,
                rows,
                apps,
                direct != null,
                position);
    }

    /** The apps every source switches off: an app is on when any source gives it. */
    private static Set<ServicePlanId> unionOff(List<LicenseAssignment> sources) {
        Set<ServicePlanId> off = null;
        for (LicenseAssignment a : sources) {
            if (off == null) {
                off = new java.util.HashSet<>(a.disabledPlans());
            } else {
                off.retainAll(a.disabledPlans());
            }
        }
        return off == null ? Set.of() : off;
    }

    static String appName(ServicePlan plan) {
        return plan.displayName().isBlank() ? plan.name() : plan.displayName();
    }

    private static String stateLabel(AssignmentState state) {
        return switch (state) {
            case Active -> "Active";
            case ActiveWithError -> "Active with errors";
            case Error -> "Error";
            case Disabled -> "Disabled";
        };
    }

    private static String appStatus(UserLicenses.ProvisioningStatus status) {
        return switch (status) {
            case Success -> "Working";
            case Disabled -> "Off";
            case Error -> "Blocked";
        };
    }
}
