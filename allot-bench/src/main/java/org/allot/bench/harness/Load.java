package org.allot.bench.harness;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A closed-loop load of requests on kept-alive connections for a fixed time, from <a
 * href="https://github.com/wg/wrk">wrk</a> when it is installed ({@link Wrk}), else from a minimal HTTP/1.1 client
 * of the harness's own ({@link SocketClient}). Either way the client's own CPU time is measured, so that a run tells
 * whether the client or the server was the limit.
 */
public final class Load {

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

    /** A POST of a JSON body (on one line) to a path of the server. */
    public record Post(String path, String json) {
        public Post {
            if (json.contains("\n") || path.contains("\t")) {
                throw new IllegalArgumentException("a post's body must be one line, its path without a tab");
            }
        }
    }

    private Load() {}

    /** Whether wrk is on the PATH. */
    public static boolean wrkInstalled() {
        return Wrk.installed();
    }

    /**
     * GETs {@code url} on {@code connections} connections for {@code duration}, with {@code authorization} as the
     * Authorization header when not null.
     */
    public static Rate get(String url, String authorization, int connections, Duration duration) {
        return wrkInstalled()
                ? Wrk.get(url, authorization, connections, duration)
                : SocketClient.get(URI.create(url), authorization, connections, duration);
    }

    /**
     * Sends each of {@code posts} once, in turn, to the origin {@code url} on {@code connections} connections for
     * {@code duration}. The posts must outlast the load: when they run out before the end, the rest of the time is
     * not measured, and this fails rather than report a rate too low.
     */
    public static Rate postEach(
            String url, List<Post> posts, String authorization, int connections, Duration duration) {
        Rate rate = wrkInstalled()
                ? Wrk.postEach(url, posts, authorization, connections, duration)
                : SocketClient.postEach(URI.create(url), posts, authorization, connections, duration);
        if (rate.requests() + rate.failures() >= posts.size()) {
            throw new IllegalStateException("all " + posts.size() + " posts were sent before the end of the load:"
                    + " give more, the rate measured would be too low");
        }
        return rate;
    }

    /** CPU time of the harness's own JVM so far, in seconds (NaN where the OS does not tell): a client's cost. */
    public static double harnessCpuSeconds() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(d -> d.toNanos() / 1e9)
                .orElse(Double.NaN);
    }
}
