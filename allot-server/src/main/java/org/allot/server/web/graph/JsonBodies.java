package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the API's {@code @RequestBody JsonNode} parameters (Graph's users, groups, assignLicense, …) straight from
 * the request when it is plain JSON: {@code Content-Type: application/json}, with no parameter or a UTF-8 charset,
 * and a body. The outcome is Spring's (its converter's mapper and reader, {@link RequestBodyText}'s check, the same
 * exceptions for a malformed or missing body), without what Spring does around it for every body: copying the
 * request's headers into a new map, parsing the content type again and again, trying each converter, running the
 * body advice chain, building a data binder and looking for validation on a tree. Any other request (another content
 * type or charset, no body, another parameter type) is left to Spring's {@code @RequestBody} resolver as before.
 */
public final class JsonBodies implements HandlerMethodArgumentResolver {
    private static final String JSON = "application/json";

    private final JsonMapper json;
    private final ObjectReader reader;
    private final HandlerMethodArgumentResolver spring;

    /**
     * {@code json} is the mapper Spring's JSON converter reads request bodies with; {@code spring} is its {@code
     * RequestResponseBodyMethodProcessor}, which reads what this does not.
     */
    public JsonBodies(JsonMapper json, HandlerMethodArgumentResolver spring) {
        this.json = json;
        this.reader = json.readerFor(JsonNode.class);
        this.spring = spring;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Package where = parameter.getContainingClass().getPackage();
        return parameter.getParameterType() == JsonNode.class
                && parameter.hasParameterAnnotation(RequestBody.class)
                && where != null
                && (where.getName().equals("org.allot.server.web.graph")
                        || where.getName().equals("org.allot.server.web.extensions"));
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest web,
            WebDataBinderFactory binders)
            throws Exception {
        HttpServletRequest request = web.getNativeRequest(HttpServletRequest.class);
        if (request == null || !plainJson(request.getContentType())) {
            return spring.resolveArgument(parameter, container, web, binders);
        }
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length == 0) {
            // the stream is at its end for Spring too, which answers as for any request without a body
            return spring.resolveArgument(parameter, container, web, binders);
        }
        RequestBodyText.check(json, body);
        JsonNode read;
        try {
            read = reader.readValue(body);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException(
                    "JSON parse error: " + e.getOriginalMessage(), e, new ServletServerHttpRequest(request));
        }
        RequestBody annotation = parameter.getParameterAnnotation(RequestBody.class);
        if (read == null && annotation != null && annotation.required()) {
            throw new HttpMessageNotReadableException(
                    "Required request body is missing: "
                            + parameter.getExecutable().toGenericString(),
                    new ServletServerHttpRequest(request));
        }
        return read;
    }

    /** {@code application/json}, alone or with {@code charset=utf-8} (in any case, spaces around allowed). */
    static boolean plainJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        if (semicolon < 0) {
            return contentType.strip().equalsIgnoreCase(JSON);
        }
        if (!contentType.substring(0, semicolon).strip().equalsIgnoreCase(JSON)) {
            return false;
        }
        String parameter = contentType.substring(semicolon + 1).strip().toLowerCase(Locale.ROOT);
        int equals = parameter.indexOf('=');
        return equals > 0
                && parameter.substring(0, equals).strip().equals("charset")
                && parameter.substring(equals + 1).strip().equals("utf-8");
    }
}
