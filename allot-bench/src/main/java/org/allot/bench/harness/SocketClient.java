package org.allot.bench.harness;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocket;

/**
 * The harness's own minimal HTTP/1.1 client, for when wrk is not installed: one thread per kept-alive connection, no
 * allocation-heavy client library, each request written from bytes made beforehand and each answer read by {@link
 * Responses}. Its CPU time is that of the whole harness process.
 */
final class SocketClient {
    private SocketClient() {}

    /** GETs {@code uri}; see {@link Load#get}. */
    static Load.Rate get(URI uri, String authorization, int connections, Duration duration) {
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] request = request(uri, "GET", path, authorization, null);
        return run(uri, () -> request, connections, duration);
    }

    /** Sends each of {@code posts} once, in turn, to the origin {@code uri}; see {@link Load#postEach}. */
    static Load.Rate postEach(
            URI uri, List<Load.Post> posts, String authorization, int connections, Duration duration) {
        AtomicInteger next = new AtomicInteger();
        return run(
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

    /** Each connection sends the next request until the time is up or none is left. */
    private static Load.Rate run(URI uri, Supplier<byte[]> requests, int connections, Duration duration) {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        double cpuBefore = Load.harnessCpuSeconds();
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
        return new Load.Rate("java", ok.get(), failed.get(), seconds, Load.harnessCpuSeconds() - cpuBefore);
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
}
