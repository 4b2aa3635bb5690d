package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.rules.DynamicMembership;
import org.allot.core.rules.MembershipPreview;
import org.allot.core.rules.MembershipRule;
import org.allot.core.rules.RulePreview;
import org.allot.core.rules.RuleProblem;
import org.allot.core.rules.RuleProcessing;
import org.allot.core.rules.RuleRun;
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
 * Dynamic groups' membership rules: checked and previewed while the administrator types (who matches, who would
 * join and leave, what it does to seats), saved, paused and resumed, recomputed.
 */
@Controller
public class MembershipRulePage {
    /** Users listed per kind in a preview; the counts are exact. */
    static final int PREVIEW_NAMES = 8;

    private final LicensedDirectory reads;
    private final GroupDirectory directory;
    private final MembershipPreview previews;
    private final DynamicMembership membership;
    private final ProductChoices products;
    private final RuleProcessing processing;

    public MembershipRulePage(
            LicensedDirectory reads,
            GroupDirectory directory,
            MembershipPreview previews,
            DynamicMembership membership,
            ProductChoices products,
            RuleProcessing processing) {
        this.processing = processing;
        this.reads = reads;
        this.directory = directory;
        this.previews = previews;
        this.membership = membership;
        this.products = products;
    }

    /** A rule's problem, with where it is. */
    public record Problem(String message, String before, String at, String after) {
        static Problem of(String rule, RuleProblem problem) {
            int index = Math.max(0, Math.min(rule.length(), problem.position() - 1));
            int end = Math.min(rule.length(), index + 1);
            return new Problem(
                    problem.message(), rule.substring(0, index), rule.substring(index, end), rule.substring(end));
        }
    }

    /** One license of the group in a preview, with the product's name. */
    public record Seats(String product, RulePreview.SeatImpact impact) {}

    /** The preview fragment, for a group being created (no {@code group}) or an existing one. */
    @PostMapping("/groups/rule-preview")
    public String preview(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "membershipRule", defaultValue = "") String rule,
            @RequestParam(name = "group", defaultValue = "") String group,
            HttpServletRequest request,
            Model model) {
        AdminPages.require(admin, Capability.READ);
        model.addAttribute("rule", rule);
        if (rule.isBlank()) {
            return "groups/rule-preview :: preview";
        }
        Optional<RuleProblem> problem = MembershipRule.check(rule);
        if (problem.isPresent()) {
            model.addAttribute("ruleProblem", Problem.of(rule, problem.get()));
            return "groups/rule-preview :: preview";
        }
        GroupId target = group.isBlank() ? null : new GroupId(AdminPages.id(group));
        Outcome<RulePreview> preview = previews.preview(AdminPages.caller(admin, request), target, rule, PREVIEW_NAMES);
        if (!preview.isDone()) {
            model.addAttribute("ruleProblem", new Problem(preview.rejection().message(), rule, "", ""));
            return "groups/rule-preview :: preview";
        }
        model.addAttribute("preview", preview.value());
        model.addAttribute("existing", target != null);
        model.addAttribute(
                "seats",
                products.names(admin.tenant(), preview.value().seats(), RulePreview.SeatImpact::sku, Seats::new));
        return "groups/rule-preview :: preview";
    }

    @PostMapping("/groups/{id}/rule")
    public String save(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "membershipRule", defaultValue = "") String rule,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_GROUPS);
        Group group = find(admin.tenant(), id);
        if (rule.isBlank()) {
            flash.addFlashAttribute("membershipRule", rule);
            AdminPages.refuse(flash, "rule", "Enter the membership rule.");
            return AdminPages.redirect("/groups/" + group.id());
        }
        if (rule.strip().equals(group.membershipRule())) {
            flash.addFlashAttribute(AdminPages.NOTICE, "Nothing to change: the group already has this rule.");
            return AdminPages.redirect("/groups/" + group.id());
        }
        Map<GroupAttribute, Object> values = new HashMap<>();
        values.put(GroupAttribute.MEMBERSHIP_RULE, rule.strip());
        boolean done = AdminPages.tell(
                directory.update(AdminPages.caller(admin, request), group.id(), values),
                flash,
                "rule",
                "Rule saved. Members who match join and members who no longer match leave; the others are not"
                        + " touched.");
        if (!done) {
            flash.addFlashAttribute("membershipRule", rule);
        }
        return AdminPages.redirect("/groups/" + group.id());
    }

    /** Pauses or resumes the rule; resuming applies it again to everyone. */
    @PostMapping("/groups/{id}/rule-processing")
    public String processing(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "state", defaultValue = "") String state,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_GROUPS);
        Group group = find(admin.tenant(), id);
        String value =
                switch (state.toLowerCase(Locale.ROOT)) {
                    case "on" -> "On";
                    case "paused" -> "Paused";
                    default -> throw new AdminPages.BadInput("Choose On or Paused.");
                };
        Map<GroupAttribute, Object> values = new HashMap<>();
        values.put(GroupAttribute.MEMBERSHIP_RULE_PROCESSING_STATE, value);
        AdminPages.tell(
                directory.update(AdminPages.caller(admin, request), group.id(), values),
                flash,
                "rule",
                value.equals("On")
                        ? "Rule processing resumed: membership follows the rule again."
                        : "Rule processing paused: members stay as they are until it is resumed.");
        return AdminPages.redirect("/groups/" + group.id());
    }

    @PostMapping("/groups/{id}/recompute")
    public String recompute(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_GROUPS);
        Group group = find(admin.tenant(), id);
        AdminPages.tell(
                membership.recompute(AdminPages.caller(admin, request), group.id()),
                flash,
                "rule",
                "The rule is being applied to every user again.");
        return AdminPages.redirect("/groups/" + group.id());
    }

    /** How applying the rule in the background stands; htmx polls it while it runs and reloads the page when done. */
    @GetMapping("/groups/{id}/rule-run")
    public String run(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            @RequestParam(name = "watching", defaultValue = "false") boolean watching,
            Model model,
            HttpServletResponse response) {
        RuleProcessing.State state = AdminPages.uuid(id)
                .flatMap(uuid -> processing.of(admin.tenant(), new GroupId(uuid)))
                .orElseThrow(() -> new AdminPages.NotFound(id));
        Group group = state.group();
        RuleRun run = state.latest().orElse(null);
        if (watching && (run == null || !run.underWay())) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("group", group);
        model.addAttribute("ruleRun", run);
        return "groups/rule-run :: run";
    }

    private Group find(TenantId tenant, String id) {
        return AdminPages.group(reads, tenant, id);
    }
}
