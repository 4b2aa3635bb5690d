package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.allot.api.extensions.GroupOnlySettings;
import org.allot.api.extensions.GroupOnlyUpdate;
import org.allot.api.extensions.ProductGroupOnly;
import org.allot.core.Rejection;
import org.allot.core.assignment.GroupOnly;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.Responses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The group-only policy (docs/delegation.md): for the whole tenant ({@code /settings/groupOnly}) and per product
 * ({@code /subscribedSkus/{sku}/groupOnly}). A direct assignment it forbids is refused with 400, unless a Global
 * Administrator overrides it for the request ({@code ?overrideGroupOnly=true} on assignLicense).
 */
@RestController
@RequestMapping(path = "/allot/v1", produces = "application/json")
public class GroupOnlyController {
    private final GroupOnly groupOnly;
    private final Responses responses;

    public GroupOnlyController(GroupOnly groupOnly, Responses responses) {
        this.groupOnly = groupOnly;
        this.responses = responses;
    }

    @GetMapping("/settings/groupOnly")
    public ObjectNode tenant(ApiCaller caller, HttpServletRequest request) {
        return responses.entity(request, "settings/groupOnly", view(groupOnly.overview(caller.tenant())));
    }

    @PatchMapping("/settings/groupOnly")
    public ObjectNode setTenant(ApiCaller caller, @RequestBody GroupOnlyUpdate body, HttpServletRequest request) {
        GroupOnly.Overview set = Refused.orRefuse(groupOnly.setTenantWide(caller.caller(), required(body)));
        return responses.entity(request, "settings/groupOnly", view(set));
    }

    @GetMapping("/subscribedSkus/{sku}/groupOnly")
    public ObjectNode product(ApiCaller caller, @PathVariable String sku, HttpServletRequest request) {
        GroupOnly.ProductPolicy policy =
                groupOnly.ofProduct(caller.tenant(), sku).orElseThrow(() -> new Refused(Rejection.notFound(sku)));
        return responses.entity(request, "subscribedSkus('" + sku + "')/groupOnly", view(policy));
    }

    @PatchMapping("/subscribedSkus/{sku}/groupOnly")
    public ObjectNode setProduct(
            ApiCaller caller, @PathVariable String sku, @RequestBody GroupOnlyUpdate body, HttpServletRequest request) {
        GroupOnly.ProductPolicy set = Refused.orRefuse(groupOnly.setProduct(caller.caller(), sku, required(body)));
        return responses.entity(request, "subscribedSkus('" + sku + "')/groupOnly", view(set));
    }

    private static boolean required(GroupOnlyUpdate body) {
        if (body == null || body.groupOnly() == null) {
            throw new BadRequest("Send 'groupOnly': true to forbid direct assignment, false to allow it again.");
        }
        return body.groupOnly();
    }

    private static GroupOnlySettings view(GroupOnly.Overview overview) {
        List<ProductGroupOnly> products = overview.products().stream()
                .map(p -> view(new GroupOnly.ProductPolicy(p, true, overview.tenantWide())))
                .toList();
        return new GroupOnlySettings(overview.tenantWide(), products);
    }

    static ProductGroupOnly view(GroupOnly.ProductPolicy p) {
        return new ProductGroupOnly(
                p.product().skuId().toString(),
                p.product().skuPartNumber(),
                p.groupOnly(),
                p.productSetting(),
                p.tenantWide());
    }
}
