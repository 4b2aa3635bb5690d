package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardChartTest {

    @Test
    void eachProductIsDrawnAsItsOwnHundredPercentSoASmallOneStaysReadableBesideAHundredTimesLarger() {
        ProductChoices.Choice big = new ProductChoices.Choice("a", "Big", "BIG", 10_000, 9_000, 1_000, 0, 0, "");
        ProductChoices.Choice small = new ProductChoices.Choice("b", "Small", "SMALL", 100, 50, 50, 0, 0, "");
        ProductChoices.Choice over = new ProductChoices.Choice("c", "Over", "OVER", 2, 5, 0, 1, 3, "…");
        List<ProductChoices.Choice> products = List.of(big, small, over);

        assertThat(DashboardPage.share(products, ProductChoices.Choice::assigned))
                .containsExactly(90.0, 50.0, 83.3);
        assertThat(DashboardPage.share(products, ProductChoices.Choice::available))
                .containsExactly(10.0, 50.0, 0.0);
        assertThat(DashboardPage.share(products, ProductChoices.Choice::overage))
                .containsExactly(0.0, 0.0, 50.0);
        assertThat(DashboardPage.share(products, ProductChoices.Choice::waiting))
                .containsExactly(0.0, 0.0, 16.7);
    }
}
