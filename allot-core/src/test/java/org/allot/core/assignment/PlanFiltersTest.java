package org.allot.core.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.query.Filter;
import org.allot.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

class PlanFiltersTest {

    @Test
    void aServiceIsEveryPlanOfItsFamilyInEverySkuThatHasOne() {
        Filter resolved =
                PlanFilters.resolve(Filter.HasPlan.named(null, "Exchange", null), TestCatalog.catalog(), Map::of);

        assertThat(((Filter.HasPlan) resolved).held())
                .containsExactlyInAnyOrder(
                        held(TestCatalog.E3, TestCatalog.EXCHANGE_P2),
                        held(TestCatalog.EXCHANGE_STANDARD, TestCatalog.EXCHANGE_P1),
                        held(TestCatalog.POWER_BI_PRO, TestCatalog.EXCHANGE_FOUNDATION));
    }

    @Test
    void aPlanAndAServiceTogetherAreThePlanWhenItIsOfThatService() {
        Filter exchange = PlanFilters.resolve(
                Filter.HasPlan.named(TestCatalog.EXCHANGE_P2.id().value(), "exchange", null),
                TestCatalog.catalog(),
                Map::of);
        Filter sharePoint = PlanFilters.resolve(
                Filter.HasPlan.named(TestCatalog.EXCHANGE_P2.id().value(), "SharePoint", null),
                TestCatalog.catalog(),
                Map::of);

        assertThat(((Filter.HasPlan) exchange).held()).containsExactly(held(TestCatalog.E3, TestCatalog.EXCHANGE_P2));
        assertThat(((Filter.HasPlan) sharePoint).held()).isEmpty();
    }

    @Test
    void aServiceNoPlanReportsHoldsNothing() {
        Filter resolved = PlanFilters.resolve(
                Filter.HasPlan.named(null, "Exchange Online", null), TestCatalog.catalog(), Map::of);

        assertThat(((Filter.HasPlan) resolved).held()).isEmpty();
        assertThat(PlanFilters.resolve(
                        new Filter.Not(Filter.HasPlan.named(null, "Sway", null)), TestCatalog.catalog(), Map::of))
                .isEqualTo(new Filter.Not(
                        new Filter.HasPlan(null, "Sway", null, List.of(held(TestCatalog.E3, TestCatalog.SWAY)))));
    }

    private static Filter.PlanInSku held(Product product, ServicePlan plan) {
        return new Filter.PlanInSku(product.skuId().value(), plan.id().value());
    }
}
