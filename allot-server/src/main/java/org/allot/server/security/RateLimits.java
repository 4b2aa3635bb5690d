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
 * Limits each app to a configured number of requests per period across every node of the installation; beyond it,
 * 429 with Graph's {@code TooManyRequests} body and a {@code Retry-After} header in seconds. Each node keeps a token
 * bucket per app holding its share of the limit (the limit ÷ the number of nodes, rounded down, at least one request)
 * and refilling at its share of the rate, so that an app whose requests a load balancer spreads over the nodes gets
 * no more than the limit in all, and nothing is counted in the database.
 */
public final class RateLimits extends OncePerRequestFilter {
    private final GraphErrorBodies errors;
    private final long requests;
    private final Duration period;
    private final long share;
    private final Duration refill;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param requests what one app may ask of the installation per period; 0 or less: no limit
     * @param nodes how many nodes share the limit (at least one)
     */
    public RateLimits(GraphErrorBodies errors, long requests, Duration period, int nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("allot.cluster.nodes must be at least 1, not " + nodes);
        }
        this.errors = errors;
        this.requests = requests;
        this.period = period;
        this.share = Math.max(1, requests / nodes);
        // the share comes back at the share's own rate: share requests per (period × share × nodes ÷ requests)
        this.refill = requests <= 0
                ? period
                : Duration.ofNanos(Math.max(1, (long) ((double) period.toNanos() * share * nodes / requests)));
    }

    /** What one node lets an app ask per refill period (the limit ÷ nodes, rounded down, at least 1). */
    public long share() {
        return share;
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
                        .capacity(share)
                        .refillGreedy(share, refill)
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
