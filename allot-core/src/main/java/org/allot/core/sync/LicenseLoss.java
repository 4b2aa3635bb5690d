package org.allot.core.sync;

import java.util.Objects;
import java.util.UUID;

/**
 * A license a user would lose if a blocked run's held-back changes were carried out.
 *
 * @param userPrincipalName the user's name when the run planned it
 * @param product the product's SKU part number
 * @param cause what takes it away: the user's deletion, or the memberships that go (the groups it came from)
 */
public record LicenseLoss(UUID userId, String userPrincipalName, String product, String cause) {
    public LicenseLoss {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(cause, "cause");
    }
}
