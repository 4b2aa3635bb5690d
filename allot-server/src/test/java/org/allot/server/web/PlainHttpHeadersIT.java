package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A server with plain HTTP (as behind a reverse proxy that ends TLS): the privacy headers on every answer, no HSTS
 * (meaningless without TLS), and a session cookie that is SameSite but cannot be Secure.
 */
class PlainHttpHeadersIT extends ApiIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAnswerCarriesTheReferrerAndPermissionsPoliciesButNoHsts() throws Exception {
        for (String path : List.of("/login", "/v1.0/users", "/actuator/health", "/nowhere")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(answer.headers().firstValue("Permissions-Policy"))
                    .as(path)
                    .hasValueSatisfying(h -> assertThat(h).contains("camera=()", "microphone=()"));
            assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                    .as(path)
                    .isEmpty();
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> signIn = get("/login");
        assertThat(signIn.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie.toLowerCase(Locale.ROOT))
                        .contains("; httponly", "; samesite=lax")
                        .doesNotContain("; secure"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
