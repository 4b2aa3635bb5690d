package org.allot.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * The tenant the token endpoint's URL names, {@code /{tenant}/oauth2/v2.0/token}: a segment that names no tenant is
 * answered 400 {@code invalid_request} (AADSTS90002) before the client is authenticated; otherwise what it names is
 * kept in the request ({@link OAuthTenants#REQUESTED}) for {@link ClientCredentialsRequests} to check the client
 * against. {@code /oauth2/v2.0/token} names no tenant: the client's own.
 */
public final class TokenEndpointTenant extends OncePerRequestFilter {
    private static final String ENDPOINT = "/oauth2/v2.0/token";

    private final OAuthTenants tenants;

    public TokenEndpointTenant(OAuthTenants tenants) {
        this.tenants = tenants;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith(ENDPOINT);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> segment = segment(request);
        if (segment.isPresent()) {
            Optional<OAuthTenant> named = tenants.resolve(segment.get());
            if (named.isEmpty()) {
                OAuthErrors.write(
                        response,
                        HttpServletResponse.SC_BAD_REQUEST,
                        "invalid_request",
                        OAuthTenants.notFound(segment.get()));
                return;
            }
            request.setAttribute(OAuthTenants.REQUESTED, named.get());
        }
        chain.doFilter(request, response);
    }

    /** The tenant segment of {@code /{tenant}/oauth2/v2.0/token}, decoded; empty for {@code /oauth2/v2.0/token}. */
    static Optional<String> segment(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int end = path.indexOf('/', 1);
        if (end < 0 || path.equals(ENDPOINT)) {
            return Optional.empty();
        }
        return Optional.of(UriUtils.decode(path.substring(1, end), StandardCharsets.UTF_8));
    }
}
