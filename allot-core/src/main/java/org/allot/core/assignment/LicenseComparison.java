package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.allot.core.audit.PropertyChange;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.UserId;

/**
 * Compares a user's stored assignments with what the engine decides they should be, in the terms a repair may
 * change: which sources there are, the plans each switches off, and each one's state and error. Reasons and times
 * follow from those and are not compared.
 */
final class LicenseComparison {
    static final String ABSENT = "absent";
    static final String NO_USER = "absent (no such user)";

    private LicenseComparison() {}

    static List<LicenseDifference> between(UserLicenses stored, UserLicenses expected, Catalog catalog) {
        Map<LicenseAssignment.Key, LicenseAssignment> was = index(stored);
        Map<LicenseAssignment.Key, LicenseAssignment> should = index(expected);
        Set<LicenseAssignment.Key> keys = new TreeSet<>(
                Comparator.comparing(LicenseAssignment.Key::sku).thenComparing(LicenseAssignment.Key::source));
        keys.addAll(was.keySet());
        keys.addAll(should.keySet());
        List<LicenseDifference> differences = new ArrayList<>();
        for (LicenseAssignment.Key key : keys) {
            LicenseAssignment a = was.get(key);
            LicenseAssignment e = should.get(key);
            if (a == null) {
                differences.add(of(LicenseDifference.Kind.MissingAssignment, stored, key, full(e, catalog), ABSENT));
            } else if (e == null) {
                differences.add(of(LicenseDifference.Kind.UnexpectedAssignment, stored, key, ABSENT, full(a, catalog)));
            } else {
                if (!a.disabledPlans().equals(e.disabledPlans())) {
                    differences.add(of(
                            LicenseDifference.Kind.DisabledPlans,
                            stored,
                            key,
                            plans(e.disabledPlans(), catalog),
                            plans(a.disabledPlans(), catalog)));
                }
                if (a.state() != e.state() || a.error() != e.error()) {
                    differences.add(of(LicenseDifference.Kind.State, stored, key, state(e), state(a)));
                }
            }
        }
        return differences;
    }

    /** The assignments of a user who does not exist: none should be there. */
    static List<LicenseDifference> orphaned(UserId user, List<LicenseAssignment> rows, boolean repaired) {
        return rows.stream()
                .sorted(Comparator.comparing(LicenseAssignment::sku).thenComparing(LicenseAssignment::source))
                .map(a -> new LicenseDifference(
                        LicenseDifference.Kind.UnexpectedAssignment,
                        user,
                        null,
                        a.sku(),
                        a.source(),
                        NO_USER,
                        state(a),
                        repaired))
                .toList();
    }

    /** For the audit log: the assignments removed because their user does not exist. */
    static List<PropertyChange> removedOrphans(List<LicenseAssignment> rows, Catalog catalog) {
        return rows.stream()
                .map(a -> PropertyChange.of(
                        "LicenseAssignment "
                                + catalog.find(a.sku())
                                        .map(p -> p.skuPartNumber())
                                        .orElse(a.sku().toString())
                                + (a.source().isDirect()
                                        ? " (direct)"
                                        : " (group " + a.source().groupOrNull() + ")"),
                        state(a),
                        null))
                .toList();
    }

    /** Whether a repair may write this evaluated assignment over the stored one: their compared terms differ. */
    static boolean differs(LicenseAssignment stored, LicenseAssignment evaluated) {
        return stored.state() != evaluated.state()
                || stored.error() != evaluated.error()
                || !stored.disabledPlans().equals(evaluated.disabledPlans());
    }

    private static LicenseDifference of(
            LicenseDifference.Kind kind, UserLicenses user, LicenseAssignment.Key key, String expected, String stored) {
        return new LicenseDifference(
                kind, key.user(), user.subject().userPrincipalName(), key.sku(), key.source(), expected, stored, false);
    }

    private static Map<LicenseAssignment.Key, LicenseAssignment> index(UserLicenses licenses) {
        Map<LicenseAssignment.Key, LicenseAssignment> byKey = new HashMap<>();
        licenses.assignments().forEach(a -> byKey.put(a.key(), a));
        return byKey;
    }

    /** {@code Active}, {@code Error (CountViolation)}. */
    static String state(LicenseAssignment a) {
        Objects.requireNonNull(a.state(), "an evaluated assignment");
        return a.error() == null ? a.state().name() : a.state() + " (" + a.error() + ")";
    }

    private static String full(LicenseAssignment a, Catalog catalog) {
        return a.disabledPlans().isEmpty() ? state(a) : state(a) + ", off: " + plans(a.disabledPlans(), catalog);
    }

    /** The plans switched off, by name: {@code SWAY, TEAMS1}, or {@code none}. */
    static String plans(Set<ServicePlanId> plans, Catalog catalog) {
        if (plans.isEmpty()) {
            return "none";
        }
        return plans.stream()
                .map(id -> catalog.plan(id).map(ServicePlan::name).orElse(id.toString()))
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
