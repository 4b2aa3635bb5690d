package org.allot.api.extensions;

/**
 * The allotment a group's license assignment of a product draws from
 * ({@code /allot/v1/groups/{id}/licenseAllotments/{sku}}): a PUT sends {@code allotmentId} (null: none named, the
 * members draw as their administrative units say).
 */
public record GroupLicenseAllotment(String groupId, String skuId, String allotmentId) {}
