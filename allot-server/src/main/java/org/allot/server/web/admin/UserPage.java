package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.assignment.LicensesAndLocation;
import org.allot.core.assignment.LicensingViews;
import org.allot.core.assignment.ScopedDirectory;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.Group;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.timebound.TimeBoundGrants;
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
    /** Flash attributes: what the assign form had chosen when it was refused. */
    static final String CHOSEN_SKU = "chosenSku";

    static final String CHOSEN_OFF = "chosenOff";
    static final String CHOSEN_LOCATION = "chosenLocation";

    private final LicensingViews views;
    private final LicensedDirectory reads;
    private final UserDirectory directory;
    private final UserLicensing licensing;
    private final ProductChoices products;
    private final LicensesAndLocation located;
    private final TimeBoundGrants grants;
    private final ScopedDirectory scoped;

    public UserPage(
            LicensingViews views,
            LicensedDirectory reads,
            UserDirectory directory,
            UserLicensing licensing,
            ProductChoices products,
            LicensesAndLocation located,
            TimeBoundGrants grants,
            ScopedDirectory scoped) {
        this.scoped = scoped;
        this.views = views;
        this.reads = reads;
        this.directory = directory;
        this.licensing = licensing;
        this.products = products;
        this.located = located;
        this.grants = grants;
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
        List<Group> groups = detail.groups();
        if (admin.scoped()) {
            // a unit administrator sees the groups of their units only
            Set<UUID> within = new HashSet<>(scoped.within(
                    admin.caller(""), groups.stream().map(g -> g.id().value()).toList()));
            groups =
                    groups.stream().filter(g -> within.contains(g.id().value())).toList();
        }
        model.addAttribute("groups", groups);
        model.addAttribute(
                "assignable",
                ProductChoices.choices(view.subscribed()).stream()
                        .filter(p -> !held.contains(p.skuId()))
                        .toList());
        model.addAttribute("requestable", ProductChoices.choices(view.subscribed()));
        model.addAttribute("countries", Countries.ALL);
        // after a refusal the assign form keeps the product chosen and the apps switched off
        if (model.getAttribute(CHOSEN_SKU) instanceof String chosen && !chosen.isBlank()) {
            Product product = products.product(tenant, chosen);
            Set<ServicePlanId> off = new HashSet<>();
            if (model.getAttribute(CHOSEN_OFF) instanceof Set<?> ids) {
                ids.forEach(o -> off.add((ServicePlanId) o));
            }
            model.addAttribute("chosenProduct", product);
            model.addAttribute("chosenApps", UserViews.switches(product, off));
        }
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

    /**
     * Assigns a product directly, or changes which of its apps are on (the apps not sent are switched off); with a
     * usage location (the Licenses and apps pane sends one) sets it in the same step: all of it, or nothing. With a
     * start or an end date, assigns it for that time instead (a time-bound grant; the usage location must then be
     * saved first).
     */
    @PostMapping("/licenses")
    public String assign(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "sku", defaultValue = "") String sku,
            @RequestParam(name = "app", required = false) List<String> apps,
            @RequestParam(name = "usageLocation", required = false) String usageLocation,
            @RequestParam(name = "start", required = false) String start,
            @RequestParam(name = "end", required = false) String end,
            @RequestParam(name = "overrideGroupOnly", defaultValue = "false") boolean overrideGroupOnly,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        if (overrideGroupOnly) {
            AdminPages.require(admin, Capability.OVERRIDE_GROUP_ONLY);
        }
        User found = find(admin.tenant(), id);
        UserId user = found.id();
        Optional<String> location = Optional.ofNullable(usageLocation).map(String::strip);
        if (location.isPresent()) {
            AdminPages.require(admin, Capability.SET_USAGE_LOCATION);
        }
        if (sku.isBlank() && location.isEmpty()) {
            AdminPages.refuse(flash, "assign-sku", "Choose a product to assign.");
            return AdminPages.redirect("/users/" + user);
        }
        Product product = sku.isBlank() ? null : products.product(admin.tenant(), sku);
        Set<ServicePlanId> off = product == null ? Set.of() : products.switchedOff(product, apps);
        TimedGrantsPage.Times times = TimedGrantsPage.times(start, end);
        if (times.given()) {
            return assignForATime(admin, found, product, off, location, times, request, flash);
        }
        List<AssignedLicense> add = product == null ? List.of() : List.of(new AssignedLicense(product.skuId(), off));
        Outcome<LicensesAndLocation.Saved> saved =
                located.assign(AdminPages.caller(admin, request), user, location, add, List.of(), overrideGroupOnly);
        if (!saved.isDone()) {
            AdminPages.refuse(
                    flash,
                    "assign",
                    PlainWords.of(saved.rejection(), product == null ? null : product.displayName())
                            + " Nothing was saved.");
            flash.addFlashAttribute(CHOSEN_SKU, sku);
            flash.addFlashAttribute(CHOSEN_OFF, off);
            flash.addFlashAttribute(CHOSEN_LOCATION, location.orElse(null));
            return AdminPages.redirect("/users/" + user);
        }
        List<String> parts = new ArrayList<>();
        if (saved.value().locationChanged()) {
            parts.add(
                    location.get().isEmpty()
                            ? "Usage location cleared"
                            : "Usage location set to " + Countries.name(location.get()));
        }
        if (product != null) {
            parts.add(
                    product.displayName() + " saved: " + (product.servicePlans().size() - off.size()) + " of "
                            + product.servicePlans().size() + " apps on");
        }
        flash.addFlashAttribute(
                AdminPages.NOTICE, parts.isEmpty() ? "Nothing to change." : String.join("; ", parts) + ".");
        return AdminPages.redirect("/users/" + user);
    }

    /** {@link #assign} with a start or an end: a time-bound grant of the product, the usage location as it is. */
    private String assignForATime(
            AdminPrincipal admin,
            User user,
            Product product,
            Set<ServicePlanId> off,
            Optional<String> location,
            TimedGrantsPage.Times times,
            HttpServletRequest request,
            RedirectAttributes flash) {
        String current =
                user.usageLocation() == null ? "" : user.usageLocation().code();
        if (product == null || (location.isPresent() && !location.get().equals(current))) {
            AdminPages.refuse(
                    flash,
                    "assign",
                    product == null
                            ? "Choose a product to assign for a time."
                            : "Save the usage location first, then assign the product for a time.");
            return AdminPages.redirect("/users/" + user.id());
        }
        Outcome<?> granted = grants.grantLicense(
                AdminPages.caller(admin, request),
                UserRef.of(user.id()),
                product.skuId().toString(),
                off,
                times.start(),
                times.end());
        AdminPages.tell(
                granted,
                flash,
                "assign",
                product.displayName()
                        + (times.start() == null ? " assigned" : " scheduled")
                        + (times.end() == null ? "." : " until " + Formats.INSTANCE.time(times.end()) + "."),
                product.displayName());
        return AdminPages.redirect("/users/" + user.id());
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
                product.displayName() + " removed.",
                product.displayName());
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
