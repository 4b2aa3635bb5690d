package org.allot.api.extensions;

/**
 * Whether a product may be assigned directly. A PATCH sends {@code {"groupOnly": true|false}}, the product's own
 * setting.
 *
 * @param groupOnly whether direct assignment of the product is forbidden: by its own setting, or the tenant's
 * @param productGroupOnly the product's own setting
 * @param tenantGroupOnly the tenant's setting, which covers every product
 */
public record ProductGroupOnly(
        String skuId, String skuPartNumber, Boolean groupOnly, Boolean productGroupOnly, Boolean tenantGroupOnly) {}
