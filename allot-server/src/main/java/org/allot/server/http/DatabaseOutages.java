package org.allot.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Answers a request that failed because the database does not answer: 503 with {@code Retry-After}, Graph's error
 * body on the API and the token endpoint, a plain page that reloads itself in the admin center. Failures inside the
 * API's controllers get the same answer from its error advice; this filter answers those that happen before or
 * around them (signing in, issuing tokens, the admin center's pages).
 */
public final class DatabaseOutages extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutages.class);

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public static final String CODE = "serviceNotAvailable";
    public static final String MESSAGE = "The service is temporarily unavailable: its database does not answer."
            + " Try again after the number of seconds in the Retry-After header.";

    /**
     * SQLSTATE of a write refused by a server that accepts none: a standby, which a connection may still reach while
     * the primary changes (a switch with pg_auto_failover or Patroni), or a server set to {@code
     * default_transaction_read_only}.
     */
    public static final String READ_ONLY = "25006";

    /**
     * SQLSTATE classes and codes that mean the database cannot be reached, is going away, or accepts no writes for
     * now.
     */
    private static final Set<String> UNREACHABLE = Set.of("08", "57P01", "57P02", "57P03", READ_ONLY);

    private static final String[] JSON_PATHS = {"/v1.0/", "/allot/v1/", "/oauth2/", "/discovery/", "/v3/", "/actuator/"
    };

    private final GraphErrorBodies errors;
    private final ITemplateEngine templates;

    public DatabaseOutages(GraphErrorBodies errors, ITemplateEngine templates) {
        this.errors = errors;
        this.templates = templates;
    }

    /**
     * Whether the failure, or what caused it, is the database not answering (or no connection free in time, or a
     * server that accepts no writes answering while the primary changes). A rollback that failed on the broken
     * connection hides the failure that caused it; that one counts.
     */
    public static boolean explains(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = next(t), depth++) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (UNREACHABLE.contains(state)
                        || UNREACHABLE.contains(state.substring(0, Math.min(2, state.length())))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        return t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                ? rollback.getApplicationException()
                : t.getCause();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!explains(e) || response.isCommitted()) {
                throw e;
            }
            log.debug(
                    "Answered {} {} with 503: the database does not answer",
                    request.getMethod(),
                    request.getRequestURI(),
                    e);
            response.resetBuffer();
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            if (json(request)) {
                errors.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, CODE, MESSAGE);
            } else {
                page(request, response);
            }
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("text/html;charset=UTF-8");
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        templates.process(
                "error/unavailable",
                new WebContext(exchange, Locale.ROOT, Map.of("retryAfter", RETRY_AFTER_SECONDS)),
                response.getWriter());
    }

    private static boolean json(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : JSON_PATHS) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
