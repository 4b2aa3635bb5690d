package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.PlanRuleSet;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GuestLicensing;
import org.allot.core.directory.UsageLocation;

/**
 * What the catalogue's rules and the tenant's policy say of one of a user's assignments, for the steps of an
 * {@link Evaluation} that can refuse it: on its own (step 1), against the plans already accepted (step 2), and why
 * plans lack what they depend on (step 4). It decides nothing about seats and holds no state of the evaluation.
 */
final class AssignmentChecks {
    /** Why an assignment is in error. */
    record Failure(AssignmentError error, String reason) {}

    private final LicenseSubject subject;
    private final LicensingEngine.Context context;
    private final Catalog catalog;
    private final PlanRuleSet rules;

    AssignmentChecks(LicenseSubject subject, LicensingEngine.Context context) {
        this.subject = subject;
        this.context = context;
        this.catalog = context.catalog();
        this.rules = catalog.rules();
    }

    /**
     * Step 1: the product exists; group assignments are not given to guests when the tenant blocks it and use the
     * tenant's default usage location for users without one; no enabled plan is prohibited in the effective location.
     */
    Optional<Failure> alone(LicenseAssignment a, PlanFacts.Facts facts) {
        if (facts.product() == null) {
            return Optional.of(new Failure(AssignmentError.Other, Reasons.unknownProduct(a.sku())));
        }
        UsageLocation location = subject.usageLocation();
        if (!a.source().isDirect()) {
            if (subject.isGuest() && context.policy().guestLicensing() == GuestLicensing.BLOCK) {
                return Optional.of(new Failure(AssignmentError.Other, Reasons.GUEST_BLOCKED));
            }
            if (location == null) {
                location = context.defaultLocation();
            }
            if (location == null) {
                return Optional.of(new Failure(AssignmentError.Other, Reasons.NO_USAGE_LOCATION));
            }
        }
        for (ServicePlanId plan : facts.withLocationRules()) {
            if (rules.prohibitedIn(plan, location)) {
                return Optional.of(new Failure(
                        AssignmentError.ProhibitedInUsageLocationViolation,
                        Reasons.prohibited(catalog.planLabel(plan), location)));
            }
        }
        return Optional.empty();
    }

    /** Step 2: a plan of the assignment that excludes one of the plans accepted for another SKU. */
    Optional<Failure> conflict(
            LicenseAssignment a, PlanFacts.Facts facts, Map<SkuId, Set<ServicePlanId>> acceptedBySku) {
        if (facts.withExclusions().isEmpty()) {
            return Optional.empty();
        }
        return rules.firstClash(a.sku(), facts.withExclusions(), acceptedBySku)
                .map(clash -> new Failure(
                        AssignmentError.MutuallyExclusiveViolation,
                        Reasons.exclusive(
                                catalog.planLabel(clash.plan()),
                                catalog.planLabel(clash.other()),
                                catalog.productLabel(clash.otherSku()))));
    }

    /** Step 4: the plans whose prerequisites the user lacks, each with what it needs. */
    Failure dependencies(Set<ServicePlanId> unmetPlans) {
        List<String> parts = new ArrayList<>();
        for (ServicePlanId plan : unmetPlans) {
            Set<ServicePlanId> needs = rules.unmetRequirement(plan, Set.of()).orElse(Set.of());
            parts.add(Reasons.needs(
                    catalog.planLabel(plan),
                    needs.stream().sorted().map(catalog::planLabel).toList()));
        }
        return new Failure(AssignmentError.DependencyViolation, String.join(" ", parts));
    }
}
