package org.allot.server.web.graph;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.allot.api.extensions.SubscriptionResource;
import org.allot.api.graph.CompanySubscription;
import org.allot.api.graph.LicenseUnitsDetail;
import org.allot.api.graph.ServicePlanInfo;
import org.allot.core.TenantId;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.directory.Tenant;
import org.allot.core.subscription.LicenseUnits;
import org.allot.core.subscription.SubscribedSku;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionTerms;

/**
 * Graph's resources for what a tenant bought: a subscription ({@code companySubscription}, also the answer of
 * Allot's own subscription endpoints) and a product with its seat figures ({@code subscribedSku}).
 */
public final class SubscriptionResources {
    private SubscriptionResources() {}

    /** A subscription of the tenant, named with its product's part number when the catalogue has the product. */
    public static CompanySubscription subscription(TenantId tenant, Subscription s, Catalog products) {
        Product product = products.find(s.skuId()).orElse(null);
        return new CompanySubscription(
                s.id().toString(),
                GraphValues.time(s.createdDateTime()),
                s.id().toString(),
                s.isTrial(),
                GraphValues.time(s.nextLifecycleDateTime()),
                null,
                tenant.toString(),
                "Company",
                null,
                s.skuId().toString(),
                product == null ? null : product.skuPartNumber(),
                s.status().name(),
                s.totalLicenses());
    }

    /** A subscription with its terms, as Allot's own subscription endpoints show it. */
    public static SubscriptionResource withTerms(TenantId tenant, Subscription s, Catalog products) {
        CompanySubscription c = subscription(tenant, s, products);
        SubscriptionTerms t = s.terms();
        return new SubscriptionResource(
                c.commerceSubscriptionId(),
                c.createdDateTime(),
                c.id(),
                c.isTrial(),
                c.nextLifecycleDateTime(),
                c.ownerId(),
                c.ownerTenantId(),
                c.ownerType(),
                c.serviceStatus(),
                c.skuId(),
                c.skuPartNumber(),
                c.status(),
                c.totalLicenses(),
                GraphValues.time(t.startDateTime() == null ? s.createdDateTime() : t.startDateTime()),
                GraphValues.time(t.endDateTime()),
                t.autoRenew(),
                price(t.unitPrice()),
                t.currency());
    }

    /** A price as few digits show it (checked to have at most 12 before the decimal point and 4 after). */
    private static BigDecimal price(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0, RoundingMode.UNNECESSARY) : plain;
    }

    /** Graph's id of a subscribed SKU: the tenant's id and the SKU's. */
    static String skuId(Tenant tenant, SubscribedSku s) {
        return tenant.id() + "_" + s.product().skuId();
    }

    public static org.allot.api.graph.SubscribedSkuResource subscribedSku(Tenant tenant, SubscribedSku s) {
        LicenseUnits units = s.seats().prepaid();
        List<ServicePlanInfo> plans = s.product().servicePlans().stream()
                .map(p -> new ServicePlanInfo(
                        p.appliesTo().name(), units.servicesOn() ? "Success" : "Disabled", p.id().value(), p.name()))
                .toList();
        return new org.allot.api.graph.SubscribedSkuResource(
                tenant.id().toString(),
                tenant.name(),
                s.product().appliesTo().name(),
                s.capabilityStatus().name(),
                s.seats().consumed(),
                skuId(tenant, s),
                new LicenseUnitsDetail(units.enabled(), units.lockedOut(), units.suspended(), units.warning()),
                plans,
                s.product().skuId().value(),
                s.product().skuPartNumber(),
                s.subscriptionIds().stream().map(Object::toString).toList(),
                s.seats().waiting());
    }
}
