package org.allot.api.extensions;

/**
 * A license a user would lose if a blocked run were confirmed.
 *
 * @param userId the user's id in Allot
 * @param skuPartNumber the product
 * @param cause what takes it away: the user's deletion, or the groups the user leaves
 */
public record DirectorySyncLicenseLoss(String userId, String userPrincipalName, String skuPartNumber, String cause) {}
