package org.allot.core.query;

import java.util.List;
import java.util.UUID;

/** A filter on directory objects, as parsed from an OData {@code $filter}; translated by the storage into its own queries with parameters. */
public sealed interface Filter {

    enum Operator {
        EQ,
        NE,
        GT,
        GE,
        LT,
        LE
    }

    record And(List<Filter> parts) implements Filter {}

    record Or(List<Filter> parts) implements Filter {}

    record Not(Filter inner) implements Filter {}

    /** {@code property op value}; {@code value} is a String, Boolean, UUID, Instant, or null. */
    record Compare(Property property, Operator operator, Object value) implements Filter {}

    record StartsWith(Property property, String prefix) implements Filter {}

    /** {@code endsWith(property,'suffix')}, an advanced query in Graph. */
    record EndsWith(Property property, String suffix) implements Filter {}

    record In(Property property, List<Object> values) implements Filter {}

    /**
     * One clause of {@code $search} ({@code "displayName:ann lee"}): every word must begin a word of the property's
     * value, Graph's tokenised matching (values are split on spaces, punctuation and camel case; case is ignored).
     * Words are letters and digits only, in lower case.
     */
    record Search(Property property, List<String> words) implements Filter {
        public Search {
            words = List.copyOf(words);
            if (words.isEmpty() || !words.stream().allMatch(w -> w.matches("[\\p{L}\\p{N}]+"))) {
                throw new IllegalArgumentException("search words are letters and digits: " + words);
            }
        }
    }

    /** Members (users or groups) of a group, directly or, when {@code transitive}, through nested groups. */
    record MemberOf(UUID group, boolean transitive) implements Filter {}

    /** Groups that have the object (a user or a group) as a member, directly or through nested groups. */
    record HasMember(UUID member, boolean transitive) implements Filter {}

    /** {@code assignedLicenses/any(x:x/skuId eq …)}: the user holds, or the group assigns, the SKU. */
    record HasLicense(UUID sku) implements Filter {}

    /**
     * {@code assignedPlans/any(a:a/servicePlanId eq … | a/service eq '…' [and a/capabilityStatus eq '…'])}: the
     * user holds, not disabled, one of the plans the lambda names. {@code plan}, {@code service} and
     * {@code capabilityStatus} are what the lambda names (null when it does not; a service is the family Graph shows
     * in {@code assignedPlan.service}); {@code held} is filled in by the core from the tenant's catalogue (and, for a
     * status, the tenant's subscriptions): each SKU and plan that answers them. Empty before that, and when nothing
     * answers.
     */
    record HasPlan(UUID plan, String service, String capabilityStatus, List<PlanInSku> held) implements Filter {
        public HasPlan {
            held = List.copyOf(held);
        }

        /** As parsed, before the core resolves it. */
        public static HasPlan named(UUID plan, String service, String capabilityStatus) {
            return new HasPlan(plan, service, capabilityStatus, List.of());
        }
    }

    /** A plan of a SKU, as held in a license of that SKU. */
    record PlanInSku(UUID sku, UUID plan) {}

    /** {@code assignedLicenses/any()}: holds or assigns any license. */
    record HasAnyLicense() implements Filter {}

    /** {@code assignedLicenses/$count op n}. */
    record LicenseCount(Operator operator, int count) implements Filter {}

    /** Users with an assignment in error (waiting for a seat included). */
    record HasLicenseErrors() implements Filter {}

    /**
     * Users with an assignment in error, of one SKU (null: any), or only those waiting for a seat: the admin
     * center's filters by state (not a Graph filter).
     */
    record LicenseProblem(UUID sku, boolean waitingOnly) implements Filter {}

    /**
     * Users or groups that are members of one of these administrative units: the narrowing of a caller whose role is
     * scoped to units (never parsed from a request; added by the core's {@code directory.ScopeGuard}).
     */
    record InUnits(List<UUID> units) implements Filter {
        public InUnits {
            units = List.copyOf(units);
        }
    }

    /** {@code hasMembersWithLicenseErrors eq true|false} on groups. */
    record HasMembersWithLicenseErrors(boolean value) implements Filter {}
}
