package org.allot.core.request;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.timebound.TimeBoundGrants;
import org.allot.core.timebound.TimedGrant;

/**
 * Turns an approval into a license through licensing's own use cases, so seats, the waiting list and every check of
 * licensing apply: a direct assignment whose disabled plans are the product's plans not granted (waiting for a seat
 * when none is free), or a membership of a group that assigns the product. Also reads what became of it.
 *
 * <p>An approved period ({@link LicenseRequest.Grant#start()} later than now, or an {@link LicenseRequest.Grant#end()})
 * becomes a time-bound grant ({@link TimeBoundGrants}): the license or membership is given at its start and taken back
 * at its end, on its own. A direct license that starts later is scheduled and, at its start, takes a seat or — when none
 * is free — joins the waiting list in the request's place, as one approved at once does (docs/delegation.md).
 */
final class RequestGrants {
    private final UserLicensing licensing;
    private final GroupDirectory groups;
    private final GroupLicenses groupLicenses;
    private final Assignments assignments;
    private final TimeBoundGrants timeBound;

    RequestGrants(
            UserLicensing licensing,
            GroupDirectory groups,
            GroupLicenses groupLicenses,
            Assignments assignments,
            TimeBoundGrants timeBound) {
        this.timeBound = Objects.requireNonNull(timeBound);
        this.licensing = Objects.requireNonNull(licensing);
        this.groups = Objects.requireNonNull(groups);
        this.groupLicenses = Objects.requireNonNull(groupLicenses);
        this.assignments = Objects.requireNonNull(assignments);
    }

    /** Grants the license as approved, in the running unit of work; refused as licensing refuses it. */
    Outcome<LicenseRequest.Grant> grant(
            Caller caller, LicenseRequest request, Product product, LicenseRequest.Grant grant, Instant now) {
        Instant later = grant.start() != null && grant.start().isAfter(now) ? grant.start() : null;
        boolean timed = later != null || grant.end() != null;
        UserRef user = UserRef.of(request.user());
        if (grant.direct()) {
            Set<ServicePlanId> disabled = new HashSet<>();
            if (!grant.plans().isEmpty()) {
                disabled.addAll(product.planIds());
                disabled.removeAll(grant.plans());
            }
            if (timed) {
                return timeBound
                        .grantRequestedLicense(caller, user, request.sku().toString(), disabled, later, grant.end())
                        .map(g -> grant);
            }
            return licensing
                    .assignOrWait(caller, request.user(), new AssignedLicense(request.sku(), disabled))
                    .map(licenses -> grant);
        }
        List<GroupLicense> given = groupLicenses.of(caller.tenant(), grant.group());
        if (given.stream().noneMatch(l -> l.license().skuId().equals(request.sku()))) {
            return Outcome.refused(Rejection.invalid(
                    "The group %s does not assign %s: choose a group that assigns it, or a direct assignment.",
                    grant.group(), product.label()));
        }
        if (timed) {
            return timeBound
                    .grantMembership(caller, grant.group(), user, later, grant.end())
                    .map(g -> grant);
        }
        return groups.addMember(caller, grant.group(), request.user().value()).map(g -> grant);
    }

    /** The requests as shown, with what became of each approved one's license. */
    List<RequestView> views(TenantId tenant, List<LicenseRequest> requests) {
        Map<java.util.UUID, GrantStatus> statuses = statuses(tenant, requests);
        return requests.stream()
                .map(r -> new RequestView(r, statuses.get(r.id())))
                .toList();
    }

    /** What became of each approved request's license, as the assignments stand now. */
    private Map<java.util.UUID, GrantStatus> statuses(TenantId tenant, List<LicenseRequest> requests) {
        List<UserId> users = requests.stream()
                .filter(r -> r.state() == RequestState.APPROVED)
                .map(LicenseRequest::user)
                .distinct()
                .toList();
        Map<UserId, List<LicenseAssignment>> held = users.isEmpty() ? Map.of() : assignments.of(tenant, users);
        Map<java.util.UUID, GrantStatus> statuses = new java.util.HashMap<>();
        for (LicenseRequest r : requests) {
            if (r.state() == RequestState.APPROVED) {
                statuses.put(r.id(), status(tenant, r, held.getOrDefault(r.user(), List.of())));
            }
        }
        return statuses;
    }

    private GrantStatus status(TenantId tenant, LicenseRequest r, List<LicenseAssignment> held) {
        GroupId group = r.decision().grant().group();
        AssignmentSource source = group == null ? AssignmentSource.DIRECT : AssignmentSource.group(group);
        Optional<LicenseAssignment> a = held.stream()
                .filter(x -> x.sku().equals(r.sku()) && x.source().equals(source))
                .findFirst();
        if (a.isEmpty() || a.get().isPendingRemoval()) {
            return scheduled(tenant, r) ? GrantStatus.SCHEDULED : GrantStatus.REMOVED;
        }
        if (a.get().holdsSeat()) {
            return GrantStatus.GRANTED;
        }
        return a.get().isWaiting() ? GrantStatus.WAITING_FOR_SEAT : GrantStatus.IN_ERROR;
    }

    /** Whether the approval's grant starts later and has not started (nor been cancelled): nothing is given yet. */
    private boolean scheduled(TenantId tenant, LicenseRequest r) {
        LicenseRequest.Grant grant = r.decision().grant();
        if (grant.start() == null) {
            return false;
        }
        TimedGrant.Key key = grant.direct()
                ? new TimedGrant.Key(TimedGrant.Kind.LICENSE, r.user(), r.sku().value())
                : new TimedGrant.Key(
                        TimedGrant.Kind.MEMBERSHIP, r.user(), grant.group().value());
        return timeBound.scheduled(tenant, key);
    }
}
