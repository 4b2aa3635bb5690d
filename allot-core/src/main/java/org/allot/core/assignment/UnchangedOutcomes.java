package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.UserType;

/**
 * Users for whom the engine, within one unit of work, decided that nothing changes, remembered by everything that
 * decision depends on. The engine is a function of the user's type and usage location, of their assignments (their
 * products, sources, disabled plans, states, errors, reasons, and the order of their requests) and of the unit of
 * work's catalogue, rules and policy; a decision that changes nothing takes no seat and frees none. So a user whose
 * assignments would stay as they are and who looks the same in all of that gets the same answer: the license check
 * asks the engine once per such shape instead of once per user (a consistent tenant of 100,000 users has a few
 * dozen shapes).
 */
final class UnchangedOutcomes {
    /** One assignment as the engine sees it, without the user and the times it only orders by. */
    private record Shape(
            SkuId sku,
            AssignmentSource source,
            Set<ServicePlanId> disabledPlans,
            AssignmentState state,
            AssignmentError error,
            String reason) {}

    private record Signature(UserType type, UsageLocation location, List<Shape> assignments) {}

    private static final Comparator<LicenseAssignment> REQUEST_ORDER = Comparator.comparing(
                    LicenseAssignment::requestedAt)
            .thenComparing(LicenseAssignment::sku)
            .thenComparing(LicenseAssignment::source);

    private final Set<Signature> unchanged = new HashSet<>();

    /** The signature of a user whose wanted assignments are exactly those stored; null when they differ. */
    Object signatureOf(LicenseSubject subject, List<LicenseAssignment> stored, List<LicenseAssignment> wanted) {
        if (subject.deleted() || !sameAssignments(stored, wanted)) {
            return null;
        }
        List<LicenseAssignment> ordered = new ArrayList<>(stored);
        ordered.sort(REQUEST_ORDER); // the engine orders by nothing else (and by states, which the shapes hold)
        List<Shape> shapes = new ArrayList<>(ordered.size());
        for (LicenseAssignment a : ordered) {
            shapes.add(new Shape(a.sku(), a.source(), a.disabledPlans(), a.state(), a.error(), a.reason()));
        }
        return new Signature(subject.userType(), subject.usageLocation(), shapes);
    }

    boolean knownUnchanged(Object signature) {
        return signature != null && unchanged.contains(signature);
    }

    void rememberUnchanged(Object signature) {
        if (signature != null) {
            unchanged.add((Signature) signature);
        }
    }

    private static boolean sameAssignments(List<LicenseAssignment> stored, List<LicenseAssignment> wanted) {
        return stored.size() == wanted.size() && new HashSet<>(stored).equals(new HashSet<>(wanted));
    }
}
