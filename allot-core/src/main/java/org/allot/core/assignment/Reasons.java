package org.allot.core.assignment;

import java.util.List;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UsageLocation;

/** The words Allot uses to say why an assignment is in error, and Graph's messages for refused requests. */
final class Reasons {
    static final String GUEST_BLOCKED = "guest accounts are not licensed through groups";
    static final String NO_USAGE_LOCATION = "The user has no usage location and the tenant has no default usage"
            + " location: set the user's usage location or the tenant's default.";
    static final String USER_DELETED = "The user is deleted: restore the user to license them.";

    private Reasons() {}

    static String unknownProduct(SkuId sku) {
        return "Product " + sku + " is no longer in the catalogue.";
    }

    static String noSeat(String product) {
        return "No seat of " + product + " is free. The user is in the waiting list and gets a seat automatically"
                + " when one frees up.";
    }

    /** The start of {@link #seatsReduced}'s reason, by which a waiting assignment is known to have lost its seat. */
    static final String SEATS_REDUCED = "Seats reduced: ";

    /** The reason of an assignment whose seat was taken back because the product's capacity fell below use. */
    static String seatsReduced(String product) {
        return SEATS_REDUCED + "the seats of " + product + " fell below those in use and this seat was taken back. The"
                + " user is in the waiting list, ahead of later requests, and gets a seat automatically when one frees"
                + " up.";
    }

    static boolean isSeatsReduced(String reason) {
        return reason != null && reason.startsWith(SEATS_REDUCED);
    }

    static String prohibited(String plan, UsageLocation location) {
        return plan + " is not available in usage location " + location + ".";
    }

    static String exclusive(String plan, String clash, String otherProduct) {
        return plan + " cannot be combined with " + clash + " from " + otherProduct + ", which the user already has.";
    }

    static String needs(String plan, List<String> anyOf) {
        return plan + " needs " + (anyOf.size() == 1 ? "" : "one of ") + String.join(", ", anyOf)
                + ", which the user does not have.";
    }

    // Graph's messages for refused direct assignments.

    static String invalidUsageLocation() {
        return "License assignment cannot be done for user with invalid usage location.";
    }

    static String invalidLicense(Object sku) {
        return "License " + sku + " does not correspond to a valid company License.";
    }

    static String notAssignable(Object sku) {
        return "License " + sku + " cannot be assigned to a user.";
    }

    static String noAvailableLicenses(SkuId sku) {
        return "Subscription with SKU " + sku + " does not have any available licenses.";
    }

    /** Graph's sentence, then why: the user draws from a pool (allotment) that is full, whatever the SKU has free. */
    static String noAvailableLicensesInAllotment(SkuId sku, AllotmentId pool, String name) {
        return "Subscription with SKU " + sku + " does not have any available licenses in allotment '" + name + "' ("
                + pool + ")"
                + ", the seats this user draws from (their administrative unit's or group's); free seats of the"
                + " product in other allotments or in no allotment are not theirs to take.";
    }

    static String inherited() {
        return "User license is inherited from a group membership and it cannot be removed directly from the user.";
    }
}
