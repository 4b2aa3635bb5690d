package org.allot.core.request;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Rejection;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlanId;

/** The checks of what a filer or an approver sends, with the words every interface shows; and audit records. */
final class RequestChecks {
    private RequestChecks() {}

    static Optional<Rejection> filing(RequestBook.Filing filing, Product product, Instant now) {
        Optional<Rejection> plans = plans(product, filing.plans());
        if (plans.isPresent()) {
            return plans;
        }
        Optional<Rejection> text = text("justification", filing.justification(), true);
        if (text.isPresent()) {
            return text;
        }
        return period(filing.wantedStart(), filing.wantedEnd(), now, "wanted");
    }

    static Optional<Rejection> plans(Product product, Set<ServicePlanId> plans) {
        for (ServicePlanId plan : plans) {
            if (!product.hasPlan(plan)) {
                return Optional.of(Rejection.of(
                        ErrorCode.INVALID_SERVICE_PLAN, "Service plan %s is not part of %s.", plan, product.label()));
            }
        }
        return Optional.empty();
    }

    static Optional<Rejection> text(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            return required
                    ? Optional.of(Rejection.invalid(
                            "A %s is required: say why the license %s.",
                            name, name.equals("justification") ? "is needed" : "is not granted"))
                    : Optional.empty();
        }
        if (value.strip().length() > RequestBook.MAX_TEXT) {
            return Optional.of(
                    Rejection.invalid("The %s is too long: at most %d characters.", name, RequestBook.MAX_TEXT));
        }
        return Optional.empty();
    }

    static Optional<Rejection> period(Instant start, Instant end, Instant now, String which) {
        if (end != null && !end.isAfter(now)) {
            return Optional.of(Rejection.invalid("The %s end (%s) is not in the future.", which, end));
        }
        if (start != null && end != null && !end.isAfter(start)) {
            return Optional.of(Rejection.invalid("The %s end (%s) is not after its start (%s).", which, end, start));
        }
        return Optional.empty();
    }

    static Rejection notPending(LicenseRequest request) {
        return Rejection.of(
                ErrorCode.CONFLICT,
                "The request is %s already%s: only a pending request can be approved, denied or cancelled.",
                request.state().wireName(),
                request.decision() == null
                        ? ""
                        : " (by " + request.decision().by().displayName() + ")");
    }

    static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String planNames(Product product, Set<ServicePlanId> plans) {
        return plans.stream()
                .map(p -> product.plan(p).map(sp -> sp.name()).orElse(p.toString()))
                .sorted()
                .collect(Collectors.joining(", "));
    }

    static List<PropertyChange> stateChange(LicenseRequest before, LicenseRequest after) {
        return List.of(PropertyChange.of(
                "State", before.state().wireName(), after.state().wireName()));
    }

    static AuditEvent auditEvent(
            Caller caller, Activity activity, LicenseRequest request, List<PropertyChange> changes, Instant now) {
        return AuditEvent.of(
                caller,
                now,
                activity,
                List.of(
                        AuditTarget.other("LicenseRequest", request.id(), request.productName()),
                        AuditTarget.user(request.user(), request.userPrincipalName())),
                changes);
    }
}
