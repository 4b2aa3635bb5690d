package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.ErrorCode;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.audit.PropertyChange;
import org.allot.core.subscription.SubscriptionBook;

/** What an allotment may be: the checks {@link SeatAllotments} makes before it writes one, and what an audit records. */
final class AllotmentRules {
    /** Whether the owner exists in the tenant. */
    interface Owners {
        boolean exists(TenantId tenant, Allotment.Owner owner);
    }

    private AllotmentRules() {}

    /** A name, an existing owner that owns no other pool of the SKU, a cap from 0, a place from 1. */
    static Optional<Rejection> check(
            TenantId tenant,
            List<Allotment> pools,
            Allotment before,
            Allotment after,
            Optional<Integer> position,
            Owners owners) {
        if (after.displayName().isBlank() || after.displayName().length() > Allotment.MAX_NAME) {
            return Optional.of(
                    Rejection.invalid("An allotment's displayName must be 1 to %d characters.", Allotment.MAX_NAME));
        }
        if (after.cap() < 0 || after.cap() > SubscriptionBook.MAX_SEATS) {
            return Optional.of(Rejection.invalid(
                    "An allotment's cap must be a whole number from 0 to %d.", SubscriptionBook.MAX_SEATS));
        }
        if (position.isPresent() && position.get() < 1) {
            return Optional.of(Rejection.invalid("An allotment's position starts at 1."));
        }
        if (!owners.exists(tenant, after.owner())) {
            return Optional.of(Rejection.of(
                    ErrorCode.NOT_FOUND,
                    "The allotment's owner %s (%s) does not exist.",
                    after.owner().id(),
                    after.owner().kind() == Allotment.Kind.UNIT ? "administrativeUnit" : "group"));
        }
        boolean ownerTaken = pools.stream()
                .anyMatch(p -> !p.id().equals(after.id()) && p.owner().equals(after.owner()));
        if (ownerTaken && (before == null || !before.owner().equals(after.owner()))) {
            return Optional.of(
                    Rejection.of(ErrorCode.ALREADY_EXISTS, "That owner has an allotment of this product already."));
        }
        return Optional.empty();
    }

    /** The caps of the SKU's pools together, with this one as it will be, fit the SKU's enabled seats. */
    static Optional<Rejection> fits(
            List<Allotment> pools, Allotment before, Allotment after, int enabled, String product) {
        long sum = after.cap();
        for (Allotment p : pools) {
            if (!p.id().equals(after.id())) {
                sum += p.cap();
            }
        }
        boolean grows = before == null || after.cap() > before.cap();
        if (sum > enabled && grows) {
            return Optional.of(Rejection.invalid(
                    "The allotments of %s would hold %d seats, more than its %d enabled seats: lower a cap or add"
                            + " seats first.",
                    product, sum, enabled));
        }
        return Optional.empty();
    }

    /** What changed, for the audit record (before null: everything set). */
    static List<PropertyChange> changes(Allotment before, Allotment after) {
        List<PropertyChange> changes = new ArrayList<>();
        add(changes, "displayName", before == null ? null : before.displayName(), after.displayName());
        add(changes, "owner", before == null ? null : owner(before), owner(after));
        add(changes, "cap", before == null ? null : before.cap(), after.cap());
        add(changes, "position", before == null ? null : before.position(), after.position());
        return changes;
    }

    private static String owner(Allotment a) {
        return a.owner().kind().name().toLowerCase(java.util.Locale.ROOT) + ":"
                + a.owner().id();
    }

    private static void add(List<PropertyChange> changes, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(PropertyChange.of(name, before, after));
        }
    }
}
