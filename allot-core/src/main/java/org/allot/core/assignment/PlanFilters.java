package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServiceFamily;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.catalog.SkuId;
import org.allot.core.query.Filter;
import org.allot.core.query.Query;
import org.allot.core.subscription.SeatCount;

/**
 * Fills in the plans of {@link Filter.HasPlan}: the storage knows which SKUs users hold and which plans they disable,
 * the catalogue which plans each SKU contains and the service family of each ({@link ServiceFamily}, the same rule
 * {@code assignedPlan.service} is shown by), so the lambda is turned into the SKUs and plans that answer it before the
 * query runs.
 */
final class PlanFilters {
    private PlanFilters() {}

    /**
     * The query with its plans turned into SKUs and plans; the catalogue (and the tenant's seats, for a capability status) is
     * only read when the filter names a plan.
     */
    static Query resolve(Query query, Supplier<Catalog> catalog, Supplier<Map<SkuId, SeatCount>> seats) {
        if (query.filter() == null || !namesPlans(query.filter())) {
            return query;
        }
        return new Query(
                resolve(query.filter(), catalog.get(), seats),
                query.order(),
                query.top(),
                query.after(),
                query.count());
    }

    private static boolean namesPlans(Filter filter) {
        if (filter instanceof Filter.And and) {
            return and.parts().stream().anyMatch(PlanFilters::namesPlans);
        }
        if (filter instanceof Filter.Or or) {
            return or.parts().stream().anyMatch(PlanFilters::namesPlans);
        }
        if (filter instanceof Filter.Not not) {
            return namesPlans(not.inner());
        }
        return filter instanceof Filter.HasPlan;
    }

    static Filter resolve(Filter filter, Catalog catalog, Supplier<Map<SkuId, SeatCount>> seats) {
        if (filter instanceof Filter.HasPlan has) {
            Map<SkuId, SeatCount> counts = has.capabilityStatus() == null ? Map.of() : seats.get();
            List<Filter.PlanInSku> held = new ArrayList<>();
            for (Product product : catalog.products()) {
                if (has.capabilityStatus() != null
                        && !(counts.containsKey(product.skuId())
                                && counts.get(product.skuId())
                                        .prepaid()
                                        .capabilityStatus()
                                        .name()
                                        .equals(has.capabilityStatus()))) {
                    continue;
                }
                for (ServicePlan plan : product.servicePlans()) {
                    if ((has.plan() == null || plan.id().value().equals(has.plan()))
                            && (has.service() == null || ServiceFamily.is(plan.name(), has.service()))) {
                        held.add(new Filter.PlanInSku(
                                product.skuId().value(), plan.id().value()));
                    }
                }
            }
            held.sort(Comparator.comparing(Filter.PlanInSku::sku).thenComparing(Filter.PlanInSku::plan));
            return new Filter.HasPlan(has.plan(), has.service(), has.capabilityStatus(), held);
        }
        if (filter instanceof Filter.And and) {
            return new Filter.And(
                    and.parts().stream().map(f -> resolve(f, catalog, seats)).toList());
        }
        if (filter instanceof Filter.Or or) {
            return new Filter.Or(
                    or.parts().stream().map(f -> resolve(f, catalog, seats)).toList());
        }
        if (filter instanceof Filter.Not not) {
            return new Filter.Not(resolve(not.inner(), catalog, seats));
        }
        return filter;
    }
}
