package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.allot.core.Rejection;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.subscription.SubscribedSku;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.server.security.ApiCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Graph's subscribedSkus: each product the tenant subscribes to, with its seat figures. */
@RestController
public class SubscribedSkusController {
    static final Set<String> PROPERTIES = Set.of(
            "accountId",
            "accountName",
            "appliesTo",
            "capabilityStatus",
            "consumedUnits",
            "id",
            "prepaidUnits",
            "servicePlans",
            "skuId",
            "skuPartNumber",
            "subscriptionIds",
            "waitingUnits");

    private final SubscriptionBook book;
    private final TenantDirectory tenants;
    private final Responses responses;

    public SubscribedSkusController(SubscriptionBook book, TenantDirectory tenants, Responses responses) {
        this.book = book;
        this.tenants = tenants;
        this.responses = responses;
    }

    @GetMapping(path = "/v1.0/subscribedSkus", produces = "application/json")
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, null, PROPERTIES, ODataQuery.SELECT_ONLY);
        Tenant tenant = tenants.find(caller.tenant()).orElseThrow();
        List<org.allot.api.graph.SubscribedSkuResource> skus = book.subscribedSkus(caller.tenant()).stream()
                .map(s -> SubscriptionResources.subscribedSku(tenant, s))
                .toList();
        return responses.page(request, "subscribedSkus", skus, query, PROPERTIES, null, null);
    }

    @GetMapping(path = "/v1.0/subscribedSkus/{id}", produces = "application/json")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, null, PROPERTIES, ODataQuery.SELECT_ONLY);
        Tenant tenant = tenants.find(caller.tenant()).orElseThrow();
        SubscribedSku sku = book.subscribedSkus(caller.tenant()).stream()
                .filter(s -> id.equalsIgnoreCase(SubscriptionResources.skuId(tenant, s))
                        || id.equalsIgnoreCase(s.product().skuId().toString()))
                .findFirst()
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(
                request, "subscribedSkus/$entity", SubscriptionResources.subscribedSku(tenant, sku), query, PROPERTIES);
    }
}
