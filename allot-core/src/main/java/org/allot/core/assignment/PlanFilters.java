package org.allot.core.assignment;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.query.Filter;
import org.allot.core.query.Query;
import org.allot.core.subscription.SeatCount;

/**
 * Fills in the SKUs of {@link Filter.HasPlan}: the storage knows which SKUs users hold, the catalogue which SKUs
 * contain a plan, so the plan is turned into those SKUs before the query runs.
 */
final class PlanFilters {
    private PlanFilters() {}

    /**
     * The query with its plans turned into SKUs; the catalogue (and the tenant's seats, for a capability status) is
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
            List<UUID> skus = catalog.products().stream()
                    .filter(p -> has.plan() == null || p.hasPlan(new ServicePlanId(has.plan())))
                    .filter(p -> has.capabilityStatus() == null
                            || (counts.containsKey(p.skuId())
                                    && counts.get(p.skuId())
                                            .prepaid()
                                            .capabilityStatus()
                                            .name()
                                            .equals(has.capabilityStatus())))
                    .map(p -> p.skuId().value())
                    .sorted()
                    .toList();
            return new Filter.HasPlan(has.plan(), has.capabilityStatus(), skus);
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
