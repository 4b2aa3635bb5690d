package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.allot.api.extensions.TimedLicense;
import org.allot.api.extensions.TimedLicenseRequest;
import org.allot.api.extensions.TimedMember;
import org.allot.api.extensions.TimedMemberRequest;
import org.allot.core.Rejection;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserRef;
import org.allot.core.timebound.TimeBoundGrants;
import org.allot.core.timebound.TimedGrant;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.GraphValues;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Time-bound grants (docs/delegation.md): a user's direct licenses and a group's memberships with a start and an end.
 * Graph's assignLicense and members have no such fields, so they live here: list, add, change the times, cancel.
 */
@RestController
@RequestMapping(path = "/allot/v1", produces = "application/json")
public class TimeBoundGrantsController {
    private final TimeBoundGrants grants;
    private final Responses responses;

    public TimeBoundGrantsController(TimeBoundGrants grants, Responses responses) {
        this.grants = grants;
        this.responses = responses;
    }

    @GetMapping("/users/{id}/timedLicenses")
    public ObjectNode licenses(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        List<TimeBoundGrants.Listed> listed =
                grants.ofUser(caller.caller(), UserRef.of(id)).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.list(
                request,
                "timedLicenses",
                listed.stream()
                        .filter(l -> l.grant().kind() == TimedGrant.Kind.LICENSE)
                        .map(TimeBoundGrantsController::license)
                        .toList());
    }

    @PostMapping("/users/{id}/timedLicenses")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode grantLicense(
            ApiCaller caller,
            @PathVariable String id,
            @RequestBody TimedLicenseRequest body,
            HttpServletRequest request) {
        if (body.skuId() == null || body.skuId().isBlank()) {
            throw new BadRequest("Send 'skuId': the product's id or part number.");
        }
        Set<ServicePlanId> off = new HashSet<>();
        for (String plan : body.disabledPlans() == null ? List.<String>of() : body.disabledPlans()) {
            off.add(new ServicePlanId(plan(plan)));
        }
        TimeBoundGrants.Listed grant = Refused.orRefuse(grants.grantLicense(
                caller.caller(), UserRef.of(id), body.skuId(), off, at(body.startDateTime()), at(body.endDateTime())));
        return responses.entity(request, "timedLicenses/$entity", license(grant));
    }

    @PatchMapping("/users/{id}/timedLicenses/{sku}")
    public ObjectNode changeLicense(
            ApiCaller caller,
            @PathVariable String id,
            @PathVariable String sku,
            @RequestBody ObjectNode body,
            HttpServletRequest request) {
        TimeBoundGrants.Listed grant =
                Refused.orRefuse(grants.changeLicense(caller.caller(), UserRef.of(id), sku, reschedule(body)));
        return responses.entity(request, "timedLicenses/$entity", license(grant));
    }

