package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;

/**
 * A user's license assignments and what they add up to: one license per SKU the user holds a seat of, whose plans
 * are the union of what its active sources enable.
 */
public record UserLicenses(LicenseSubject subject, List<LicenseAssignment> assignments) {

    public UserLicenses {
        Objects.requireNonNull(subject, "subject");
        assignments = assignments.size() < 2
                ? List.copyOf(assignments)
                : assignments.stream()
                        .sorted(Comparator.comparing(LicenseAssignment::sku).thenComparing(LicenseAssignment::source))
                        .toList();
    }

    public boolean holdsSeat(SkuId sku) {
        return assignments.stream().anyMatch(a -> a.sku().equals(sku) && a.holdsSeat());
    }

    public boolean isWaitingFor(SkuId sku) {
        return !holdsSeat(sku) && assignments.stream().anyMatch(a -> a.sku().equals(sku) && a.isWaiting());
    }

    public Optional<LicenseAssignment> find(SkuId sku, AssignmentSource source) {
        return assignments.stream()
                .filter(a -> a.sku().equals(sku) && a.source().equals(source))
                .findFirst();
    }

    public List<LicenseAssignment> direct() {
        return assignments.stream().filter(a -> a.source().isDirect()).toList();
    }

    /**
     * Graph's {@code assignedLicenses}: one entry per SKU the user holds, whose disabled plans are those every
     * active source disables.
     */
    public List<AssignedLicense> assignedLicenses() {
        Map<SkuId, Set<ServicePlanId>> disabled = new TreeMap<>();
        for (LicenseAssignment a : assignments) {
            if (a.holdsSeat()) {
                disabled.merge(a.sku(), new HashSet<>(a.disabledPlans()), (x, y) -> {
                    x.retainAll(y);
                    return x;
                });
            }
        }
        List<AssignedLicense> licenses = new ArrayList<>();
        disabled.forEach((sku, plans) -> licenses.add(new AssignedLicense(sku, plans)));
        return licenses;
    }

    /** Each held license with every plan's status: on, switched off, or unable to work for lack of a prerequisite. */
    public List<LicenseDetail> details(Catalog catalog) {
        List<LicenseAssignment> seated = assignments.stream()
                .filter(LicenseAssignment::holdsSeat)
                .filter(a -> catalog.find(a.sku()).isPresent())
                .toList();
        Map<LicenseAssignment.Key, Set<ServicePlanId>> enabled = new HashMap<>();
        for (LicenseAssignment a : seated) {
            enabled.put(a.key(), catalog.find(a.sku()).orElseThrow().enabledPlans(a.disabledPlans()));
        }
        Map<LicenseAssignment.Key, Set<ServicePlanId>> unmet =
                LicensingEngine.unmetPlans(seated, enabled, catalog.rules());
        Map<SkuId, Set<ServicePlanId>> working = new LinkedHashMap<>();
        Map<SkuId, Set<ServicePlanId>> blocked = new LinkedHashMap<>();
        for (LicenseAssignment a : seated) {
            Set<ServicePlanId> on = new HashSet<>(enabled.get(a.key()));
            on.removeAll(unmet.get(a.key()));
            working.computeIfAbsent(a.sku(), s -> new HashSet<>()).addAll(on);
            blocked.computeIfAbsent(a.sku(), s -> new HashSet<>()).addAll(unmet.get(a.key()));
        }
        List<LicenseDetail> details = new ArrayList<>();
        for (AssignedLicense license : assignedLicenses()) {
            Product product = catalog.find(license.skuId()).orElse(null);
            if (product == null) {
                continue;
            }
            List<PlanStatus> plans = new ArrayList<>();
            for (ServicePlan plan : product.servicePlans()) {
                ProvisioningStatus status = working.get(product.skuId()).contains(plan.id())
                        ? ProvisioningStatus.Success
                        : blocked.get(product.skuId()).contains(plan.id())
                                ? ProvisioningStatus.Error
                                : ProvisioningStatus.Disabled;
                plans.add(new PlanStatus(plan, status));
            }
            details.add(new LicenseDetail(product, plans));
        }
        return details;
    }

    /**
     * Graph's {@code assignedPlans} as Allot has them: the plans that work (status {@code Success}) in the licenses
     * the user holds. Dynamic membership rules read these.
     */
    public Set<ServicePlanId> assignedPlans(Catalog catalog) {
        Set<ServicePlanId> plans = new HashSet<>();
        for (LicenseDetail detail : details(catalog)) {
            for (PlanStatus plan : detail.servicePlans()) {
                if (plan.status() == ProvisioningStatus.Success) {
                    plans.add(plan.plan().id());
                }
            }
        }
        return plans;
    }

    /** Graph's provisioningStatus of a plan in a user's license. */
    public enum ProvisioningStatus {
        Success,
        Disabled,
        Error
    }

    public record PlanStatus(ServicePlan plan, ProvisioningStatus status) {}

    public record LicenseDetail(Product product, List<PlanStatus> servicePlans) {}
}
