package org.allot.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of a server on this machine that connects from a loopback address of its choosing (127.0.0.2,
 * 127.0.0.3, …), so that one test can play an attacker and an owner at different source addresses. Plain HTTP/1.1, one
 * connection per request, cookies kept (a session of the admin center).
 */
public final class LoopbackClient {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final InetAddress from;
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public LoopbackClient(String from, int port) {
        try {
            this.from = InetAddress.getByName(from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = port;
    }

    /** An answer: status, headers (names in lower case), body, and how long it took. */
    public record Answer(int status, Map<String, String> headers, String body, Duration took) {
        public String location() {
            return headers.get("location");
        }

        public String retryAfter() {
            return headers.get("retry-after");
        }
    }

    /** The address requests come from. */
    public String from() {
        return from.getHostAddress();
    }

    public Answer get(String path) {
        return send("GET", path, Map.of(), null);
    }

    /** Signs in to the admin center with the form, as a browser would; the answer's location tells how it went. */
    public Answer signIn(String username, String password) {
        Matcher csrf = CSRF_FIELD.matcher(get("/login").body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on the sign-in page");
        }
        String form =
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        return send("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
    }

    /** Asks for an access token with the client credentials grant (HTTP Basic). */
    public Answer token(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(
                "POST",
                "/oauth2/v2.0/token",
                Map.of("Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded"),
                "grant_type=client_credentials&scope=" + encode("https://graph.microsoft.com/.default"));
    }

    public Answer send(String method, String path, Map<String, String> headers, String body) {
        long start = System.nanoTime();
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            StringBuilder head = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(path)
                    .append(" HTTP/1.1\r\nHost: localhost:")
                    .append(port)
                    .append("\r\nConnection: close\r\nAccept: */*\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            if (!cookies.isEmpty()) {
                head.append("Cookie: ");
                cookies.forEach((name, value) ->
                        head.append(name).append('=').append(value).append("; "));
                head.setLength(head.length() - 2);
                head.append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer parse(byte[] raw, Duration took) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            if (name.equals("set-cookie")) {
                String pair = value.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), took);
    }

    private static byte[] unchunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n' && c != -1) {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no end of headers in the answer");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