    /** Cancels the grant: one that has not started is forgotten; one that has started ends now. */
    @DeleteMapping("/users/{id}/timedLicenses/{sku}")
    public ResponseEntity<Void> cancelLicense(ApiCaller caller, @PathVariable String id, @PathVariable String sku) {
        Refused.orRefuse(grants.cancelLicense(caller.caller(), UserRef.of(id), sku));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/groups/{id}/timedMembers")
    public ObjectNode members(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        GroupId group = group(id);
        List<TimeBoundGrants.Listed> listed =
                grants.ofGroup(caller.caller(), group).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.list(
                request,
                "timedMembers",
                listed.stream().map(TimeBoundGrantsController::member).toList());
    }

    @PostMapping("/groups/{id}/timedMembers")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode grantMembership(
            ApiCaller caller,
            @PathVariable String id,
            @RequestBody TimedMemberRequest body,
            HttpServletRequest request) {
        if (body.id() == null || body.id().isBlank()) {
            throw new BadRequest("Send 'id': the user's id or userPrincipalName.");
        }
        GroupId group = group(id);
        TimeBoundGrants.Listed grant = Refused.orRefuse(grants.grantMembership(
                caller.caller(), group, UserRef.of(body.id()), at(body.startDateTime()), at(body.endDateTime())));
        return responses.entity(request, "timedMembers/$entity", member(grant));
    }

    @PatchMapping("/groups/{id}/timedMembers/{user}")
    public ObjectNode changeMembership(
            ApiCaller caller,
            @PathVariable String id,
            @PathVariable String user,
            @RequestBody ObjectNode body,
            HttpServletRequest request) {
        GroupId group = group(id);
        TimeBoundGrants.Listed grant =
                Refused.orRefuse(grants.changeMembership(caller.caller(), group, UserRef.of(user), reschedule(body)));
        return responses.entity(request, "timedMembers/$entity", member(grant));
    }

    @DeleteMapping("/groups/{id}/timedMembers/{user}")
    public ResponseEntity<Void> cancelMembership(ApiCaller caller, @PathVariable String id, @PathVariable String user) {
        Refused.orRefuse(grants.cancelMembership(caller.caller(), group(id), UserRef.of(user)));
        return ResponseEntity.noContent().build();
    }

    /** The one mapping of a license grant. */
    private static TimedLicense license(TimeBoundGrants.Listed l) {
        TimedGrant g = l.grant();
        return new TimedLicense(
                g.user().toString(),
                l.userPrincipalName(),
                g.sku().toString(),
                l.targetName(),
                g.disabledPlans().stream()
                        .map(p -> p.value().toString())
                        .sorted()
                        .toList(),
                GraphValues.time(g.start()),
                GraphValues.time(g.end()),
                status(g),
                g.setBy(),
                GraphValues.time(g.setAt()));
    }

    /** The one mapping of a membership grant. */
    private static TimedMember member(TimeBoundGrants.Listed l) {
        TimedGrant g = l.grant();
        return new TimedMember(
                g.group().toString(),
                l.targetName(),
                g.user().toString(),
                l.userPrincipalName(),
                GraphValues.time(g.start()),
                GraphValues.time(g.end()),
                status(g),
                g.setBy(),
                GraphValues.time(g.setAt()));
    }

    private static String status(TimedGrant g) {
        return g.started() ? "active" : "scheduled";
    }

    /** The properties sent: {@code "endDateTime": null} removes the end; one not sent stays as it is. */
    private static TimeBoundGrants.Reschedule reschedule(ObjectNode body) {
        if (!body.has("startDateTime") && !body.has("endDateTime")) {
            throw new BadRequest("Send 'startDateTime' or 'endDateTime' (null removes the end).");
        }
        for (java.util.Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            if (!name.equals("startDateTime") && !name.equals("endDateTime")) {
                throw new BadRequest(
                        "Property '" + name + "' is not known here: send 'startDateTime' or" + " 'endDateTime'.");
            }
        }
        boolean setsStart = body.has("startDateTime");
        Instant start = time(body.get("startDateTime"), "startDateTime");
        if (setsStart && start == null) {
            throw new BadRequest("'startDateTime' cannot be null: cancel the grant instead.");
        }
        return new TimeBoundGrants.Reschedule(
                setsStart, start, body.has("endDateTime"), time(body.get("endDateTime"), "endDateTime"));
    }

    private static Instant time(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new BadRequest("'" + name + "' must be a date and time such as 2027-01-31T17:00:00Z.");
        }
        try {
            return OffsetDateTime.parse(value.asString()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + name + "' must be a date and time such as 2027-01-31T17:00:00Z, not '"
                    + value.asString() + "'.");
        }
    }

    private static UUID plan(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("'disabledPlans' holds service plan ids, not '" + text + "'.");
        }
    }

    private static Instant at(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static GroupId group(String id) {
        try {
            return new GroupId(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            throw new Refused(Rejection.notFound(id));
        }
    }
}
