package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in admin center session over plain HTTP, for what no browser would send: hand-made URLs, tampered forms,
 * missing CSRF tokens.
 */
public final class AdminSession {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    public record Page(int status, String body, String location) {}

    private final String base;
    private final HttpClient http;
    private String csrf;

    private AdminSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static AdminSession signIn(String base, String username, String password) {
        AdminSession session = new AdminSession(base);
        Page login = session.get("/login");
        session.csrf = first(CSRF_FIELD, login.body());
        Page signedIn = session.postWithToken(
                "/login", List.of(Map.entry("username", username), Map.entry("password", password)));
        assertThat(signedIn.location()).as("sign-in of " + username).endsWith("/");
        session.csrf = first(CSRF_META, session.get("/").body());
        return session;
    }

    /** A session that has not signed in, with the sign-in page's CSRF token. */
    public static AdminSession anonymous(String base) {
        AdminSession session = new AdminSession(base);
        session.csrf = first(CSRF_FIELD, session.get("/login").body());
        return session;
    }

    /** Posts the sign-in form; the answer's location tells how it went. */
    public Page signInAttempt(String username, String password) {
        Page page = postWithToken("/login", List.of(Map.entry("username", username), Map.entry("password", password)));
        if (page.location() != null && page.location().contains("/login")) {
            csrf = first(CSRF_FIELD, get("/login").body());
        }
        return page;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form as the page would, with the session's CSRF token. */
    public Page post(String path, List<Map.Entry<String, String>> fields) {
        return postWithToken(path, fields);
    }

    /** Posts a form without a CSRF token, as a forged request from another site would. */
    public Page postWithoutToken(String path, List<Map.Entry<String, String>> fields) {
        return form(path, fields);
    }

    private Page postWithToken(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrf));
        return form(path, all);
    }

    private Page form(String path, List<Map.Entry<String, String>> fields) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> f : fields) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Follows a redirect after a form, as the browser would. */
    public Page follow(Page page) {
        assertThat(page.status()).as("redirect after a form").isEqualTo(302);
        String location = page.location();
        return get(location.startsWith("http") ? URI.create(location).getRawPath() + query(location) : location);
    }

    private static String query(String location) {
        String q = URI.create(location).getRawQuery();
        return q == null ? "" : "?" + q;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(
                    request.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }
}
