package org.allot.cli.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A subscriber's HTTPS endpoint for change notifications, with a certificate made by the JDK's keytool that the
 * {@link TestServer} is told to trust ({@link #keys}): every path answers Graph's validation handshake by echoing the
 * token; notifications to a path under {@code /failing/} are answered 503, the others 202.
 */
@SuppressForbidden("com.sun.net.httpserver is the JDK's supported, exported HTTPS server (module jdk.httpserver), not"
        + " an internal class; forbidden-apis lists every com.sun package")
public final class WebhookReceiver {
    private static final String PASSWORD = "allot-cli-it";
    private static final String ALIAS = "receiver";

    private final HttpsServer server;

    private WebhookReceiver(Path keyStore) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(factory.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "webhook-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/", WebhookReceiver::handle);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the receiver's key and certificate (for {@code localhost}) in the folder with keytool, before the server
     * that must trust the certificate starts; returns the certificate's PEM file. {@link #start} serves with the key.
     */
    static Path keys(Path folder) {
        Path keyStore = folder.resolve("receiver.p12");
        Path certificate = folder.resolve("receiver.pem");
        keytool(
                "-genkeypair",
                "-alias",
                ALIAS,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                keyStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                ALIAS,
                "-keystore",
                keyStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-file",
                certificate.toString());
        return certificate;
    }

    /** Serves with the key {@link #keys} made in the folder. */
    static WebhookReceiver start(Path folder) {
        return new WebhookReceiver(folder.resolve("receiver.p12"));
    }

    /** The URL of a path that answers the handshake and accepts every notification (202). */
    public String url(String name) {
        return "https://localhost:" + server.getAddress().getPort() + "/" + name;
    }

    /** The URL of a path that answers the handshake and then refuses every notification (503). */
    public String failingUrl(String name) {
        return "https://localhost:" + server.getAddress().getPort() + "/failing/" + name;
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
            } else if (query != null && query.startsWith("validationToken=")) {
                byte[] token = URLDecoder.decode(query.substring("validationToken=".length()), StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, token.length);
                exchange.getResponseBody().write(token);
            } else if (exchange.getRequestURI().getPath().startsWith("/failing/")) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.sendResponseHeaders(202, -1);
            }
        }
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool failed: " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
