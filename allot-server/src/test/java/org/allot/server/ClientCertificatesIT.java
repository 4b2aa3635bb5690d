package org.allot.server;

import static org.allot.server.ClientTestServer.claims;
import static org.allot.server.ClientTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.allot.server.testing.ClientCertificate;
import org.allot.server.testing.JdkAzureHttpClient;
import org.allot.server.testing.ServerProcess;
import org.allot.server.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apps that sign in with a certificate registered on them, as with Entra: MSAL4J's confidential client and Azure
 * Identity's {@code ClientCertificateCredential} against the server run as the README runs it, and client assertions
 * checked as Entra checks them (audience, lifetime, signature, the certificate's thumbprint). Secrets are
 * {@link GraphClientsIT}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCertificatesIT {
    private static final Duration WAIT = ClientTestServer.WAIT;
    private static final String GRAPH = "https://graph.microsoft.com/.default";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;

    private ClientTestServer clients;
    private ServerProcess server;
    private String tenant;
    private SSLContext tls;

    @BeforeAll
    void start() throws InterruptedException {
        clients = ClientTestServer.start(data);
        server = clients.process();
        tenant = clients.tenant();
        tls = TestCertificates.context(TestCertificates.trustManager(server.certificateFile()));
    }

    @AfterAll
    void stop() throws InterruptedException {
        clients.close();
    }

    @Test
    void msalAndAzureIdentityGetTokensWithACertificateRegisteredOnTheApp() throws Exception {
        ClientCertificate certificate = ClientCertificate.create("allot graph clients test");
        JsonNode registered = ok(server.api(
                "POST",
                "/allot/v1/appRegistrations/" + ServerProcess.CLIENT_ID + "/certificates",
                JSON.writeValueAsString(Map.of("certificate", certificate.certificatePem())),
                WAIT));
        assertThat(registered.path("thumbprint").asString()).hasSize(40);

        IAuthenticationResult msal = ConfidentialClientApplication.builder(
                        ServerProcess.CLIENT_ID,
                        ClientCredentialFactory.createFromCertificate(certificate.key(), certificate.certificate()))
                .authority(server.base() + "/" + tenant + "/")
                .instanceDiscovery(false)
                .sslSocketFactory(tls.getSocketFactory())
                .build()
                .acquireToken(ClientCredentialParameters.builder(Set.of(GRAPH)).build())
                .get(30, TimeUnit.SECONDS);
        String azure = new ClientCertificateCredentialBuilder()
                .authorityHost(server.base())
                .tenantId(tenant)
                .clientId(ServerProcess.CLIENT_ID)
                .pemCertificate(certificate.write(data).toString())
                .disableInstanceDiscovery()
                .httpClient(new JdkAzureHttpClient(tls))
                .build()
                .getTokenSync(new TokenRequestContext().addScopes(GRAPH))
                .getToken();

        assertThat(claims(msal.accessToken()).path("tid").asString()).isEqualTo(tenant);
        assertThat(claims(azure).path("tid").asString()).isEqualTo(tenant);
        assertThat(server.api("GET", "/v1.0/organization", null, msal.accessToken(), WAIT)
                        .status())
                .isEqualTo(200);
        assertThat(server.api("GET", "/v1.0/organization", null, azure, WAIT).status())
                .isEqualTo(200);
        ok(server.api(
                "DELETE",
                "/allot/v1/appRegistrations/" + ServerProcess.CLIENT_ID + "/certificates/"
                        + registered.path("keyId").asString(),
                null,
                WAIT));
        assertThat(server.api("GET", "/v1.0/organization", null, msal.accessToken(), WAIT)
                        .status())
                .as("a removed certificate's tokens stop working")
                .isEqualTo(401);
    }

    @Test
    void clientAssertionsAreCheckedAsEntraChecksThem() throws Exception {
        JsonNode app = ok(server.api(
                "POST",
                "/allot/v1/appRegistrations",
                "{\"displayName\":\"assertions\",\"role\":\"Global Reader\"}",
                WAIT));
        String appId = app.path("appId").asString();
        ClientCertificate certificate = ClientCertificate.create("allot assertions test");
        ok(server.api(
                "POST",
                "/allot/v1/appRegistrations/" + appId + "/certificates",
                JSON.writeValueAsString(Map.of("certificate", certificate.certificatePem())),
                WAIT));
        String audience = server.base() + "/" + tenant + "/oauth2/v2.0/token";
        Instant soon = Instant.now().plus(Duration.ofMinutes(10));
        String once =
                certificate.assertion(appId, audience, soon, UUID.randomUUID().toString());

        assertThat(assertionRequest(appId, once).statusCode()).isEqualTo(200);
        assertRefused(assertionRequest(appId, once), 700027, "already used");
        assertRefused(
                assertionRequest(
                        appId,
                        certificate.assertion(
                                appId,
                                audience,
                                Instant.now().minus(Duration.ofMinutes(10)),
                                UUID.randomUUID().toString())),
                700024,
                "valid time range");
        assertRefused(
                assertionRequest(
                        appId,
                        certificate.assertion(
                                appId,
                                "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token",
                                soon,
                                UUID.randomUUID().toString())),
                700023,
                "audience");
        assertRefused(
                assertionRequest(
                        appId,
                        ClientCertificate.create("not registered")
                                .assertion(
                                        appId, audience, soon, UUID.randomUUID().toString())),
                700027,
                "not registered");
    }

    /**
     * A token request with a client assertion; when the token endpoint's throttle asks to wait after the refusals
     * this test provokes, it waits as told and asks again (a throttled request checks no assertion).
     */
    private HttpResponse<String> assertionRequest(String clientId, String assertion) throws Exception {
        String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(GRAPH, StandardCharsets.UTF_8)
                + "&client_id=" + clientId
                + "&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion;
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/" + tenant + "/oauth2/v2.0/token"))
                            .timeout(WAIT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == 5) {
                return response;
            }
            long seconds =
                    Long.parseLong(response.headers().firstValue("Retry-After").orElse("1"));
            Thread.sleep(Duration.ofSeconds(seconds).plusMillis(100).toMillis());
        }
    }

    private static void assertRefused(HttpResponse<String> response, long code, String says) {
        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(body.path("error").asString()).isEqualTo("invalid_client");
        assertThat(body.path("error_codes").get(0).asLong()).isEqualTo(code);
        assertThat(body.path("error_description").asString()).contains(says);
    }
}
