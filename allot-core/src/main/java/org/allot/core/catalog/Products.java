package org.allot.core.catalog;

import java.util.List;
import org.allot.core.TenantId;

/** Port: the custom products a tenant has defined (built-in products come with the catalogue). */
public interface Products {
    List<Product> custom(TenantId tenant);

    void add(TenantId tenant, Product product);

    void remove(TenantId tenant, SkuId sku);
}
