package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicenseQueries;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.Reclaim;
import org.allot.core.reclaim.ReclaimItem;
import org.allot.core.reclaim.ReclaimPolicy;
import org.allot.core.reclaim.ReclaimReport;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reclaim (docs/license-lifecycle.md, "Reclaim"): the products' policies (set and removed by {@link
 * ReclaimPolicyForm}), what they list now (who, which product, why,
 * since when, what it takes, the saving per month), "Apply" (keeps the report, then removes the direct licenses it
 * lists: their seats go to the waiting list at once), and the latest runs.
 */
@Controller
public class ReclaimPage {
    private final Reclaim reclaim;
    private final ProductCatalog catalog;
    private final ProductChoices choices;
    private final LicensedDirectory directory;

    public ReclaimPage(Reclaim reclaim, ProductCatalog catalog, ProductChoices choices, LicensedDirectory directory) {
        this.reclaim = reclaim;
        this.catalog = catalog;
        this.choices = choices;
        this.directory = directory;
    }

    /** The page; {@code policy} (a product's id) fills the policy form with that product's policy to change it. */
    @GetMapping("/reclaim")
    public String show(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "policy", defaultValue = "") String policy,
            Model model) {
        TenantId tenant = admin.tenant();
        Catalog products = catalog.forTenant(tenant);
        List<ReclaimPolicy> policies = reclaim.policies(tenant);
        Map<UUID, LicenseQueries.UserName> users = directory.userNames(
                tenant,
                policies.stream()
                        .flatMap(p -> p.exemptUsers().stream())
                        .map(UserId::value)
                        .collect(Collectors.toSet()));
        Map<UUID, String> groups = directory.groupNames(
                tenant,
                policies.stream()
                        .flatMap(p -> p.exemptGroups().stream())
                        .map(GroupId::value)
                        .collect(Collectors.toSet()));
        model.addAttribute("products", products);
        model.addAttribute("policies", policies);
        model.addAttribute(
                "exemptions",
                policies.stream().collect(Collectors.toMap(p -> p.sku().toString(), p -> ReclaimPolicyForm.typed(
                                p, users, groups)
                        .exemptions()
                        .lines()
                        .toList())));
        model.addAttribute("choices", choices.subscribed(tenant));
        if (!model.containsAttribute(ReclaimPolicyForm.TYPED)) {
            model.addAttribute(
                    ReclaimPolicyForm.TYPED,
                    policies.stream()
                            .filter(p -> p.sku().toString().equals(policy))
                            .findFirst()
                            .map(p -> ReclaimPolicyForm.typed(p, users, groups))
                            .orElse(new ReclaimPolicyForm.Typed("", "90", "", "14", "ReportOnly", "")));
        }
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
