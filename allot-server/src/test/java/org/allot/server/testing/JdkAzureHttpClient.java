package org.allot.server.testing;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient.Redirect;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Azure's HTTP client over the JDK's, trusting what the test's TLS trusts: what Azure Identity (and the MSAL4J under
 * it) send their requests with, in place of the Netty client they bring by default. It keeps the method and URL of
 * every request, so a test can tell what the libraries asked for.
 */
public final class JdkAzureHttpClient implements HttpClient {
    /** Headers the JDK's client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final java.net.http.HttpClient http;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public JdkAzureHttpClient(SSLContext tls) {
        this.http = java.net.http.HttpClient.newBuilder()
                .sslContext(tls)
                .followRedirects(Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The requests sent so far: {@code GET https://…}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.fromCallable(() -> sendSync(request, Context.NONE));
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        requests.add(request.getHttpMethod() + " " + request.getUrl());
        BinaryData body = request.getBodyAsBinaryData();
        try {
            java.net.http.HttpRequest.Builder out = java.net.http.HttpRequest.newBuilder(
                            request.getUrl().toURI())
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            request.getHttpMethod().name(),
                            body == null
                                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                    : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toBytes()));
            for (HttpHeader header : request.getHeaders()) {
                if (!RESTRICTED.contains(header.getName().toLowerCase(Locale.ROOT))) {
                    for (String value : header.getValuesList()) {
                        out.header(header.getName(), value);
                    }
                }
            }
            java.net.http.HttpResponse<byte[]> answer =
                    http.send(out.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            HttpHeaders headers = new HttpHeaders();
            answer.headers()
                    .map()
                    .forEach((name, values) -> values.forEach(v -> headers.add(HttpHeaderName.fromString(name), v)));
            return new Answer(request, answer.statusCode(), headers, answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class Answer extends HttpResponse {
        private final int status;
        private final HttpHeaders headers;
        private final byte[] body;

        Answer(HttpRequest request, int status, HttpHeaders headers, byte[] body) {
            super(request);
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return headers.getValue(HttpHeaderName.fromString(name));
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.just(ByteBuffer.wrap(body));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(body);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return getBodyAsString(StandardCharsets.UTF_8);
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(body, charset));
        }

        @Override
        public BinaryData getBodyAsBinaryData() {
            return BinaryData.fromBytes(body);
        }
    }
}
