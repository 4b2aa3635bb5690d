package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.DirectorySearch;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserRef;
import org.allot.core.request.Approver;
import org.allot.core.request.RequestBook;
import org.allot.core.request.RequestDecisions;
import org.allot.core.request.RequestView;
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
 * License requests in the admin center (docs/delegation.md#license-requests): pending ones first, approved (directly or
 * through a group, until an earlier end) or denied with a reason by administrators who may assign licenses; and the
 * "Request a license" form of a user's page, for any administrator.
 */
@Controller
public class RequestsPage {
    static final int SHOWN = 200;

    private final RequestBook book;
    private final RequestDecisions decisions;
    private final ProductChoices products;
    private final DirectorySearch search;

    public RequestsPage(RequestBook book, RequestDecisions decisions, ProductChoices products, DirectorySearch search) {
        this.book = book;
        this.decisions = decisions;
        this.products = products;
        this.search = search;
    }

    @GetMapping("/requests")
    public String show(@AuthenticationPrincipal AdminPrincipal admin, Model model, HttpServletRequest request) {
        List<RequestView> requests =
                book.list(AdminPages.caller(admin, request), null, null, SHOWN).value();
        List<RequestView> pending =
                requests.stream().filter(v -> v.request().pending()).toList();
        model.addAttribute("pending", pending);
        model.addAttribute(
                "choices",
                admin.can(Capability.ASSIGN_USER_LICENSES)
                        ? RequestChoices.of(AdminPages.caller(admin, request), pending, products, search)
                        : Map.of());
        model.addAttribute(
                "decided", requests.stream().filter(v -> !v.request().pending()).toList());
        return "requests";
    }

    @PostMapping("/requests/{id}/approve")
    public String approve(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "through", defaultValue = "direct") String through,
            @RequestParam(name = "groupId", defaultValue = "") String group,
            @RequestParam(name = "start", defaultValue = "") String start,
            @RequestParam(name = "end", defaultValue = "") String end,
            @RequestParam(name = "plansOffered", defaultValue = "0") int offered,
            @RequestParam(name = "plan", required = false) List<String> plans,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        GroupId groupId = null;
        if (through.equals("group") || !group.isBlank()) {
            var parsed = AdminPages.uuid(group.strip());
            if (parsed.isEmpty()) {
                AdminPages.refuse(flash, "request-" + id, "Pick the group to approve the request through.");
                return AdminPages.redirect("/requests");
            }
            groupId = new GroupId(parsed.get());
        }
        Set<ServicePlanId> granted = null;
        if (offered > 0) {
            // the form offered plans to tick: all of them ticked grants what was asked for, fewer grant fewer
            List<String> ticked = plans == null ? List.of() : plans;
            if (ticked.isEmpty()) {
                AdminPages.refuse(flash, "request-" + id, "Tick at least one app to grant, or deny the request.");
                return AdminPages.redirect("/requests");
            }
            if (ticked.size() < offered) {
                granted = new HashSet<>();
                for (String plan : ticked) {
                    granted.add(new ServicePlanId(AdminPages.uuid(plan.strip())
                            .orElseThrow(() -> new AdminPages.BadInput("There is no app " + plan + "."))));
                }
            }
        }
        Instant until;
        Instant from;
        try {
            until = end.isBlank() ? null : endOf(end);
            from = start.isBlank() ? null : startOf(start);
        } catch (DateTimeParseException e) {
            AdminPages.refuse(flash, "request-" + id, "Enter the dates as dates, such as 2027-03-31.");
            return AdminPages.redirect("/requests");
        }
        AdminPages.tell(
                decisions.approve(
                        AdminPages.caller(admin, request),
                        Approver.within(admin.scope(), admin.can(Capability.ASSIGN_USER_LICENSES)),
                        AdminPages.id(id),
                        new RequestDecisions.Approval(groupId, granted, from, until)),
                flash,
                "request-" + id,
                "Request approved.");
        return AdminPages.redirect("/requests");
    }

    @PostMapping("/requests/{id}/deny")
    public String deny(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        AdminPages.tell(
                decisions.deny(
                        AdminPages.caller(admin, request),
                        Approver.within(admin.scope(), admin.can(Capability.ASSIGN_USER_LICENSES)),
                        AdminPages.id(id),
                        reason),
                flash,
                "request-" + id,
                "Request denied.");
        return AdminPages.redirect("/requests");
    }

    /** The "Request a license" form of a user's page: an administrator who may change something files a request. */
    @PostMapping("/users/{userId}/requests")
    public String file(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String userId,
            @RequestParam(name = "sku", defaultValue = "") String sku,
            @RequestParam(name = "justification", defaultValue = "") String justification,
            @RequestParam(name = "end", defaultValue = "") String end,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.FILE_LICENSE_REQUESTS);
        String page = "/users/" + AdminPages.id(userId);
        Instant until;
        try {
            until = end.isBlank() ? null : endOf(end);
        } catch (DateTimeParseException e) {
            AdminPages.refuse(flash, "request-license", "Enter the end as a date, such as 2027-03-31.");
            return AdminPages.redirect(page);
        }
        AdminPages.tell(
                book.file(
                        AdminPages.caller(admin, request),
                        new RequestBook.Filing(UserRef.of(userId), sku, Set.of(), justification, null, until)),
                flash,
                "request-license",
                "License requested; an administrator who may assign licenses decides it on the Requests page.");
        return AdminPages.redirect(page);
    }

    /** The end of a day given as {@code 2027-03-31}: the start of the next day, UTC. */
    /** A start date: the day's beginning (UTC). */
    private static Instant startOf(String date) {
        return LocalDate.parse(date.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant endOf(String date) {
        return LocalDate.parse(date.strip())
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }
}
