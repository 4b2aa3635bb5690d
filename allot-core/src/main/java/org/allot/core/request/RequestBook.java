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
import org.allot.core.Scope;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.notification.ChangeType;

/**
 * Files license requests, cancels them for whoever filed them, reads them, and keeps the tenant's expiry setting.
 * Decisions are {@link RequestDecisions}'; expiry is {@link RequestExpiry}'s.
 */
public final class RequestBook {
    /** The most requests one read returns. */
    public static final int MAX_LIST = 500;
    /** The longest justification or reason kept, in characters. */
    public static final int MAX_TEXT = 1000;
    /** Days a pending request waits before it expires, unless the tenant set its own. */
    public static final int DEFAULT_EXPIRY_DAYS = 14;
    /** The most days a tenant may let a request wait. */
    public static final int MAX_EXPIRY_DAYS = 365;

    private final Transactions transactions;
    private final RequestPorts ports;
    private final RequestNotices notices;
    private final RequestGrants grants;
    private final Clock clock;

    public RequestBook(Transactions transactions, RequestPorts ports, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.ports = Objects.requireNonNull(ports);
        this.notices = ports.notices();
        this.grants = ports.grants();
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * What a filer asks for.
     *
     * @param product the SKU's id or part number
     * @param plans the plans wanted (empty: the whole product)
     */
    public record Filing(
            UserRef user,
            String product,
            Set<ServicePlanId> plans,
            String justification,
            Instant wantedStart,
            Instant wantedEnd) {
        public Filing {
            Objects.requireNonNull(user, "user");
            plans = Set.copyOf(plans);
        }
    }

    /**
     * Files a request for a product the tenant subscribes to, recording the user's manager as it is now; one pending
     * request per user and product.
     */
    public Outcome<RequestView> file(Caller caller, Filing filing) {
        return transactions.run(() -> {
            TenantId tenant = caller.tenant();
            Optional<User> user = filing.user().find(tenant, ports.users()).filter(u -> !u.isDeleted());
            if (user.isEmpty() && !caller.scope().tenantWide()) {
                return Outcome.refused(ScopeGuard.refusal());
            }
            if (user.isEmpty()) {
                return Outcome.refused(Rejection.notFound(filing.user()));
            }
            if (!within(caller, user.get().id())) {
                return Outcome.refused(ScopeGuard.refusal());
            }
            Outcome<Product> product = product(tenant, filing.product());
            if (!product.isDone()) {
                return Outcome.refused(product.rejection());
            }
            Instant now = clock.instant();
            Optional<Rejection> invalid = RequestChecks.filing(filing, product.value(), now);
            if (invalid.isPresent()) {
                return Outcome.refused(invalid.get());
            }
            LicenseRequest request = new LicenseRequest(
                    UUID.randomUUID(),
                    tenant,
                    user.get().id(),
                    user.get().userPrincipalName(),
                    product.value().skuId(),
                    product.value().displayName(),
                    filing.plans(),
                    filing.justification().strip(),
                    filing.wantedStart(),
                    filing.wantedEnd(),
                    caller.actor(),
                    now,
                    ports.managers().of(tenant, user.get().id()).orElse(null),
                    RequestState.PENDING,
                    null);
            if (!ports.requests().add(request)) {
                return Outcome.refused(Rejection.of(
                        ErrorCode.CONFLICT,
                        "A request for %s for %s is already pending: decide or cancel it first.",
                        product.value().displayName(),
                        user.get().userPrincipalName()));
            }
            List<PropertyChange> changes = new ArrayList<>();
            changes.add(PropertyChange.of("Product", null, product.value().label()));
            changes.add(PropertyChange.of("Justification", null, request.justification()));
            if (!request.plans().isEmpty()) {
                changes.add(
                        PropertyChange.of("Plans", null, RequestChecks.planNames(product.value(), request.plans())));
            }
            if (request.manager() != null) {
                changes.add(PropertyChange.of("Manager", null, request.manager()));
            }
            audit(caller, Activity.FILE_LICENSE_REQUEST, request, changes, now);
            notices.queue(tenant, request.id(), ChangeType.CREATED, now);
            return Outcome.done(new RequestView(request, null));
        });
    }

    /** Cancels a pending request; only whoever filed it may. */
    public Outcome<RequestView> cancel(Caller caller, UUID id, String reason) {
        return transactions.run(() -> {
            Optional<LicenseRequest> found = ports.requests().lock(caller.tenant(), id);
            if (found.isEmpty()) {
                return Outcome.refused(Rejection.notFound(id));
            }
            LicenseRequest request = found.get();
            if (!request.pending()) {
                return Outcome.refused(RequestChecks.notPending(request));
            }
            if (!request.filedBy().kind().equals(caller.actor().kind())
                    || !request.filedBy().id().equals(caller.actor().id())) {
                return Outcome.refused(Rejection.invalid(
                        "Only whoever filed a request may cancel it (%s filed this one).",
                        request.filedBy().displayName()));
            }
            Optional<Rejection> text = RequestChecks.text("reason", reason, false);
            if (text.isPresent()) {
                return Outcome.refused(text.get());
            }
            Instant now = clock.instant();
            LicenseRequest cancelled = request.decided(
                    RequestState.CANCELLED,
                    new LicenseRequest.Decision(caller.actor(), false, now, RequestChecks.strip(reason), null));
            ports.requests().update(cancelled);
            audit(
                    caller,
                    Activity.CANCEL_LICENSE_REQUEST,
                    cancelled,
                    RequestChecks.stateChange(request, cancelled),
                    now);
            notices.queue(caller.tenant(), id, ChangeType.UPDATED, now);
            return Outcome.done(new RequestView(cancelled, null));
        });
    }

    /**
     * The tenant's latest requests, pending ones first; only those in {@code state} and for {@code user} if given. A
     * caller whose role is scoped to administrative units lists the requests of its units' users only (a user outside
     * them is not found).
     */
    public Outcome<List<RequestView>> list(Caller caller, RequestState state, UserRef user, int limit) {
        TenantId tenant = caller.tenant();
        Scope scope = caller.scope();
        return transactions.read(() -> {
            UserId userId = null;
            if (user != null) {
                Optional<User> found = user.find(tenant, ports.users()).filter(u -> within(caller, u.id()));
                if (found.isEmpty()) {
                    return Outcome.refused(Rejection.notFound(user));
                }
                userId = found.get().id();
            }
            List<LicenseRequest> requests = ports.requests()
                    .list(
                            tenant,
                            state,
                            userId,
                            scope.tenantWide() ? null : scope.units(),
                            Math.min(Math.max(limit, 1), MAX_LIST));
            return Outcome.done(grants.views(tenant, requests));
        });
    }

    /** A request of the tenant; one for a user outside the caller's administrative units is not found. */
    public Optional<RequestView> find(Caller caller, UUID id) {
        TenantId tenant = caller.tenant();
        return transactions.read(() -> ports.requests()
                .find(tenant, id)
                .filter(r -> within(caller, r.user()))
                .map(r -> grants.views(tenant, List.of(r)).get(0)));
    }

    /** Whether the user is within the caller's scope (the tenant, or an administrative unit holding the user). */
    private boolean within(Caller caller, UserId user) {
        Scope scope = caller.scope();
        return scope.tenantWide() || scope.reaches(ports.units().unitsOf(caller.tenant(), user.value()));
    }

    /** Days a pending request of the tenant waits before it expires. */
    public int expiryDays(TenantId tenant) {
        return transactions.read(() -> ports.requests().expiryDays(tenant).orElse(DEFAULT_EXPIRY_DAYS));
    }

    /** Sets the days pending requests wait before they expire (1–365); audited. */
    public Outcome<Integer> setExpiryDays(Caller caller, int days) {
        if (days < 1 || days > MAX_EXPIRY_DAYS) {
            return Outcome.refused(
                    Rejection.invalid("expireAfterDays must be between 1 and %d; %d is not.", MAX_EXPIRY_DAYS, days));
        }
        return transactions.run(() -> {
            int before = ports.requests().expiryDays(caller.tenant()).orElse(DEFAULT_EXPIRY_DAYS);
            if (before != days) {
                ports.requests().saveExpiryDays(caller.tenant(), days);
                ports.audit()
                        .append(AuditEvent.of(
                                caller,
                                clock.instant(),
                                Activity.SET_LICENSE_REQUEST_SETTINGS,
                                AuditTarget.other("Company", caller.tenant(), null),
                                List.of(PropertyChange.of("ExpireAfterDays", before, days))));
            }
            return Outcome.done(days);
        });
    }

    private Outcome<Product> product(TenantId tenant, String product) {
        Optional<Product> found = product == null
                ? Optional.empty()
                : ports.catalog().forTenant(tenant).lookup(product.strip());
        if (found.isEmpty()
                || ports.book().subscriptionsOf(tenant, found.get().skuId()).isEmpty()) {
            return Outcome.refused(Rejection.of(
                    ErrorCode.INVALID_LICENSE,
                    "License %s does not correspond to a valid company License.",
                    product == null ? "(none)" : product));
        }
        return Outcome.done(found.get());
    }

    private void audit(
            Caller caller, Activity activity, LicenseRequest request, List<PropertyChange> changes, Instant now) {
        ports.audit().append(RequestChecks.auditEvent(caller, activity, request, changes, now));
    }
}
