package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.assignment.ScopedDirectory;
import org.allot.server.security.AdminPrincipal;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The admin center for an administrator whose roles are held over administrative units (docs/delegation.md): only
 * the pages listed here open to them, everything else is refused as a role's limit is (403, "Your role cannot do
 * this"), so a new page is never open to them by accident; and a user's or group's page (and every form on it) exists
 * for them only when the user or group is within their units (404 otherwise, as another tenant's object). What each
 * page then shows and changes is narrowed by the core, from the scope the administrator's caller carries.
 */
public final class UnitScopePages implements HandlerInterceptor {
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    /**
     * Pages a unit administrator may read: their units' users, groups, audit records, requests and reports, SKU
     * totals.
     */
    static final List<String> READS = List.of(
            "/",
            "/users",
            "/users.csv",
            "/users/picker",
            "/users/*",
            "/users/*/apps",
            "/users/*/timed",
            "/groups",
            "/groups/member-suggestions",
            "/groups/*",
            "/groups/*/processing",
            "/groups/*/timed",
            "/groups/*/members-in-error.csv",
            "/licenses",
            "/licenses/*",
            "/audit",
            "/audit.csv",
            "/requests",
            "/reports",
            "/reports/costs.csv",
            "/reports/license-holders.csv",
            "/reports/usage.csv",
            "/units",
            "/units/*");

    /** Forms a unit administrator may send (each still needs their roles' capability, and objects in their units). */
    static final List<String> CHANGES = List.of(
            "/users/bulk",
            "/users/*/usage-location",
            "/users/*/licenses",
            "/users/*/licenses/*/remove",
            "/users/*/reprocess",
            "/users/*/pendingRemovals/*/cancel",
            "/users/*/requests",
            "/users/*/timed/*/end",
            "/users/*/timed/*/cancel",
            "/groups/*/members",
            "/groups/*/members/several",
            "/groups/*/members/*/remove",
            "/groups/*/delete",
            "/groups/*/licenses/preview",
            "/groups/*/licenses",
            "/groups/*/reprocess",
            "/groups/*/timed/*/end",
            "/groups/*/timed/*/cancel",
            "/requests/*/approve",
            "/requests/*/deny");

    /** Pages under those listed that stay the tenant's own. */
    static final List<String> NEVER = List.of("/licenses/check");

    private final ScopedDirectory directory;

    public UnitScopePages(ScopedDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().equals(UnitScopePages.class.getPackageName())) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !(authentication.getPrincipal() instanceof AdminPrincipal admin)
                || !admin.scoped()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        if (opens(NEVER, path) || !opens(read ? READS : CHANGES, path)) {
            throw new AccessDeniedException("A unit administrator cannot use " + path);
        }
        Optional<UUID> object = objectOf(path);
        if (object.isPresent()
                && directory
                        .within(AdminPages.caller(admin, request), List.of(object.get()))
                        .isEmpty()) {
            throw new AdminPages.NotFound(object.get().toString());
        }
        return true;
    }

    static boolean opens(List<String> patterns, String path) {
        return patterns.stream().anyMatch(p -> PATHS.match(p, path));
    }

    /** The user or group a page is about ({@code /users/{id}…}, {@code /groups/{id}…}), if the path names one. */
    static Optional<UUID> objectOf(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length < 3 || !(parts[1].equals("users") || parts[1].equals("groups"))) {
            return Optional.empty();
        }
        return AdminPages.uuid(parts[2]);
    }
}
