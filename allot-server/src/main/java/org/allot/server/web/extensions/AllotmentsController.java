package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.allot.api.extensions.AllotmentRequest;
import org.allot.api.extensions.AllotmentResource;
import org.allot.api.extensions.AllotmentSummary;
import org.allot.api.extensions.GroupLicenseAllotment;
import org.allot.core.Rejection;
import org.allot.core.Scope;
import org.allot.core.assignment.Allotment;
import org.allot.core.assignment.AllotmentChange;
import org.allot.core.assignment.AllotmentFigures;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.PoolFigures;
import org.allot.core.assignment.SeatAllotments;
import org.allot.core.directory.GroupId;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Allotments (docs/delegation.md#allotments): a product's seats by pool ({@code /subscribedSkus/{sku}/allotments}),
 * one pool ({@code /allotments/{id}}: PATCH, DELETE), and the pool a group's license assignment names
 * ({@code /groups/{id}/licenseAllotments/{sku}}). A unit's administrator reads the pools of their units and the
 * product's totals; changing pools is for tenant-wide License and Global Administrators.
 */
@RestController
@RequestMapping(path = "/allot/v1", produces = "application/json")
public class AllotmentsController {
    private final SeatAllotments allotments;
    private final AllotmentFigures figures;
    private final Responses responses;

    public AllotmentsController(SeatAllotments allotments, AllotmentFigures figures, Responses responses) {
        this.allotments = allotments;
        this.figures = figures;
        this.responses = responses;
    }

    @GetMapping("/subscribedSkus/{sku}/allotments")
    public ObjectNode list(ApiCaller caller, @PathVariable String sku, HttpServletRequest request) {
        PoolFigures pools =
                figures.figures(caller.tenant(), sku).orElseThrow(() -> new Refused(Rejection.notFound(sku)));
        Scope scope = caller.caller().scope();
        PoolFigures seen = scope.tenantWide() ? pools : pools.ofUnits(scope.units());
        return responses.entity(request, "subscribedSkus('" + sku + "')/allotments", view(seen));
    }

    @PostMapping("/subscribedSkus/{sku}/allotments")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode create(
            ApiCaller caller,
            @PathVariable String sku,
            @RequestBody AllotmentRequest body,
            HttpServletRequest request) {
        Allotment created = Refused.orRefuse(allotments.create(caller.caller(), sku, change(body)));
        return responses.entity(request, "allotments/$entity", one(caller, created));
    }

    @GetMapping("/allotments/{id}")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        AllotmentId allotment = id(id);
        Allotment found = figures.find(caller.tenant(), allotment)
                .filter(a -> caller.caller().scope().tenantWide()
                        || caller.caller().scope().units().contains(a.owner().id()))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(request, "allotments/$entity", one(caller, found));
    }

    @PatchMapping("/allotments/{id}")
    public ObjectNode update(
            ApiCaller caller, @PathVariable String id, @RequestBody AllotmentRequest body, HttpServletRequest request) {
        Allotment changed = Refused.orRefuse(allotments.update(caller.caller(), id(id), change(body)));
        return responses.entity(request, "allotments/$entity", one(caller, changed));
    }

    @DeleteMapping("/allotments/{id}")
    public ResponseEntity<Void> delete(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(allotments.delete(caller.caller(), id(id)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/groups/{group}/licenseAllotments/{sku}")
    public ObjectNode named(
            ApiCaller caller, @PathVariable String group, @PathVariable String sku, HttpServletRequest request) {
        GroupId id = new GroupId(RequestBodies.idOrNotFound(group));
        Optional<AllotmentId> pool = Refused.orRefuse(allotments.named(caller.tenant(), id, sku));
        return responses.entity(
                request,
                "groups('" + group + "')/licenseAllotments/$entity",
                new GroupLicenseAllotment(
                        group, sku, pool.map(AllotmentId::toString).orElse(null)));
    }

    @PutMapping("/groups/{group}/licenseAllotments/{sku}")
    public ObjectNode name(
            ApiCaller caller,
            @PathVariable String group,
            @PathVariable String sku,
            @RequestBody NamedAllotment body,
            HttpServletRequest request) {
        GroupId id = new GroupId(RequestBodies.idOrNotFound(group));
        Optional<AllotmentId> pool = body == null || body.allotmentId() == null
                ? Optional.empty()
                : Optional.of(AllotmentId.parse(body.allotmentId())
                        .orElseThrow(() -> new BadRequest("'allotmentId' must be an allotment's id, or null.")));
        Optional<AllotmentId> named = Refused.orRefuse(allotments.nameForGroup(caller.caller(), id, sku, pool));
        return responses.entity(
                request,
                "groups('" + group + "')/licenseAllotments/$entity",
                new GroupLicenseAllotment(
                        group, sku, named.map(AllotmentId::toString).orElse(null)));
    }

    /** What a PUT of a group assignment's pool may send: the pool's id, or null for none. */
    record NamedAllotment(String allotmentId) {}

    private static AllotmentId id(String text) {
        return AllotmentId.parse(text).orElseThrow(() -> new Refused(Rejection.notFound(text)));
    }

    private static AllotmentChange change(AllotmentRequest body) {
        if (body == null) {
            throw new BadRequest("Send an allotment: displayName, ownerType, ownerId, cap, position.");
        }
        Optional<Allotment.Owner> owner = Optional.empty();
        if (body.ownerType() != null || body.ownerId() != null) {
            if (body.ownerType() == null || body.ownerId() == null) {
                throw new BadRequest("Send 'ownerType' and 'ownerId' together.");
            }
            Allotment.Kind kind =
                    switch (body.ownerType()) {
                        case "administrativeUnit" -> Allotment.Kind.UNIT;
                        case "group" -> Allotment.Kind.GROUP;
                        default ->
                            throw new BadRequest("'ownerType' must be 'administrativeUnit' or 'group', not '"
                                    + body.ownerType() + "'.");
                    };
            UUID ownerId = org.allot.core.unit.UnitId.parse(body.ownerId())
                    .map(org.allot.core.unit.UnitId::value)
                    .orElseThrow(
                            () -> new BadRequest("'ownerId' must be the id of an administrative unit or a group."));
            owner = Optional.of(new Allotment.Owner(kind, ownerId));
        }
        return new AllotmentChange(
                Optional.ofNullable(body.displayName()),
                owner,
                Optional.ofNullable(body.cap()),
                Optional.ofNullable(body.position()));
    }

    private AllotmentResource one(ApiCaller caller, Allotment allotment) {
        PoolFigures pools = figures.figures(caller.tenant(), allotment.sku().toString())
                .orElseThrow(() -> new Refused(Rejection.notFound(allotment.sku())));
        return pools.pools().stream()
                .filter(p -> p.allotment().id().equals(allotment.id()))
                .findFirst()
                .map(p -> view(pools, p))
                .orElseGet(() -> view(pools, new PoolFigures.Pool(allotment, 0, 0, 0)));
    }

    static AllotmentSummary view(PoolFigures figures) {
        return new AllotmentSummary(
                figures.sku().toString(),
                figures.skuPartNumber(),
                figures.enabled(),
                figures.pools().stream().map(p -> view(figures, p)).toList(),
                view(figures, figures.remainder()));
    }

    private static AllotmentResource view(PoolFigures figures, PoolFigures.Pool pool) {
        Allotment a = pool.allotment();
        return new AllotmentResource(
                a == null ? null : a.id().toString(),
                figures.sku().toString(),
                figures.skuPartNumber(),
                a == null ? "Unallotted" : a.displayName(),
                a == null ? null : a.owner().kind() == Allotment.Kind.UNIT ? "administrativeUnit" : "group",
                a == null ? null : a.owner().id().toString(),
                a == null ? null : a.cap(),
                a == null ? null : a.position(),
                pool.seats(),
                pool.consumed(),
                pool.waiting());
    }
}
