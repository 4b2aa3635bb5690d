package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.ScopedDirectory;
import org.allot.core.directory.DirectorySearch;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.GroupMembers;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserRef;
import org.allot.core.query.Query;
import org.allot.core.rules.GroupOverview;
import org.allot.core.timebound.TimeBoundGrants;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One group: its licenses, processing while it runs, members in error, members (nested shown), priority in waiting
 * lists, a warning about guests; add and remove members, delete. Changing its licenses is {@link GroupLicensesPage}.
 */
@Controller
@RequestMapping("/groups/{id}")
public class GroupPage {
    static final int GUESTS_SHOWN = 20;

    private final GroupOverview overview;
    private final LicensedDirectory reads;
    private final GroupDirectory directory;
    private final DirectorySearch search;
    private final GroupMembers members;
    private final TimeBoundGrants grants;
    private final ScopedDirectory scoped;
    private final GroupPoolForm pools;

    public GroupPage(
            GroupOverview overview,
            LicensedDirectory reads,
            GroupDirectory directory,
            DirectorySearch search,
            GroupMembers members,
            TimeBoundGrants grants,
            ScopedDirectory scoped,
            GroupPoolForm pools) {
        this.scoped = scoped;
        this.pools = pools;
        this.overview = overview;
        this.reads = reads;
        this.directory = directory;
        this.search = search;
        this.members = members;
        this.grants = grants;
    }

