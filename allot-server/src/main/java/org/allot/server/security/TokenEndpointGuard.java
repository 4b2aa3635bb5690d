package org.allot.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The token endpoint under the {@link SignInThrottle}, keyed by client id: a request that must wait is answered 429
 * with {@code Retry-After} and an OAuth error body before its secret is checked; a 401 answer counts as a failure,
 * a 200 clears the client's failures from that address.
 */
public final class TokenEndpointGuard extends OncePerRequestFilter {
    static final String DOOR = "token endpoint";

    private final SignInThrottle throttle;

    public TokenEndpointGuard(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/oauth2/v2.0/token");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SignInThrottle.Attempt attempt = new SignInThrottle.Attempt(DOOR, clientId(request), request.getRemoteAddr());
        Duration wait = throttle.waitFor(attempt);
        if (!wait.isZero() || !throttle.check(attempt)) {
            long seconds = SignInForm.seconds(wait);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json");
            response.getWriter()
                    .write("{\"error\":\"temporarily_unavailable\",\"error_description\":\"Too many failed token"
                            + " requests for this client from this address, or from this address. Try again in "
                            + seconds + " seconds.\"}");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            throttle.checked(attempt);
        }
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(attempt);
        } else if (response.getStatus() == HttpServletResponse.SC_OK) {
            throttle.succeeded(attempt);
        }
    }

    /** The client id of HTTP Basic authentication, or of the client_id parameter; empty when there is none. */
    static String clientId(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return URLDecoder.decode(colon < 0 ? pair : pair.substring(0, colon), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        String parameter = request.getParameter("client_id");
        return parameter == null ? "" : parameter;
    }
}
