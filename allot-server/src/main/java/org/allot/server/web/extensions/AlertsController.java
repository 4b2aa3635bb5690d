package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.allot.api.extensions.AlertResource;
import org.allot.api.extensions.AlertRulesResource;
import org.allot.core.Rejection;
import org.allot.core.alert.Alert;
import org.allot.core.alert.AlertPolicy;
import org.allot.core.alert.AlertRules;
import org.allot.core.alert.AlertWatch;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.GraphValues;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Alerts (docs/alerts.md): the tenant's alerts, open ones first, and its alert rules. */
@RestController
@RequestMapping(path = "/allot/v1", produces = "application/json")
public class AlertsController {
    static final String OPEN = "status eq 'open'";

    private final AlertWatch watch;
    private final AlertPolicy policy;
    private final Responses responses;

    public AlertsController(AlertWatch watch, AlertPolicy policy, Responses responses) {
        this.watch = watch;
        this.policy = policy;
        this.responses = responses;
    }

    /** The latest alerts, open ones first, then newest first ({@code $top}, 1–500, default 100). */
    @GetMapping("/alerts")
    public ObjectNode list(
            ApiCaller caller,
            @RequestParam(name = "$filter", required = false) String filter,
            @RequestParam(name = "$top", defaultValue = "100") int top,
            HttpServletRequest request) {
        if (top < 1 || top > AlertWatch.MAX_LIST) {
            throw new BadRequest(
                    "Invalid page size specified: '" + top + "'. Must be between 1 and " + AlertWatch.MAX_LIST + ".");
        }
        if (filter != null && !filter.strip().equals(OPEN)) {
            throw new BadRequest("Unsupported filter: '" + filter + "'. Alerts are filtered by \"" + OPEN + "\" only.");
        }
        return responses.list(
                request,
                "alerts",
                watch.list(caller.tenant(), filter != null, top).stream()
                        .map(AlertsController::view)
                        .toList());
    }

    @GetMapping("/alerts/{id}")
    public ObjectNode alert(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        UUID alert = RequestBodies.idOrNotFound(id);
        Alert a = watch.find(caller.tenant(), alert).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(request, "alerts/$entity", view(a));
    }

    @GetMapping("/settings/alerts")
    public ObjectNode rules(ApiCaller caller, HttpServletRequest request) {
        return responses.entity(request, "settings/alerts", view(policy.rules(caller.tenant())));
    }

    /** Changes what the body sends of the alert rules; the rest stays. The tenant's alerts follow at once. */
    @PatchMapping("/settings/alerts")
    public ObjectNode changeRules(ApiCaller caller, @RequestBody AlertRulesResource body, HttpServletRequest request) {
        AlertRules changed = Refused.orRefuse(policy.change(
                caller.caller(),
                new AlertPolicy.Change(
                        body.expiringWithinDays(), body.lapsed(), body.freeSeatsBelow(), body.waitingAtLeast())));
        return responses.entity(request, "settings/alerts", view(changed));
    }

    static AlertRulesResource view(AlertRules r) {
        return new AlertRulesResource(r.expiringWithinDays(), r.lapsed(), r.freeSeatsBelow(), r.waitingAtLeast());
    }

    static AlertResource view(Alert a) {
        return new AlertResource(
                a.id().toString(),
                a.kind().wireName(),
                a.open() ? "open" : "resolved",
                a.sku().toString(),
                a.product(),
                a.kind().aboutSubscription() ? a.subject().toString() : null,
                a.figure(),
                a.threshold(),
                GraphValues.time(a.due()),
                GraphValues.time(a.raised()),
                GraphValues.time(a.resolved()),
                a.summary(),
                a.nextStep());
    }
}
