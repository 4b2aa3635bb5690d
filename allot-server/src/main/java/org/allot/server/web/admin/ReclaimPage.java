package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.allot.core.Outcome;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.reclaim.Reclaim;
import org.allot.core.reclaim.ReclaimItem;
import org.allot.core.reclaim.ReclaimReport;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reclaim (docs/license-lifecycle.md, "Reclaim"): the products' policies, what they list now (who, which product, why,
 * since when, what it takes, the saving per month), "Apply" (keeps the report, then removes the direct licenses it
 * lists: their seats go to the waiting list at once), and the latest runs.
 */
@Controller
public class ReclaimPage {
    private final Reclaim reclaim;
    private final ProductCatalog catalog;

    public ReclaimPage(Reclaim reclaim, ProductCatalog catalog) {
        this.reclaim = reclaim;
        this.catalog = catalog;
    }

    @GetMapping("/reclaim")
    public String show(@AuthenticationPrincipal AdminPrincipal admin, Model model) {
        Catalog products = catalog.forTenant(admin.tenant());
        model.addAttribute("products", products);
        model.addAttribute("policies", reclaim.policies(admin.tenant()));
        model.addAttribute(
                "report", reclaim.preview(admin.tenant(), Optional.empty()).value());
        model.addAttribute("runs", reclaim.recentRuns(admin.tenant()));
        return "reclaim";
    }

    @PostMapping("/reclaim/apply")
    public String apply(
            @AuthenticationPrincipal AdminPrincipal admin, HttpServletRequest request, RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        Outcome<ReclaimReport> run = reclaim.run(AdminPages.caller(admin, request), Optional.empty(), true);
        String notice = run.isDone() ? summary(run.value()) : "";
        AdminPages.tell(run, flash, "reclaim", notice);
        return AdminPages.redirect("/reclaim");
    }

    private static String summary(ReclaimReport r) {
        return "Reclaim applied: " + r.count(ReclaimItem.Outcome.Removed) + " license(s) removed, "
                + r.count(ReclaimItem.Outcome.Left) + " left for you to act on (groups, deleted users), "
                + r.count(ReclaimItem.Outcome.Refused) + " refused. Freed seats went to the waiting list.";
    }
}
