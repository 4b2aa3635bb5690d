package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.allot.api.graph.DirectoryAudit;
import org.allot.core.Actor;
import org.allot.core.Rejection;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.AuditTrail;
import org.allot.core.audit.PropertyChange;
import org.allot.core.query.Entity;
import org.allot.server.security.ApiCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Graph's directory audit log: every change, filterable by activity, initiator, target and time. */
@RestController
public class AuditLogsController {
    static final Set<String> PROPERTIES = Set.of(
            "id",
            "category",
            "correlationId",
            "result",
            "resultReason",
            "activityDisplayName",
            "activityDateTime",
            "loggedByService",
            "operationType",
            "initiatedBy",
            "targetResources",
            "additionalDetails");

    private final AuditTrail audits;
    private final Responses responses;

    public AuditLogsController(AuditTrail audits, Responses responses) {
        this.audits = audits;
        this.responses = responses;
    }

    @GetMapping(path = "/v1.0/auditLogs/directoryAudits", produces = "application/json")
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.AUDIT, PROPERTIES, ODataQuery.ALL);
        var rows = audits.events(caller.caller(), query.toQuery());
        List<DirectoryAudit> values =
                rows.rows().stream().map(AuditLogsController::audit).toList();
        return responses.page(
                request, "auditLogs/directoryAudits", values, query, PROPERTIES, rows.count(), rows.next());
    }

    @GetMapping(path = "/v1.0/auditLogs/directoryAudits/{id}", produces = "application/json")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.AUDIT, PROPERTIES, ODataQuery.SELECT_ONLY);
        return responses.entity(
                request,
                "auditLogs/directoryAudits/$entity",
                audit(RequestBodies.uuid(id)
                        .flatMap(u -> audits.event(caller.tenant(), u))
                        .orElseThrow(() -> new Refused(Rejection.notFound(id)))),
                query,
                PROPERTIES);
    }

    static DirectoryAudit audit(AuditEvent e) {
        Actor actor = e.actor();
        DirectoryAudit.Initiator initiator = actor.kind() == Actor.Kind.USER
                ? new DirectoryAudit.Initiator(
                        new DirectoryAudit.UserIdentity(actor.id(), actor.displayName(), actor.id()), null)
                : new DirectoryAudit.Initiator(
                        null, new DirectoryAudit.AppIdentity(actor.id(), actor.displayName(), null, null));
        List<DirectoryAudit.TargetResource> targets = new ArrayList<>();
        for (int i = 0; i < e.targets().size(); i++) {
            AuditTarget t = e.targets().get(i);
            List<DirectoryAudit.ModifiedProperty> modified = i == 0
                    ? e.changes().stream().map(AuditLogsController::modified).toList()
                    : List.of();
            targets.add(new DirectoryAudit.TargetResource(
                    t.id(),
                    t.displayName(),
                    t.type(),
                    t.type().equals("User") ? t.displayName() : null,
                    null,
                    modified));
        }
        return new DirectoryAudit(
                e.id().toString(),
                e.activity().category().displayName(),
                e.correlationId(),
                e.result(),
                null,
                e.activity().displayName(),
                GraphValues.time(e.time()),
                "Core Directory",
                operation(e.activity().displayName()),
                initiator,
                targets,
                List.of());
    }

    private static DirectoryAudit.ModifiedProperty modified(PropertyChange c) {
        return new DirectoryAudit.ModifiedProperty(c.name(), c.oldValue(), c.newValue());
    }

    private static String operation(String activity) {
        String first = activity.split(" ")[0];
        return switch (first) {
            case "Add", "Start", "Finish" -> "Add";
            case "Delete", "Remove", "Hard" -> "Delete";
            case "Restore" -> "Restore";
            case "Set", "Change" -> "Assign";
            default -> "Update";
        };
    }
}
