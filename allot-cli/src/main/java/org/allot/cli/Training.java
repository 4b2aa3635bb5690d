package org.allot.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.allot.cli.process.Environment;

/**
 * The training run of the build's class-data sharing archive ({@code allot.jsa}, see the {@code allot} launcher): runs
 * common commands in this JVM against a stand-in server on loopback that answers canned JSON, so the classes a command
 * loads (picocli's model, Jackson, the HTTP client, TLS setup, the printers) are those the JVM archives at exit. The
 * commands a user runs most also run over HTTPS, against a stand-in with a certificate made for the run by the JDK's
 * {@code keytool} and trusted as a CA file, so that a real handshake's classes (certificate path checks, key exchange,
 * ciphers) are archived too. It reaches nothing outside this process and writes only into a temporary folder it
 * removes.
 */
@SuppressForbidden(
        "the JDK's own small HTTP server (jdk.httpserver, a supported API) stands in for Allot at build time")
public final class Training {
    private static final String SKU = "{\"id\":\"t_6fd2c87f-b296-42f0-b197-1e91e994b900\",\"skuId\":"
            + "\"6fd2c87f-b296-42f0-b197-1e91e994b900\",\"skuPartNumber\":\"ENTERPRISEPACK\",\"capabilityStatus\":"
            + "\"Enabled\",\"consumedUnits\":3,\"waitingUnits\":1,\"prepaidUnits\":{\"enabled\":5,\"suspended\":0,"
            + "\"warning\":0,\"lockedOut\":0},\"servicePlans\":[{\"servicePlanId\":"
            + "\"a23b959c-7ce8-4e57-9140-b90eb88a9e97\",\"servicePlanName\":\"SWAY\",\"provisioningStatus\":"
            + "\"Success\",\"appliesTo\":\"User\"}]}";
    private static final String USER = "{\"id\":\"0b7e1a52-6f29-4b55-8a4b-6c1bbd1f8a11\",\"userPrincipalName\":"
            + "\"ada@contoso.com\",\"displayName\":\"Ada Lovelace\",\"usageLocation\":\"GB\",\"userType\":\"Member\","
            + "\"accountEnabled\":true,\"createdDateTime\":\"2026-01-02T03:04:05Z\",\"assignedLicenses\":[{\"skuId\":"
            + "\"6fd2c87f-b296-42f0-b197-1e91e994b900\",\"disabledPlans\":[]}],\"licenseAssignmentStates\":[]}";

    private Training() {}

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("allot-training-");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", Training::answer);
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            Map<String, String> variables = Map.of(
                    Environment.URL,
                    url,
                    Environment.CLIENT_ID,
                    "3f2a5b1c-0000-4000-8000-000000000001",
                    Environment.CLIENT_SECRET,
                    "training",
                    Environment.CONFIG,
                    folder.resolve("config.json").toString());
            for (List<String> command : List.of(
                    List.of("--help"),
                    List.of("product", "list"),
                    List.of("product", "list", "-o", "json"),
                    List.of("product", "list", "-o", "csv"),
                    List.of("user", "list", "--top", "5"),
                    List.of("user", "show", "ada@contoso.com", "-o", "json"),
                    List.of("license", "assign", "--help"),
                    List.of("whoami"),
                    List.of("group", "list"))) {
                run(variables, command);
            }
            // the same over HTTPS, with the stand-in's certificate trusted as a CA file, as 'allot login --ca-file'
            HttpsServer tls = https(folder);
            try {
                Map<String, String> secure = new java.util.HashMap<>(variables);
                secure.put(
                        Environment.URL, "https://127.0.0.1:" + tls.getAddress().getPort());
                secure.put(Environment.CA_FILE, folder.resolve("ca.pem").toString());
                secure.put(Environment.CONFIG, folder.resolve("tls.json").toString());
                for (List<String> command : List.of(
                        List.of("product", "list"),
                        List.of("product", "list"),
                        List.of("user", "show", "ada@contoso.com"),
                        List.of("whoami"))) {
                    run(secure, command);
                }
            } finally {
                tls.stop(0);
            }
        } finally {
            server.stop(0);
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** An HTTPS stand-in on loopback with a new EC key and certificate (keytool), its certificate in ca.pem. */
    private static HttpsServer https(Path folder) throws IOException {
        Path store = folder.resolve("training.p12");
        char[] password = "training".toCharArray();
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "training",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "san=ip:127.0.0.1,dns:localhost",
                        "-keystore",
                        store.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "training")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (keytool.waitFor() != 0) {
                throw new IOException("keytool failed: exit " + keytool.exitValue());
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'})
                            .encodeToString(keys.getCertificate("training").getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Files.writeString(folder.resolve("ca.pem"), pem, StandardCharsets.US_ASCII);
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context));
            server.createContext("/", Training::answer);
            server.start();
            return server;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void run(Map<String, String> variables, List<String> command) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Allot.run(new Environment(variables, Path.of("."), false), nowhere, nowhere, command.toArray(String[]::new));
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        if (path.endsWith("/token")) {
            String claims = "{\"tid\":\"e81ca7a4-ef6b-31e3-8fb6-545a2f3e6cd4\",\"appid\":\"training\",\"roles\":"
                    + "[\"Global Reader\"],\"exp\":" + (System.currentTimeMillis() / 1000 + 3600) + "}";
            String jwt = "eyJhbGciOiJub25lIn0."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                    + ".";
            body = "{\"access_token\":\"" + jwt + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
        } else if (path.endsWith("/subscribedSkus")) {
            body = "{\"value\":[" + SKU + "]}";
        } else if (path.endsWith("/users")) {
            body = "{\"value\":[" + USER + "]}";
        } else if (path.contains("/users/")) {
            body = USER;
        } else if (path.endsWith("/organization")) {
            body = "{\"value\":[{\"id\":\"e81ca7a4-ef6b-31e3-8fb6-545a2f3e6cd4\",\"displayName\":\"Contoso\"}]}";
        } else {
            body = "{\"value\":[]}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
