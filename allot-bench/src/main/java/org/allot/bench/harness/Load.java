package org.allot.bench.harness;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;

/**
 * A closed-loop load of one GET on kept-alive connections for a fixed time, from <a
 * href="https://github.com/wg/wrk">wrk</a> when it is installed, else from a minimal HTTP/1.1 client of the
 * harness's own (one thread per connection, no allocation-heavy client library). Either way the client's own CPU
 * time is measured, so that a run tells whether the client or the server was the limit.
 */
public final class Load {
    private static final Pattern WRK_REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(ms|s|m)");
    private static final Pattern WRK_NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern WRK_SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([0-9.]+)s\\s+(\\d+)m([0-9.]+)s");

    /** What a load measured: requests answered 2xx per second, failures, and the client's CPU seconds. */
    public record Rate(String client, long requests, long failures, double seconds, double clientCpuSeconds) {
        public double perSecond() {
            return requests / seconds;
        }

        /** Requests per second the client could make with every core of the machine to itself. */
        public double clientCapacity() {
            return requests / clientCpuSeconds * Runtime.getRuntime().availableProcessors();
        }
    }

    private Load() {}

    /** Whether wrk is on the PATH. */
    public static boolean wrkInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * GETs {@code url} on {@code connections} connections for {@code duration}, with {@code authorization} as the
     * Authorization header when not null.
     */
    public static Rate get(String url, String authorization, int connections, Duration duration) {
        if (wrkInstalled()) {
            return wrk(url, authorization, connections, duration, List.of());
        }
        URI uri = URI.create(url);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] request = request(uri, "GET", path, authorization, null);
        return java(uri, () -> request, connections, duration);
    }

    /** A POST of a JSON body (on one line) to a path of the server. */
    public record Post(String path, String json) {
        public Post {
            if (json.contains("\n") || path.contains("\t")) {
                throw new IllegalArgumentException("a post's body must be one line, its path without a tab");
            }
        }
    }

    /**
     * Sends each of {@code posts} once, in turn, to the origin {@code url} on {@code connections} connections for
     * {@code duration}. The posts must outlast the load: when they run out before the end, the rest of the time is
     * not measured, and this fails rather than report a rate too low.
     */
    public static Rate postEach(
            String url, List<Post> posts, String authorization, int connections, Duration duration) {
        Rate rate;
        if (wrkInstalled()) {
            rate = wrk(
                    url, authorization, connections, duration, EachPathScript.arguments(posts, threads(connections)));
        } else {
            URI uri = URI.create(url);
            AtomicInteger next = new AtomicInteger();
            rate = java(
                    uri,
                    () -> {
                        int i = next.getAndIncrement();
                        return i < posts.size()
                                ? request(
                                        uri,
                                        "POST",
                                        posts.get(i).path(),
                                        authorization,
                                        posts.get(i).json())
                                : null;
                    },
                    connections,
                    duration);
        }
        if (rate.requests() + rate.failures() >= posts.size()) {
            throw new IllegalStateException("all " + posts.size() + " posts were sent before the end of the load:"
                    + " give more, the rate measured would be too low");
        }
        return rate;
    }

    /** wrk's threads for so many connections: one per core, at most one per connection. */
    private static int threads(int connections) {
        return Math.min(connections, Runtime.getRuntime().availableProcessors());
    }

    private static Rate wrk(String url, String authorization, int connections, Duration duration, List<String> script) {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "wrk \"$@\" && times", "wrk"));
        command.addAll(List.of(
                "-t" + threads(connections),
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                // a slow answer on a busy machine is counted, not dropped as a socket error
                "--timeout",
                "30s"));
        if (authorization != null) {
            command.addAll(List.of("-H", "Authorization: " + authorization));
        }
        int arguments = script.indexOf("--");
        command.addAll(arguments < 0 ? script : script.subList(0, arguments));
        command.add(url);
        if (arguments >= 0) {
            command.addAll(script.subList(arguments, script.size()));
        }
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + out);
            }
            Matcher requests = WRK_REQUESTS.matcher(out);
            Matcher times = TIMES.matcher(out.substring(out.lastIndexOf("requests in")));
            if (!requests.find() || !times.find() || !times.find()) {
                throw new IllegalStateException("cannot read wrk's output: " + out);
            }
            long failures = count(WRK_NON_2XX, out, 1);
            Matcher errors = WRK_SOCKET_ERRORS.matcher(out);
            String client = "wrk";
            if (errors.find()) {
                client = "wrk (" + failures + " non-2xx; socket errors: " + errors.group() + ")";
                for (int g = 1; g <= 4; g++) {
                    failures += Long.parseLong(errors.group(g));
                }
            }
            double seconds = Double.parseDouble(requests.group(2))
                    * switch (requests.group(3)) {
                        case "ms" -> 0.001;
                        case "m" -> 60;
                        default -> 1;
                    };
            double cpu = Long.parseLong(times.group(1)) * 60
                    + Double.parseDouble(times.group(2))
                    + Long.parseLong(times.group(3)) * 60
                    + Double.parseDouble(times.group(4));
            long total = Long.parseLong(requests.group(1));
            return new Rate(client, total - Math.min(total, count(WRK_NON_2XX, out, 1)), failures, seconds, cpu);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long count(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Long.parseLong(m.group(group)) : 0;
    }

    private static byte[] request(URI uri, String method, String path, String authorization, String json) {
        int port = port(uri);
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        return (method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + port + "\r\n"
                        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                        + (json == null
                                ? ""
                                : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                        + "Accept: */*\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** The harness's own client: each connection sends the next request until the time is up or none is left. */
    private static Rate java(URI uri, Supplier<byte[]> requests, int connections, Duration duration) {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        double cpuBefore = harnessCpuSeconds();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> connection(uri, requests, deadline, ok, failed), "load-" + c);
            t.start();
            threads.add(t);
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Rate("java", ok.get(), failed.get(), seconds, harnessCpuSeconds() - cpuBefore);
    }

    private static void connection(
            URI uri, Supplier<byte[]> requests, long deadline, AtomicLong ok, AtomicLong failed) {
        while (System.nanoTime() < deadline) {
            try (Socket socket = "https".equals(uri.getScheme())
                    ? ServerCertificates.context().getSocketFactory().createSocket(uri.getHost(), port(uri))
                    : new Socket(uri.getHost(), port(uri))) {
                socket.setTcpNoDelay(true);
                if (socket instanceof SSLSocket tls) {
                    tls.startHandshake();
                }
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                while (System.nanoTime() < deadline) {
                    byte[] request = requests.get();
                    if (request == null) {
                        return;
                    }
                    out.write(request);
                    out.flush();
                    int status = Responses.read(in);
                    (status >= 200 && status < 300 ? ok : failed).incrementAndGet();
                    if (status < 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                failed.incrementAndGet();
            }
        }
    }

    private static double harnessCpuSeconds() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(d -> d.toNanos() / 1e9)
                .orElse(Double.NaN);
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked body) and returns its status; -1 at end of stream. */
    static final class Responses {
        private Responses() {}

        static int read(InputStream in) throws IOException {
            String status = line(in);
            if (status == null) {
                return -1;
            }
            long length = 0;
            boolean chunked = false;
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = chunk(in); size > 0; size = chunk(in)) {
                    skip(in, size);
                    line(in);
                }
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
            } else {
                skip(in, length);
            }
            return Integer.parseInt(status.substring(9, 12));
        }

        private static long chunk(InputStream in) throws IOException {
            String size = line(in);
            if (size == null) {
                throw new IOException("the connection closed in a chunked body");
            }
            int semicolon = size.indexOf(';');
            return Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
        }

        private static void skip(InputStream in, long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("the connection closed in a body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder(64);
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '\n') {
                    int end = b.length();
                    return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
                }
                b.append((char) c);
            }
            return b.length() == 0 ? null : b.toString();
        }
    }
}
