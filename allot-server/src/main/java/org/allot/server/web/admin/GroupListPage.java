package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.allot.core.ErrorCode;
import org.allot.core.TenantId;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.DirectorySearch;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.query.Filter;
import org.allot.core.query.Query;
import org.allot.core.rules.MembershipRule;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** All groups with their licenses, processing state and members in error; creating a group. */
@Controller
public class GroupListPage {
    static final Query.Order ORDER = DirectorySearch.GROUPS_BY_NAME;
    static final int PAGE = 50;

    /** A row of the list. */
    public record Row(
            Group group, String type, List<String> licenses, String processing, int members, int membersInError) {}

    private final LicensedDirectory reads;
    private final GroupDirectory directory;
    private final ProductCatalog catalog;
    private final DirectorySearch search;

    public GroupListPage(
            LicensedDirectory reads, GroupDirectory directory, ProductCatalog catalog, DirectorySearch search) {
        this.reads = reads;
        this.directory = directory;
        this.catalog = catalog;
        this.search = search;
    }

    @GetMapping("/groups")
    public String list(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "q", defaultValue = "") String search,
            @RequestParam(name = "errors", defaultValue = "false") boolean inError,
            @RequestParam(name = "after", required = false) String after,
            Model model) {
        TenantId tenant = admin.tenant();
        if (search.length() > UserFilters.MAX_SEARCH) {
            throw new AdminPages.BadInput("Search for at most " + UserFilters.MAX_SEARCH + " characters.");
        }
        Query.Cursor cursor = after == null || after.isBlank()
                ? null
                : Query.Cursor.ofToken(after, ORDER)
                        .orElseThrow(
                                () -> new AdminPages.BadInput("This page link is damaged: start from the first page."));
        Filter named = search.isBlank()
                ? null
                : new Filter.StartsWith(ORDER.property(), search.strip().toLowerCase(Locale.ROOT));
        Filter errors = inError ? new Filter.HasMembersWithLicenseErrors(true) : null;
        Filter filter = named == null ? errors : errors == null ? named : new Filter.And(List.of(named, errors));
        var page =
                reads.groupSummaries(tenant, AdminPages.narrowed(admin, new Query(filter, ORDER, PAGE, cursor, true)));
        Catalog products = catalog.forTenant(tenant);
        List<Row> rows = new ArrayList<>();
        for (LicensedDirectory.GroupSummary summary : page.rows()) {
            Group group = summary.group().group();
            List<GroupLicense> assigned = summary.group().licensing().licenses();
            rows.add(new Row(
                    group,
                    type(group),
                    assigned.stream()
                            .map(l -> ProductChoices.name(products, l.license().skuId()))
                            .sorted()
                            .toList(),
                    assigned.isEmpty()
                            ? ""
                            : processing(summary.group().licensing().state()),
                    summary.members(),
                    summary.membersInError()));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("count", page.count());
        model.addAttribute("next", page.next() == null ? null : page.next().token(ORDER));
        model.addAttribute("q", search);
        model.addAttribute("errors", inError ? Boolean.TRUE : null);
        model.addAttribute("firstPage", cursor == null);
        return "groups/list";
    }

    @GetMapping("/groups/new")
    public String newGroup(@AuthenticationPrincipal AdminPrincipal admin, Model model) {
        AdminPages.require(admin, Capability.MANAGE_GROUPS);
        return "groups/new";
    }

    @PostMapping("/groups")
    public String create(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "displayName", defaultValue = "") String displayName,
            @RequestParam(name = "description", defaultValue = "") String description,
            @RequestParam(name = "membershipType", defaultValue = "Assigned") String membershipType,
            @RequestParam(name = "membershipRule", defaultValue = "") String rule,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_GROUPS);
        boolean dynamic =
                switch (membershipType) {
                    case "Dynamic" -> true;
                    case "Assigned" -> false;
                    default -> throw new AdminPages.BadInput("Choose assigned or dynamic membership.");
                };
        Form form = new Form(displayName, description, membershipType, rule);
        if (displayName.isBlank()) {
            return again(flash, form, "displayName", "Enter the group's name.");
        }
        if (dynamic && rule.isBlank()) {
            return again(flash, form, "membershipRule", "Enter the membership rule that selects the members.");
        }
        Map<GroupAttribute, Object> values = new HashMap<>();
        values.put(GroupAttribute.DISPLAY_NAME, displayName.strip());
        if (!description.isBlank()) {
            values.put(GroupAttribute.DESCRIPTION, description.strip());
        }
        values.put(GroupAttribute.SECURITY_ENABLED, true);
        if (dynamic) {
            values.put(GroupAttribute.MEMBERSHIP_RULE, rule.strip());
        }
        Set<String> types = dynamic ? Set.of("DynamicMembership") : Set.of();
        var outcome = directory.create(AdminPages.caller(admin, request), values, types);
        if (!outcome.isDone()) {
            boolean ruleRefused = dynamic
                    && (MembershipRule.check(rule).isPresent()
                            || outcome.rejection().code() == ErrorCode.MEMBERSHIP_CYCLE);
            return again(
                    flash,
                    form,
                    ruleRefused ? "membershipRule" : "displayName",
                    outcome.rejection().message());
        }
        flash.addFlashAttribute(AdminPages.NOTICE, "Group " + displayName.strip() + " created.");
        return AdminPages.redirect("/groups/" + outcome.value().id());
    }

    /** What was typed into the new-group form, given back when it is refused. */
    private record Form(String displayName, String description, String membershipType, String membershipRule) {}

    private static String again(RedirectAttributes flash, Form form, String field, String problem) {
        flash.addFlashAttribute("displayName", form.displayName());
        flash.addFlashAttribute("description", form.description());
        flash.addFlashAttribute("membershipType", form.membershipType());
        flash.addFlashAttribute("membershipRule", form.membershipRule());
        AdminPages.refuse(flash, field, problem);
        return AdminPages.redirect("/groups/new");
    }

    /** Users and groups whose name starts with what was typed, for the add-member field. */
    @GetMapping("/groups/member-suggestions")
    public String suggestions(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "member", defaultValue = "") String typed,
            Model model) {
        model.addAttribute("suggestions", search.suggest(admin.caller(""), typed));
        return "groups/suggestions :: suggestions";
    }

    static String type(Group group) {
        if (group.isDynamic()) {
            return "Dynamic";
        }
        String kind = group.groupTypes().contains("Unified")
                ? "Microsoft 365"
                : group.securityEnabled() ? "Security" : "Distribution";
        return group.onPremisesSyncEnabled() ? kind + " (synced)" : kind;
    }

    static String processing(org.allot.core.assignment.ProcessingState state) {
        return switch (state) {
            case QueuedForProcessing -> "Queued";
            case ProcessingInProgress -> "In progress";
            case ProcessingComplete -> "Complete";
        };
    }
}
