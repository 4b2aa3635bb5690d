package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.GroupLicensing;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.ProcessingState;
import org.allot.core.assignment.SeatImpact;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A group's licenses: the chosen products previewed against seats before they change, then applied; processing while
 * it runs; applying them again; the group's priority in waiting lists. The group itself is {@link GroupPage}.
 */
@Controller
@RequestMapping("/groups/{id}")
public class GroupLicensesPage {
    private final LicensedDirectory reads;
    private final GroupLicensing licensing;
    private final ProductCatalog catalog;
    private final ProductChoices products;

    public GroupLicensesPage(
            LicensedDirectory reads, GroupLicensing licensing, ProductCatalog catalog, ProductChoices products) {
        this.reads = reads;
        this.licensing = licensing;
        this.catalog = catalog;
        this.products = products;
    }

    /** Where applying the group's licenses stands; htmx polls it while it runs and reloads the page when done. */
    @GetMapping("/processing")
    public String processing(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "watching", defaultValue = "false") boolean watching,
            Model model,
            HttpServletResponse response) {
        var state = AdminPages.uuid(id)
                .flatMap(uuid -> licensing.stateOf(admin.tenant(), new GroupId(uuid)))
                .orElseThrow(() -> new AdminPages.NotFound(id));
        if (watching && state.state() == ProcessingState.ProcessingComplete) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("group", state.group());
        model.addAttribute("state", state);
        return "groups/processing :: processing";
    }

    /** What the chosen licenses would do to seats, before anything changes. */
    @PostMapping("/licenses/preview")
    public String preview(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_GROUP_LICENSES);
        TenantId tenant = admin.tenant();
        Group group = find(tenant, id);
        Change change = change(tenant, group.id(), form);
        if (change.isEmpty()) {
            flash.addFlashAttribute(AdminPages.NOTICE, "Nothing to change: the group already has these licenses.");
            return AdminPages.redirect("/groups/" + group.id());
        }
        Outcome<SeatImpact> impact =
                licensing.preview(AdminPages.caller(admin, request), group.id(), change.add(), change.remove());
        if (!impact.isDone()) {
            AdminPages.refuse(flash, "licenses", impact.rejection().message());
            return AdminPages.redirect("/groups/" + group.id());
        }
        model.addAttribute("group", group);
        model.addAttribute("impact", impact.value());
        model.addAttribute(
                "rows",
                GroupViews.impact(
                        catalog.forTenant(tenant),
                        reads.userNames(tenant, GroupViews.sampled(impact.value())),
                        impact.value()));
        model.addAttribute("choices", change.choices());
        model.addAttribute("summary", change.summary());
        return "groups/preview";
    }

    @PostMapping("/licenses")
    public String apply(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_GROUP_LICENSES);
        TenantId tenant = admin.tenant();
        Group group = find(tenant, id);
        Change change = change(tenant, group.id(), form);
        if (change.isEmpty()) {
            flash.addFlashAttribute(AdminPages.NOTICE, "Nothing to change: the group already has these licenses.");
        } else {
            var saved = licensing.assign(AdminPages.caller(admin, request), group.id(), change.add(), change.remove());
            AdminPages.tell(
                    saved,
                    flash,
                    "licenses",
                    "Licenses saved: " + String.join("; ", change.summary()) + ". " + processing(saved));
        }
        return AdminPages.redirect("/groups/" + group.id());
    }

    /** What the banner says of the members, as the processing panel below it says it. */
    private static String processing(Outcome<GroupLicensing.GroupLicenseState> saved) {
        return saved.isDone() && saved.value().state() == ProcessingState.ProcessingComplete
                ? "Every member has been processed."
                : "Members are being updated.";
    }

    @PostMapping("/reprocess")
    public String reprocess(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_GROUP_LICENSES);
        GroupId group = find(admin.tenant(), id).id();
        var reprocessed = licensing.reprocess(AdminPages.caller(admin, request), group);
        AdminPages.tell(
                reprocessed,
                flash,
                "reprocess",
                reprocessed.isDone() && reprocessed.value().state() == ProcessingState.ProcessingComplete
                        ? "The group's licenses were applied to its members again."
                        : "The group's licenses are being applied to its members again.");
        return AdminPages.redirect("/groups/" + group);
    }

    @PostMapping("/priority")
    public String priority(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "priority", defaultValue = "") String value,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_GROUP_LICENSES);
        GroupId group = find(admin.tenant(), id).id();
        int priority;
        try {
            priority = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            AdminPages.refuse(
                    flash,
                    "priority",
                    "Enter the priority as a whole number between " + GroupLicensing.MIN_PRIORITY + " and "
                            + GroupLicensing.MAX_PRIORITY + ".");
            return AdminPages.redirect("/groups/" + group);
        }
        AdminPages.tell(
                licensing.setPriority(AdminPages.caller(admin, request), group, priority),
                flash,
                "priority",
                "Priority set to " + priority + ".");
        return AdminPages.redirect("/groups/" + group);
    }

    /**
     * The change a license form asks for: each ticked product ({@code sku}) with the apps switched on for it
     * ({@code app-<sku>}); products the group has and are not ticked are removed.
     */
    record Change(
            List<AssignedLicense> add, List<SkuId> remove, Map<String, List<String>> choices, List<String> summary) {
        boolean isEmpty() {
            return add.isEmpty() && remove.isEmpty();
        }
    }

    private Change change(TenantId tenant, GroupId group, MultiValueMap<String, String> form) {
        List<GroupLicense> current =
                licensing.stateOf(tenant, group).orElseThrow().licenses();
        List<String> ticked = form.getOrDefault("sku", List.of());
        if (ticked.size() > 100) {
            throw new AdminPages.BadInput("Too many products.");
        }
        List<AssignedLicense> add = new ArrayList<>();
        Map<String, List<String>> choices = new LinkedHashMap<>();
        List<String> summary = new ArrayList<>();
        Set<SkuId> wanted = new HashSet<>();
        for (String sku : ticked) {
            Product product = products.product(tenant, sku);
            List<String> on = form.getOrDefault("app-" + sku, List.of());
            Set<ServicePlanId> off = products.switchedOff(product, on);
            choices.put(product.skuId().toString(), on);
            wanted.add(product.skuId());
            boolean same = current.stream()
                    .anyMatch(l -> l.license().skuId().equals(product.skuId())
                            && l.license().disabledPlans().equals(off));
            if (!same) {
                add.add(new AssignedLicense(product.skuId(), off));
                summary.add(product.displayName() + " with "
                        + (product.servicePlans().size() - off.size()) + " of "
                        + product.servicePlans().size() + " apps");
            }
        }
        List<SkuId> remove = new ArrayList<>();
        for (GroupLicense l : current) {
            if (!wanted.contains(l.license().skuId())) {
                remove.add(l.license().skuId());
                summary.add("remove " + products.name(tenant, l.license().skuId()));
            }
        }
        return new Change(add, remove, choices, summary);
    }

    private Group find(TenantId tenant, String id) {
        return AdminPages.group(reads, tenant, id);
    }
}
