package org.allot.api.extensions;

import java.util.List;

/**
 * The tenant's group-only policy: whether direct assignment of every product is forbidden ({@code groupOnly}), and the
 * products forbidden one by one. A PATCH sends {@code groupOnly} only.
 *
 * @param products the products whose own setting forbids direct assignment (read-only here; set per product on
 *     {@code /allot/v1/subscribedSkus/{sku}/groupOnly})
 */
public record GroupOnlySettings(Boolean groupOnly, List<ProductGroupOnly> products) {}
