package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicenseQueries;
import org.allot.core.catalog.Product;
import org.allot.core.directory.DirectorySearch;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.Reclaim;
import org.allot.core.reclaim.ReclaimMode;
import org.allot.core.reclaim.ReclaimPolicy;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Reclaim page's policy form: sets a product's reclaim policy (inactive or disabled for some days, licenses
 * granted lately left out, exemptions by user or group, report only or act) or removes it, as {@code PUT} and
 * {@code DELETE /allot/v1/reclaim/policies/{sku}} do. The exemptions are typed one a line: a user's sign-in name, or a
 * group's name (or "name (id)", as the form writes the groups it shows).
 */
@Controller
public class ReclaimPolicyForm {
    /** Flash attribute: the policy form as typed, when it was refused. */
    static final String TYPED = "policyForm";
    /** A line as the form writes a group: its name, then its id in brackets. */
    private static final Pattern WITH_ID = Pattern.compile(".*\\(([0-9a-fA-F-]{36})\\)\\s*");

    /** The policy form as typed (or as the policy being changed fills it). */
    public record Typed(
            String sku, String inactiveDays, String disabledDays, String recentDays, String mode, String exemptions)
            implements Serializable {}

    private final Reclaim reclaim;
    private final ProductChoices products;
    private final DirectorySearch search;

    public ReclaimPolicyForm(Reclaim reclaim, ProductChoices products, DirectorySearch search) {
        this.reclaim = reclaim;
        this.products = products;
        this.search = search;
    }

    @PostMapping("/reclaim/policies")
    public String set(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "sku", defaultValue = "") String sku,
            @RequestParam(name = "inactiveDays", defaultValue = "") String inactive,
            @RequestParam(name = "disabledDays", defaultValue = "") String disabled,
            @RequestParam(name = "recentDays", defaultValue = "") String recent,
            @RequestParam(name = "mode", defaultValue = "ReportOnly") String mode,
            @RequestParam(name = "exemptions", defaultValue = "") String exemptions,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        Typed typed = new Typed(
                TermsInput.echo(sku),
                TermsInput.echo(inactive),
                TermsInput.echo(disabled),
                TermsInput.echo(recent),
                mode,
                exemptions.length() > 100_000 ? "" : exemptions);
        ReclaimMode chosen =
                switch (mode) {
                    case "ReportOnly" -> ReclaimMode.ReportOnly;
                    case "Act" -> ReclaimMode.Act;
                    default -> throw new AdminPages.BadInput("Unknown mode " + mode + ": ReportOnly or Act.");
                };
        if (sku.isBlank()) {
            return refused(flash, typed, "Choose the product the policy is for.");
        }
        Product product = products.product(admin.tenant(), sku);
        Integer inactiveDays;
        Integer disabledDays;
        Integer recentDays;
        try {
            inactiveDays = days(inactive, "inactive");
            disabledDays = days(disabled, "disabled");
            recentDays = days(recent, "recent");
        } catch (IllegalArgumentException e) {
            return refused(flash, typed, e.getMessage());
        }
        Set<UserId> users = new LinkedHashSet<>();
        Set<GroupId> groups = new LinkedHashSet<>();
        String unknown = exempted(admin.tenant(), exemptions, users, groups);
        if (unknown != null) {
            return refused(flash, typed, unknown);
        }
        Outcome<ReclaimPolicy> outcome = reclaim.setPolicy(
                AdminPages.caller(admin, request),
                new ReclaimPolicy(
                        product.skuId(),
                        inactiveDays,
                        disabledDays,
                        recentDays == null ? 0 : recentDays,
                        users,
                        groups,
                        chosen));
        if (!outcome.isDone()) {
            return refused(flash, typed, plain(PlainWords.of(outcome.rejection(), product.displayName())));
        }
        flash.addFlashAttribute(
                AdminPages.NOTICE,
                "Reclaim policy of " + product.displayName() + " saved"
                        + (chosen == ReclaimMode.Act ? ": its daily run removes what it lists." : ": report only."));
        return AdminPages.redirect("/reclaim");
    }

    @PostMapping("/reclaim/policies/{sku}/remove")
    public String remove(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String sku,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.ASSIGN_USER_LICENSES);
        Product product = products.product(admin.tenant(), sku);
        AdminPages.tell(
                reclaim.removePolicy(AdminPages.caller(admin, request), product.skuId()),
                flash,
                "policy",
                "Reclaim policy of " + product.displayName() + " removed: its seats are no longer listed.",
                product.displayName());
        return AdminPages.redirect("/reclaim");
    }

    /** The policy as the form shows it to change it: exempt users by sign-in name, groups as "name (id)". */
    static Typed typed(ReclaimPolicy p, Map<UUID, LicenseQueries.UserName> userNames, Map<UUID, String> groupNames) {
        List<String> lines = new ArrayList<>();
        p.exemptUsers().stream()
                .map(u -> userNames.containsKey(u.value())
                        ? userNames.get(u.value()).userPrincipalName()
                        : u.value().toString())
                .sorted()
                .forEach(lines::add);
        p.exemptGroups().stream()
                .map(g -> groupNames.getOrDefault(g.value(), "group") + " (" + g.value() + ")")
                .sorted()
                .forEach(lines::add);
        return new Typed(
                p.sku().toString(),
                p.inactiveDays() == null ? "" : p.inactiveDays().toString(),
                p.disabledDays() == null ? "" : p.disabledDays().toString(),
                Integer.toString(p.recentDays()),
                p.mode().name(),
                String.join("\n", lines));
    }

    /** Reads the exemptions into users and groups; says which line names nobody, or null when all are found. */
    private String exempted(TenantId tenant, String text, Set<UserId> users, Set<GroupId> groups) {
        List<String> lines =
                text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() > ReclaimPolicy.MAX_EXEMPTIONS) {
            return "A reclaim policy takes at most " + ReclaimPolicy.MAX_EXEMPTIONS + " exemptions.";
        }
        for (String line : lines) {
            Matcher withId = WITH_ID.matcher(line);
            Outcome<DirectorySearch.Found> found = search.member(tenant, withId.matches() ? withId.group(1) : line);
            if (!found.isDone()) {
                return "Exemption \"" + TermsInput.echo(line) + "\": "
                        + found.rejection().message();
            }
            Member member = found.value().member();
            if (member instanceof Member.OfUser u) {
                users.add(u.id());
            } else if (member instanceof Member.OfGroup g) {
                groups.add(g.id());
            }
        }
        return null;
    }

    /** Days as typed: null when left empty; a whole number otherwise (the core checks the range). */
    private static Integer days(String typed, String what) {
        String value = typed.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(
                    "Enter the " + what + " days as a whole number, or leave the field empty.");
        }
        return Integer.valueOf(value);
    }

    /** The core's words for the policy's fields, as the form names them. */
    private static String plain(String message) {
        return message.replace("'inactiveDays'", "inactive days")
                .replace("'disabledDays'", "disabled days")
                .replace(
                        "Days of a reclaim policy are whole numbers", "The days of a reclaim policy are whole numbers");
    }

    private static String refused(RedirectAttributes flash, Typed typed, String message) {
        AdminPages.refuse(flash, "policy", message);
        flash.addFlashAttribute(TYPED, typed);
        return AdminPages.redirect("/reclaim");
    }
}
