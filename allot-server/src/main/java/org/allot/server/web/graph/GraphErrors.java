package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.allot.api.graph.ODataError;
import org.allot.core.ErrorCode;
import org.allot.server.http.DatabaseOutages;
import org.allot.server.http.GraphErrorBodies;
import org.allot.server.web.RequestTooLarge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error of the API as Graph's error body, with the right status; never a stack trace, never a 500 for bad input. */
@RestControllerAdvice(basePackages = {"org.allot.server.web.graph", "org.allot.server.web.extensions"})
public final class GraphErrors {
    private static final Logger log = LoggerFactory.getLogger(GraphErrors.class);

    private final GraphErrorBodies bodies;

    public GraphErrors(GraphErrorBodies bodies) {
        this.bodies = bodies;
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ODataError> refused(Refused refused, HttpServletRequest request) {
        ErrorCode code = refused.rejection().code();
        return error(request, status(code), graphCode(code), refused.rejection().message());
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ODataError> badRequest(BadRequest bad, HttpServletRequest request) {
        return error(request, HttpStatus.BAD_REQUEST, bad.code(), bad.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ODataError> denied(AccessDeniedException e, HttpServletRequest request) {
        return error(
                request,
                HttpStatus.FORBIDDEN,
                "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ODataError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof RequestTooLarge tooLarge) {
            return tooLarge(tooLarge, request);
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return error(
                    request,
                    HttpStatus.BAD_REQUEST,
                    "BadRequest",
                    "Property '" + unknown.getPropertyName() + "' does not exist on type '"
                            + unknown.getReferringClass().getSimpleName() + "'.");
        }
        // a value of the wrong type (MismatchedInputException), or a number too large for its property
        // (InputCoercionException, which the parser throws and the property is added to the path of)
        if (e.getCause() instanceof JacksonException mismatch
                && !mismatch.getPath().isEmpty()) {
            String property =
                    mismatch.getPath().get(mismatch.getPath().size() - 1).getPropertyName();
            if (property != null) {
                return error(
                        request,
                        HttpStatus.BAD_REQUEST,
                        "BadRequest",
                        "Invalid value specified for property '" + property + "'.");
            }
        }
        return error(
                request,
                HttpStatus.BAD_REQUEST,
                "BadRequest",
                "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid"
                        + " JSON format.");
    }

    @ExceptionHandler(RequestTooLarge.class)
    ResponseEntity<ODataError> tooLarge(RequestTooLarge e, HttpServletRequest request) {
        return error(request, HttpStatus.CONTENT_TOO_LARGE, "RequestEntityTooLarge", e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ODataError> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return error(
                request,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Request_BadRequest",
                "The content type '" + e.getContentType() + "' is not supported: send application/json.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ODataError> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return error(request, HttpStatus.NOT_ACCEPTABLE, "Request_BadRequest", "Responses are application/json.");
    }

    /** A known path asked with another method: Graph's 405, with the methods the path takes in {@code Allow}. */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ODataError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        Set<HttpMethod> allowed = e.getSupportedHttpMethods();
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .allow(allowed == null ? new HttpMethod[0] : allowed.toArray(HttpMethod[]::new))
                .contentType(MediaType.APPLICATION_JSON)
                .body(bodies.body(
                        request, "Request_BadRequest", "Specified HTTP method is not allowed for the request target."));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ODataError> argument(Exception e, HttpServletRequest request) {
        return error(request, HttpStatus.BAD_REQUEST, "Request_BadRequest", "Invalid request: " + e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ODataError> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return error(
                request,
                HttpStatus.NOT_FOUND,
                "Request_ResourceNotFound",
                "Resource not found for the segment '" + e.getResourcePath() + "'.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ODataError> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseOutages.explains(e)) {
            log.debug(
                    "Answered {} {} with 503: the database does not answer",
                    request.getMethod(),
                    request.getRequestURI(),
                    e);
            request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutages.RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(bodies.body(request, DatabaseOutages.CODE, DatabaseOutages.MESSAGE));
        }
        log.error("Unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return error(
                request,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "generalException",
                "An unexpected error occurred. The request id identifies it in the server's log.");
    }

    private ResponseEntity<ODataError> error(
            HttpServletRequest request, HttpStatus status, String code, String message) {
        // Graph's error body is JSON whatever the endpoint produces (a /$count answers text/plain)
        request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(bodies.body(request, code, message));
    }

    public static HttpStatus status(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case OUTSIDE_SCOPE -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case SYNC_STATE_NOT_FOUND -> HttpStatus.GONE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    public static String graphCode(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> "Request_ResourceNotFound";
            case OUTSIDE_SCOPE -> "Authorization_RequestDenied";
            case CONFLICT -> "Directory_ConcurrencyViolation";
            case SYNC_STATE_NOT_FOUND -> "syncStateNotFound";
            default -> "Request_BadRequest";
        };
    }
}
