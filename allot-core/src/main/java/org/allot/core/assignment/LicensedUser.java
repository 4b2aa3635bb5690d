package org.allot.core.assignment;

import java.util.Map;
import java.util.Objects;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.User;
import org.allot.core.subscription.SeatCount;

/**
 * A user with their licenses as stored, and what showing those needs: the tenant's products and seat figures. A user
 * read without their licenses (none were asked for) has {@code licenses} null.
 */
public record LicensedUser(User user, UserLicenses licenses, Catalog catalog, Map<SkuId, SeatCount> seats) {
    public LicensedUser {
        Objects.requireNonNull(user, "user");
        seats = Map.copyOf(seats);
    }

    /** A user whose licenses were not asked for. */
    public static LicensedUser withoutLicenses(User user) {
        return new LicensedUser(user, null, null, Map.of());
    }

    public boolean hasLicenses() {
        return licenses != null;
    }
}
