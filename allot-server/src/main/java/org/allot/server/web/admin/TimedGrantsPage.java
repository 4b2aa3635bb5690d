package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.allot.core.Outcome;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.timebound.TimeBoundGrants;
import org.allot.core.timebound.TimedGrant;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Time-bound grants in the admin center (docs/admin-center.md): on a user's page their licenses with a start or an
 * end, on a group's page its members with one ("from …", "until …"), each with a way to change or remove the end or to
 * cancel; the pages load them as fragments. Assigning and adding for a time is the assign and add-member forms' part
 * ({@link UserPage}, {@link GroupPage}) through {@link #times}.
 */
@Controller
public class TimedGrantsPage {
    private final TimeBoundGrants grants;

    public TimedGrantsPage(TimeBoundGrants grants) {
        this.grants = grants;
    }

    /** A start and an end typed in a form: days (UTC, from the start of the day); blank for none. */
    record Times(Instant start, Instant end) {
        boolean given() {
            return start != null || end != null;
        }
    }

    /** The days of the form as times; a day that is not one is bad input the form is told about. */
    static Times times(String start, String end) {
        return new Times(day(start, "start"), day(end, "end"));
    }

    private static Instant day(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new AdminPages.BadInput("The " + what + " must be a date such as 2027-01-31.");
        }
    }

    @GetMapping("/users/{id}/timed")
    public String ofUser(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            HttpServletRequest request,
            Model model) {
        UserId user = new UserId(AdminPages.id(id));
        List<TimeBoundGrants.Listed> listed = grants.ofUser(AdminPages.caller(admin, request), UserRef.of(user))
                .orElseThrow(() -> new AdminPages.NotFound(id));
        model.addAttribute("userId", user);
        model.addAttribute(
                "timed",
                listed.stream()
                        .filter(l -> l.grant().kind() == TimedGrant.Kind.LICENSE)
                        .toList());
        return "fragments/timed :: licenses";
    }

    @GetMapping("/groups/{id}/timed")
    public String ofGroup(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            HttpServletRequest request,
            Model model) {
        GroupId group = new GroupId(AdminPages.id(id));
        model.addAttribute("groupId", group);
        model.addAttribute(
                "timed",
                grants.ofGroup(AdminPages.caller(admin, request), group)
                        .orElseThrow(() -> new AdminPages.NotFound(id)));
        return "fragments/timed :: members";
    }

    /** A new end for a user's time-bound license ({@code remove}: no end, the user keeps it). */
    @PostMapping("/users/{id}/timed/{sku}/end")
    public String endLicense(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @PathVariable String sku,
            @RequestParam(name = "end", defaultValue = "") String end,
            @RequestParam(name = "remove", defaultValue = "false") boolean remove,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        UserId user = new UserId(AdminPages.id(id));
        newEnd(
                end,
                remove,
                flash,
                "The license no longer ends.",
                to -> grants.changeLicense(AdminPages.caller(admin, request), UserRef.of(user), sku, to));
        return AdminPages.redirect("/users/" + user);
    }

    @PostMapping("/users/{id}/timed/{sku}/cancel")
    public String cancelLicense(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @PathVariable String sku,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        UserId user = new UserId(AdminPages.id(id));
        AdminPages.tell(
                grants.cancelLicense(AdminPages.caller(admin, request), UserRef.of(user), sku),
                flash,
                "timed",
                "The time-bound license is cancelled.");
        return AdminPages.redirect("/users/" + user);
    }

    /** A new end for a time-bound member ({@code remove}: no end, the user stays a member). */
    @PostMapping("/groups/{id}/timed/{user}/end")
    public String endMembership(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @PathVariable String user,
            @RequestParam(name = "end", defaultValue = "") String end,
            @RequestParam(name = "remove", defaultValue = "false") boolean remove,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_GROUPS);
        GroupId group = new GroupId(AdminPages.id(id));
        newEnd(
                end,
                remove,
                flash,
                "The membership no longer ends.",
                to -> grants.changeMembership(
                        AdminPages.caller(admin, request), group, UserRef.of(new UserId(AdminPages.id(user))), to));
        return AdminPages.redirect("/groups/" + group);
    }

    /**
     * A new end for a time-bound grant, as both end forms send it: the day typed, or none when {@code remove}; a form
     * with neither is refused, else {@code reschedule} is told ({@code noEnd} when the end was removed).
     */
    private static void newEnd(
            String end,
            boolean remove,
            RedirectAttributes flash,
            String noEnd,
            Function<TimeBoundGrants.Reschedule, Outcome<?>> reschedule) {
        Instant at = remove ? null : times("", end).end();
        if (!remove && at == null) {
            AdminPages.refuse(flash, "timed", "Choose the new end date, or remove the end.");
            return;
        }
        AdminPages.tell(
                reschedule.apply(new TimeBoundGrants.Reschedule(false, null, true, at)),
                flash,
                "timed",
                remove ? noEnd : "The end is changed.");
    }

    @PostMapping("/groups/{id}/timed/{user}/cancel")
    public String cancelMembership(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @PathVariable String user,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_GROUPS);
        GroupId group = new GroupId(AdminPages.id(id));
        AdminPages.tell(
                grants.cancelMembership(
                        AdminPages.caller(admin, request), group, UserRef.of(new UserId(AdminPages.id(user)))),
                flash,
                "timed",
                "The time-bound membership is cancelled.");
        return AdminPages.redirect("/groups/" + group);
    }
}
