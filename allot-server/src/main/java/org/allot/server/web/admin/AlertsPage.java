package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.allot.core.alert.Alert;
import org.allot.core.alert.AlertPolicy;
import org.allot.core.alert.AlertWatch;
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
 * Alerts in the admin center (docs/alerts.md): open ones with what to do, the latest resolved ones, and the rules
 * (changed by whoever may change the tenant's settings).
 */
@Controller
public class AlertsPage {
    static final int SHOWN = 100;

    private final AlertWatch watch;
    private final AlertPolicy policy;

    public AlertsPage(AlertWatch watch, AlertPolicy policy) {
        this.watch = watch;
        this.policy = policy;
    }

    @GetMapping("/alerts")
    public String show(@AuthenticationPrincipal AdminPrincipal admin, Model model) {
        List<Alert> alerts = watch.list(admin.tenant(), false, SHOWN);
        model.addAttribute("open", alerts.stream().filter(Alert::open).toList());
        model.addAttribute("resolved", alerts.stream().filter(a -> !a.open()).toList());
        model.addAttribute("rules", policy.rules(admin.tenant()));
        return "alerts";
    }

    @PostMapping("/alerts/rules")
    public String setRules(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "expiringWithinDays", defaultValue = "") String days,
            @RequestParam(name = "lapsed", defaultValue = "false") boolean lapsed,
            @RequestParam(name = "freeSeatsBelow", defaultValue = "") String freeSeats,
            @RequestParam(name = "waitingAtLeast", defaultValue = "") String waiting,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_SETTINGS);
        Integer d = number(days);
        Integer f = number(freeSeats);
        Integer w = number(waiting);
        if (d == null || f == null || w == null) {
            AdminPages.refuse(flash, "alert-rules", "Enter each threshold as a whole number; 0 turns its alert off.");
        } else {
            AdminPages.tell(
                    policy.change(AdminPages.caller(admin, request), new AlertPolicy.Change(d, lapsed, f, w)),
                    flash,
                    "alert-rules",
                    "Alert rules saved; alerts follow them at once.");
        }
        return AdminPages.redirect("/alerts");
    }

    private static Integer number(String value) {
        String v = value.strip();
        return v.matches("\\d{1,8}") ? Integer.valueOf(v) : null;
    }
}
