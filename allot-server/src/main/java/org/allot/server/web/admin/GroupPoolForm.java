package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.assignment.Allotment;
import org.allot.core.assignment.AllotmentFigures;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.PoolFigures;
import org.allot.core.assignment.SeatAllotments;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pool a group's license of a product draws from, on the group's page (docs/delegation.md#allotments): one of the
 * product's allotments, or none (its members draw from the pools of their units, or the unallotted seats). The same
 * core use case as {@code PUT /allot/v1/groups/{id}/licenseAllotments/{sku}}: the members who get the product through
 * the group are recomputed in the same unit of work.
 */
@Controller
public class GroupPoolForm {
    /** The form's name for its messages: {@code "pool-" + the product's id}. */
    static final String FORM = "pool-";

    private final SeatAllotments allotments;
    private final AllotmentFigures figures;
    private final ProductChoices products;

    public GroupPoolForm(SeatAllotments allotments, AllotmentFigures figures, ProductChoices products) {
        this.allotments = allotments;
        this.figures = figures;
        this.products = products;
    }

    /** A pooled product the group assigns: the pools to pick from, and the one named (null: none). */
    public record GroupPool(List<Allotment> pools, AllotmentId named) {
        /** The named pool's name, or null. */
        public String namedName() {
            return pools.stream()
                    .filter(p -> p.id().equals(named))
                    .map(Allotment::displayName)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** For each product the group assigns whose seats are split into pools (by product id): its choice. */
    Map<String, GroupPool> of(TenantId tenant, GroupId group, List<GroupLicense> licenses) {
        Map<String, GroupPool> pooled = new LinkedHashMap<>();
        if (licenses.isEmpty()) {
            return pooled;
        }
        Map<SkuId, PoolFigures> bySku = new HashMap<>();
        figures.all(tenant).forEach(f -> bySku.put(f.sku(), f));
        for (GroupLicense license : licenses) {
            PoolFigures pools = bySku.get(license.license().skuId());
            if (pools == null || pools.pools().isEmpty()) {
                continue;
            }
            String sku = license.license().skuId().toString();
            Outcome<Optional<AllotmentId>> named = allotments.named(tenant, group, sku);
            pooled.put(
                    sku,
                    new GroupPool(
                            pools.pools().stream()
                                    .map(PoolFigures.Pool::allotment)
                                    .toList(),
                            named.isDone() ? named.value().orElse(null) : null));
        }
        return pooled;
    }

    /** Names the pool ({@code pool} an allotment's id, empty: none) the group's license of the product draws from. */
    @PostMapping("/groups/{id}/licenses/{sku}/allotment")
    public String name(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @PathVariable String sku,
            @RequestParam(name = "pool", defaultValue = "") String pool,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_ALLOTMENTS);
        if (!Permissions.of(admin).manageAllotments()) {
            throw new AccessDeniedException("Administrators of administrative units change no allotment");
        }
        GroupId group = new GroupId(AdminPages.id(id));
        Product product = products.inUrl(admin.tenant(), sku);
        String page = AdminPages.redirect("/groups/" + group.value());
        Optional<AllotmentId> named = Optional.empty();
        if (!pool.isBlank()) {
            named = AllotmentId.parse(pool.strip());
            if (named.isEmpty()) {
                AdminPages.refuse(flash, FORM + product.skuId(), "Pick one of the product's pools, or none.");
                return page;
            }
        }
        Outcome<Optional<AllotmentId>> done = allotments.nameForGroup(
                AdminPages.caller(admin, request), group, product.skuId().toString(), named);
        if (!done.isDone()) {
            Rejection refused = done.rejection();
            // core's words name the group and the product; the plain words of a user's license would not fit
            AdminPages.refuse(
                    flash,
                    FORM + product.skuId(),
                    refused.code() == ErrorCode.LICENSE_NOT_ASSIGNED
                            ? refused.message()
                            : PlainWords.of(refused, product.displayName()));
            return page;
        }
        flash.addFlashAttribute(
                AdminPages.NOTICE,
                named.flatMap(p -> figures.find(admin.tenant(), p))
                        .map(p -> "The group's " + product.displayName() + " licenses draw from the pool "
                                + p.displayName() + " now.")
                        .orElse("The group's " + product.displayName()
                                + " licenses name no pool now: they draw from the pools of the members' units, or"
                                + " the unallotted seats."));
        return page;
    }
}
