package org.allot.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, returned in the {@code request-id} header (and {@code client-request-id} echoed when
 * the client sent one), used as the correlation id of what the request changes, and logged.
 */
public final class RequestIds extends OncePerRequestFilter {
    public static final String ATTRIBUTE = RequestIds.class.getName();
    public static final String CLIENT_ATTRIBUTE = ATTRIBUTE + ".client";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = newId();
        String client = request.getHeader("client-request-id");
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader("request-id", id);
        if (client != null && client.length() <= 128) {
            request.setAttribute(CLIENT_ATTRIBUTE, client);
            response.setHeader("client-request-id", client);
        }
        MDC.put("requestId", id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? newId() : id.toString();
    }

    /**
     * A random (version 4) UUID, as Graph's request ids are, from the thread's own generator: an id correlates and
     * is no secret, so it need not come from the shared secure generator {@link UUID#randomUUID()} locks at every
     * request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static String clientOf(HttpServletRequest request) {
        Object id = request.getAttribute(CLIENT_ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}
