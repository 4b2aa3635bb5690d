package org.allot.server.web.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.DirectorySearch;
import org.allot.core.request.LicenseRequest;
import org.allot.core.request.RequestView;

/**
 * What the approve form of a pending request offers (docs/delegation.md#what-an-approval-grants): the plans asked for
 * (or, for the whole product, all of its plans), ticked, so that the approver may grant fewer; and the groups that
 * assign the product and take members, within the approver's scope, to grant it as a membership of one of them.
 */
public record RequestChoices(List<Option> plans, List<Option> groups) {
    /** Groups offered per product, at most. */
    static final int GROUPS = 200;

    /** A plan or a group: its id and its name. */
    public record Option(UUID id, String name) {}

    /** The choices of each pending request, by its id; products and their groups read once each. */
    static Map<UUID, RequestChoices> of(
            Caller caller, List<RequestView> pending, ProductChoices products, DirectorySearch search) {
        Map<SkuId, List<Option>> groupsOf = new HashMap<>();
        Map<UUID, RequestChoices> choices = new HashMap<>();
        for (RequestView view : pending) {
            LicenseRequest request = view.request();
            Product product;
            try {
                product = products.product(caller.tenant(), request.sku().toString());
            } catch (AdminPages.BadInput gone) {
                continue; // a product that left the catalogue: the approval is refused, with core's reason
            }
            List<Option> plans = new ArrayList<>();
            for (ServicePlan plan : product.servicePlans()) {
                if (request.plans().isEmpty() || request.plans().contains(plan.id())) {
                    plans.add(new Option(
                            plan.id().value(), plan.displayName() == null ? plan.name() : plan.displayName()));
                }
            }
            List<Option> groups = groupsOf.computeIfAbsent(
                    request.sku(), sku -> search.groupsAssigning(caller, sku.value(), GROUPS).stream()
                            .map(g -> new Option(g.id().value(), g.displayName()))
                            .toList());
            choices.put(request.id(), new RequestChoices(List.copyOf(plans), groups));
        }
        return choices;
    }
}
