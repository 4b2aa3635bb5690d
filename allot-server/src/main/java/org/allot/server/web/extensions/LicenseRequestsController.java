package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.allot.api.extensions.LicenseRequestDecision;
import org.allot.api.extensions.LicenseRequestFiling;
import org.allot.api.extensions.LicenseRequestSettings;
import org.allot.core.Rejection;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserRef;
import org.allot.core.request.Approver;
import org.allot.core.request.RequestBook;
import org.allot.core.request.RequestDecisions;
import org.allot.core.request.RequestState;
import org.allot.server.security.ApiCaller;
import org.allot.server.security.Capability;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * License requests (docs/delegation.md#license-requests): filed by apps and administrators, approved or denied by
 * administrators who may assign licenses (or by an app on the manager's behalf), cancelled by whoever filed them.
 */
@RestController
@RequestMapping(path = "/allot/v1", produces = "application/json")
public class LicenseRequestsController {
    private final RequestBook book;
    private final RequestDecisions decisions;
    private final Responses responses;

    public LicenseRequestsController(RequestBook book, RequestDecisions decisions, Responses responses) {
        this.book = book;
        this.decisions = decisions;
        this.responses = responses;
    }

    /** The latest requests, pending first; {@code $filter=status eq 'pending'}, {@code userId=}, {@code $top}. */
    @GetMapping("/licenseRequests")
    public ObjectNode list(
            ApiCaller caller,
            @RequestParam(name = "$filter", required = false) String filter,
            @RequestParam(name = "userId", required = false) String user,
            @RequestParam(name = "$top", defaultValue = "100") int top,
            HttpServletRequest request) {
        if (top < 1 || top > RequestBook.MAX_LIST) {
            throw new BadRequest(
                    "Invalid page size specified: '" + top + "'. Must be between 1 and " + RequestBook.MAX_LIST + ".");
        }
        RequestState state = filter == null ? null : LicenseRequestViews.state(filter);
        var views = Refused.orRefuse(book.list(caller.caller(), state, user == null ? null : UserRef.of(user), top));
        return responses.list(
                request,
                "licenseRequests",
                views.stream().map(LicenseRequestViews::view).toList());
    }

    @GetMapping("/licenseRequests/{id}")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        UUID requestId = RequestBodies.idOrNotFound(id);
        var view = book.find(caller.caller(), requestId).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(request, "licenseRequests/$entity", LicenseRequestViews.view(view));
    }

    /** 201 with the request, pending. */
    @PostMapping("/licenseRequests")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode file(ApiCaller caller, @RequestBody LicenseRequestFiling body, HttpServletRequest request) {
        if (body.userId() == null || body.userId().isBlank()) {
            throw new BadRequest("A license request needs 'userId': the user's id or principal name.");
        }
        if (body.skuId() == null || body.skuId().isBlank()) {
            throw new BadRequest("A license request needs 'skuId': the product's SKU id or part number.");
        }
        var filed = Refused.orRefuse(book.file(
                caller.caller(),
                new RequestBook.Filing(
                        UserRef.of(body.userId().strip()),
                        body.skuId(),
                        plans(body.servicePlanIds()),
                        body.justification(),
                        instant(body.startDateTime()),
                        instant(body.endDateTime()))));
        return responses.entity(request, "licenseRequests/$entity", LicenseRequestViews.view(filed));
    }

    @PostMapping("/licenseRequests/{id}/approve")
    public ObjectNode approve(
            ApiCaller caller,
            @PathVariable String id,
            @RequestBody LicenseRequestDecision body,
            HttpServletRequest request) {
        LicenseRequestDecision d = body;
        var approval = new RequestDecisions.Approval(
                d.groupId() == null ? null : new GroupId(guid(d.groupId(), "groupId")),
                d.servicePlanIds() == null ? null : plans(d.servicePlanIds()),
                instant(d.startDateTime()),
                instant(d.endDateTime()));
        var approved = Refused.orRefuse(
                decisions.approve(caller.caller(), approver(caller, d), RequestBodies.idOrNotFound(id), approval));
        return responses.entity(request, "licenseRequests/$entity", LicenseRequestViews.view(approved));
    }

    @PostMapping("/licenseRequests/{id}/deny")
    public ObjectNode deny(
            ApiCaller caller,
            @PathVariable String id,
            @RequestBody LicenseRequestDecision body,
            HttpServletRequest request) {
        LicenseRequestDecision d = body;
        var denied = Refused.orRefuse(
                decisions.deny(caller.caller(), approver(caller, d), RequestBodies.idOrNotFound(id), d.reason()));
        return responses.entity(request, "licenseRequests/$entity", LicenseRequestViews.view(denied));
    }

    @PostMapping("/licenseRequests/{id}/cancel")
    public ObjectNode cancel(
            ApiCaller caller,
            @PathVariable String id,
            @RequestBody LicenseRequestDecision body,
            HttpServletRequest request) {
        String reason = body.reason();
        var cancelled = Refused.orRefuse(book.cancel(caller.caller(), RequestBodies.idOrNotFound(id), reason));
        return responses.entity(request, "licenseRequests/$entity", LicenseRequestViews.view(cancelled));
    }

    @GetMapping("/settings/licenseRequests")
    public ObjectNode settings(ApiCaller caller, HttpServletRequest request) {
        return responses.entity(
                request, "settings/licenseRequests", new LicenseRequestSettings(book.expiryDays(caller.tenant())));
    }

    @PatchMapping("/settings/licenseRequests")
    public ObjectNode changeSettings(
            ApiCaller caller, @RequestBody LicenseRequestSettings body, HttpServletRequest request) {
        if (body.expireAfterDays() == null) {
            throw new BadRequest("Send 'expireAfterDays': days a pending request waits before it expires (1–365).");
        }
        int days = Refused.orRefuse(book.setExpiryDays(caller.caller(), body.expireAfterDays()));
        return responses.entity(request, "settings/licenseRequests", new LicenseRequestSettings(days));
    }

    /** The caller as an approver: its role's capability and scope, and whether it acts for the user's manager. */
    static Approver approver(ApiCaller caller, LicenseRequestDecision d) {
        boolean assigns =
                caller.roles().stream().anyMatch(r -> Capability.of(r).contains(Capability.ASSIGN_USER_LICENSES));
        Approver approver = Approver.within(caller.caller().scope(), assigns);
        if (d.onBehalfOf() == null) {
            return approver;
        }
        if (!"manager".equalsIgnoreCase(d.onBehalfOf().strip())) {
            throw new BadRequest("'onBehalfOf' is 'manager' or absent; '" + d.onBehalfOf() + "' is not.");
        }
        return approver.forManager();
    }

    private static Set<ServicePlanId> plans(List<String> ids) {
        Set<ServicePlanId> plans = new LinkedHashSet<>();
        if (ids != null) {
            for (String id : ids) {
                plans.add(new ServicePlanId(guid(id, "servicePlanIds")));
            }
        }
        return plans;
    }

    private static UUID guid(String value, String property) {
        return RequestBodies.uuid(value == null ? "" : value.strip())
                .orElseThrow(() -> new BadRequest("Invalid value '" + value + "' for '" + property + "': a GUID."));
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
