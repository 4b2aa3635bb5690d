package org.allot.server.web.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.assignment.LicenseQueries;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.directory.DirectorySearch;
import org.allot.core.directory.User;
import org.allot.server.security.AdminPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Search and pick several users (htmx): the users already ticked stay ticked at the top, and the users whose name or
 * sign-in name starts with what is typed follow, to tick. The form around it sends the ticked users' ids.
 */
@Controller
public class UserPicker {
    static final int MATCHES = 20;

    /** A user to pick, ticked or not. */
    public record Pick(UUID id, String name, String userPrincipalName, boolean picked) {}

    private final DirectorySearch search;
    private final LicensedDirectory reads;

    public UserPicker(DirectorySearch search, LicensedDirectory reads) {
        this.search = search;
        this.reads = reads;
    }

    @GetMapping("/users/picker")
    public String pick(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "pick", defaultValue = "") String typed,
            @RequestParam(name = "user", required = false) List<String> ticked,
            Model model) {
        Set<UUID> picked = new LinkedHashSet<>();
        for (String id : ticked == null ? List.<String>of() : ticked) {
            if (picked.size() < UserListPage.MAX_BULK) {
                AdminPages.uuid(id).ifPresent(picked::add);
            }
        }
        List<Pick> picks = new ArrayList<>();
        Map<UUID, LicenseQueries.UserName> names = reads.userNames(admin.tenant(), picked);
        names.values().stream()
                .sorted(Comparator.comparing(
                        (LicenseQueries.UserName n) -> n.displayName() == null ? "" : n.displayName(),
                        String.CASE_INSENSITIVE_ORDER))
                .forEach(n -> picks.add(new Pick(
                        n.id(),
                        n.displayName() == null ? n.userPrincipalName() : n.displayName(),
                        n.userPrincipalName(),
                        true)));
        for (User u : search.users(admin.caller(""), typed.length() > UserFilters.MAX_SEARCH ? "" : typed, MATCHES)) {
            if (!names.containsKey(u.id().value())) {
                picks.add(new Pick(
                        u.id().value(),
                        u.displayName() == null ? u.userPrincipalName() : u.displayName(),
                        u.userPrincipalName(),
                        false));
            }
        }
        model.addAttribute("picks", picks);
        model.addAttribute("typed", typed);
        return "fragments/picker :: picks";
    }
}
