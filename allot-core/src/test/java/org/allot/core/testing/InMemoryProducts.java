package org.allot.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.Products;
import org.allot.core.catalog.SkuId;

public final class InMemoryProducts implements Products {
    private final Map<TenantId, List<Product>> products = new ConcurrentHashMap<>();

    @Override
    public synchronized List<Product> custom(TenantId tenant) {
        return List.copyOf(products.getOrDefault(tenant, List.of()));
    }

    @Override
    public synchronized void add(TenantId tenant, Product product) {
        products.computeIfAbsent(tenant, t -> new ArrayList<>()).add(product);
    }

    @Override
    public synchronized void remove(TenantId tenant, SkuId sku) {
        products.getOrDefault(tenant, new ArrayList<>()).removeIf(p -> p.skuId().equals(sku));
    }
}
