package org.allot.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.allot.server.http.DatabaseOutages;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin center's sign-in form under the {@link SignInThrottle}: an attempt that must wait is sent back to the
 * sign-in page ({@code /login?wait=seconds}) before its password is checked; failures and successes are counted.
 */
public final class SignInForm extends OncePerRequestFilter
        implements AuthenticationFailureHandler, AuthenticationSuccessHandler {
    static final String DOOR = "admin center";

    private final SignInThrottle throttle;
    private final SimpleUrlAuthenticationSuccessHandler signedIn = new SimpleUrlAuthenticationSuccessHandler("/");

    public SignInForm(SignInThrottle throttle) {
        this.throttle = throttle;
        signedIn.setAlwaysUseDefaultTargetUrl(true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath())) {
            chain.doFilter(request, response);
            return;
        }
        SignInThrottle.Attempt attempt = attempt(request);
        Duration wait = throttle.waitFor(attempt);
        if (!wait.isZero() || !throttle.check(attempt)) {
            response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds(wait));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            throttle.checked(attempt);
        }
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (DatabaseOutages.explains(exception)) {
            // not a wrong password: the database did not answer; the outage filter shows a page that says so
            throw exception;
        }
        throttle.failed(attempt(request));
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        throttle.succeeded(attempt(request));
        signedIn.onAuthenticationSuccess(request, response, authentication);
    }

    private static SignInThrottle.Attempt attempt(HttpServletRequest request) {
        return new SignInThrottle.Attempt(DOOR, request.getParameter("username"), request.getRemoteAddr());
    }

    /** Whole seconds to wait, at least one. */
    static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
