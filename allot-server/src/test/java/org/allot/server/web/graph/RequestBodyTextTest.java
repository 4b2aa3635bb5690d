package org.allot.server.web.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.databind.json.JsonMapper;

class RequestBodyTextTest {
    private final RequestBodyText advice =
            new RequestBodyText(JsonMapper.builder().build());

    @Test
    void aNulWrittenAsAnEscapeIsRefused() {
        assertThatThrownBy(() -> read("{\"displayName\":\"App\\u0000\"}"))
                .isInstanceOf(BadRequest.class)
                .hasMessage("Property 'displayName' contains a NUL character (U+0000), which Allot cannot store.");
    }

    @Test
    void anUnpairedSurrogateWrittenAsAnEscapeIsRefused() {
        assertThatThrownBy(() -> read("{\"displayName\":\"Lone \\uD800 surrogate\"}"))
                .isInstanceOf(BadRequest.class)
                .hasMessage("Property 'displayName' contains an unpaired surrogate (U+D800), which Allot cannot"
                        + " store.");
    }

    @Test
    void aNulInAPropertyNameIsRefused() {
        assertThatThrownBy(() -> read("{\"a\\u0000\":1}"))
                .isInstanceOf(BadRequest.class)
                .hasMessageStartingWith("A property name in the request body contains a NUL character");
    }

    @Test
    void storableTextIsGivenToTheConverterAsItWasSent() throws IOException {
        for (String body : new String[] {
            "{\"displayName\":\"Plain ASCII\"}",
            "{\"displayName\":\"Ünïcödé 😀 \\uD83D\\uDE00\"}",
            "{\"displayName\":\"an escaped backslash before u: \\\\u0000\"}",
            "{\"displayName\": malformed"
        }) {
            assertThat(read(body)).isEqualTo(body);
        }
    }

    private String read(String body) throws IOException {
        return new String(
                advice.beforeBodyRead(
                                new MockHttpInputMessage(body.getBytes(StandardCharsets.UTF_8)),
                                null,
                                String.class,
                                JacksonJsonHttpMessageConverter.class)
                        .getBody()
                        .readAllBytes(),
                StandardCharsets.UTF_8);
    }
}
