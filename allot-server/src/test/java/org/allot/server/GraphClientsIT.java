package org.allot.server;

import static org.allot.server.ClientTestServer.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.LicenseDetails;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.allot.server.testing.JdkAzureHttpClient;
import org.allot.server.testing.ServerProcess;
import org.allot.server.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token libraries and the Graph Java SDK, nobody here wrote, used as their documentation says with a client secret,
 * against the server run as the README runs it (HTTPS with the certificate it generated, which the clients trust as a
 * file): Azure Identity's {@code ClientSecretCredential} with Allot as its authority host and instance discovery off,
 * feeding the Graph Java SDK, and MSAL4J's confidential client. Certificates and client assertions are
 * {@link ClientCertificatesIT}'s, the Graph JavaScript client {@link GraphJavaScriptClientIT}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphClientsIT {
    private static final Duration WAIT = ClientTestServer.WAIT;
    private static final String GRAPH = "https://graph.microsoft.com/.default";

    @TempDir
    static Path data;

    private ClientTestServer clients;
    private ServerProcess server;
    private String tenant;
    private X509TrustManager trust;
    private SSLContext tls;

    @BeforeAll
    void start() throws InterruptedException {
        clients = ClientTestServer.start(data);
        server = clients.process();
        tenant = clients.tenant();
        trust = TestCertificates.trustManager(server.certificateFile());
        tls = TestCertificates.context(trust);
    }

    @AfterAll
    void stop() throws InterruptedException {
        clients.close();
    }

    @Test
    void azureIdentityGetsTokensUnderTheTenantsIdOrDomainForTheGraphSdk() {
        JdkAzureHttpClient http = new JdkAzureHttpClient(tls);
        ClientSecretCredential credential = credential(tenant, http);

        String token = credential
                .getTokenSync(new TokenRequestContext().addScopes(GRAPH))
                .getToken();

        assertThat(claims(token).path("tid").asString()).isEqualTo(tenant);
        assertThat(claims(token).path("iss").asString()).endsWith("/" + tenant + "/v2.0");
        assertThat(http.requests()).contains("POST " + server.base() + "/" + tenant + "/oauth2/v2.0/token");
        String byDomain = credential(ServerProcess.DOMAIN, new JdkAzureHttpClient(tls))
                .getTokenSync(new TokenRequestContext().addScopes(GRAPH))
                .getToken();
        assertThat(claims(byDomain).path("tid").asString()).isEqualTo(tenant);

        GraphServiceClient graph = new GraphServiceClient(new BaseGraphRequestAdapter(
                new AzureIdentityAuthenticationProvider(credential, new String[] {"localhost"}, GRAPH),
                server.base() + "/v1.0",
                trusting()));
        SubscribedSku e3 = graph.subscribedSkus().get().getValue().stream()
                .filter(s -> s.getSkuPartNumber().equals("ENTERPRISEPACK"))
                .findFirst()
                .orElseThrow();
        String user = clients.user("azure.identity", "Operations", "US");
        AssignedLicense license = new AssignedLicense();
        license.setSkuId(e3.getSkuId());
        license.setDisabledPlans(List.of(plan(e3, "SWAY")));
        AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
        body.setAddLicenses(List.of(license));
        body.setRemoveLicenses(List.of());
        graph.users().byUserId(user).assignLicense().post(body);

        List<LicenseDetails> details =
                graph.users().byUserId(user).licenseDetails().get().getValue();
        assertThat(details).singleElement().satisfies(d -> assertThat(d.getSkuId())
                .isEqualTo(e3.getSkuId()));
        assertThat(http.requests())
                .as("with instance discovery off, Azure Identity asks the tenant's token endpoint and nothing else")
                .containsOnly("POST " + server.base() + "/" + tenant + "/oauth2/v2.0/token");
    }

    @Test
    void msalsConfidentialClientGetsTokensUnderTheTenantsIdDomainOrOrganizations() throws Exception {
        for (String segment : List.of(tenant, ServerProcess.DOMAIN, "organizations")) {
            IAuthenticationResult result = msal(segment)
                    .acquireToken(
                            ClientCredentialParameters.builder(Set.of(GRAPH)).build())
                    .get(30, TimeUnit.SECONDS);

            assertThat(claims(result.accessToken()).path("tid").asString())
                    .as(segment)
                    .isEqualTo(tenant);
            assertThat(result.expiresOnDate().toInstant())
                    .as("MSAL read the token's lifetime (an hour)")
                    .isAfter(java.time.Instant.now().plus(Duration.ofMinutes(55)));
            assertThat(server.api("GET", "/v1.0/organization", null, result.accessToken(), WAIT)
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void msalFindsTheTokenEndpointInTheTenantsOpenIdConfiguration() throws Exception {
        ConfidentialClientApplication app = ConfidentialClientApplication.builder(
                        ServerProcess.CLIENT_ID, ClientCredentialFactory.createFromSecret(ServerProcess.CLIENT_SECRET))
                .oidcAuthority(clients.publicUrl() + "/" + tenant + "/v2.0")
                .sslSocketFactory(tls.getSocketFactory())
                .build();

        IAuthenticationResult result = app.acquireToken(
                        ClientCredentialParameters.builder(Set.of(GRAPH)).build())
                .get(30, TimeUnit.SECONDS);

        assertThat(claims(result.accessToken()).path("iss").asString())
                .isEqualTo(clients.publicUrl() + "/" + tenant + "/v2.0");
    }

    @Test
    void msalReadsEntrasErrorsFromAllot() {
        assertThatThrownBy(() -> msal("nobody.example")
                        .acquireToken(ClientCredentialParameters.builder(Set.of(GRAPH))
                                .build())
                        .get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(MsalServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("invalid_request");
                    assertThat(e.getMessage()).contains("AADSTS90002");
                });
        assertThatThrownBy(() -> msal(tenant)
                        .acquireToken(ClientCredentialParameters.builder(Set.of("User.Read.All"))
                                .build())
                        .get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(MsalServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("invalid_scope");
                    assertThat(e.getMessage()).contains("AADSTS1002012");
                });
    }

    private ClientSecretCredential credential(String tenantSegment, JdkAzureHttpClient http) {
        return new ClientSecretCredentialBuilder()
                .authorityHost(server.base())
                .tenantId(tenantSegment)
                .clientId(ServerProcess.CLIENT_ID)
                .clientSecret(ServerProcess.CLIENT_SECRET)
                .disableInstanceDiscovery()
                .httpClient(http)
                .build();
    }

    private ConfidentialClientApplication msal(String tenantSegment) throws Exception {
        return ConfidentialClientApplication.builder(
                        ServerProcess.CLIENT_ID, ClientCredentialFactory.createFromSecret(ServerProcess.CLIENT_SECRET))
                .authority(server.base() + "/" + tenantSegment + "/")
                .instanceDiscovery(false)
                .sslSocketFactory(tls.getSocketFactory())
                .build();
    }

    private OkHttpClient trusting() {
        return GraphClientFactory.create()
                .sslSocketFactory(tls.getSocketFactory(), trust)
                .build();
    }

    private static UUID plan(SubscribedSku sku, String name) {
        return sku.getServicePlans().stream()
                .filter(p -> p.getServicePlanName().equals(name))
                .findFirst()
                .orElseThrow()
                .getServicePlanId();
    }
}
