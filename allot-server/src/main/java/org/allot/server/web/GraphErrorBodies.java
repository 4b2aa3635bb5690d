package org.allot.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.allot.api.graph.ODataError;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes Graph's error body, with the request's ids, for the MVC layer and the security filters alike. */
public final class GraphErrorBodies {
    private final JsonMapper json;
    private final Clock clock;

    public GraphErrorBodies(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public ODataError body(HttpServletRequest request, String code, String message) {
        return ODataError.of(
                code,
                message,
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                RequestIds.of(request),
                RequestIds.clientOf(request));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(request, code, message));
    }
}
