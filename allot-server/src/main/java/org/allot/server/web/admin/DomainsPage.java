package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.allot.core.directory.TenantDomains;
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
 * The tenant's domains, the initial one among them; Global Administrators add domains (verified at once), make one the
 * default and remove those no user uses.
 */
@Controller
public class DomainsPage {
    private final TenantDomains domains;

    public DomainsPage(TenantDomains domains) {
        this.domains = domains;
    }

    @GetMapping("/domains")
    public String list(@AuthenticationPrincipal AdminPrincipal admin, Model model) {
        model.addAttribute("domains", domains.listWithUse(admin.tenant()));
        return "domains";
    }

    @PostMapping("/domains")
    public String add(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "domain", defaultValue = "") String domain,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_DOMAINS);
        if (!AdminPages.tell(
                domains.add(AdminPages.caller(admin, request), domain),
                flash,
                "add",
                domain.strip() + " is verified: users may have principal names on it, and synced users of that domain"
                        + " get theirs at the next sync.")) {
            flash.addFlashAttribute("domain", domain);
        }
        return AdminPages.redirect("/domains");
    }

    @PostMapping("/domains/default")
    public String makeDefault(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "domain", defaultValue = "") String domain,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_DOMAINS);
        AdminPages.tell(
                domains.makeDefault(AdminPages.caller(admin, request), domain),
                flash,
                "default",
                domain + " is the default domain.");
        return AdminPages.redirect("/domains");
    }

    @PostMapping("/domains/remove")
    public String remove(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "domain", defaultValue = "") String domain,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_DOMAINS);
        AdminPages.tell(
                domains.remove(AdminPages.caller(admin, request), domain), flash, "remove", domain + " was removed.");
        return AdminPages.redirect("/domains");
    }
}
