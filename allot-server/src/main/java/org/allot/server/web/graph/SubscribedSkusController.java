package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.allot.api.graph.LicenseUnitsDetail;
import org.allot.api.graph.ServicePlanInfo;
import org.allot.core.Rejection;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.Tenants;
import org.allot.core.subscription.LicenseUnits;
import org.allot.core.subscription.SubscribedSku;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.server.persistence.UnitOfWork;
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

    private final UnitOfWork work;
    private final SubscriptionBook book;
    private final Tenants tenants;
    private final Responses responses;

    public SubscribedSkusController(UnitOfWork work, SubscriptionBook book, Tenants tenants, Responses responses) {
        this.work = work;
        this.book = book;
        this.tenants = tenants;
        this.responses = responses;
    }

    @GetMapping(path = "/v1.0/subscribedSkus", produces = "application/json")
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, null, PROPERTIES, ODataQuery.SELECT_ONLY);
        return work.read(() -> {
            Tenant tenant = tenants.find(caller.tenant()).orElseThrow();
            List<org.allot.api.graph.SubscribedSku> skus = book.subscribedSkus(caller.tenant()).stream()
                    .map(s -> sku(tenant, s))
                    .toList();
            return responses.page(request, "subscribedSkus", skus, query, PROPERTIES, null, null);
        });
    }

    @GetMapping(path = "/v1.0/subscribedSkus/{id}", produces = "application/json")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, null, PROPERTIES, ODataQuery.SELECT_ONLY);
        return work.read(() -> {
            Tenant tenant = tenants.find(caller.tenant()).orElseThrow();
            SubscribedSku sku = book.subscribedSkus(caller.tenant()).stream()
                    .filter(s ->
                            id.equalsIgnoreCase(tenant.id() + "_" + s.product().skuId())
                                    || id.equalsIgnoreCase(s.product().skuId().toString()))
                    .findFirst()
                    .orElseThrow(() -> new Refused(Rejection.notFound(id)));
            return responses.entity(request, "subscribedSkus/$entity", sku(tenant, sku), query, PROPERTIES);
        });
    }

    static org.allot.api.graph.SubscribedSku sku(Tenant tenant, SubscribedSku s) {
        LicenseUnits units = s.seats().prepaid();
        List<ServicePlanInfo> plans = s.product().servicePlans().stream()
                .map(p -> new ServicePlanInfo(p.appliesTo().name(), "Success", p.id().value(), p.name()))
                .toList();
        return new org.allot.api.graph.SubscribedSku(
                tenant.id().toString(),
                tenant.name(),
                s.product().appliesTo().name(),
                s.capabilityStatus().name(),
                s.seats().consumed(),
                tenant.id() + "_" + s.product().skuId(),
                new LicenseUnitsDetail(units.enabled(), units.lockedOut(), units.suspended(), units.warning()),
                plans,
                s.product().skuId().value(),
                s.product().skuPartNumber(),
                s.subscriptionIds().stream().map(Object::toString).toList(),
                s.seats().waiting());
    }
}
