package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.allot.api.extensions.LicensePendingRemoval;
import org.allot.api.extensions.RemovalGraceResource;
import org.allot.api.extensions.RemovalGraceUpdate;
import org.allot.core.Rejection;
import org.allot.core.assignment.PendingRemovals;
import org.allot.core.assignment.RemovalGrace;
import org.allot.core.catalog.Product;
import org.allot.core.directory.UserRef;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.GraphValues;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.Responses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Grace on removal (docs/license-lifecycle.md, PendingRemoval): the days a product holds a removed license, the
 * licenses pending removal of a product or a user, and undoing one. Graph's own shapes show a held license as
 * assigned and Active until it is freed.
 */
@RestController
@RequestMapping(path = "/allot/v1", produces = "application/json")
public class PendingRemovalsController {
    private final PendingRemovals removals;
    private final Responses responses;

    public PendingRemovalsController(PendingRemovals removals, Responses responses) {
        this.removals = removals;
        this.responses = responses;
    }

    @GetMapping("/subscribedSkus/{sku}/removalGrace")
    public ObjectNode grace(ApiCaller caller, @PathVariable String sku, HttpServletRequest request) {
        PendingRemovals.ProductRemovals product =
                removals.ofProduct(caller.tenant(), sku).orElseThrow(() -> new Refused(Rejection.notFound(sku)));
        return responses.entity(request, "removalGrace", view(product));
    }

    @PatchMapping("/subscribedSkus/{sku}/removalGrace")
    public ObjectNode setGrace(
            ApiCaller caller,
            @PathVariable String sku,
            @RequestBody RemovalGraceUpdate body,
            HttpServletRequest request) {
        if (body.removalGraceDays() == null) {
            throw new BadRequest(
                    "Send 'removalGraceDays': the days from 0 (freed at once) to " + RemovalGrace.MAX_DAYS + ".");
        }
        PendingRemovals.ProductRemovals product =
                Refused.orRefuse(removals.setDays(caller.caller(), sku, body.removalGraceDays()));
        return responses.entity(request, "removalGrace", view(product));
    }

    @GetMapping("/users/{id}/pendingRemovals")
    public ObjectNode ofUser(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        PendingRemovals.UserRemovals user =
                removals.ofUser(caller.caller(), UserRef.of(id)).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.list(request, "pendingRemovals", views(user.pending()));
    }

    /** Undoes the pending removal: the user keeps the license as a direct assignment. */
    @PostMapping("/users/{id}/pendingRemovals/{sku}/cancel")
    public ObjectNode cancel(
            ApiCaller caller, @PathVariable String id, @PathVariable String sku, HttpServletRequest request) {
        PendingRemovals.UserRemovals after = Refused.orRefuse(removals.cancel(caller.caller(), UserRef.of(id), sku));
        return responses.list(request, "pendingRemovals", views(after.pending()));
    }

    private static RemovalGraceResource view(PendingRemovals.ProductRemovals product) {
        Product p = product.product();
        return new RemovalGraceResource(
                p.skuId().toString(), p.skuPartNumber(), product.days(), views(product.pending()));
    }

    /** The one mapping of a license pending removal. */
    private static List<LicensePendingRemoval> views(List<PendingRemovals.Pending> pending) {
        return pending.stream()
                .map(h -> new LicensePendingRemoval(
                        h.user().toString(),
                        h.userPrincipalName(),
                        h.sku().toString(),
                        h.skuPartNumber(),
                        h.source().isDirect() ? null : h.source().groupOrNull().toString(),
                        GraphValues.time(h.at())))
                .toList();
    }
}
