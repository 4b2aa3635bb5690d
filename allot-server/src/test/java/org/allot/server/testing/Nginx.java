package org.allot.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * nginx as the load balancer in front of several Allot nodes, as docs/scale-out.md configures it: run from a private
 * configuration in the foreground ({@code daemon off;}), ending TLS with a certificate of its own (made with openssl),
 * passing the requests round-robin to the nodes in plain HTTP with the {@code X-Forwarded-*} headers, and naming the
 * node that answered in an {@code X-Upstream} header and in its access log. nginx must be installed ({@code .ci/run}
 * installs Debian's); the system's configuration and service are not touched.
 */
public final class Nginx implements AutoCloseable {
    private static final List<String> BINARIES = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx");

    private final Process process;
    private final Path folder;
    private final int port;

    private Nginx(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** Whether nginx is installed here. */
    public static Path binary() {
        return BINARIES.stream()
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError("nginx is not installed: the multi-node test needs it as its"
                        + " load balancer (Debian package nginx, which .ci/run installs: apt-get install nginx)"));
    }

    /** Starts nginx on {@code port} of 127.0.0.1 in front of the nodes listening on {@code upstreams}. */
    public static Nginx start(Path folder, int port, List<Integer> upstreams) throws IOException, InterruptedException {
        Path binary = binary();
        Files.createDirectories(folder.resolve("logs"));
        Files.createDirectories(folder.resolve("temp"));
        Path certificate = folder.resolve("balancer.pem");
        Path key = folder.resolve("balancer-key.pem");
        run(List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-days",
                "2",
                "-keyout",
                key.toString(),
                "-out",
                certificate.toString()));
        Path config = folder.resolve("nginx.conf");
        Files.writeString(config, config(folder, port, upstreams, certificate, key), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(binary.toString(), "-c", config.toString(), "-p", folder.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("logs/console.log").toFile())
                .start();
        Nginx nginx = new Nginx(process, folder, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!listening(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                nginx.close();
                throw new AssertionError("nginx did not start:\n" + Files.readString(folder.resolve("logs/console.log"))
                        + "\n" + nginx.errors());
            }
            Thread.sleep(50);
        }
        return nginx;
    }

    /** The configuration docs/scale-out.md gives, with this test's paths and ports. */
    static String config(Path folder, int port, List<Integer> upstreams, Path certificate, Path key) {
        String servers = upstreams.stream()
                .map(p -> "        server 127.0.0.1:" + p + " max_fails=1 fail_timeout=5s;")
                .collect(Collectors.joining("\n"));
        return """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 512; }
                http {
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    log_format upstream '$request_method $request_uri $status $upstream_addr';
                    access_log %1$s/logs/access.log upstream;

                    upstream allot {
                %2$s
                        keepalive 16;
                    }
                    server {
                        listen 127.0.0.1:%3$d ssl;
                        server_name localhost;
                        ssl_certificate     %4$s;
                        ssl_certificate_key %5$s;
                        client_max_body_size 2m;

                        location / {
                            proxy_pass http://allot;
                            proxy_http_version 1.1;
                            proxy_set_header Connection        "";
                            proxy_set_header Host              $host;
                            proxy_set_header X-Forwarded-For   $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_set_header X-Forwarded-Host  $host;
                            proxy_set_header X-Forwarded-Port  $server_port;
                            proxy_read_timeout 300s;
                            proxy_next_upstream error timeout;
                            add_header X-Upstream $upstream_addr always;
                        }
                    }
                }
                """.formatted(folder, servers, port, certificate, key);
    }

    /** {@code https://localhost:port}: where clients reach the installation. */
    public String base() {
        return "https://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The balancer's certificate, which clients trust. */
    public Path certificate() {
        return folder.resolve("balancer.pem");
    }

    /** The access log's lines: method, URI, status, the node that answered ({@code 127.0.0.1:port}). */
    public List<String> accessLog() {
        try {
            return Files.readAllLines(folder.resolve("logs/access.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String errors() {
        try {
            Path log = folder.resolve("logs/error.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1000);
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    /** A port nobody listens on now, for the balancer (the nodes must know it before it starts). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
