package org.allot.server.web.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonBodiesTest {
    private static final JsonNode FROM_SPRING =
            JsonMapper.builder().build().createObjectNode().put("by", "spring");

    private final AtomicInteger delegated = new AtomicInteger();
    private final HandlerMethodArgumentResolver spring = new HandlerMethodArgumentResolver() {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return true;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                org.springframework.web.method.support.ModelAndViewContainer container,
                org.springframework.web.context.request.NativeWebRequest web,
                org.springframework.web.bind.support.WebDataBinderFactory binders) {
            delegated.incrementAndGet();
            return FROM_SPRING;
        }
    };
    private final JsonBodies bodies = new JsonBodies(JsonMapper.builder().build(), spring);

    @SuppressWarnings("unused")
    void handler(@RequestBody JsonNode body, JsonNode notABody) {}

    private static MethodParameter parameter(int index) throws NoSuchMethodException {
        Method m = JsonBodiesTest.class.getDeclaredMethod("handler", JsonNode.class, JsonNode.class);
        return new MethodParameter(m, index);
    }

    private Object read(String contentType, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1.0/users");
        if (contentType != null) {
            request.setContentType(contentType);
        }
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return bodies.resolveArgument(parameter(0), null, new ServletWebRequest(request), null);
    }

    @Test
    void onlyTheApisRequestBodyTreesAreReadHere() throws Exception {
        assertThat(bodies.supportsParameter(parameter(0))).isTrue();
        assertThat(bodies.supportsParameter(parameter(1))).isFalse();
    }

    @Test
    void plainJsonIsReadWithoutSpringsConverters() throws Exception {
        assertThat(read("application/json", "{\"displayName\":\"Ann\"}").toString())
                .isEqualTo("{\"displayName\":\"Ann\"}");
        assertThat(read("Application/JSON; charset=UTF-8", "{\"a\":1}").toString())
                .isEqualTo("{\"a\":1}");
        assertThat(delegated).hasValue(0);
    }

    @Test
    void anyOtherContentTypeCharsetOrAnEmptyBodyIsLeftToSpring() throws Exception {
        assertThat(read(null, "{}")).isSameAs(FROM_SPRING);
        assertThat(read("text/plain", "{}")).isSameAs(FROM_SPRING);
        assertThat(read("application/json; charset=ISO-8859-1", "{}")).isSameAs(FROM_SPRING);
        assertThat(read("application/merge-patch+json", "{}")).isSameAs(FROM_SPRING);
        assertThat(read("application/json", "")).isSameAs(FROM_SPRING);
        assertThat(delegated).hasValue(5);
    }

    @Test
    void malformedJsonIsUnreadableAsSpringsConverterSaysIt() {
        assertThatThrownBy(() -> read("application/json", "{\"a\":"))
                .isInstanceOf(HttpMessageNotReadableException.class)
                .hasMessageStartingWith("JSON parse error: ")
                .hasCauseInstanceOf(JacksonException.class);
    }

    @Test
    void textAllotCannotStoreIsRefusedAsBefore() {
        assertThatThrownBy(() -> read("application/json", "{\"displayName\":\"App\\u0000\"}"))
                .isInstanceOf(BadRequest.class)
                .hasMessage("Property 'displayName' contains a NUL character (U+0000), which Allot cannot store.");
    }
}
