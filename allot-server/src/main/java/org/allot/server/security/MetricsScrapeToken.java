package org.allot.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a metrics scraper (Prometheus and the like) read {@code /actuator/metrics} with the token configured as
 * {@code allot.metrics.scrape-token}, sent as {@code Authorization: Bearer <token>} and compared in constant time.
 * The token is a long random machine secret, so a hash of it is compared, not a password hash: a wrong guess costs
 * nothing. Without a token configured, only Global Administrators' admin center sessions read metrics.
 */
public final class MetricsScrapeToken extends OncePerRequestFilter {
    /** The authority a request carrying the scrape token has. */
    public static final String AUTHORITY = "METRICS_SCRAPE";
    /** The shortest token accepted. */
    public static final int MIN_LENGTH = 32;

    private final byte[] digest;

    public MetricsScrapeToken(String token) {
        if (token != null && !token.isBlank() && token.strip().length() < MIN_LENGTH) {
            throw new IllegalStateException(
                    "allot.metrics.scrape-token has at least " + MIN_LENGTH + " characters: use a long random value.");
        }
        this.digest = token == null || token.isBlank() ? null : sha256(token.strip());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (digest != null
                && header != null
                && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(digest, sha256(header.substring(7).strip()))) {
            SecurityContextHolder.getContext()
                    .setAuthentication(new PreAuthenticatedAuthenticationToken(
                            "metrics scraper", "", List.of(new SimpleGrantedAuthority(AUTHORITY))));
        }
        chain.doFilter(request, response);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
