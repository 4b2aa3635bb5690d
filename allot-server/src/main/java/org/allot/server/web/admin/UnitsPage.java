package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.Group;
import org.allot.core.unit.ScopedRoleMember;
import org.allot.core.unit.UnitChange;
import org.allot.core.unit.UnitDirectory;
import org.allot.core.unit.UnitId;
import org.allot.core.unit.UnitMembers;
import org.allot.core.unit.UnitOverview;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.allot.server.security.UnitRoleHolders;
import org.allot.server.security.store.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrative units: listed for everyone; created, given a rule, filled, delegated (to apps and administrators) and deleted by Global
 * Administrators (docs/delegation.md).
 */
@Controller
public class UnitsPage {
    /** Members a unit's page shows. */
    static final int MEMBERS_SHOWN = 200;

    private final UnitDirectory units;
    private final UnitMembers members;
    private final UnitOverview overview;
    private final UnitRoleHolders holders;

    public UnitsPage(UnitDirectory units, UnitMembers members, UnitOverview overview, UnitRoleHolders holders) {
        this.units = units;
        this.members = members;
        this.overview = overview;
        this.holders = holders;
    }

    @GetMapping("/units")
    public String list(@AuthenticationPrincipal AdminPrincipal admin, HttpServletRequest request, Model model) {
        model.addAttribute("units", units.list(AdminPages.caller(admin, request)));
        return "units/list";
    }

    @PostMapping("/units")
    public String create(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "description", defaultValue = "") String description,
            @RequestParam(name = "rule", defaultValue = "") String rule,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        UnitChange change = UnitChange.none().withDisplayName(name);
        if (!description.isBlank()) {
            change = change.withDescription(description);
        }
        if (!rule.isBlank()) {
            change = change.withMembershipType("Dynamic").withMembershipRule(rule);
        }
        var created = units.create(AdminPages.caller(admin, request), change);
        if (!AdminPages.tell(created, flash, "create", name.strip() + " was created.")) {
            flash.addFlashAttribute("name", name);
            flash.addFlashAttribute("rule", rule);
            return AdminPages.redirect("/units");
        }
        return AdminPages.redirect("/units/" + created.value().id());
    }

    @GetMapping("/units/{id}")
    public String unit(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            HttpServletRequest request,
            Model model) {
        UnitOverview.View view = overview.of(AdminPages.caller(admin, request), unitId(id), null, MEMBERS_SHOWN)
                .orElseThrow(() -> new AdminPages.NotFound(id));
        model.addAttribute("view", view);
        model.addAttribute(
                "memberRows", view.members().stream().map(UnitsPage::row).toList());
        model.addAttribute("roleRows", view.roles().stream().map(UnitsPage::row).toList());
        model.addAttribute("membersShown", MEMBERS_SHOWN);
        model.addAttribute(
                "roles",
                java.util.Arrays.stream(Role.values())
                        .filter(Role::unitScopable)
                        .toList());
        return "units/unit";
    }

    @PostMapping("/units/{id}/rule")
    public String rule(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "rule", defaultValue = "") String rule,
            @RequestParam(name = "state", defaultValue = "On") String state,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        UnitChange change = rule.isBlank()
                ? UnitChange.none().withMembershipType(null)
                : UnitChange.none()
                        .withMembershipType("Dynamic")
                        .withMembershipRule(rule)
                        .withProcessingState(state);
        AdminPages.tell(
                units.update(AdminPages.caller(admin, request), unitId(id), change),
                flash,
                "rule",
                rule.isBlank()
                        ? "Members are now added one by one."
                        : "The rule is saved; the unit's users follow it.");
        return AdminPages.redirect("/units/" + id);
    }

    @PostMapping("/units/{id}/members")
    public String addMember(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "member", defaultValue = "") String member,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        AdminPages.tell(
                members.add(AdminPages.caller(admin, request), unitId(id), member),
                flash,
                "member",
                member.strip() + " was added.");
        return AdminPages.redirect("/units/" + id);
    }

    @PostMapping("/units/{id}/members/remove")
    public String removeMember(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "member", defaultValue = "") String member,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        AdminPages.tell(
                members.remove(AdminPages.caller(admin, request), unitId(id), AdminPages.id(member)),
                flash,
                "members",
                "The member was removed.");
        return AdminPages.redirect("/units/" + id);
    }

    @PostMapping("/units/{id}/roles")
    public String addRole(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "role", defaultValue = "") String role,
            @RequestParam(name = "app", defaultValue = "") String app,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        AdminPages.tell(
                holders.assign(AdminPages.caller(admin, request), unitId(id), role, app.strip()),
                flash,
                "role",
                "It now acts within the units it holds roles over, with those roles only (an administrator signs in again).");
        return AdminPages.redirect("/units/" + id);
    }

    @PostMapping("/units/{id}/roles/remove")
    public String removeRole(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "assignment", defaultValue = "") String assignment,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        AdminPages.tell(
                holders.remove(AdminPages.caller(admin, request), unitId(id), AdminPages.id(assignment)),
                flash,
                "roles",
                "The role was taken back.");
        return AdminPages.redirect("/units/" + id);
    }

    @PostMapping("/units/{id}/delete")
    public String delete(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        if (!AdminPages.tell(
                units.delete(AdminPages.caller(admin, request), unitId(id)),
                flash,
                "delete",
                "The unit was deleted; its users and groups stay.")) {
            return AdminPages.redirect("/units/" + id);
        }
        return AdminPages.redirect("/units");
    }

    /** A member as the page lists it: its type, id, name and page. */
    public record MemberRow(String type, String id, String name, String href) {}

    /** A role held over the unit as the page lists it. */
    public record RoleRow(String id, String role, String app, String appId) {}

    private static MemberRow row(DirectoryQueries.DirectoryObject member) {
        if (member instanceof DirectoryQueries.UserObject u) {
            String id = u.user().id().toString();
            return new MemberRow("User", id, u.user().userPrincipalName(), "/users/" + id);
        }
        Group g = ((DirectoryQueries.GroupObject) member).group();
        return new MemberRow("Group", g.id().toString(), g.displayName(), "/groups/" + g.id());
    }

    private static RoleRow row(ScopedRoleMember held) {
        String role = Role.parse(held.role()).map(Role::displayName).orElse(held.role());
        return new RoleRow(
                held.id().toString(),
                role,
                held.member().displayName(),
                held.member().id());
    }

    private static UnitId unitId(String id) {
        return new UnitId(AdminPages.id(id));
    }
}
