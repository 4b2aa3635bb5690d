package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.allot.core.assignment.LicenseCheck;
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
 * The Licenses page's "License check" section on its own, for htmx to refresh while a run is under way, and "Check
 * now" (a dry run) and "Repair now".
 */
@Controller
public class LicenseCheckPage {
    static final String SECTION = "/licenses#license-check";

    private final LicenseCheck check;
    private final LicenseCheckViews views;

    public LicenseCheckPage(LicenseCheck check, LicenseCheckViews views) {
        this.check = check;
        this.views = views;
    }

    @GetMapping("/licenses/check")
    public String section(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "differences", defaultValue = "0") int from,
            Model model) {
        model.addAttribute("check", section(views, admin, from));
        return "licenses/check :: check";
    }

    @PostMapping("/licenses/check")
    public String start(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "repair", defaultValue = "false") boolean repair,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.CHECK_LICENSES);
        AdminPages.tell(
                check.request(AdminPages.caller(admin, request), !repair),
                flash,
                "check",
                repair
                        ? "A repair was asked for: it starts within moments and brings every difference it finds"
                                + " back in line."
                        : "A check was asked for: it starts within moments and changes nothing.");
        return AdminPages.redirect(SECTION);
    }

    /** The section for the Licenses page too; {@code from} is where the page of differences starts. */
    static LicenseCheckViews.Section section(LicenseCheckViews views, AdminPrincipal admin, int from) {
        return views.section(admin.tenant(), checkedFrom(from));
    }

    /** Where a page of differences starts, as a link gives it. */
    static int checkedFrom(int from) {
        if (from < 0 || from > LicensesPage.MAX_OFFSET) {
            throw new AdminPages.BadInput("This page link is damaged: start from the first page.");
        }
        return from;
    }
}
