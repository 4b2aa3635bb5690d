package org.allot.core.assignment;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.testing.Scenario;

/** What the license check tests expect of a scenario's tenant: its differences, and what a dry run leaves as found. */
final class LicenseDifferences {
    /** What a dry run must leave as it found: assignments, seat figures and the audit log. */
    record Stored(Set<LicenseAssignment> assignments, Map<SkuId, SeatCount> seats, int auditEvents) {}

    private final Scenario scenario;

    LicenseDifferences(Scenario scenario) {
        this.scenario = scenario;
    }

    Stored stored() {
        return new Stored(
                new HashSet<>(scenario.allot.allAssignments(scenario.tenant)),
                scenario.allot.seats().all(scenario.tenant),
                scenario.auditEvents().size());
    }

    /** A difference in a user's assignment from a group. */
    LicenseDifference ofGroup(
            LicenseDifference.Kind kind,
            UserId user,
            Product product,
            GroupId group,
            String expected,
            String stored,
            boolean repaired) {
        String upn =
                scenario.allot.users().find(scenario.tenant, user).orElseThrow().userPrincipalName();
        return new LicenseDifference(
                kind, user, upn, product.skuId(), AssignmentSource.group(group), expected, stored, repaired);
    }

    /** A difference in a product's seat figures. */
    static LicenseDifference seats(
            LicenseDifference.Kind kind, Product product, String expected, String stored, boolean repaired) {
        return new LicenseDifference(kind, null, null, product.skuId(), null, expected, stored, repaired);
    }
}
