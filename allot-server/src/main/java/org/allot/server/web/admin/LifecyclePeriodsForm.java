package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.allot.core.Outcome;
import org.allot.core.subscription.LifecyclePeriods;
import org.allot.core.subscription.LifecyclePolicy;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tenant's lifecycle periods (docs/license-lifecycle.md), on the Licenses page: how long an expired subscription
 * stays in Warning and then in Suspended, and the overage grace period. A tenant setting: the Global Administrator's.
 */
@Controller
public class LifecyclePeriodsForm {
    /** Flash attribute: the periods as typed, when they were refused. */
    static final String TYPED = "periodsForm";

    /** The form as typed. */
    public record Typed(String warningDays, String suspendedDays, String overageGraceDays) implements Serializable {}

    private final LifecyclePolicy policy;

    public LifecyclePeriodsForm(LifecyclePolicy policy) {
        this.policy = policy;
    }

    @PostMapping("/licenses/lifecycle")
    public String save(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "warningDays", defaultValue = "") String warning,
            @RequestParam(name = "suspendedDays", defaultValue = "") String suspended,
            @RequestParam(name = "overageGraceDays", defaultValue = "") String overage,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_SETTINGS);
        Typed typed = new Typed(TermsInput.echo(warning), TermsInput.echo(suspended), TermsInput.echo(overage));
        Integer w = days(warning);
        Integer s = days(suspended);
        Integer o = days(overage);
        if (w == null || s == null || o == null) {
            AdminPages.refuse(
                    flash,
                    "lifecycle",
                    "Enter each period as a whole number of days from 0 to " + LifecyclePeriods.MAX_DAYS + ".");
            flash.addFlashAttribute(TYPED, typed);
            return AdminPages.redirect("/licenses");
        }
        Outcome<LifecyclePeriods> outcome = policy.change(AdminPages.caller(admin, request), w, s, o);
        if (!AdminPages.tell(
                outcome,
                flash,
                "lifecycle",
                "Lifecycle periods saved: expired subscriptions stay " + w + " days in Warning, then " + s
                        + " days Suspended; seats cut below use are taken back after " + o + " days.")) {
            flash.addFlashAttribute(TYPED, typed);
        }
        return AdminPages.redirect("/licenses");
    }

    /** A whole number of days as typed, or null when it is none (the core checks the range). */
    private static Integer days(String typed) {
        String value = typed.strip();
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.valueOf(value);
    }
}
