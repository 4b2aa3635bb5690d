package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.ErrorCode;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.catalog.AppliesTo;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.subscription.Subscriptions;

/** Checks the shape and the licenses of an assignLicense request, for users and groups alike. */
final class LicenseRequests {
    private final Subscriptions subscriptions;

    LicenseRequests(Subscriptions subscriptions) {
        this.subscriptions = Objects.requireNonNull(subscriptions);
    }

    /** No SKU twice, and none both added and removed. */
    Optional<Rejection> checkShape(List<AssignedLicense> add, List<SkuId> remove) {
        Set<SkuId> removeSet = new HashSet<>(remove);
        if (removeSet.size() != remove.size()) {
            return Optional.of(Rejection.invalid("A license is listed more than once in removeLicenses."));
        }
        Set<SkuId> seen = new HashSet<>();
        for (AssignedLicense license : add) {
            if (!seen.add(license.skuId())) {
                return Optional.of(
                        Rejection.invalid("License %s is listed more than once in addLicenses.", license.skuId()));
            }
            if (removeSet.contains(license.skuId())) {
                return Optional.of(
                        Rejection.invalid("License %s is in both addLicenses and removeLicenses.", license.skuId()));
            }
        }
        return Optional.empty();
    }

    /** Every added SKU is subscribed, assignable to users, and its disabled plans belong to it. */
    Optional<Rejection> checkLicenses(TenantId tenant, Catalog catalog, List<AssignedLicense> add) {
        for (AssignedLicense license : add) {
            Optional<Product> product = catalog.find(license.skuId());
            boolean subscribed = subscriptions.ofSku(tenant, license.skuId()).stream()
                    .anyMatch(s -> s.status() != SubscriptionStatus.Deleted);
            if (product.isEmpty() || !subscribed) {
                return Optional.of(Rejection.of(ErrorCode.INVALID_LICENSE, Reasons.invalidLicense(license.skuId())));
            }
            if (product.get().appliesTo() != AppliesTo.User) {
                return Optional.of(
                        Rejection.of(ErrorCode.LICENSE_NOT_ASSIGNABLE, Reasons.notAssignable(license.skuId())));
            }
            List<ServicePlanId> foreign = new ArrayList<>();
            for (ServicePlanId plan : license.disabledPlans()) {
                if (!product.get().hasPlan(plan)) {
                    foreign.add(plan);
                }
            }
            if (!foreign.isEmpty()) {
                return Optional.of(Rejection.of(
                        ErrorCode.INVALID_SERVICE_PLAN,
                        "The service plan %s does not belong to the license %s (%s).",
                        foreign.get(0),
                        license.skuId(),
                        product.get().skuPartNumber()));
            }
        }
        return Optional.empty();
    }
}
