package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.assignment.LicensingViews;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One user: profile, usage location, each license with its sources, errors and apps; assign, remove, reprocess. */
@Controller
@RequestMapping("/users/{id}")
public class UserPage {
    private final LicensingViews views;
    private final LicensedDirectory reads;
    private final UserDirectory directory;
    private final UserLicensing licensing;
    private final ProductChoices products;

    public UserPage(
            LicensingViews views,
            LicensedDirectory reads,
            UserDirectory directory,
            UserLicensing licensing,
            ProductChoices products) {
        this.views = views;
        this.reads = reads;
        this.directory = directory;
        this.licensing = licensing;
        this.products = products;
    }

    @GetMapping
    public String show(@AuthenticationPrincipal AdminPrincipal admin, @PathVariable String id, Model model) {
        TenantId tenant = admin.tenant();
        LicensingViews.UserView view = AdminPages.uuid(id)
                .flatMap(uuid -> views.user(tenant, new UserId(uuid)))
                .orElseThrow(() -> new AdminPages.NotFound(id));
        LicensedDirectory.UserDetail detail = view.detail();
        List<LicenseView> licenses = UserViews.licenses(detail);
        Set<String> held = new HashSet<>();
        licenses.stream().filter(LicenseView::direct).forEach(l -> held.add(l.skuId()));
        model.addAttribute("user", detail.user().user());
        model.addAttribute("licenses", licenses);
        model.addAttribute("groups", detail.groups());
        model.addAttribute(
                "assignable",
                ProductChoices.choices(view.subscribed()).stream()
                        .filter(p -> !held.contains(p.skuId()))
                        .toList());
        model.addAttribute("countries", Countries.ALL);
        return "users/detail";
    }

    /** The apps of a product as switches, for the assign form (htmx swaps them in when a product is chosen). */
    @GetMapping("/apps")
    public String apps(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "sku", required = false) String sku,
            Model model) {
        Product product = sku == null || sku.isBlank() ? null : products.product(admin.tenant(), sku);
        model.addAttribute("apps", product == null ? List.of() : UserViews.switches(product, Set.of()));
        model.addAttribute("product", product);
        return "users/apps :: apps";
    }

    @PostMapping("/usage-location")
    public String usageLocation(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "usageLocation", defaultValue = "") String code,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.SET_USAGE_LOCATION);
        UserId user = find(admin.tenant(), id).id();
        Map<UserAttribute, Object> values = new HashMap<>();
        values.put(UserAttribute.USAGE_LOCATION, code.isBlank() ? null : code);
        AdminPages.tell(
                directory.update(AdminPages.caller(admin, request), user, values),
                flash,
                "usageLocation",
                code.isBlank() ? "Usage location cleared." : "Usage location set to " + Countries.name(code) + ".");
        return AdminPages.redirect("/users/" + user);
    }

    /** Assigns a product directly, or changes which of its apps are on; the apps not sent are switched off. */
    @PostMapping("/licenses")
    public String assign(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "sku", defaultValue = "") String sku,
            @RequestParam(name = "app", required = false) List<String> apps,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        UserId user = find(admin.tenant(), id).id();
        if (sku.isBlank()) {
            AdminPages.refuse(flash, "assign", "Choose a product to assign.");
            return AdminPages.redirect("/users/" + user);
        }
        Product product = products.product(admin.tenant(), sku);
        Set<ServicePlanId> off = products.switchedOff(product, apps);
        AdminPages.tell(
                licensing.assign(
                        AdminPages.caller(admin, request),
                        user,
                        List.of(new AssignedLicense(product.skuId(), off)),
                        List.of(),
                        false),
                flash,
                "assign",
                product.displayName() + " saved: " + (product.servicePlans().size() - off.size()) + " of "
                        + product.servicePlans().size() + " apps on.");
        return AdminPages.redirect("/users/" + user);
    }

    @PostMapping("/licenses/{sku}/remove")
    public String remove(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @PathVariable String sku,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        UserId user = find(admin.tenant(), id).id();
        Product product = products.product(admin.tenant(), sku);
        AdminPages.tell(
                licensing.assign(AdminPages.caller(admin, request), user, List.of(), List.of(product.skuId()), false),
                flash,
                "license-" + product.skuId(),
                product.displayName() + " removed.");
        return AdminPages.redirect("/users/" + user);
    }

    @PostMapping("/reprocess")
    public String reprocess(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        UserId user = find(admin.tenant(), id).id();
        AdminPages.tell(
                licensing.reprocess(AdminPages.caller(admin, request), user),
                flash,
                "reprocess",
                "Licenses reprocessed.");
        return AdminPages.redirect("/users/" + user);
    }

    private User find(TenantId tenant, String id) {
        return AdminPages.uuid(id)
                .flatMap(uuid -> reads.user(tenant, UserRef.of(new UserId(uuid)), false))
                .map(LicensedUser::user)
                .orElseThrow(() -> new AdminPages.NotFound(id));
    }

    static SkuId sku(String value) {
        return new SkuId(AdminPages.uuid(value).orElseThrow(() -> new AdminPages.BadInput("Unknown product " + value)));
    }
}
