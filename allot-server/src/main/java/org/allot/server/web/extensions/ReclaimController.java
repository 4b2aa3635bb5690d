package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.allot.api.extensions.ReclaimPolicyResource;
import org.allot.api.extensions.ReclaimRunRequest;
import org.allot.core.Rejection;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.reclaim.Reclaim;
import org.allot.core.reclaim.ReclaimPolicy;
import org.allot.core.reclaim.ReclaimReport;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reclaim of unused licenses (docs/license-lifecycle.md, "Reclaim"): policies per product, a preview of what they list
 * now, runs on demand (kept, and applied when asked), and the runs' reports. Products are named by SKU id or part
 * number.
 */
@RestController
@RequestMapping(path = "/allot/v1/reclaim", produces = "application/json")
public class ReclaimController {
    private final Reclaim reclaim;
    private final ProductCatalog catalog;
    private final Responses responses;

    public ReclaimController(Reclaim reclaim, ProductCatalog catalog, Responses responses) {
        this.reclaim = reclaim;
        this.catalog = catalog;
        this.responses = responses;
    }

    @GetMapping("/policies")
    public ObjectNode policies(ApiCaller caller, HttpServletRequest request) {
        Catalog products = catalog.forTenant(caller.tenant());
        return responses.list(
                request,
                "reclaim/policies",
                reclaim.policies(caller.tenant()).stream()
                        .map(p -> ReclaimResources.policy(p, products))
                        .toList());
    }

    @GetMapping("/policies/{sku}")
    public ObjectNode policy(ApiCaller caller, @PathVariable String sku, HttpServletRequest request) {
        Catalog products = catalog.forTenant(caller.tenant());
        ReclaimPolicy p = reclaim.policy(caller.tenant(), product(products, sku))
                .orElseThrow(() -> new Refused(Rejection.notFound(sku)));
        return responses.entity(request, "reclaim/policies/$entity", ReclaimResources.policy(p, products));
    }

    @PutMapping("/policies/{sku}")
    public ObjectNode setPolicy(
            ApiCaller caller,
            @PathVariable String sku,
            @RequestBody ReclaimPolicyResource body,
            HttpServletRequest request) {
        Catalog products = catalog.forTenant(caller.tenant());
        SkuId product = product(products, sku);
        for (String named : Arrays.asList(body.skuId(), body.skuPartNumber())) {
            if (named != null && !products.lookup(named).map(Product::skuId).equals(Optional.of(product))) {
                throw new BadRequest("The body names another product than the path: " + sku + ".");
            }
        }
        ReclaimPolicy p = Refused.orRefuse(reclaim.setPolicy(caller.caller(), ReclaimResources.policy(product, body)));
        return responses.entity(request, "reclaim/policies/$entity", ReclaimResources.policy(p, products));
    }

    @DeleteMapping("/policies/{sku}")
    public ResponseEntity<Void> removePolicy(ApiCaller caller, @PathVariable String sku) {
        Refused.orRefuse(reclaim.removePolicy(caller.caller(), productOrId(catalog.forTenant(caller.tenant()), sku)));
        return ResponseEntity.noContent().build();
    }

    /** What the policies (or one product's, {@code ?skuId=}) list now; nothing is kept or done. */
    @GetMapping("/report")
    public ObjectNode report(
            ApiCaller caller, @RequestParam(name = "skuId", required = false) String sku, HttpServletRequest request) {
        Catalog products = catalog.forTenant(caller.tenant());
        ReclaimReport r = Refused.orRefuse(reclaim.preview(caller.tenant(), optionalProduct(products, sku)));
        return responses.entity(request, "reclaim/report", ReclaimResources.report(r, products));
    }

    /**
     * Runs reclaim now ({@code {}} or {@code {"apply": false}}: keeps a report only): the report is kept, then with
     * {@code "apply": true} what it lists as removable is removed.
     */
    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode run(ApiCaller caller, @RequestBody ReclaimRunRequest body, HttpServletRequest request) {
        Catalog products = catalog.forTenant(caller.tenant());
        boolean apply = Boolean.TRUE.equals(body.apply());
        Optional<SkuId> sku = optionalProduct(products, body.skuId());
        ReclaimReport r = Refused.orRefuse(reclaim.run(caller.caller(), sku, apply));
        return responses.entity(request, "reclaim/runs/$entity", ReclaimResources.report(r, products));
    }

    @GetMapping("/runs")
    public ObjectNode runs(ApiCaller caller, HttpServletRequest request) {
        Catalog products = catalog.forTenant(caller.tenant());
        return responses.list(
                request,
                "reclaim/runs",
                reclaim.recentRuns(caller.tenant()).stream()
                        .map(r -> ReclaimResources.report(r, products))
                        .toList());
    }

    @GetMapping("/runs/{id}")
    public ObjectNode run(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        UUID run = RequestBodies.idOrNotFound(id);
        ReclaimReport r = reclaim.report(caller.tenant(), run).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(
                request, "reclaim/runs/$entity", ReclaimResources.report(r, catalog.forTenant(caller.tenant())));
    }

    private static Optional<SkuId> optionalProduct(Catalog products, String sku) {
        return sku == null ? Optional.empty() : Optional.of(product(products, sku));
    }

    /** A product of the catalogue, or the id of one no longer there (a custom product removed since). */
    private static SkuId productOrId(Catalog products, String sku) {
        Optional<SkuId> known = products.lookup(sku).map(Product::skuId);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            return SkuId.of(sku);
        } catch (IllegalArgumentException e) {
            return product(products, sku);
        }
    }

    private static SkuId product(Catalog products, String sku) {
        return products.lookup(sku)
                .map(Product::skuId)
                .orElseThrow(
                        () -> new BadRequest("No product " + sku + " in the catalogue: see GET /allot/v1/products."));
    }
}
