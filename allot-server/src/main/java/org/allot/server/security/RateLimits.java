package org.allot.server.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.server.http.GraphErrorBodies;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits each app to a configured number of requests per period (a token bucket per app and server process);
 * beyond it, 429 with Graph's {@code TooManyRequests} body and a {@code Retry-After} header in seconds.
 */
public final class RateLimits extends OncePerRequestFilter {
    private final GraphErrorBodies errors;
    private final long requests;
    private final Duration period;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(GraphErrorBodies errors, long requests, Duration period) {
        this.errors = errors;
        this.requests = requests;
        this.period = period;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (requests <= 0 || !(authentication instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        String app = token.getToken().getClaimAsString("appid");
        Bucket bucket = buckets.computeIfAbsent(app == null ? "" : app, a -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(requests)
                        .refillGreedy(requests, period)
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds =
                Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        response.setHeader("Retry-After", Long.toString(seconds));
        errors.write(
                request,
                response,
                429,
                "TooManyRequests",
                "Too many requests from app " + app + ": at most " + requests + " per " + period.toSeconds()
                        + " seconds. Please try again later.");
    }
}
