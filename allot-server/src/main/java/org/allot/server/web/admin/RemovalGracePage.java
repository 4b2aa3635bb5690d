package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.assignment.PendingRemovals;
import org.allot.core.assignment.RemovalGrace;
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
import org.springframework.web.util.UriUtils;

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
        String entered = days.strip();
        if (!entered.matches("\\d{1,9}")) {
            AdminPages.refuse(
                    flash,
                    "removal-grace",
                    "Enter the days as a whole number from 0 to " + RemovalGrace.MAX_DAYS + ".");
            return AdminPages.redirect("/licenses/" + UriUtils.encodePathSegment(sku, StandardCharsets.UTF_8));
        }
        int count = Integer.parseInt(entered);
        Outcome<PendingRemovals.ProductRemovals> set = removals.setDays(AdminPages.caller(admin, request), sku, count);
        String product = set.isDone() ? set.value().product().displayName() : null;
        AdminPages.tell(
                set,
                flash,
                "removal-grace",
                count == 0
                        ? "Removals of " + product + " now free the seat at once."
                        : "Removals of " + product + " are now held " + count + " days.");
        return AdminPages.redirect("/licenses/"
                + (set.isDone()
                        ? set.value().product().skuId().toString()
                        : UriUtils.encodePathSegment(sku, StandardCharsets.UTF_8)));
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
        Outcome<?> undone = removals.cancel(
                AdminPages.caller(admin, request), UserRef.of(AdminPages.id(id).toString()), sku);
        String form = "license-" + product.skuId();
        if (!undone.isDone() && undone.rejection().code() == ErrorCode.LICENSE_NOT_ASSIGNED) {
            AdminPages.refuse(
                    flash,
                    form,
                    product.displayName() + " is no longer pending removal for this user: it was kept or freed"
                            + " meanwhile. The page below shows what the user holds now.");
        } else {
            AdminPages.tell(
                    undone,
                    flash,
                    form,
                    product.displayName() + " kept: the user now has it directly.",
                    product.displayName());
        }
        return AdminPages.redirect("/users/" + AdminPages.id(id));
    }
}
