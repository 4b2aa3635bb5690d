package org.allot.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.allot.core.Actor;
import org.allot.core.unit.UnitDelegation;
import org.allot.server.security.store.StoredAdminAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends an admin center session as soon as its administrator was removed, or their role or password changed, on any
 * server of the installation: every request of a signed-in administrator reads their account again (one indexed
 * read), and a session whose account is no longer what it signed in as is signed out before the request does
 * anything. Roles held over administrative units count as the role: giving an administrator one, or taking it back,
 * ends their session too, and they sign in again to act with what they hold now.
 */
public final class AdminSessions extends OncePerRequestFilter {
    /** Where a session that ended is sent: the sign-in page, which says why. */
    public static final String ENDED = "/login?ended";

    private final StoredAdminAccounts accounts;
    private final UnitDelegation delegation;

    public AdminSessions(StoredAdminAccounts accounts, UnitDelegation delegation) {
        this.accounts = accounts;
        this.delegation = delegation;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof AdminPrincipal admin
                && accounts.find(admin.getUsername())
                        .filter(account -> admin.stillIs(
                                account,
                                delegation.rolesOf(
                                        admin.tenant(), Actor.user(admin.getUsername(), admin.displayName()))))
                        .isEmpty()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            String target = request.getContextPath() + ENDED;
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", target);
                response.setStatus(HttpServletResponse.SC_OK);
            } else {
                response.sendRedirect(target);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
