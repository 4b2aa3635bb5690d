package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.assignment.Allotment;
import org.allot.core.assignment.AllotmentChange;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.SeatAllotments;
import org.allot.core.catalog.Product;
import org.allot.core.directory.DirectorySearch;
import org.allot.core.directory.Member;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The product page's allotment forms (docs/delegation.md#allotments): add a capped pool owned by an administrative
 * unit or a group, change a pool's name, cap or place, delete a pool. Each is one call of {@link SeatAllotments},
 * done as a whole or refused as a whole (caps above the product's enabled seats, an owner already pooled …); a refused
 * form comes back as typed, with core's reason.
 */
@Controller
public class AllotmentForms {
    /** Flash attribute: the pool form as typed, when it was refused. */
    static final String TYPED = "poolForm";
    /** The problemFor of the add form; a pool's own form is {@code "pool-" + its id}. */
    static final String NEW = "pool-new";

    private static final String NUMBER = "\\d{1,9}";
    private static final String ONE_OWNER =
            "Pick an administrative unit or name a group as the pool's owner: one of them.";

    /**
     * A pool form as typed: {@code pool} is the pool's id (empty for the add form); {@code unit} and {@code group}
     * only on the add form.
     */
    public record Typed(String pool, String name, String unit, String group, String cap, String position)
            implements Serializable {}

    private final SeatAllotments allotments;
    private final DirectorySearch search;
    private final ProductChoices products;

    public AllotmentForms(SeatAllotments allotments, DirectorySearch search, ProductChoices products) {
        this.allotments = allotments;
        this.search = search;
        this.products = products;
    }

    /** Adds a pool of the product: its name, its owner (a unit picked in the list, or a group named), cap, place. */
    @PostMapping("/licenses/{sku}/allotments")
    public String create(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String sku,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "unit", defaultValue = "") String unit,
            @RequestParam(name = "group", defaultValue = "") String group,
            @RequestParam(name = "cap", defaultValue = "") String cap,
            @RequestParam(name = "position", defaultValue = "") String position,
            HttpServletRequest request,
            RedirectAttributes flash) {
        require(admin);
        Product product = products.inUrl(admin.tenant(), sku);
        String back = AdminPages.redirect("/licenses/" + product.skuId());
        Typed typed = new Typed("", echo(name), echo(unit), echo(group), echo(cap), echo(position));
        if (name.isBlank()) {
            return refused(flash, NEW, typed, "Enter the pool's name.", back);
        }
        if (unit.isBlank() && group.isBlank()) {
            return refused(flash, NEW, typed, ONE_OWNER, back);
        }
        Optional<Integer> capped = number(cap);
        if (capped.isEmpty()) {
            return refused(flash, NEW, typed, "Enter the cap as a whole number of seats.", back);
        }
        if (!position.isBlank() && number(position).isEmpty()) {
            return refused(flash, NEW, typed, "Enter the place as a whole number from 1, or leave it empty.", back);
        }
        Outcome<Optional<Allotment.Owner>> owner = owner(AdminPages.caller(admin, request), unit, group);
        if (!owner.isDone()) {
            return refused(flash, NEW, typed, owner.rejection().message(), back);
        }
        Outcome<Allotment> created = allotments.create(
                AdminPages.caller(admin, request),
                product.skuId().toString(),
                new AllotmentChange(Optional.of(name), owner.value(), capped, number(position)));
        if (!created.isDone()) {
            return refused(flash, NEW, typed, PlainWords.of(created.rejection(), product.displayName()), back);
        }
        flash.addFlashAttribute(
                AdminPages.NOTICE,
                "Pool " + created.value().displayName() + " added: up to "
                        + created.value().cap() + " seats of " + product.displayName() + ".");
        return back;
    }

    /**
     * Changes a pool's name, cap, place and owner (an administrative unit picked in the list, or a group named; neither
     * given: the owner stays).
     */
    @PostMapping("/licenses/{sku}/allotments/{id}")
    public String change(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String sku,
            @PathVariable String id,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "unit", defaultValue = "") String unit,
            @RequestParam(name = "group", defaultValue = "") String group,
            @RequestParam(name = "cap", defaultValue = "") String cap,
            @RequestParam(name = "position", defaultValue = "") String position,
            HttpServletRequest request,
            RedirectAttributes flash) {
        require(admin);
        Product product = products.inUrl(admin.tenant(), sku);
        AllotmentId pool = pool(id);
        String form = "pool-" + pool;
        String back = AdminPages.redirect("/licenses/" + product.skuId());
        Typed typed = new Typed(pool.toString(), echo(name), echo(unit), echo(group), echo(cap), echo(position));
        if (name.isBlank()) {
            return refused(flash, form, typed, "Enter the pool's name.", back);
        }
        Optional<Integer> capped = number(cap);
        if (capped.isEmpty()) {
            return refused(flash, form, typed, "Enter the cap as a whole number of seats.", back);
        }
        Optional<Integer> place = number(position);
        if (place.isEmpty()) {
            return refused(flash, form, typed, "Enter the place as a whole number from 1.", back);
        }
        Outcome<Optional<Allotment.Owner>> owner = owner(AdminPages.caller(admin, request), unit, group);
        if (!owner.isDone()) {
            return refused(flash, form, typed, owner.rejection().message(), back);
        }
        Outcome<Allotment> changed = allotments.update(
                AdminPages.caller(admin, request),
                pool,
                new AllotmentChange(Optional.of(name), owner.value(), capped, place));
        if (!changed.isDone()) {
            return refused(flash, form, typed, PlainWords.of(changed.rejection(), product.displayName()), back);
        }
        flash.addFlashAttribute(
                AdminPages.NOTICE,
                "Pool " + changed.value().displayName() + " now has a cap of "
                        + changed.value().cap() + " seats, in place "
                        + changed.value().position() + ".");
        return back;
    }

    /** Deletes a pool: its holders count in the unallotted seats from now on, its waiting users wait there. */
    @PostMapping("/licenses/{sku}/allotments/{id}/delete")
    public String delete(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String sku,
            @PathVariable String id,
            HttpServletRequest request,
            RedirectAttributes flash) {
        require(admin);
        Product product = products.inUrl(admin.tenant(), sku);
        AllotmentId pool = pool(id);
        Outcome<Allotment> deleted = allotments.delete(AdminPages.caller(admin, request), pool);
        AdminPages.tell(
                deleted,
                flash,
                "pool-" + pool,
                deleted.isDone()
                        ? "Pool " + deleted.value().displayName()
                                + " deleted: its users draw from the unallotted seats."
                        : "",
                product.displayName());
        return AdminPages.redirect("/licenses/" + product.skuId());
    }

    /** Groups whose name starts with what was typed, for the add form's owner field. */
    @GetMapping("/licenses/pool-owner-suggestions")
    public String suggestions(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "group", defaultValue = "") String typed,
            Model model) {
        List<DirectorySearch.Suggestion> groups = search.suggest(admin.caller(""), typed).stream()
                .filter(s -> "Group".equals(s.label()))
                .toList();
        model.addAttribute("suggestions", groups);
        return "groups/suggestions :: suggestions";
    }

    /** Only tenant-wide administrators who may change pools: a unit's License Administrator reads them only. */
    private static void require(AdminPrincipal admin) {
        AdminPages.require(admin, Capability.MANAGE_ALLOTMENTS);
        if (!Permissions.of(admin).manageAllotments()) {
            throw new AccessDeniedException("Administrators of administrative units change no allotment");
        }
    }

    /**
     * The owner the form names: the unit picked in the list, or the group named (by its name or id); empty when it
     * names neither; refused when it names both, or a user, or nothing that exists within the caller's scope.
     */
    private Outcome<Optional<Allotment.Owner>> owner(Caller caller, String unit, String group) {
        if (unit.isBlank() && group.isBlank()) {
            return Outcome.done(Optional.empty());
        }
        if (!unit.isBlank() && !group.isBlank()) {
            return Outcome.refused(Rejection.invalid(ONE_OWNER));
        }
        if (!unit.isBlank()) {
            return AdminPages.uuid(unit.strip())
                    .map(id -> Outcome.done(Optional.of(new Allotment.Owner(Allotment.Kind.UNIT, id))))
                    .orElseGet(() -> Outcome.refused(Rejection.invalid("Pick an administrative unit from the list.")));
        }
        Outcome<DirectorySearch.Found> found = search.member(caller, group);
        if (!found.isDone()) {
            return Outcome.refused(found.rejection());
        }
        if (!(found.value().member() instanceof Member.OfGroup named)) {
            return Outcome.refused(Rejection.invalid(
                    "%s is a user: a pool is owned by a group.", found.value().name()));
        }
        return Outcome.done(
                Optional.of(new Allotment.Owner(Allotment.Kind.GROUP, named.id().value())));
    }

    private static Optional<Integer> number(String text) {
        String entered = text.strip();
        return entered.matches(NUMBER) ? Optional.of(Integer.parseInt(entered)) : Optional.empty();
    }

    private static String echo(String text) {
        return text.length() > Allotment.MAX_NAME ? text.substring(0, Allotment.MAX_NAME) : text;
    }

    private static AllotmentId pool(String id) {
        return AllotmentId.parse(id).orElseThrow(() -> new AdminPages.NotFound(id));
    }

    private static String refused(RedirectAttributes flash, String form, Typed typed, String message, String back) {
        AdminPages.refuse(flash, form, message);
        flash.addFlashAttribute(TYPED, typed);
        return back;
    }
}
