package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.allot.core.Outcome;
import org.allot.core.assignment.DirectToGroup;
import org.allot.core.assignment.LicenseMigration;
import org.allot.core.directory.GroupId;
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
import org.springframework.web.util.UriUtils;

/**
 * Moving a product's direct holders to group licensing (from the product's page): the preview, with the group to move
 * them to and whether plan changes are accepted; starting the run; the run with what it did with each user.
 */
@Controller
public class MigrationPage {
    static final int LISTED = 1000;

    private final DirectToGroup migration;

    public MigrationPage(DirectToGroup migration) {
        this.migration = migration;
    }

    @GetMapping("/licenses/{sku}/migrate")
    public String preview(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String sku,
            @RequestParam(name = "group", defaultValue = "") String group,
            @RequestParam(name = "acceptPlanChanges", defaultValue = "false") boolean accept,
            Model model) {
        GroupId chosen = group(group);
        Outcome<DirectToGroup.Preview> preview = migration.preview(admin.tenant(), sku, chosen, accept);
        if (!preview.isDone() && chosen == null) {
            throw new AdminPages.NotFound(sku);
        }
        if (!preview.isDone()) {
            model.addAttribute(AdminPages.PROBLEM, PlainWords.of(preview.rejection()));
            model.addAttribute(AdminPages.PROBLEM_FOR, "migrate");
            preview = migration.preview(admin.tenant(), sku, null, accept);
            if (!preview.isDone()) {
                throw new AdminPages.NotFound(sku);
            }
        }
        model.addAttribute("preview", preview.value());
        return "licenses/migrate";
    }

    @PostMapping("/licenses/{sku}/migrate")
    public String start(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String sku,
            @RequestParam(name = "group", defaultValue = "") String group,
            @RequestParam(name = "acceptPlanChanges", defaultValue = "false") boolean accept,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        GroupId chosen = group(group);
        if (chosen != null) {
            AdminPages.require(admin, Capability.MANAGE_GROUPS);
        }
        Outcome<LicenseMigration> run = migration.start(AdminPages.caller(admin, request), sku, chosen, accept);
        if (!AdminPages.tell(run, flash, "migrate", "Moving the direct holders to group licensing.")) {
            return AdminPages.redirect("/licenses/" + UriUtils.encodePathSegment(sku, StandardCharsets.UTF_8)
                    + "/migrate" + (chosen == null ? "" : "?group=" + chosen));
        }
        return AdminPages.redirect("/licenses/migrations/" + run.value().id());
    }

    @GetMapping("/licenses/migrations/{id}")
    public String run(@AuthenticationPrincipal AdminPrincipal admin, @PathVariable String id, Model model) {
        DirectToGroup.RunView run = migration
                .run(admin.tenant(), AdminPages.id(id), 0, LISTED)
                .orElseThrow(() -> new AdminPages.NotFound(id));
        model.addAttribute("run", run);
        return "licenses/migration";
    }

    private static GroupId group(String value) {
        if (value.isBlank()) {
            return null;
        }
        return AdminPages.uuid(value.strip())
                .map(GroupId::new)
                .orElseThrow(() -> new AdminPages.BadInput("Choose a group from the list."));
    }
}
