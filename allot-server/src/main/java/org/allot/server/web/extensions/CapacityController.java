package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.allot.api.extensions.LifecycleSettingsResource;
import org.allot.api.extensions.OveragePreview;
import org.allot.core.Rejection;
import org.allot.core.assignment.OverageGrace;
import org.allot.core.assignment.SeatHolders;
import org.allot.core.subscription.LifecyclePeriods;
import org.allot.core.subscription.LifecyclePolicy;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.GraphValues;
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
 * Capacity below use (docs/license-lifecycle.md): a product's overage and who loses a seat when its grace period
 * ends, before it happens; the tenant's lifecycle periods.
 */
@RestController
@RequestMapping(path = "/allot/v1", produces = "application/json")
public class CapacityController {
    private final OverageGrace grace;
    private final LifecyclePolicy periods;
    private final Responses responses;

    public CapacityController(OverageGrace grace, LifecyclePolicy periods, Responses responses) {
        this.grace = grace;
        this.periods = periods;
        this.responses = responses;
    }

    /** The tenant's lifecycle periods, in days. */
    @GetMapping("/settings/lifecycle")
    public ObjectNode periods(ApiCaller caller, HttpServletRequest request) {
        return responses.entity(request, "settings/lifecycle", view(periods.periods(caller.tenant())));
    }

    /** Changes what the body sends of the tenant's lifecycle periods; the rest stays. */
    @PatchMapping("/settings/lifecycle")
    public ObjectNode changePeriods(
            ApiCaller caller, @RequestBody LifecycleSettingsResource body, HttpServletRequest request) {
        LifecyclePeriods changed = Refused.orRefuse(
                periods.change(caller.caller(), body.warningDays(), body.suspendedDays(), body.overageGraceDays()));
        return responses.entity(request, "settings/lifecycle", view(changed));
    }

    private static LifecycleSettingsResource view(LifecyclePeriods p) {
        return new LifecycleSettingsResource(p.warningDays(), p.suspendedDays(), p.overageGraceDays());
    }

    /**
     * The product's overage and the order its seats are taken back in: group-derived ones once the grace period ends,
     * or, after a subscription was deleted, any at once.
     */
    @GetMapping("/subscribedSkus/{sku}/overage")
    public ObjectNode overage(ApiCaller caller, @PathVariable String sku, HttpServletRequest request) {
        OverageGrace.Preview p =
                grace.preview(caller.tenant(), sku).orElseThrow(() -> new Refused(Rejection.notFound(sku)));
        return responses.entity(request, "subscribedSkus('" + sku + "')/overage", view(p));
    }

    static OveragePreview view(OverageGrace.Preview p) {
        List<OveragePreview.Entry> entries = new ArrayList<>();
        for (SeatHolders.Holder h : p.takenBack()) {
            entries.add(new OveragePreview.Entry(
                    entries.size() + 1,
                    h.user().toString(),
                    h.userPrincipalName(),
                    h.displayName(),
                    h.rank(),
                    GraphValues.time(h.grantedAt())));
        }
        return new OveragePreview(
                p.product().skuId().toString(),
                p.product().skuPartNumber(),
                p.seats().consumed(),
                p.seats().capacity(),
                p.beyondCapacity(),
                p.seats().overage(),
                GraphValues.time(p.overageSince()),
                p.beyondCapacity() == 0 ? null : GraphValues.time(p.graceEnds()),
                p.anySource(),
                p.left(),
                entries);
    }
}
