package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.allot.core.assignment.PendingRemovals;
import org.allot.core.catalog.Product;
import org.allot.core.directory.UserRef;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Grace on removal in the admin center: a product's days (on its page), and undoing a user's pending removal. */
@Controller
public class RemovalGracePage {
    private final PendingRemovals removals;
    private final ProductChoices products;

    public RemovalGracePage(PendingRemovals removals, ProductChoices products) {
        this.removals = removals;
        this.products = products;
    }

    @PostMapping("/licenses/{sku}/removal-grace")
    public String setDays(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String sku,
            @RequestParam(name = "days", defaultValue = "") String days,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_SUBSCRIPTIONS);
        Product product = products.product(admin.tenant(), sku);
        Integer count = days.strip().matches("\\d{1,3}") ? Integer.valueOf(days.strip()) : null;
        if (count == null) {
            AdminPages.refuse(flash, "removal-grace", "Enter the days as a whole number from 0 to 365.");
        } else {
            AdminPages.tell(
                    removals.setDays(
                            AdminPages.caller(admin, request), product.skuId().toString(), count),
                    flash,
                    "removal-grace",
                    count == 0
                            ? "Removals of " + product.displayName() + " now free the seat at once."
                            : "Removals of " + product.displayName() + " are now held " + count + " days.");
        }
        return AdminPages.redirect("/licenses/" + product.skuId());
    }

    @PostMapping("/users/{id}/pendingRemovals/{sku}/cancel")
    public String undo(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @PathVariable String sku,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        Product product = products.product(admin.tenant(), sku);
        AdminPages.tell(
                removals.cancel(
                        AdminPages.caller(admin, request),
                        UserRef.of(AdminPages.id(id).toString()),
                        sku),
                flash,
                "license-" + product.skuId(),
                product.displayName() + " kept: the user now has it directly.",
                product.displayName());
        return AdminPages.redirect("/users/" + AdminPages.id(id));
    }
}
