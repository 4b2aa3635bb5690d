package org.allot.core.assignment;

import java.util.Objects;
import java.util.Set;
import org.allot.core.catalog.SkuId;

/**
 * Which products a tenant licenses through groups only: every product ({@code tenantWide}), or the products listed.
 * A product is group-only when either says so; a direct assignment of it is then refused unless an administrator with
 * the break-glass permission overrides the policy for that request ({@link GroupOnly#refusal}).
 */
public record GroupOnlyPolicy(boolean tenantWide, Set<SkuId> products) {
    public static final GroupOnlyPolicy NONE = new GroupOnlyPolicy(false, Set.of());

    public GroupOnlyPolicy {
        products = Set.copyOf(Objects.requireNonNull(products, "products"));
    }

    /** Whether direct assignment of the product is forbidden. */
    public boolean forbids(SkuId sku) {
        return tenantWide || products.contains(sku);
    }

    /** Whether the policy forbids direct assignment of any product. */
    public boolean any() {
        return tenantWide || !products.isEmpty();
    }
}
