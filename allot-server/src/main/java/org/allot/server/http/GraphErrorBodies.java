package org.allot.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.allot.api.graph.ODataError;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Graph's error body, with the request's ids, for the MVC layer, the filters, the servlet container's error
 * pages and Tomcat's own error report alike: on the API's paths no error has another shape.
 */
public final class GraphErrorBodies {
    private static final List<String> API_PATHS = List.of("/v1.0/", "/allot/v1/", "/oauth2/");
    /** Paths under a tenant segment that are the OAuth endpoints' ({@code /{tenant}/oauth2/v2.0/token}, …). */
    private static final List<String> TENANT_PATHS = List.of("/oauth2/", "/v2.0/", "/discovery/");

    private final JsonMapper json;
    private final Clock clock;

    public GraphErrorBodies(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Whether a request URI (as sent, not decoded) is the API's: Graph's body answers its errors. */
    public static boolean isApi(String requestUri) {
        if (requestUri == null) {
            return false;
        }
        String path = requestUri.endsWith("/") ? requestUri : requestUri + "/";
        int second = path.indexOf('/', 1);
        return API_PATHS.stream().anyMatch(path::startsWith)
                || (second > 1 && TENANT_PATHS.stream().anyMatch(p -> path.startsWith(p, second)));
    }

    public ODataError body(HttpServletRequest request, String code, String message) {
        return ODataError.of(
                code,
                message,
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                RequestIds.of(request),
                RequestIds.clientOf(request));
    }

    public String text(HttpServletRequest request, String code, String message) {
        return json.writeValueAsString(body(request, code, message));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(request, code, message));
    }

    /** Graph's code for an error status answered without a more specific one (by the container, say). */
    public static String code(int status) {
        return switch (status) {
            case 401 -> "InvalidAuthenticationToken";
            case 403 -> "Authorization_RequestDenied";
            case 404 -> "Request_ResourceNotFound";
            case 413 -> "RequestEntityTooLarge";
            case 429 -> "TooManyRequests";
            case 503 -> "serviceNotAvailable";
            default -> status >= 500 ? "generalException" : "Request_BadRequest";
        };
    }

    /** A message for an error status answered without one of its own. */
    public static String message(int status) {
        return switch (status) {
            case 400 ->
                "The request cannot be read: its URL holds characters that are not allowed (an encoded NUL, slash,"
                        + " backslash, percent sign or semicolon, or invalid UTF-8), or its URL or headers are larger"
                        + " than 8 KB.";
            case 404 -> "Resource not found.";
            case 405 -> "The HTTP method is not supported on this resource.";
            case 413 -> "The request body is too large.";
            case 414, 431 -> "The request URL or headers are larger than 8 KB.";
            default ->
                status >= 500
                        ? "An unexpected error occurred. The request id identifies it in the server's log."
                        : "The request cannot be processed.";
        };
    }
}