    @GetMapping
    public String show(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "view", defaultValue = "direct") String view,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "errorsAfter", required = false) String errorsAfter,
            Model model) {
        boolean all =
                switch (view) {
                    case "direct" -> false;
                    case "all" -> true;
                    default -> throw new AdminPages.BadInput("Show direct or all members.");
                };
        UUID from = after == null || after.isBlank()
                ? null
                : AdminPages.uuid(after).orElseThrow(() -> new AdminPages.BadInput("This page link is damaged."));
        Query.Cursor errorsFrom = GroupErrorsExport.cursor(errorsAfter);
        GroupOverview.View shown = AdminPages.uuid(id)
                .flatMap(uuid -> overview.of(
                        admin.caller(""),
                        new GroupId(uuid),
                        all,
                        from,
                        GroupViews.MEMBERS_PAGE,
                        new Query(null, GroupErrorsExport.ORDER, GroupViews.ERRORS_PAGE, errorsFrom, true),
                        GUESTS_SHOWN))
                .orElseThrow(() -> new AdminPages.NotFound(id));
        LicensedDirectory.GroupDetail detail = shown.detail();
        var state = detail.state();
        Group group = state.group();
        model.addAttribute("group", group);
        model.addAttribute(
                "editableMembers",
                admin.can(Capability.MANAGE_GROUPS) && !group.isDynamic() && !group.onPremisesSyncEnabled());
        model.addAttribute("state", state);
        model.addAttribute("ruleRun", shown.latestRuleRun());
        model.addAttribute("licenses", GroupViews.licenses(detail.catalog(), state.licenses()));
        model.addAttribute("licensePools", pools.of(admin.tenant(), group.id(), state.licenses()));
        model.addAttribute(
                "options",
                GroupViews.options(detail.catalog(), ProductChoices.choices(shown.subscribed()), state.licenses()));
        // the members in error are narrowed to a unit administrator's units by the core, in their query
        List<GroupViews.ErrorRow> errors = GroupViews.errors(shown.errors());
        GroupViews.MemberPage members = GroupViews.members(detail, all);
        if (admin.scoped()) {
            // a unit administrator sees the members of their units only
            Caller caller = admin.caller("");
            Set<UUID> within = new HashSet<>(scoped.within(
                    caller,
                    members.rows().stream().map(GroupViews.MemberRow::id).toList()));
            members = new GroupViews.MemberPage(
                    members.rows().stream().filter(m -> within.contains(m.id())).toList(), members.next());
        }
        model.addAttribute("errors", errors);
        model.addAttribute("errorSummary", GroupViews.summary(shown.errors()));
        model.addAttribute("errorCount", shown.errors().members().count());
        model.addAttribute(
                "errorsNext",
                shown.errors().members().next() == null
                        ? null
                        : shown.errors().members().next().token(GroupErrorsExport.ORDER));
        model.addAttribute("errorsFirstPage", errorsFrom == null);
        model.addAttribute("members", members);
        model.addAttribute("directMembers", detail.directMembers());
        model.addAttribute("usersWithNested", detail.usersWithNested());
        model.addAttribute("guests", detail.guests());
        model.addAttribute("view", all ? "all" : "direct");
        model.addAttribute("firstPage", from == null);
        return "groups/detail";
    }

    @PostMapping("/members")
    public String addMember(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "member", defaultValue = "") String member,
            @RequestParam(name = "start", required = false) String start,
            @RequestParam(name = "end", required = false) String end,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_GROUPS);
        GroupId group = find(admin.tenant(), id).id();
        Outcome<DirectorySearch.Found> found = search.member(AdminPages.caller(admin, request), member);
        if (!found.isDone()) {
            AdminPages.refuse(flash, "member", found.rejection().message());
            return AdminPages.redirect("/groups/" + group);
        }
        TimedGrantsPage.Times times = TimedGrantsPage.times(start, end);
        if (times.given()) {
            if (!(found.value().member() instanceof Member.OfUser user)) {
                AdminPages.refuse(flash, "member", "Only users can be members for a time.");
                return AdminPages.redirect("/groups/" + group);
            }
            AdminPages.tell(
                    grants.grantMembership(
                            AdminPages.caller(admin, request),
                            group,
                            UserRef.of(user.id()),
                            times.start(),
                            times.end()),
                    flash,
                    "member",
                    found.value().name()
                            + (times.start() == null ? " added" : " scheduled to join")
                            + (times.end() == null ? "." : " until " + Formats.INSTANCE.time(times.end()) + "."));
            return AdminPages.redirect("/groups/" + group);
        }
        AdminPages.tell(
                directory.addMember(
                        AdminPages.caller(admin, request), group, found.value().member()),
                flash,
                "member",
                found.value().name() + " added." + Problems.guestAdded(reads, admin.tenant(), group, found.value()));
        return AdminPages.redirect("/groups/" + group);
    }

    /** Adds the ticked users (at most {@link GroupMembers#MAX_BOUND}): all of them, or none when one is refused. */
    @PostMapping("/members/several")
    public String addMembers(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "user", required = false) List<String> ids,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_GROUPS);
        GroupId group = find(admin.tenant(), id).id();
        List<UUID> users = ids == null
                ? List.of()
                : ids.stream().map(AdminPages::id).distinct().toList();
        if (users.isEmpty()) {
            AdminPages.refuse(flash, "members", "Tick the users to add first.");
            return AdminPages.redirect("/groups/" + group);
        }
        if (users.size() > GroupMembers.MAX_BOUND) {
            AdminPages.refuse(
                    flash,
                    "members",
                    "Add at most " + GroupMembers.MAX_BOUND + " members at once; " + users.size() + " are ticked.");
            return AdminPages.redirect("/groups/" + group);
        }
        AdminPages.tell(
                members.update(AdminPages.caller(admin, request), group, Map.of(), users),
                flash,
                "members",
                users.size() + (users.size() == 1 ? " member added." : " members added."));
        return AdminPages.redirect("/groups/" + group);
    }

    @PostMapping("/members/{member}/remove")
    public String removeMember(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @PathVariable String member,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_GROUPS);
        GroupId group = find(admin.tenant(), id).id();
        UUID memberId = AdminPages.id(member);
        Outcome<DirectorySearch.Found> lookup = search.member(AdminPages.caller(admin, request), memberId.toString());
        if (!lookup.isDone()) {
            throw new AdminPages.NotFound(member);
        }
        DirectorySearch.Found found = lookup.value();
        AdminPages.tell(
                directory.removeMember(AdminPages.caller(admin, request), group, found.member()),
                flash,
                "member",
                found.name() + " removed.");
        return AdminPages.redirect("/groups/" + group);
    }

    @PostMapping("/delete")
    public String delete(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_GROUPS);
        Group group = find(admin.tenant(), id);
        if (AdminPages.tell(
                directory.delete(AdminPages.caller(admin, request), group.id()),
                flash,
                "delete",
                group.displayName() + " deleted.")) {
            return AdminPages.redirect("/groups");
        }
        return AdminPages.redirect("/groups/" + group.id());
    }

    private Group find(TenantId tenant, String id) {
        return AdminPages.group(reads, tenant, id);
    }
}
