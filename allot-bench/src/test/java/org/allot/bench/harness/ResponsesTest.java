package org.allot.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponsesTest {

    @Test
    void keptAliveAnswersAreReadOneAfterTheOtherUntilTheEndOfTheStream() throws IOException {
        InputStream in = new ByteArrayInputStream(("HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nhello"
                        + "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n"
                        + "HTTP/1.1 204 No Content\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(Responses.read(in)).isEqualTo(201);
        assertThat(Responses.read(in)).isEqualTo(404);
        assertThat(Responses.read(in)).isEqualTo(204);
        assertThat(Responses.read(in)).isEqualTo(-1);
    }
}
