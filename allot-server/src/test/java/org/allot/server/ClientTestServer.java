package org.allot.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.allot.server.testing.ServerProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server the client tests ({@link GraphClientsIT}, {@link GraphJavaScriptClientIT}) talk to, run as the README
 * runs it (HTTPS with the certificate it generated), with 30 seats of ENTERPRISEPACK and 2 of EMS, and what they ask of
 * it on the side: users, the public URL, tokens' claims.
 */
final class ClientTestServer implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServerProcess server;
    private final String tenant;

    private ClientTestServer(ServerProcess server, String tenant) {
        this.server = server;
        this.tenant = tenant;
    }

    static ClientTestServer start(Path data) throws InterruptedException {
        ServerProcess server = ServerProcess.startHttps(data);
        String tenant = ok(server.api("GET", "/v1.0/organization", null, WAIT))
                .path("value")
                .get(0)
                .path("id")
                .asString();
        ok(server.api("POST", "/allot/v1/subscriptions", "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"seats\":30}", WAIT));
        ok(server.api("POST", "/allot/v1/subscriptions", "{\"skuPartNumber\":\"EMS\",\"seats\":2}", WAIT));
        return new ClientTestServer(server, tenant);
    }

    ServerProcess process() {
        return server;
    }

    String tenant() {
        return tenant;
    }

    /** The URL the server names in links and issuers (the machine's host name, by default). */
    String publicUrl() {
        String issuer = claims(
                        ok(server.tokenRequest(WAIT)).path("access_token").asString())
                .path("iss")
                .asString();
        return issuer.substring(0, issuer.length() - ("/" + tenant + "/v2.0").length());
    }

    /** A user created through the API, with a usage location unless null; its id. */
    String user(String name, String department, String usageLocation) {
        String location = usageLocation == null ? "" : ",\"usageLocation\":\"" + usageLocation + "\"";
        return ok(server.api(
                        "POST",
                        "/v1.0/users",
                        """
                        {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s@%s",
                         "department":"%s"%s}""".formatted(name, name.replace(".", ""), name, ServerProcess.DOMAIN, department, location),
                        WAIT))
                .path("id")
                .asString();
    }

    static JsonNode claims(String token) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    static JsonNode ok(ServerProcess.Answer answer) {
        if (!answer.ok()) {
            throw new AssertionError("refused: " + answer.status() + " " + answer.body());
        }
        return answer.body().isBlank() ? JSON.createObjectNode() : answer.json();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
