package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.allot.api.extensions.LicenseMigrationPreview;
import org.allot.api.extensions.LicenseMigrationRequest;
import org.allot.api.extensions.LicenseMigrationResource;
import org.allot.core.Rejection;
import org.allot.core.assignment.DirectToGroup;
import org.allot.core.assignment.LicenseMigration;
import org.allot.core.directory.GroupId;
import org.allot.server.security.ApiAccess;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.GraphValues;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The direct → group migration assistant (docs/delegation.md): preview moving a product's direct holders to group
 * licensing, start it (202 with the run; 409 while another runs), and follow a run with what it did with each user.
 */
@RestController
@RequestMapping(path = "/allot/v1", produces = "application/json")
public class LicenseMigrationsController {
    static final int MAX_TOP = 999;

    private final DirectToGroup migration;
    private final Responses responses;

    public LicenseMigrationsController(DirectToGroup migration, Responses responses) {
        this.migration = migration;
        this.responses = responses;
    }

    @PostMapping("/subscribedSkus/{sku}/migrateToGroups/preview")
    public ObjectNode preview(
            ApiCaller caller,
            @PathVariable String sku,
            @RequestBody LicenseMigrationRequest body,
            HttpServletRequest request) {
        DirectToGroup.Preview preview =
                Refused.orRefuse(migration.preview(caller.tenant(), sku, group(body), accept(body)));
        return responses.entity(request, "subscribedSkus('" + sku + "')/migrateToGroups/preview", view(preview));
    }

    @PostMapping("/subscribedSkus/{sku}/migrateToGroups")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ObjectNode start(
            ApiCaller caller,
            @PathVariable String sku,
            @RequestBody LicenseMigrationRequest body,
            HttpServletRequest request,
            HttpServletResponse response) {
        GroupId group = group(body);
        if (group != null && !ApiAccess.mayManageGroups(caller.roles())) {
            throw new AccessDeniedException("joining users to a group");
        }
        LicenseMigration run = Refused.orRefuse(migration.start(caller.caller(), sku, group, accept(body)));
        response.setHeader("Location", "/allot/v1/licenseMigrations/" + run.id());
        return entity(caller, request, run.id(), 0, MAX_TOP);
    }

    @GetMapping("/licenseMigrations/{id}")
    public ObjectNode run(
            ApiCaller caller,
            @PathVariable String id,
            @RequestParam(name = "$top", defaultValue = "100") int top,
            @RequestParam(name = "$skip", defaultValue = "0") int skip,
            HttpServletRequest request) {
        if (top < 1 || top > MAX_TOP || skip < 0) {
            throw new BadRequest("$top must be from 1 to " + MAX_TOP + ", and $skip 0 or more.");
        }
        UUID run = RequestBodies.idOrNotFound(id);
        return entity(caller, request, run, skip, top);
    }

    @GetMapping("/licenseMigrations")
    public ObjectNode runs(ApiCaller caller, HttpServletRequest request) {
        return responses.list(
                request,
                "licenseMigrations",
                migration.runs(caller.tenant(), 50).stream()
                        .map(r -> view(new DirectToGroup.RunView(r, null, null, List.of())))
                        .toList());
    }

    private ObjectNode entity(ApiCaller caller, HttpServletRequest request, UUID id, int skip, int top) {
        DirectToGroup.RunView run =
                migration.run(caller.tenant(), id, skip, top).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(request, "licenseMigrations/$entity", view(run));
    }

    private static GroupId group(LicenseMigrationRequest body) {
        if (body.groupId() == null) {
            return null;
        }
        return RequestBodies.uuid(body.groupId())
                .map(GroupId::new)
                .orElseThrow(() -> new BadRequest("'groupId' must be the id of a group."));
    }

    private static boolean accept(LicenseMigrationRequest body) {
        return Boolean.TRUE.equals(body.acceptPlanChanges());
    }

    static LicenseMigrationPreview view(DirectToGroup.Preview p) {
        return new LicenseMigrationPreview(
                p.product().skuId().toString(),
                p.product().skuPartNumber(),
                p.group() == null ? null : p.group().toString(),
                p.groupName(),
                p.acceptPlanChanges(),
                p.directHolders(),
                p.moving(),
                p.joining(),
                p.keeping(),
                p.plansDiffer(),
                p.notInherited(),
                p.noGroup(),
                p.disabledPlansDiffer(),
                p.seatsUsed(),
                p.seatsUsed(),
                p.users().stream()
                        .map(u -> new LicenseMigrationPreview.User(
                                u.user().toString(),
                                u.userPrincipalName(),
                                u.verdict(),
                                u.moves(),
                                u.joins(),
                                u.reason(),
                                u.plansGained(),
                                u.plansLost(),
                                u.disabledPlansDiffer()))
                        .toList());
    }

    static LicenseMigrationResource view(DirectToGroup.RunView v) {
        LicenseMigration r = v.run();
        return new LicenseMigrationResource(
                r.id().toString(),
                r.sku().toString(),
                v.skuPartNumber(),
                r.group() == null ? null : r.group().toString(),
                v.groupName(),
                r.acceptPlanChanges(),
                r.state().name(),
                r.requestedBy().displayName(),
                GraphValues.time(r.requestedAt()),
                GraphValues.time(r.startedAt()),
                GraphValues.time(r.finishedAt()),
                r.moved(),
                r.joined(),
                r.kept(),
                v.entries().stream()
                        .map(e -> new LicenseMigrationResource.User(
                                e.user().toString(), e.userPrincipalName(), e.moved(), e.joined(), e.reason()))
                        .toList());
    }
}
