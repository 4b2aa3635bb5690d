package org.allot.server.web.graph;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Optional;
import org.allot.server.web.StorableText;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a JSON request body holding text Allot cannot store (see {@link StorableText}) in any property name or
 * string, whether or not the endpoint reads that property, before the body is bound. Malformed JSON is left to the
 * converter, which names what is wrong with it. A body of ASCII characters without a backslash-u escape cannot hold
 * such text and is not parsed here: most bodies are read once, by the converter.
 */
@ControllerAdvice(basePackages = {"org.allot.server.web.graph", "org.allot.server.web.extensions"})
public final class RequestBodyText extends RequestBodyAdviceAdapter {
    private final JsonMapper json;

    public RequestBodyText(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        byte[] body = input.getBody().readAllBytes();
        check(json, body);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    /** Refuses a body holding text Allot cannot store ({@link BadRequest}); also used by {@link JsonBodies}. */
    static void check(JsonMapper json, byte[] body) {
        if (!mayHoldUnstorableText(body)) {
            return;
        }
        try (JsonParser parser = json.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.PROPERTY_NAME && token != JsonToken.VALUE_STRING) {
                    continue;
                }
                Optional<String> problem = StorableText.problem(parser.getString());
                if (problem.isPresent()) {
                    String where = token == JsonToken.PROPERTY_NAME
                            ? "A property name in the request body contains "
                            : parser.currentName() == null
                                    ? "A value in the request body contains "
                                    : "Property '" + parser.currentName() + "' contains ";
                    throw new BadRequest(where + problem.get() + ", which Allot cannot store.");
                }
            }
        } catch (JacksonException malformed) {
            // the converter reads the body again and says what is wrong with it
        }
    }

    /**
     * Whether the body has a byte that is no ASCII character but NUL (non-ASCII UTF-8, UTF-16 and UTF-32 all have
     * one), or a backslash-u escape: the only ways JSON can spell a NUL or a surrogate.
     */
    private static boolean mayHoldUnstorableText(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b <= 0 || (b == '\\' && i + 1 < body.length && body[i + 1] == 'u')) {
                return true;
            }
        }
        return false;
    }
}
