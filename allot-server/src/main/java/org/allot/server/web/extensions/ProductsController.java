package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.allot.api.extensions.PlanRuleResource;
import org.allot.api.extensions.ProductRequest;
import org.allot.api.extensions.ProductResource;
import org.allot.api.graph.ServicePlanInfo;
import org.allot.core.Rejection;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UsageLocation;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** The product catalogue (built-in and custom products) and the service plan rules. */
@RestController
@RequestMapping(path = "/allot/v1", produces = "application/json")
public class ProductsController {
    private final ProductCatalog catalog;
    private final Responses responses;

    public ProductsController(ProductCatalog catalog, Responses responses) {
        this.catalog = catalog;
        this.responses = responses;
    }

    /** Products whose part number or name contains {@code search}, custom ones only with {@code custom=true}. */
    @GetMapping("/products")
    public ObjectNode products(
            ApiCaller caller,
            @RequestParam(required = false) String search,
            @RequestParam(required = false, defaultValue = "false") boolean custom,
            HttpServletRequest request) {
        String needle = search == null ? null : search.toLowerCase(Locale.ROOT);
        List<ProductResource> products = catalog.forTenant(caller.tenant()).products().stream()
                .filter(p -> !custom || p.custom())
                .filter(p -> needle == null
                        || p.skuPartNumber().toLowerCase(Locale.ROOT).contains(needle)
                        || p.displayName().toLowerCase(Locale.ROOT).contains(needle))
                .map(ProductsController::view)
                .toList();
        return responses.list(request, "products", products);
    }

    @GetMapping("/products/{id}")
    public ObjectNode product(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        Catalog products = catalog.forTenant(caller.tenant());
        org.allot.core.catalog.Product product =
                products.lookup(id).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(request, "products/$entity", view(product));
    }

    @PostMapping("/products")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode addProduct(ApiCaller caller, @RequestBody ProductRequest body, HttpServletRequest request) {
        List<ProductCatalog.PlanSpec> plans = body.servicePlans() == null
                ? List.of()
                : body.servicePlans().stream()
                        .map(p -> new ProductCatalog.PlanSpec(
                                p.servicePlanId() == null ? null : new ServicePlanId(p.servicePlanId()),
                                p.servicePlanName(),
                                p.displayName()))
                        .toList();
        var product =
                Refused.orRefuse(catalog.addProduct(caller.caller(), body.skuPartNumber(), body.displayName(), plans));
        return responses.entity(request, "products/$entity", view(product));
    }

    @DeleteMapping("/products/{id}")
    public ResponseEntity<Void> removeProduct(ApiCaller caller, @PathVariable String id) {
        SkuId sku = new SkuId(RequestBodies.idOrNotFound(id));
        Refused.orRefuse(catalog.removeProduct(caller.caller(), sku));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/planRules")
    public ObjectNode rules(ApiCaller caller, HttpServletRequest request) {
        Catalog products = catalog.forTenant(caller.tenant());
        return responses.list(
                request,
                "planRules",
                products.rules().rules().stream().map(r -> view(r, products)).toList());
    }

    @PostMapping("/planRules")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode addRule(ApiCaller caller, @RequestBody PlanRuleResource body, HttpServletRequest request) {
        if (body.id() != null || body.builtIn() != null || body.description() != null) {
            throw new BadRequest("id, builtIn and description are read-only: send kind, servicePlanId, servicePlanIds,"
                    + " usageLocations and note.");
        }
        org.allot.core.catalog.PlanRule.Kind kind = kind(body.kind());
        if (body.servicePlanId() == null) {
            throw new BadRequest("A rule needs 'servicePlanId'.");
        }
        Set<ServicePlanId> plans = new HashSet<>();
        if (body.servicePlanIds() != null) {
            body.servicePlanIds().forEach(p -> plans.add(new ServicePlanId(p)));
        }
        Set<UsageLocation> locations = new HashSet<>();
        if (body.usageLocations() != null) {
            for (String code : body.usageLocations()) {
                locations.add(UsageLocation.parse(code)
                        .orElseThrow(() -> new BadRequest("'" + code + "' is not a two-letter country code.")));
            }
        }
        var rule = Refused.orRefuse(catalog.addRule(
                caller.caller(), kind, new ServicePlanId(body.servicePlanId()), plans, locations, body.note()));
        Catalog products = catalog.forTenant(caller.tenant());
        return responses.entity(request, "planRules/$entity", view(rule, products));
    }

    @DeleteMapping("/planRules/{id}")
    public ResponseEntity<Void> removeRule(ApiCaller caller, @PathVariable String id) {
        UUID rule = RequestBodies.idOrNotFound(id);
        Refused.orRefuse(catalog.removeRule(caller.caller(), rule));
        return ResponseEntity.noContent().build();
    }

    static ProductResource view(org.allot.core.catalog.Product p) {
        return new ProductResource(
                p.skuId().value(),
                p.skuPartNumber(),
                p.displayName(),
                p.appliesTo().name(),
                p.custom(),
                p.servicePlans().stream()
                        .map(s -> new ServicePlanInfo(s.appliesTo().name(), "Success", s.id().value(), s.name()))
                        .toList());
    }

    private static PlanRuleResource view(org.allot.core.catalog.PlanRule r, Catalog products) {
        return new PlanRuleResource(
                r.id(),
                r.kind().name(),
                r.plan().value(),
                r.plans().stream().map(ServicePlanId::value).sorted().toList(),
                r.locations().stream().map(UsageLocation::code).sorted().toList(),
                r.note(),
                r.builtIn(),
                ProductCatalog.describe(r, products));
    }

    private static org.allot.core.catalog.PlanRule.Kind kind(String value) {
        for (org.allot.core.catalog.PlanRule.Kind k : org.allot.core.catalog.PlanRule.Kind.values()) {
            if (k.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return k;
            }
        }
        throw new BadRequest("'kind' must be REQUIRES, EXCLUDES or PROHIBITED_IN.");
    }
}
