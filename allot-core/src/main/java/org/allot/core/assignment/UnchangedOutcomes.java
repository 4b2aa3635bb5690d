package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.UserType;

/**
 * Users for whom the engine, within one unit of work, decided that nothing changes, remembered by everything that
 * decision depends on. What a user should have is a function of their assignments and of the groups they belong to
 * (the unit of work reads the groups' licenses and the tenant's policy once); the engine is a function of the user's
 * type and usage location, of what they should have (products, sources, disabled plans, states, errors, reasons, and
 * the order of their requests) and of the unit of work's catalogue, rules and policy; a decision that changes
 * nothing takes no seat and frees none. So a user who looks the same in all of that as one whose licenses stayed as
 * they are gets the same answer without asking again: the license check works out what a user should have and asks
 * the engine once per such shape instead of once per user (a consistent tenant of 100,000 users has a few dozen
 * shapes).
 */
final class UnchangedOutcomes {
    /** One assignment as the engine sees it, without the user and the times it only orders by. */
    private record Shape(
            SkuId sku,
            AssignmentSource source,
            Set<ServicePlanId> disabledPlans,
            AssignmentState state,
            AssignmentError error,
            String reason) {
        static Shape of(LicenseAssignment a) {
            return new Shape(a.sku(), a.source(), a.disabledPlans(), a.state(), a.error(), a.reason());
        }
    }

    private record Signature(
            UserType type, UsageLocation location, List<Shape> assignments, Map<GroupId, Boolean> groups) {}

    private static final Comparator<LicenseAssignment> REQUEST_ORDER = Comparator.comparing(
                    LicenseAssignment::requestedAt)
            .thenComparing(LicenseAssignment::sku)
            .thenComparing(LicenseAssignment::source);

    private final Set<Signature> unchanged = new HashSet<>();

    /**
     * The signature of a living user with these stored assignments who belongs to these groups ({@code true}: directly,
     * as {@link org.allot.core.directory.Memberships#groupsOfUsers} reads them); null for a deleted user.
     */
    Object signatureOf(LicenseSubject subject, List<LicenseAssignment> stored, Map<GroupId, Boolean> groups) {
        if (subject.deleted()) {
            return null;
        }
        List<Shape> shapes;
        if (stored.size() == 1) {
            shapes = List.of(Shape.of(stored.get(0)));
        } else {
            List<LicenseAssignment> ordered = new ArrayList<>(stored);
            ordered.sort(REQUEST_ORDER); // the engine orders by nothing else (and by states, which the shapes hold)
            shapes = new ArrayList<>(ordered.size());
            for (LicenseAssignment a : ordered) {
                shapes.add(Shape.of(a));
            }
        }
        return new Signature(subject.userType(), subject.usageLocation(), shapes, groups);
    }

    boolean knownUnchanged(Object signature) {
        return signature != null && unchanged.contains(signature);
    }

    void rememberUnchanged(Object signature) {
        if (signature != null) {
            unchanged.add((Signature) signature);
        }
    }
}
