package org.allot.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.allot.server.http.GraphErrorBodies;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose parameters (query string or form) are not valid UTF-8 or hold text Allot cannot store (see
 * {@link StorableText}), before anything reads them: 400 with Graph's body on the API, an error page elsewhere.
 */
public final class RequestText extends OncePerRequestFilter {
    private final GraphErrorBodies errors;

    public RequestText(GraphErrorBodies errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = problem(request);
        if (problem.isEmpty()) {
            chain.doFilter(request, response);
        } else if (GraphErrorBodies.isApi(request.getRequestURI())) {
            errors.write(request, response, 400, "Request_BadRequest", problem.get());
        } else {
            response.sendError(400, problem.get());
        }
    }

    static Optional<String> problem(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) {
            return Optional.of("The query string cannot be read: percent-encoded characters must be UTF-8 (%ED%A0%BD,"
                    + " a surrogate, or %FF are not).");
        }
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            Optional<String> inName = StorableText.problem(p.getKey());
            if (inName.isPresent()) {
                return Optional.of("A query option's name contains " + inName.get() + ".");
            }
            for (String value : p.getValue()) {
                Optional<String> inValue = StorableText.problem(value);
                if (inValue.isPresent()) {
                    return Optional.of("The value of query option '" + p.getKey() + "' contains " + inValue.get()
                            + ", which Allot cannot store or search for.");
                }
            }
        }
        return Optional.empty();
    }
}
