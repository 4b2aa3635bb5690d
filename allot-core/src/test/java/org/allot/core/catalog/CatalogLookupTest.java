package org.allot.core.catalog;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.allot.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

class CatalogLookupTest {
    private final Catalog catalog = TestCatalog.catalog();

    @Test
    void aProductIsFoundByItsSkuIdOrItsPartNumberInAnyCase() {
        assertThat(catalog.lookup(E3.skuId().value().toString())).contains(E3);
        assertThat(catalog.lookup(E3.skuPartNumber())).contains(E3);
        assertThat(catalog.lookup(E3.skuPartNumber().toLowerCase(Locale.ROOT))).contains(E3);
    }

    @Test
    void anythingElseIsNoProduct() {
        assertThat(catalog.lookup("00000000-0000-0000-0000-000000000001")).isEmpty();
        assertThat(catalog.lookup("NO_SUCH_SKU")).isEmpty();
        assertThat(catalog.lookup(null)).isEmpty();
    }
}
