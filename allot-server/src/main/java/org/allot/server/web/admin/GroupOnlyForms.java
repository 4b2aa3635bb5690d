package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.allot.core.Outcome;
import org.allot.core.assignment.GroupOnly;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The group-only policy in the admin center: for the whole tenant (Licenses) and per product (its page). */
@Controller
public class GroupOnlyForms {
    private final GroupOnly groupOnly;

    public GroupOnlyForms(GroupOnly groupOnly) {
        this.groupOnly = groupOnly;
    }

    @PostMapping("/licenses/group-only")
    public String setTenant(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "groupOnly") boolean forbid,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_SETTINGS);
        Outcome<GroupOnly.Overview> set = groupOnly.setTenantWide(AdminPages.caller(admin, request), forbid);
        AdminPages.tell(
                set,
                flash,
                "group-only",
                forbid
                        ? "Direct assignment is now forbidden: every product is licensed through groups only."
                        : "Products can be assigned directly again (unless forbidden one by one).");
        return AdminPages.redirect("/licenses");
    }

    @PostMapping("/licenses/{sku}/group-only")
    public String setProduct(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String sku,
            @RequestParam(name = "groupOnly") boolean forbid,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_SETTINGS);
        Outcome<GroupOnly.ProductPolicy> set = groupOnly.setProduct(AdminPages.caller(admin, request), sku, forbid);
        String product = set.isDone() ? set.value().product().displayName() : null;
        AdminPages.tell(
                set,
                flash,
                "group-only",
                forbid
                        ? "Direct assignment of " + product + " is now forbidden: it is licensed through groups only."
                        : product + " can be assigned directly again.");
        return AdminPages.redirect("/licenses/"
                + (set.isDone()
                        ? set.value().product().skuId().toString()
                        : UriUtils.encodePathSegment(sku, StandardCharsets.UTF_8)));
    }
}
