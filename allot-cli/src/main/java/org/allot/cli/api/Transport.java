package org.allot.cli.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import org.allot.cli.api.Api.Response;
import org.allot.cli.process.Failure;

/**
 * How {@link Api} reaches one server: over the JDK's {@link HttpURLConnection}, which does its work on the calling
 * thread (and keeps the connection for the next request): {@link HttpClient} starts a selector thread and an executor
 * and hands every exchange between threads, which cost a command about a second of wall time on a busy machine. Only
 * PATCH, which {@link HttpURLConnection} does not send, goes through an {@link HttpClient}, made when first needed.
 * What goes wrong on the way (no answer, a certificate not trusted, a timeout) becomes a {@link Failure} that names
 * the server.
 */
final class Transport {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    static {
        // HttpURLConnection sends a POST again, unasked, when a kept connection fails before the answer: a user
        // created or a request filed twice. Api decides itself what it retries (429 and 503)
        System.setProperty("sun.net.http.retryPost", "false");
    }

    private final String server;
    private final TrustCheck trust;
    private SSLSocketFactory sockets;
    private HttpClient http;

    Transport(String server, TrustCheck trust) {
        this.server = server;
        this.trust = trust;
    }

    /** Sends a request, turning what goes wrong on the way into a failure that names the server. */
    Response exchange(String method, URI uri, Map<String, String> headers, String body, Duration timeout) {
        return exchange(method, uri, headers, body, timeout, null);
    }

    /**
     * {@link #exchange(String, URI, Map, String, Duration)}; with a {@code sink}, a successful answer's body (UTF-8
     * text) is written to it as it arrives instead of being held (the answer's body is then empty).
     */
    Response exchange(String method, URI uri, Map<String, String> headers, String body, Duration timeout, Writer sink) {
        try {
            Response response = method.equals("PATCH")
                    ? viaHttpClient(method, uri, headers, body, timeout)
                    : viaConnection(method, uri, headers, body, timeout, sink);
            if (response.status() == 400
                    && uri.getScheme().equals("http")
                    && response.body().contains("requires TLS")) {
                throw Failure.failed(
                        "HttpsRequired",
                        "The Allot server at " + server + " speaks HTTPS only: use "
                                + server.replaceFirst("^http:", "https:") + " (allot login --url, or ALLOT_URL).");
            }
            return response;
        } catch (SSLHandshakeException e) {
            throw TlsRefusals.untrusted(server, trust, e);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw unreachable(server, "nothing answers there");
        } catch (SocketTimeoutException | HttpTimeoutException e) {
            throw Failure.failed("Timeout", "The Allot server at " + server + " did not answer in time.");
        } catch (IOException e) {
            throw unreachable(server, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.failed("Interrupted", "Interrupted while waiting for " + server + ".");
        }
    }

    private Response viaConnection(
            String method, URI uri, Map<String, String> headers, String body, Duration timeout, Writer sink)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(sockets());
        }
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) timeout.toMillis());
        connection.setRequestMethod(method);
        headers.forEach(connection::setRequestProperty);
        // no body: none sent, and no content type (with one, HttpURLConnection would say it is a form). A body is
        // buffered, not streamed: a streamed request answered 401 is an exception, not an answer
        connection.setDoOutput(body != null);
        try {
            connection.connect();
        } catch (SocketTimeoutException e) {
            throw new ConnectException("connect timed out");
        }
        if (body != null) {
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        String text = "";
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            if (in != null && sink != null && status < 300) {
                new InputStreamReader(in, StandardCharsets.UTF_8).transferTo(sink);
            } else if (in != null) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Response(status, text, connection.getHeaderField("Retry-After"));
    }

    private Response viaHttpClient(String method, URI uri, Map<String, String> headers, String body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response =
                httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(
                response.statusCode(),
                response.body() == null ? "" : response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    private synchronized SSLSocketFactory sockets() {
        if (sockets == null) {
            sockets = trust.context().getSocketFactory();
        }
        return sockets;
    }

    private synchronized HttpClient httpClient() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .sslContext(trust.context())
                    .build();
        }
        return http;
    }

    private static Failure unreachable(String server, String why) {
        return Failure.failed(
                "ServerUnreachable",
                "Cannot reach the Allot server at " + server + " (" + why + "). Is it running? The URL comes from"
                        + " 'allot login' or ALLOT_URL.");
    }
}
