package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.assignment.DirectLicenseChange;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.assignment.LicensesAndLocation;
import org.allot.core.assignment.LicensingViews;
import org.allot.core.catalog.Product;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.query.Query;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** All users: search, filters, pages of 50 in name order; select several to add, replace or remove a product. */
@Controller
public class UserListPage {
    static final int PAGE = 50;
    static final int MAX_BULK = 1000;

    /** A row of the list: the user and the products they hold or wait for. */
    public record Row(User user, List<String> licenses, boolean inError, boolean waiting) {}

    private final LicensingViews views;
    private final ProductChoices products;
    private final LicensesAndLocation located;

    public UserListPage(LicensingViews views, ProductChoices products, LicensesAndLocation located) {
        this.views = views;
        this.products = products;
        this.located = located;
    }

    @GetMapping("/users")
    public String list(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "q", defaultValue = "") String search,
            @RequestParam(name = "show", required = false) List<String> show,
            @RequestParam(name = "product", defaultValue = "") String product,
            @RequestParam(name = "after", required = false) String after,
            Model model) {
        TenantId tenant = admin.tenant();
        List<UserFilters.Show> shows = UserFilters.shows(show);
        String sku = product.isBlank()
                ? ""
                : products.product(tenant, product).skuId().toString();
        Query.Order order = UserFilters.ORDER;
        Query.Cursor cursor = after == null || after.isBlank()
                ? null
                : Query.Cursor.ofToken(after, order)
                        .orElseThrow(
                                () -> new AdminPages.BadInput("This page link is damaged: start from the first page."));
        Query query = new Query(
                UserFilters.of(search.strip(), shows, sku.isEmpty() ? null : UUID.fromString(sku)),
                order,
                PAGE,
                cursor,
                true);
        LicensingViews.UsersView view = views.users(tenant, AdminPages.narrowed(admin, query));
        var page = view.users();
        List<Row> rows = new ArrayList<>();
        for (LicensedUser user : page.rows()) {
            rows.add(row(user));
        }
        List<String> keys = shows.stream().map(UserFilters.Show::key).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("count", page.count());
        model.addAttribute("next", page.next() == null ? null : page.next().token(order));
        model.addAttribute("products", ProductChoices.choices(view.subscribed()));
        model.addAttribute("countries", Countries.ALL);
        model.addAttribute("q", search);
        model.addAttribute("show", keys.isEmpty() ? "all" : keys.get(0));
        model.addAttribute("shows", keys);
        model.addAttribute("product", sku);
        model.addAttribute("filters", UserFilters.Show.values());
        model.addAttribute("firstPage", cursor == null);
        var link = org.springframework.web.util.UriComponentsBuilder.fromPath("/users")
                .queryParam("q", search);
        if (!keys.isEmpty()) {
            link.queryParam("show", keys.toArray());
        }
        if (!sku.isEmpty()) {
            link.queryParam("product", sku);
        }
        model.addAttribute("back", link.build().encode().toUriString());
        model.addAttribute(
                "csv",
                link.cloneBuilder().replacePath("/users.csv").build().encode().toUriString());
        model.addAttribute("firstLink", link.cloneBuilder().build().encode().toUriString());
        model.addAttribute(
                "nextLink",
                page.next() == null
                        ? null
                        : link.cloneBuilder()
                                .queryParam("after", page.next().token(order))
                                .build()
                                .encode()
                                .toUriString());
        return "users/list";
    }

    /** A user as the list shows them: the products they hold, and whether one is in error or waiting. */
    static Row row(LicensedUser user) {
        List<LicenseAssignment> held = user.licenses().assignments();
        Set<String> licenses = new LinkedHashSet<>();
        held.stream()
                .filter(LicenseAssignment::holdsSeat)
                .forEach(a -> licenses.add(ProductChoices.name(user.catalog(), a.sku())));
        return new Row(
                user.user(),
                List.copyOf(licenses),
                held.stream().anyMatch(a -> a.error() != null && !a.isWaiting()),
                held.stream().anyMatch(LicenseAssignment::isWaiting));
    }

    /**
     * Adds a product to the selected users, replaces their direct licenses with it, or removes it from them: all of
     * them or, when any is refused, none of them — then every refused user is named with the reason, the selection
     * and the choices are kept, and the fixes are offered (see {@link BulkRefusal}).
     */
    @PostMapping("/users/bulk")
    public String bulk(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "user", required = false) List<String> ids,
            @RequestParam(name = "sku", defaultValue = "") String sku,
            @RequestParam(name = "mode", defaultValue = "add") String mode,
            @RequestParam(name = "usageLocation", defaultValue = "") String usageLocation,
            @RequestParam(name = "back", defaultValue = "/users") String back,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        String returnTo = back.matches("/users(\\?[\\x21-\\x7e]*)?") ? back : "/users";
        BulkMode bulkMode = BulkMode.parse(mode);
        BulkRefusal.keepChoices(flash, ids, sku, bulkMode.name().toLowerCase(java.util.Locale.ROOT));
        if (ids == null || ids.isEmpty()) {
            AdminPages.refuse(flash, "bulk", "Select the users first.");
            return AdminPages.redirect(returnTo);
        }
        if (sku.isBlank()) {
            AdminPages.refuse(flash, "bulk-sku", "Choose a product.");
            return AdminPages.redirect(returnTo);
        }
        if (ids.size() > MAX_BULK) {
            throw new AdminPages.BadInput("At most " + MAX_BULK + " users can be changed at once.");
        }
        Optional<String> location = usageLocation.isBlank() ? Optional.empty() : Optional.of(usageLocation.strip());
        if (location.isPresent()) {
            AdminPages.require(admin, Capability.SET_USAGE_LOCATION);
        }
        List<UserId> users = new ArrayList<>(new LinkedHashSet<>(
                ids.stream().map(id -> new UserId(AdminPages.id(id))).toList()));
        Product product = products.product(admin.tenant(), sku);
        Caller caller = AdminPages.caller(admin, request);
        LicensesAndLocation.BulkResult result =
                located.assignEach(caller, users, product.skuId(), bulkMode.change, location);
        if (!result.isDone()) {
            BulkRefusal.tell(flash, result, users, product.displayName());
            return AdminPages.redirect(returnTo);
        }
        flash.getFlashAttributes().clear();
        String located = result.located() == 0
                ? ""
                : " Usage location set to " + Countries.name(location.orElseThrow()) + " for " + result.located()
                        + " users.";
        String inherited = result.inheritedOnly().isEmpty()
                ? ""
                : " " + result.inheritedOnly().size() + " of them hold " + product.displayName()
                        + " only through a group, which a direct removal cannot take away: remove them from the"
                        + " group, or remove the license from the group ("
                        + String.join(", ", BulkRefusal.first(result.inheritedOnly())) + ").";
        flash.addFlashAttribute(
                AdminPages.NOTICE,
                bulkMode.done(product.displayName(), result.changed(), users.size()) + located + inherited);
        return AdminPages.redirect(returnTo);
    }

    enum BulkMode {
        ADD(DirectLicenseChange.ADD),
        REPLACE(DirectLicenseChange.REPLACE),
        REMOVE(DirectLicenseChange.REMOVE);

        private final DirectLicenseChange change;

        BulkMode(DirectLicenseChange change) {
            this.change = change;
        }

        static BulkMode parse(String value) {
            for (BulkMode mode : values()) {
                if (mode.name().equalsIgnoreCase(value)) {
                    return mode;
                }
            }
            throw new AdminPages.BadInput("Unknown change " + value + ": add, replace or remove.");
        }

        String done(String product, int changed, int selected) {
            String unchanged = changed == selected ? "" : " (" + (selected - changed) + " had nothing to change)";
            return switch (this) {
                case ADD -> product + " added to " + changed + " users" + unchanged + ".";
                case REPLACE -> "Direct licenses of " + changed + " users replaced with " + product + unchanged + ".";
                case REMOVE -> product + " removed from " + changed + " users" + unchanged + ".";
            };
        }
    }
}
