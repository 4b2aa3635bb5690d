package org.allot.server.web.extensions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.allot.api.extensions.GroupLicensing;
import org.allot.api.extensions.SeatImpact;
import org.allot.api.extensions.WaitingListEntry;
import org.allot.api.graph.AssignLicenseRequest;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.LicenseQueries;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.GraphViews;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Graph lacks: the waiting list of each product, a group's priority in waiting lists, reprocessing a whole
 * group, and a preview of what a group license change would do before applying it.
 */
@RestController
@RequestMapping(path = "/allot/v1", produces = "application/json")
public class LicensingController {
    private final UnitOfWork work;
    private final org.allot.core.assignment.GroupLicensing licensing;
    private final ProductCatalog catalog;
    private final LicenseQueries licenses;
    private final Seats seats;
    private final GraphViews views;
    private final Responses responses;

    public LicensingController(
            UnitOfWork work,
            org.allot.core.assignment.GroupLicensing licensing,
            ProductCatalog catalog,
            LicenseQueries licenses,
            Seats seats,
            GraphViews views,
            Responses responses) {
        this.work = work;
        this.licensing = licensing;
        this.catalog = catalog;
        this.licenses = licenses;
        this.seats = seats;
        this.views = views;
        this.responses = responses;
    }

    /** The waiting list of a product, in the order users will be served; {@code $top} 1–999, {@code $skip}. */
    @GetMapping("/subscribedSkus/{sku}/waitingList")
    public ObjectNode waitingList(
            ApiCaller caller,
            @PathVariable String sku,
            @RequestParam(name = "$top", defaultValue = "100") int top,
            @RequestParam(name = "$skip", defaultValue = "0") int skip,
            HttpServletRequest request) {
        if (top < 1 || top > 999 || skip < 0) {
            throw new BadRequest("$top must be between 1 and 999 and $skip not negative.");
        }
        return work.read(() -> {
            Product product = product(caller.tenant(), sku);
            List<LicenseQueries.WaitingEntry> entries =
                    licenses.waitingList(caller.tenant(), product.skuId(), skip, top);
            List<WaitingListEntry> values = new java.util.ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                LicenseQueries.WaitingEntry e = entries.get(i);
                values.add(new WaitingListEntry(
                        skip + i + 1,
                        e.user().toString(),
                        e.userPrincipalName(),
                        e.displayName(),
                        e.requestedAt().atOffset(java.time.ZoneOffset.UTC),
                        e.source().isDirect() ? null : e.source().groupOrNull().toString(),
                        e.priority()));
            }
            SeatCount count = seats.all(caller.tenant()).getOrDefault(product.skuId(), SeatCount.EMPTY);
            ObjectNode body = responses.list(request, "subscribedSkus('" + sku + "')/waitingList", values);
            body.put("@odata.count", count.waiting());
            body.put("skuId", product.skuId().toString());
            body.put("skuPartNumber", product.skuPartNumber());
            body.put("availableUnits", count.available());
            return body;
        });
    }

    @PatchMapping("/groups/{id}/licensing")
    public ObjectNode setPriority(
            ApiCaller caller, @PathVariable String id, @RequestBody GroupLicensing body, HttpServletRequest request) {
        if (body.licensePriority() == null) {
            throw new BadRequest("Send 'licensePriority'.");
        }
        var state = Refused.orRefuse(
                work.run(() -> licensing.setPriority(caller.caller(), group(id), body.licensePriority())));
        return responses.entity(request, "groups/$entity", views.group(caller.tenant(), state.group()));
    }

    /** Applies the group's licenses to all its members again; 202, like assignLicense. */
    @PostMapping("/groups/{id}/reprocessLicenseAssignment")
    public ResponseEntity<ObjectNode> reprocess(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        var state = Refused.orRefuse(work.run(() -> licensing.reprocess(caller.caller(), group(id))));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(work.read(() ->
                        responses.entity(request, "groups/$entity", views.group(caller.tenant(), state.group()))));
    }

    /** The body of assignLicense; answers what it would do. Nothing is changed. */
    @PostMapping("/groups/{id}/seatImpact")
    public ObjectNode seatImpact(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = AssignLicenseRequest.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        var change = RequestBodies.licenses(body);
        List<AssignedLicense> add = change.add();
        org.allot.core.assignment.SeatImpact impact =
                work.read(() -> Refused.orRefuse(licensing.preview(caller.caller(), group(id), add, change.remove())));
        Catalog products = work.read(() -> catalog.forTenant(caller.tenant()));
        List<SeatImpact.Sku> skus = impact.skus().stream()
                .map(s -> new SeatImpact.Sku(
                        s.sku().value(),
                        products.find(s.sku()).map(Product::skuPartNumber).orElse(null),
                        s.availableNow(),
                        s.seatsTaken(),
                        s.seatsFreed(),
                        s.wouldWait(),
                        s.wouldWaitSample().stream().map(UserId::toString).toList(),
                        s.wouldLose(),
                        s.wouldLoseSample().stream().map(UserId::toString).toList()))
                .toList();
        return responses.entity(
                request, "seatImpact", new SeatImpact(id, impact.members(), impact.guestMembers(), skus));
    }

    private Product product(TenantId tenant, String sku) {
        return catalog.forTenant(tenant).lookup(sku).orElseThrow(() -> new Refused(Rejection.notFound(sku)));
    }

    static GroupId group(String id) {
        return new GroupId(RequestBodies.idOrNotFound(id));
    }
}
