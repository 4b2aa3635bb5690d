package org.allot.core.request;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.PropertyChange;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.notification.ChangeType;

/**
 * Approves and denies license requests. A decision locks its request first (before any licensing lock), so of two
 * approvers deciding at once one decides and the other is told it was decided: a request grants its license once.
 * An approval grants through licensing's own use cases in the same unit of work; when licensing refuses, the request
 * stays pending and nothing is written.
 */
public final class RequestDecisions {
    private final Transactions transactions;
    private final RequestPorts ports;
    private final RequestNotices notices;
    private final RequestGrants grants;
    private final Clock clock;

    public RequestDecisions(Transactions transactions, RequestPorts ports, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.ports = Objects.requireNonNull(ports);
        this.notices = ports.notices();
        this.grants = ports.grants();
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * What an approver grants: through {@code group} (null: a direct assignment), the {@code plans} (null: those asked
     * for; else some of them), from {@code start} until {@code end} (null: as asked; else within the period asked).
     */
    public record Approval(GroupId group, Set<ServicePlanId> plans, Instant start, Instant end) {
        public Approval {
            plans = plans == null ? null : Set.copyOf(plans);
        }

        public static Approval asRequested() {
            return new Approval(null, null, null, null);
        }
    }

    /** Approves a pending request and grants its license (or puts the user in the waiting list for a seat). */
    public Outcome<RequestView> approve(Caller caller, Approver approver, UUID id, Approval approval) {
        return transactions.run(() -> {
            Outcome<Decidable> decidable = decidable(caller, approver, id);
            if (!decidable.isDone()) {
                return Outcome.refused(decidable.rejection());
            }
            LicenseRequest request = decidable.value().request();
            Optional<Product> product =
                    ports.catalog().forTenant(caller.tenant()).find(request.sku());
            if (product.isEmpty()) {
                return Outcome.refused(Rejection.of(
                        ErrorCode.INVALID_LICENSE,
                        "License %s does not correspond to a valid company License.",
                        request.sku()));
            }
            Instant now = clock.instant();
            Outcome<LicenseRequest.Grant> granted = grantOf(request, product.get(), approval, now);
            if (granted.isDone()) {
                granted = grants.grant(caller, request, product.get(), granted.value(), now);
            }
            if (!granted.isDone()) {
                return Outcome.refused(granted.rejection());
            }
            LicenseRequest approved = request.decided(
                    RequestState.APPROVED,
                    new LicenseRequest.Decision(
                            caller.actor(), approver.onBehalfOfManager(), now, null, granted.value()));
            ports.requests().update(approved);
            ports.audit()
                    .append(RequestChecks.auditEvent(
                            caller,
                            Activity.APPROVE_LICENSE_REQUEST,
                            approved,
                            changes(request, approved, product.get()),
                            now));
            notices.queue(caller.tenant(), id, ChangeType.UPDATED, now);
            return Outcome.done(grants.views(caller.tenant(), List.of(approved)).get(0));
        });
    }

    /** Denies a pending request, for a reason the filer is told. */
    public Outcome<RequestView> deny(Caller caller, Approver approver, UUID id, String reason) {
        return transactions.run(() -> {
            Optional<Rejection> text = RequestChecks.text("reason", reason, true);
            Outcome<Decidable> decidable = decidable(caller, approver, id);
            if (!decidable.isDone()) {
                return Outcome.refused(decidable.rejection());
            }
            if (text.isPresent()) {
                return Outcome.refused(text.get());
            }
            LicenseRequest request = decidable.value().request();
            Instant now = clock.instant();
            LicenseRequest denied = request.decided(
                    RequestState.DENIED,
                    new LicenseRequest.Decision(
                            caller.actor(), approver.onBehalfOfManager(), now, reason.strip(), null));
            ports.requests().update(denied);
            List<PropertyChange> changes = new ArrayList<>(RequestChecks.stateChange(request, denied));
            changes.add(PropertyChange.of("Reason", null, denied.decision().reason()));
            if (approver.onBehalfOfManager()) {
                changes.add(PropertyChange.of("OnBehalfOf", null, "manager " + request.manager()));
            }
            ports.audit().append(RequestChecks.auditEvent(caller, Activity.DENY_LICENSE_REQUEST, denied, changes, now));
            notices.queue(caller.tenant(), id, ChangeType.UPDATED, now);
            return Outcome.done(new RequestView(denied, null));
        });
    }

    private record Decidable(LicenseRequest request, User user) {}

    /** The request, locked, still pending, for a user the approver covers. */
    private Outcome<Decidable> decidable(Caller caller, Approver approver, UUID id) {
        Optional<LicenseRequest> found = ports.requests().lock(caller.tenant(), id);
        if (found.isEmpty()) {
            return Outcome.refused(Rejection.notFound(id));
        }
        LicenseRequest request = found.get();
        if (!request.pending()) {
            return Outcome.refused(RequestChecks.notPending(request));
        }
        Optional<User> user =
                ports.users().find(caller.tenant(), request.user()).filter(u -> !u.isDeleted());
        if (user.isEmpty()) {
            return Outcome.refused(Rejection.invalid(
                    "%s is deleted: the request can only be cancelled or left to expire.",
                    request.userPrincipalName()));
        }
        Optional<Rejection> refused = approver.mayDecide(
                request,
                user.get(),
                ports.units().unitsOf(caller.tenant(), user.get().id().value()));
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        return Outcome.done(new Decidable(request, user.get()));
    }

    /** The grant an approval makes of a request: as asked, or less (fewer plans, a shorter period), never more. */
    private static Outcome<LicenseRequest.Grant> grantOf(
            LicenseRequest request, Product product, Approval approval, Instant now) {
        Set<ServicePlanId> plans = approval.plans() == null ? request.plans() : approval.plans();
        Optional<Rejection> known = RequestChecks.plans(product, plans);
        if (known.isPresent()) {
            return Outcome.refused(known.get());
        }
        if (!request.plans().isEmpty() && (plans.isEmpty() || !request.plans().containsAll(plans))) {
            return Outcome.refused(Rejection.invalid(
                    "An approval grants some or all of the plans asked for (%s), no other.",
                    RequestChecks.planNames(product, request.plans())));
        }
        Instant start = approval.start() == null ? request.wantedStart() : approval.start();
        Instant end = approval.end() == null ? request.wantedEnd() : approval.end();
        if (request.wantedStart() != null && start.isBefore(request.wantedStart())) {
            return Outcome.refused(Rejection.invalid(
                    "An approval may shorten the period asked for, not lengthen it: the start cannot be before %s.",
                    request.wantedStart()));
        }
        if (request.wantedEnd() != null && end.isAfter(request.wantedEnd())) {
            return Outcome.refused(Rejection.invalid(
                    "An approval may shorten the period asked for, not lengthen it: the end cannot be after %s.",
                    request.wantedEnd()));
        }
        Optional<Rejection> period = RequestChecks.period(start, end, now, "approved");
        if (period.isPresent()) {
            return Outcome.refused(period.get());
        }
        return Outcome.done(new LicenseRequest.Grant(approval.group(), plans, start, end));
    }

    private static List<PropertyChange> changes(LicenseRequest before, LicenseRequest after, Product product) {
        LicenseRequest.Grant grant = after.decision().grant();
        List<PropertyChange> changes = new ArrayList<>(RequestChecks.stateChange(before, after));
        changes.add(PropertyChange.of(
                "GrantedThrough", null, grant.direct() ? "direct assignment" : "group " + grant.group()));
        if (!grant.plans().isEmpty()) {
            changes.add(PropertyChange.of("Plans", null, RequestChecks.planNames(product, grant.plans())));
        }
        if (grant.start() != null) {
            changes.add(PropertyChange.of("Start", null, grant.start()));
        }
        if (grant.end() != null) {
            changes.add(PropertyChange.of("End", null, grant.end()));
        }
        if (after.decision().onBehalfOfManager()) {
            changes.add(PropertyChange.of("OnBehalfOf", null, "manager " + before.manager()));
        }
        return changes;
    }
}
