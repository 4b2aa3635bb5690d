package org.allot.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of Allot behind a load balancer ({@link Nginx}): API calls with a token, tokens by client credentials, and
 * a browser that keeps its cookies; each answer names the node that gave it ({@link #node}).
 */
public final class BalancerClient {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GRAPH = "https://graph.microsoft.com/.default";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final SSLContext tls;

    public BalancerClient(String base, SSLContext tls) {
        this.base = base;
        this.tls = tls;
    }

    /** A browser at the balancer. */
    public Browser browser() {
        return new Browser();
    }

    /** The node that answered, as nginx names it: {@code 127.0.0.1:port}. */
    public static String node(HttpResponse<String> answer) {
        return answer.headers().firstValue("X-Upstream").orElseThrow();
    }

    public String token(String clientId, String secret) throws Exception {
        HttpResponse<String> answer = tokenAnswer(clientId, secret);
        return JSON.readTree(answer.body()).path("access_token").asString();
    }

    /** The key id a token's header names. */
    public static String keyId(String token) {
        String header = new String(
                Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        return JSON.readTree(header).path("kid").asString();
    }

    public HttpResponse<String> tokenAnswer(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = client(null)
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/oauth2/v2.0/token"))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                                        + URLEncoder.encode(GRAPH, StandardCharsets.UTF_8)))
                                .timeout(WAIT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    public HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .timeout(WAIT)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client(null).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient client(CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .sslContext(tls)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    public static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF field on " + page.uri()).isTrue();
        return m.group(1);
    }

    /** A browser at the balancer: keeps its cookies, follows no redirects. */
    public final class Browser {
        private final HttpClient http = client(new CookieManager());

        /** A path, or an absolute URL (a redirect's {@code Location}, which names the public URL). */
        public HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base).resolve(path))
                    .header("Accept", "text/html")
                    .GET());
        }

        public HttpResponse<String> post(String path, Map<String, String> fields) {
            StringBuilder form = new StringBuilder();
            fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
