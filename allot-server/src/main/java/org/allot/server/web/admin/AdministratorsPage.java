package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.security.AdminAccounts;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.allot.server.security.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Who may sign in to the admin center, with which role; Global Administrators add and remove them. */
@Controller
public class AdministratorsPage {
    private final UnitOfWork work;
    private final AdminAccounts accounts;

    public AdministratorsPage(UnitOfWork work, AdminAccounts accounts) {
        this.work = work;
        this.accounts = accounts;
    }

    @GetMapping("/administrators")
    public String list(@AuthenticationPrincipal AdminPrincipal admin, Model model, HttpServletRequest request) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        model.addAttribute("accounts", work.read(() -> accounts.of(AdminPages.caller(admin, request))));
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("minPassword", AdminAccounts.MIN_PASSWORD);
        return "administrators";
    }

    @PostMapping("/administrators")
    public String add(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "username", defaultValue = "") String username,
            @RequestParam(name = "displayName", defaultValue = "") String displayName,
            @RequestParam(name = "role", defaultValue = "") String role,
            @RequestParam(name = "password", defaultValue = "") String password,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        var outcome =
                work.run(() -> accounts.add(AdminPages.caller(admin, request), username, displayName, role, password));
        if (!AdminPages.tell(outcome, flash, "add", username.strip() + " can now sign in.")) {
            flash.addFlashAttribute("username", username);
            flash.addFlashAttribute("displayName", displayName);
            flash.addFlashAttribute("role", role);
        }
        return AdminPages.redirect("/administrators");
    }

    @PostMapping("/administrators/remove")
    public String remove(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "username", defaultValue = "") String username,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        AdminPages.tell(
                work.run(() -> accounts.remove(AdminPages.caller(admin, request), username)),
                flash,
                "remove",
                username + " can no longer sign in.");
        return AdminPages.redirect("/administrators");
    }
}
