package org.allot.server.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.allot.server.http.GraphErrorBodies;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the error dispatches of API requests (a URL the security firewall refused, an exception escaping a filter)
 * with Graph's error body instead of Spring Boot's error page. Errors of the admin center keep their pages.
 */
public final class ApiErrorPages extends OncePerRequestFilter {
    private final GraphErrorBodies errors;

    public ApiErrorPages(GraphErrorBodies errors) {
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR
                || !GraphErrorBodies.isApi((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        errors.write(request, response, status, GraphErrorBodies.code(status), GraphErrorBodies.message(status));
    }
}
