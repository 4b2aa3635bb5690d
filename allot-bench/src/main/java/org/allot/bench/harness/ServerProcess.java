package org.allot.bench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server as an administrator runs it, as the README's command does: {@code java -jar allot-server.jar} in a
 * process of its own (so that its memory is its own), over HTTPS with the certificate it generates at first start
 * (trusted by the harness's clients, {@link ServerCertificates}). Its output goes to a log file; it is stopped with
 * SIGTERM, as a service manager would.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Allot is listening on (https?://localhost:\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    /** Linux's USER_HZ, the unit of the CPU times in /proc (100 on every Linux build the harness runs on). */
    static final int CLOCK_TICKS = 100;

    private final Process process;
    private final String url;
    private final Path dataDirectory;

    private ServerProcess(Process process, String url, Path dataDirectory) {
        this.process = process;
        this.url = url;
        this.dataDirectory = dataDirectory;
    }

    /** Starts the jar with these JVM options and {@code --name=value} arguments and waits until it listens. */
    public static ServerProcess start(Path jar, List<String> jvmOptions, List<String> arguments, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first, e.g."
                    + " ./mvnw -q -pl allot-bench -am package -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--server.port=0");
        command.addAll(arguments);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            CompletableFuture<String> listening = new CompletableFuture<>();
            Thread reader = new Thread(() -> drain(process, log, listening), "allot-server-output");
            reader.setDaemon(true);
            reader.start();
            try {
                String url = listening.get(5, TimeUnit.MINUTES);
                if (url.startsWith("https:")) {
                    ServerCertificates.trust(dataDirectory(arguments));
                }
                return new ServerProcess(process, url, dataDirectory(arguments));
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not start; see " + log, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dataDirectory(List<String> arguments) {
        String option = "--allot.data-directory=";
        return arguments.stream()
                .filter(a -> a.startsWith(option))
                .reduce((first, last) -> last)
                .map(a -> Path.of(a.substring(option.length())))
                .orElse(Path.of("data"));
    }

    /** CPU time the server's JVM has used so far (user and system), in seconds; NaN where the OS does not tell. */
    public double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /**
     * CPU time each kind of the server's threads has used so far (Linux, from {@code /proc/<pid>/task}), in seconds:
     * {@code requests} (Tomcat's request threads and its poller), {@code compiler} (the JIT's), {@code gc} and
     * {@code other}. Threads that ended are not counted. Empty where /proc is missing.
     */
    public Map<String, Double> cpuSecondsByThreads() {
        Map<String, Double> kinds = new TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid()), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"), StandardCharsets.UTF_8);
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields 14 and 15 of stat (utime, stime), counted from the state, field 3
                double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
                kinds.merge(threadKind(name), seconds, Double::sum);
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return kinds;
    }

    /** What a thread of the server does, from its (truncated) Linux name. */
    static String threadKind(String name) {
        if (name.startsWith("https-") || name.startsWith("http-")) {
            return "requests";
        }
        if (name.contains("CompilerThre")) {
            return "compiler";
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ")) {
            return "gc";
        }
        return "other";
    }

    private static void drain(Process process, Path log, CompletableFuture<String> listening) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(m.group(1));
                }
            }
        } catch (IOException e) {
            // the server went away
        }
        listening.completeExceptionally(new IllegalStateException("the server stopped"));
    }

    public String url() {
        return url;
    }

    /** The certificate the server made at its first start (PEM), what a client trusts it with. */
    public Path certificateFile() {
        return dataDirectory.resolve("tls").resolve("certificate.pem");
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the server's JVM where it stands (SIGSTOP): it runs nothing, but keeps its connections. */
    public void pause() {
        Pinning.signal("STOP", pid());
    }

    /** Lets a paused server run on (SIGCONT). */
    public void resume() {
        Pinning.signal("CONT", pid());
    }

    /** Resident set size of the server's JVM (Linux), in bytes; -1 where /proc is missing. */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    /** Heap in use right after a full collection, in bytes, through {@code jcmd}; -1 when jcmd cannot tell. */
    public long heapAfterGc() {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(2, TimeUnit.MINUTES);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
