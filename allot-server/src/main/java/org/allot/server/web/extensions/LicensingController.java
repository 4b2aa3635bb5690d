package org.allot.server.web.extensions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.allot.api.extensions.GroupLicenseProcessing;
import org.allot.api.extensions.GroupLicensingResource;
import org.allot.api.extensions.SeatImpactResource;
import org.allot.api.extensions.WaitingListEntry;
import org.allot.api.graph.AssignLicenseRequest;
import org.allot.core.Rejection;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.LicenseHolders;
import org.allot.core.assignment.LicenseQueries;
import org.allot.core.assignment.LicensedGroup;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.GraphValues;
import org.allot.server.web.graph.GroupResources;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Graph lacks: the waiting list of each product, a group's priority in waiting lists, reprocessing a whole
 * group, and a preview of what a group license change would do before applying it.
 */
@RestController
@RequestMapping(path = "/allot/v1", produces = "application/json")
public class LicensingController {
    private final org.allot.core.assignment.GroupLicensing licensing;
    private final LicenseHolders holders;
    private final ProductCatalog catalog;
    private final Responses responses;

    public LicensingController(
            org.allot.core.assignment.GroupLicensing licensing,
            LicenseHolders holders,
            ProductCatalog catalog,
            Responses responses) {
        this.licensing = licensing;
        this.holders = holders;
        this.catalog = catalog;
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
        LicenseHolders.WaitingList list = holders.waitingList(caller.tenant(), sku, skip, top)
                .orElseThrow(() -> new Refused(Rejection.notFound(sku)));
        List<WaitingListEntry> values = new ArrayList<>();
        for (int i = 0; i < list.entries().size(); i++) {
            LicenseQueries.WaitingEntry e = list.entries().get(i);
            values.add(new WaitingListEntry(
                    skip + i + 1,
                    e.user().toString(),
                    e.userPrincipalName(),
                    e.displayName(),
                    GraphValues.time(e.requestedAt()),
                    e.source().isDirect() ? null : e.source().groupOrNull().toString(),
                    e.priority()));
        }
        ObjectNode body = responses.list(request, "subscribedSkus('" + sku + "')/waitingList", values);
        body.put("@odata.count", list.seats().waiting());
        body.put("skuId", list.product().skuId().toString());
        body.put("skuPartNumber", list.product().skuPartNumber());
        body.put("availableUnits", list.seats().available());
        return body;
    }

    @PatchMapping("/groups/{id}/licensing")
    public ObjectNode setPriority(
            ApiCaller caller,
            @PathVariable String id,
            @RequestBody GroupLicensingResource body,
            HttpServletRequest request) {
        if (body.licensePriority() == null) {
            throw new BadRequest("Send 'licensePriority'.");
        }
        var state = Refused.orRefuse(licensing.setPriority(caller.caller(), group(id), body.licensePriority()));
        return responses.entity(request, "groups/$entity", GroupResources.group(LicensedGroup.of(state)));
    }

    /** Applies the group's licenses to all its members again; 202, like assignLicense. */
    @PostMapping("/groups/{id}/reprocessLicenseAssignment")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ObjectNode reprocess(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        var state = Refused.orRefuse(licensing.reprocess(caller.caller(), group(id)));
        return responses.entity(request, "groups/$entity", GroupResources.group(LicensedGroup.of(state)));
    }

    /**
     * How applying the group's licenses stands, with the counts of a background run while it is queued or under way
     * (what {@code allot group status --wait} shows).
     */
    @GetMapping("/groups/{id}/licenseProcessing")
    public ObjectNode processing(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        var processing = licensing
                .processingOf(caller.tenant(), group(id))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
        var run = processing.underWay();
        return responses.entity(
                request,
                "licenseProcessing",
                new GroupLicenseProcessing(
                        id,
                        processing.state().name(),
                        run == null ? null : run.processed(),
                        run == null ? null : run.succeeded(),
                        run == null ? null : run.failed()));
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
                Refused.orRefuse(licensing.preview(caller.caller(), group(id), add, change.remove()));
        Catalog products = catalog.forTenant(caller.tenant());
        List<SeatImpactResource.Sku> skus = impact.skus().stream()
                .map(s -> new SeatImpactResource.Sku(
                        s.sku().value(),
                        products.find(s.sku()).map(Product::skuPartNumber).orElse(null),
                        s.availableNow(),
                        s.seatsTaken(),
                        s.seatsFreed(),
                        s.wouldWait(),
                        s.wouldWaitSample().stream().map(UserId::toString).toList(),
                        s.wouldLose(),
                        s.wouldLoseSample().stream().map(UserId::toString).toList(),
                        s.pools().stream().map(LicensingController::allotment).toList()))
                .toList();
        return responses.entity(
                request, "seatImpact", new SeatImpactResource(id, impact.members(), impact.guestMembers(), skus));
    }

    private static SeatImpactResource.Allotment allotment(org.allot.core.assignment.SeatImpact.Pool p) {
        var a = p.allotment();
        return new SeatImpactResource.Allotment(
                a == null ? null : a.id().toString(),
                a == null ? null : a.displayName(),
                a == null ? null : a.cap(),
                p.seats(),
                p.consumedNow(),
                p.consumedAfter(),
                p.waitingNow(),
                p.waitingAfter());
    }

    static GroupId group(String id) {
        return new GroupId(RequestBodies.idOrNotFound(id));
    }
}
