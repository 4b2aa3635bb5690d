package org.allot.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A load from <a href="https://github.com/wg/wrk">wrk</a>, run under bash's {@code times} so that its CPU time is
 * measured too; {@link WrkOutput} reads what it printed.
 */
final class Wrk {
    private Wrk() {}

    /** Whether wrk is on the PATH. */
    static boolean installed() {
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

    /** GETs {@code url}; see {@link Load#get}. */
    static Load.Rate get(String url, String authorization, int connections, Duration duration) {
        return run(url, authorization, connections, duration, List.of());
    }

    /** Sends each of {@code posts} once through {@link EachPathScript}; see {@link Load#postEach}. */
    static Load.Rate postEach(
            String url, List<Load.Post> posts, String authorization, int connections, Duration duration) {
        return run(url, authorization, connections, duration, EachPathScript.arguments(posts, threads(connections)));
    }

    /** wrk's threads for so many connections: one per core, at most one per connection. */
    private static int threads(int connections) {
        return Math.min(connections, Runtime.getRuntime().availableProcessors());
    }

    private static Load.Rate run(
            String url, String authorization, int connections, Duration duration, List<String> script) {
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
            return WrkOutput.rate(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
