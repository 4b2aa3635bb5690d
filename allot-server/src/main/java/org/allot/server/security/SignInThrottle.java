package org.allot.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.server.web.DatabaseOutages;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing at the admin center's sign-in: after {@link #MAX_FAILURES} failed sign-ins for one account
 * within {@link #WINDOW}, further attempts for that account are refused — even with the right password — until the
 * oldest failure is that old. A successful sign-in clears the account's failures. Kept in the server's memory: each
 * server of a cluster counts on its own.
 */
public final class SignInThrottle extends OncePerRequestFilter
        implements AuthenticationFailureHandler, AuthenticationSuccessHandler {
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /**
     * Accounts tracked at most, so that guessing names cannot fill the memory: when full, accounts without a recent
     * failure are forgotten; accounts still throttled never are, so spraying names cannot lift a lock.
     */
    private static final int MAX_ACCOUNTS = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final SimpleUrlAuthenticationSuccessHandler signedIn = new SimpleUrlAuthenticationSuccessHandler("/");

    public SignInThrottle(Clock clock) {
        this.clock = clock;
        signedIn.setAlwaysUseDefaultTargetUrl(true);
    }

    /** Refuses a sign-in attempt for an account that failed too often, before its password is checked. */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())
                && "/login".equals(request.getServletPath())
                && throttled(request.getParameter("username"))) {
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (DatabaseOutages.explains(exception)) {
            // not a wrong password: the database did not answer; the outage filter shows a page that says so
            throw exception;
        }
        String account = key(request.getParameter("username"));
        if (account != null) {
            if (failures.size() >= MAX_ACCOUNTS && !failures.containsKey(account)) {
                failures.keySet().removeIf(name -> !recent(name));
            }
            if (failures.size() < MAX_ACCOUNTS || failures.containsKey(account)) {
                Deque<Instant> times = failures.computeIfAbsent(account, a -> new ArrayDeque<>());
                synchronized (times) {
                    times.addLast(clock.instant());
                    while (times.size() > MAX_FAILURES) {
                        times.removeFirst();
                    }
                }
            }
        }
        response.sendRedirect(request.getContextPath() + (throttled(account) ? "/login?locked" : "/login?error"));
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        String account = key(request.getParameter("username"));
        if (account != null) {
            failures.remove(account);
        }
        signedIn.onAuthenticationSuccess(request, response, authentication);
    }

    /** Whether sign-ins for the account are refused for now. */
    public boolean throttled(String username) {
        return failuresWithinWindow(key(username)) >= MAX_FAILURES;
    }

    private boolean recent(String account) {
        return failuresWithinWindow(account) > 0;
    }

    /** The account's failures within the window, forgetting older ones. */
    private int failuresWithinWindow(String account) {
        Deque<Instant> times = account == null ? null : failures.get(account);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant since = clock.instant().minus(WINDOW);
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.removeFirst();
            }
            return times.size();
        }
    }

    private static String key(String username) {
        return username == null || username.isBlank() ? null : username.strip().toLowerCase(Locale.ROOT);
    }
}
