package org.allot.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.allot.core.Scope;
import org.allot.server.http.GraphErrorBodies;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers missing or bad tokens (401) and missing privileges (403) with Graph's error body. */
public final class GraphAuthenticationFailures implements AuthenticationEntryPoint, AccessDeniedHandler {
    private static final String INSUFFICIENT = "Insufficient privileges to complete the operation.";

    private final GraphErrorBodies errors;

    public GraphAuthenticationFailures(GraphErrorBodies errors) {
        this.errors = errors;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String header = request.getHeader("Authorization");
        String message = header == null || header.isBlank()
                ? "Access token is empty."
                : "Access token validation failure. Invalid audience, signature or expired token.";
        response.setHeader("WWW-Authenticate", "Bearer realm=\"allot\"");
        errors.write(request, response, 401, "InvalidAuthenticationToken", message);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String message = INSUFFICIENT;
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.getDetails() instanceof Scope scope && !scope.tenantWide()) {
            // a role held over administrative units: say why an endpoint is the tenant's, where it is worth telling
            message = ApiAccess.whyTenantWide(request)
                    .map(why -> INSUFFICIENT + " " + why)
                    .orElse(INSUFFICIENT);
        }
        errors.write(request, response, 403, "Authorization_RequestDenied", message);
    }
}
