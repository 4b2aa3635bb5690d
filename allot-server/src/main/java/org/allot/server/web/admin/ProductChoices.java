package org.allot.server.web.admin;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.allot.core.TenantId;
import org.allot.core.catalog.AppliesTo;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.SeatSummary;
import org.allot.core.subscription.SubscribedSku;
import org.allot.core.subscription.SubscriptionBook;

/** The products an administrator can assign, with their seat figures, and the reading of product and app choices. */
public final class ProductChoices {
    /** A product the tenant subscribes to, as the forms offer it. */
    public record Choice(
            String skuId,
            String name,
            String partNumber,
            int total,
            int assigned,
            int available,
            int waiting,
            int overage,
            String overageMeaning) {
        public String label() {
            return name + " — " + available + " of " + total + " available"
                    + (waiting > 0 ? ", " + waiting + " waiting" : "");
        }
    }

    private final ProductCatalog catalog;
    private final SubscriptionBook subscriptions;

    public ProductChoices(ProductCatalog catalog, SubscriptionBook subscriptions) {
        this.catalog = catalog;
        this.subscriptions = subscriptions;
    }

    /** The products with subscriptions that can be assigned to users, by name. */
    public List<Choice> subscribed(TenantId tenant) {
        return choices(subscriptions.subscribedSkus(tenant));
    }

    /** Of these subscribed products, those that can be assigned to users, by name. */
    static List<Choice> choices(List<SubscribedSku> subscribed) {
        return subscribed.stream()
                .filter(s -> s.product().appliesTo() == AppliesTo.User)
                .map(ProductChoices::choice)
                .sorted(Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    static Choice choice(SubscribedSku s) {
        SeatSummary seats = SeatSummary.of(s.seats());
        String name = s.product().displayName();
        return new Choice(
                s.product().skuId().toString(),
                name,
                s.product().skuPartNumber(),
                seats.total(),
                seats.assigned(),
                seats.available(),
                seats.waiting(),
                seats.overage(),
                seats.overageMeaning(name));
    }

    /** A product of the catalogue, by id or part number; anything else is a request the pages never make. */
    public Product product(TenantId tenant, String sku) {
        return catalog.forTenant(tenant)
                .lookup(sku)
                .orElseThrow(() -> new AdminPages.BadInput("There is no product " + sku + "."));
    }

    /** The product a page's URL names (by id or part number); anything else is a page that does not exist. */
    public Product inUrl(TenantId tenant, String sku) {
        return catalog.forTenant(tenant).lookup(sku).orElseThrow(() -> new AdminPages.NotFound(sku));
    }

    /** A product's name, or its id when it left the catalogue. */
    public String name(TenantId tenant, SkuId sku) {
        return name(catalog.forTenant(tenant), sku);
    }

    static String name(Catalog products, SkuId sku) {
        return products.find(sku).map(Product::displayName).orElse(sku.toString());
    }

    /** Each item with the name of its product, the catalogue read once. */
    public <T, R> List<R> names(
            TenantId tenant, List<T> items, Function<T, SkuId> sku, BiFunction<String, T, R> named) {
        Catalog products = catalog.forTenant(tenant);
        return items.stream()
                .map(item -> named.apply(name(products, sku.apply(item)), item))
                .toList();
    }

    /** The apps of the product that are not among those switched on; an app of another product is refused. */
    public Set<ServicePlanId> switchedOff(Product product, List<String> on) {
        Set<ServicePlanId> enabled = new HashSet<>();
        for (String app : on == null ? List.<String>of() : on) {
            UUID id = AdminPages.uuid(app).orElseThrow(() -> new AdminPages.BadInput("There is no app " + app + "."));
            if (!product.hasPlan(new ServicePlanId(id))) {
                throw new AdminPages.BadInput("App " + app + " is not part of " + product.displayName() + ".");
            }
            enabled.add(new ServicePlanId(id));
        }
        Set<ServicePlanId> off = new HashSet<>(product.planIds());
        off.removeAll(enabled);
        return off;
    }
}
