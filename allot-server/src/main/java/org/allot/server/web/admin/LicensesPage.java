package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.allot.core.Outcome;
import org.allot.core.assignment.DirectLicenseChange;
import org.allot.core.assignment.GroupOnly;
import org.allot.core.assignment.LicenseHolders;
import org.allot.core.assignment.LicenseQueries;
import org.allot.core.assignment.LicensingViews;
import org.allot.core.assignment.ProductDetails;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.catalog.Product;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.LifecyclePeriods;
import org.allot.core.subscription.LifecyclePolicy;
import org.allot.core.unit.AdministrativeUnit;
import org.allot.core.unit.UnitDirectory;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Products: seat figures, subscriptions and their seats, who holds each product and who waits for it, in order; and
 * the license check, which tells whether what is stored is what the rules say.
 */
@Controller
public class LicensesPage {
    static final int PAGE = 50;
    static final int MAX_OFFSET = 10_000_000;

    private final ProductDetails details;
    private final ProductChoices products;
    private final LicensingViews views;
    private final UserLicensing licensing;
    private final LifecyclePolicy lifecycle;
    private final GroupOnly groupOnly;
    private final UnitDirectory units;
    private final PoolOwners owners;

    public LicensesPage(
            ProductDetails details,
            ProductChoices products,
            LicensingViews views,
            UserLicensing licensing,
            LifecyclePolicy lifecycle,
            GroupOnly groupOnly,
            UnitDirectory units,
            PoolOwners owners) {
        this.details = details;
        this.owners = owners;
        this.units = units;
        this.groupOnly = groupOnly;
        this.lifecycle = lifecycle;
        this.products = products;
        this.views = views;
        this.licensing = licensing;
    }

    /** The products with their seats, and the license check: its latest run and a page of what it found. */
    @GetMapping("/licenses")
    public String list(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "differences", defaultValue = "0") int differencesFrom,
            Model model) {
        int from = LicenseCheckPage.checkedFrom(differencesFrom);
        LicensingViews.Licenses licenses = views.licenses(admin.tenant(), from, LicenseCheckViews.PAGE + 1);
        model.addAttribute(
                "products",
                licenses.subscribed().stream()
                        .map(ProductChoices::choice)
                        .sorted(Comparator.comparing(ProductChoices.Choice::name, String.CASE_INSENSITIVE_ORDER))
                        .toList());
        model.addAttribute("check", LicenseCheckViews.section(licenses.check(), from));
        model.addAttribute("periods", lifecycle.periods(admin.tenant()));
        model.addAttribute("groupOnly", groupOnly.overview(admin.tenant()));
        model.addAttribute("defaultPeriods", LifecyclePeriods.DEFAULTS);
        return "licenses/list";
    }

    @GetMapping("/licenses/{sku}")
    public String show(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String sku,
            @RequestParam(name = "holders", defaultValue = "0") int holdersFrom,
            @RequestParam(name = "waiting", defaultValue = "0") int waitingFrom,
            Model model) {
        if (holdersFrom < 0 || waitingFrom < 0 || holdersFrom > MAX_OFFSET || waitingFrom > MAX_OFFSET) {
            throw new AdminPages.BadInput("This page link is damaged: start from the first page.");
        }
        ProductDetails.Details details = this.details
                .of(admin.tenant(), sku, holdersFrom, waitingFrom, PAGE + 1)
                .orElseThrow(() -> new AdminPages.NotFound(sku));
        LicenseHolders.ProductHolders found = details.product();
        // a unit administrator sees the tenant's totals only, not who holds or waits (docs/delegation.md)
        List<LicenseQueries.Holder> holding = admin.scoped() ? List.of() : found.holders();
        List<LicenseQueries.WaitingEntry> waiting = admin.scoped() ? List.of() : found.waiting();
        model.addAttribute("product", found.product());
        model.addAttribute("figures", found.figures() == null ? null : ProductChoices.choice(found.figures()));
        model.addAttribute("subscriptions", found.subscriptions());
        model.addAttribute("holders", holding.subList(0, Math.min(PAGE, holding.size())));
        model.addAttribute("moreHolders", holding.size() > PAGE ? holdersFrom + PAGE : null);
        model.addAttribute("waiting", waiting.subList(0, Math.min(PAGE, waiting.size())));
        model.addAttribute("moreWaiting", waiting.size() > PAGE ? waitingFrom + PAGE : null);
        model.addAttribute("holderCount", found.holderCount());
        model.addAttribute("waitingCount", found.waitingCount());
        model.addAttribute("holdersFrom", holdersFrom);
        model.addAttribute("waitingFrom", waitingFrom);
        model.addAttribute("removalGrace", details.removals());
        model.addAttribute("takeBack", details.takeBack());
        model.addAttribute("groupOnly", details.groupOnly());
        model.addAttribute("pools", details.pools());
        // the units a pool can be owned by, for those who may add or change one (AllotmentForms); owners' names
        List<AdministrativeUnit> seen =
                details.pools() == null && !Permissions.of(admin).manageAllotments()
                        ? List.of()
                        : units.list(admin.caller(""));
        model.addAttribute("poolUnits", Permissions.of(admin).manageAllotments() ? seen : List.of());
        model.addAttribute("poolOwners", owners.names(admin.caller(""), details.pools(), seen));
        return "licenses/detail";
    }

    /**
     * Assigns the product directly to the picked users (Microsoft 365: Licenses, a product, Assign licenses), or
     * removes their direct license of it: all of them, or none when one is refused.
     */
    @PostMapping("/licenses/{sku}/users")
    public String assignUsers(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String sku,
            @RequestParam(name = "user", required = false) List<String> ids,
            @RequestParam(name = "mode", defaultValue = "add") String mode,
            @RequestParam(name = "overrideGroupOnly", defaultValue = "false") boolean overrideGroupOnly,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        if (overrideGroupOnly) {
            AdminPages.require(admin, Capability.OVERRIDE_GROUP_ONLY);
        }
        Product product = products.inUrl(admin.tenant(), sku);
        boolean remove =
                switch (mode) {
                    case "add" -> false;
                    case "remove" -> true;
                    default -> throw new AdminPages.BadInput("Unknown change " + mode + ": add or remove.");
                };
        String form = remove ? "unassign" : "assign";
        if (ids == null || ids.isEmpty()) {
            AdminPages.refuse(flash, form, remove ? "Tick the users to remove it from first." : "Pick users first.");
            return AdminPages.redirect("/licenses/" + product.skuId());
        }
        if (ids.size() > UserListPage.MAX_BULK) {
            throw new AdminPages.BadInput("At most " + UserListPage.MAX_BULK + " users can be changed at once.");
        }
        List<UserId> users = ids.stream()
                .map(id -> new UserId(AdminPages.id(id)))
                .distinct()
                .sorted(Comparator.comparing(UserId::value))
                .toList();
        Outcome<Integer> outcome = licensing.assignEach(
                AdminPages.caller(admin, request),
                users,
                product.skuId(),
                remove ? DirectLicenseChange.REMOVE : DirectLicenseChange.ADD,
                overrideGroupOnly);
        String unchanged = outcome.isDone() && outcome.value() < users.size()
                ? " (" + (users.size() - outcome.value()) + " had nothing to change)"
                : "";
        AdminPages.tell(
                outcome,
                flash,
                form,
                outcome.isDone()
                        ? product.displayName() + (remove ? " removed from " : " assigned to ") + outcome.value()
                                + " users" + unchanged + "."
                        : "");
        return AdminPages.redirect("/licenses/" + product.skuId());
    }
}
