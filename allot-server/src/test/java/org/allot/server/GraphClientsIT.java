package org.allot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ClientCertificateCredentialBuilder;
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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.allot.server.testing.ClientCertificate;
import org.allot.server.testing.JdkAzureHttpClient;
import org.allot.server.testing.NodeScripts;
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
 * Token libraries and Graph clients nobody here wrote, used as their documentation says, against the server run as the
 * README runs it (HTTPS with the certificate it generated, which the clients trust as a file): Azure Identity's
 * {@code ClientSecretCredential} with Allot as its authority host and instance discovery off, feeding the Graph Java
 * SDK; MSAL4J's confidential client, with a secret and with a certificate (as is Azure Identity's
 * {@code ClientCertificateCredential}); client assertions checked as Entra checks them; and a Node.js script with the Graph JavaScript client that licenses a department in JSON batches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphClientsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GRAPH = "https://graph.microsoft.com/.default";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;

    private ServerProcess server;
    private String tenant;
    private X509TrustManager trust;
    private SSLContext tls;

    @BeforeAll
    void start() throws InterruptedException {
        server = ServerProcess.startHttps(data);
        trust = TestCertificates.trustManager(server.certificateFile());
        tls = TestCertificates.context(trust);
        tenant = ok(server.api("GET", "/v1.0/organization", null, WAIT))
                .path("value")
                .get(0)
                .path("id")
                .asString();
        ok(server.api("POST", "/allot/v1/subscriptions", "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"seats\":30}", WAIT));
        ok(server.api("POST", "/allot/v1/subscriptions", "{\"skuPartNumber\":\"EMS\",\"seats\":2}", WAIT));
    }

    @AfterAll
    void stop() throws InterruptedException {
        server.close();
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
        String user = user("azure.identity", "Operations", "US");
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
                .oidcAuthority(publicUrl() + "/" + tenant + "/v2.0")
                .sslSocketFactory(tls.getSocketFactory())
                .build();

        IAuthenticationResult result = app.acquireToken(
                        ClientCredentialParameters.builder(Set.of(GRAPH)).build())
                .get(30, TimeUnit.SECONDS);

        assertThat(claims(result.accessToken()).path("iss").asString()).isEqualTo(publicUrl() + "/" + tenant + "/v2.0");
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

    @Test
    void theGraphJavaScriptClientLicensesADepartmentWithTwoPlansOffAndReportsWhatFailed() throws Exception {
        NodeScripts scripts = NodeScripts.install("graph-client");
        List<String> sales = new ArrayList<>();
        // 24 members: two JSON batches of the script's 20 requests each way
        for (int i = 0; i < 23; i++) {
            sales.add(user("sales" + i, "Sales", "US"));
        }
        user("sales.synced", "Sales", null);
        String marketing = user("marketing", "Marketing", "US");
        String group =
                ok(server.api("POST", "/v1.0/groups", """
                        {"displayName":"Sales EMS","mailNickname":"sales-ems","mailEnabled":false,
                         "securityEnabled":true}""", WAIT)).path("id").asString();
        for (String member : sales.subList(0, 3)) {
            ok(server.api(
                    "POST",
                    "/v1.0/groups/" + group + "/members/$ref",
                    "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + member + "\"}",
                    WAIT));
        }
        JsonNode skus =
                ok(server.api("GET", "/v1.0/subscribedSkus", null, WAIT)).path("value");
        JsonNode e3 = sku(skus, "ENTERPRISEPACK");
        String ems = sku(skus, "EMS").path("skuId").asString();
        ok(server.api(
                "POST",
                "/v1.0/groups/" + group + "/assignLicense",
                "{\"addLicenses\":[{\"skuId\":\"" + ems + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}",
                WAIT));

        // Links (@odata.nextLink) name the public URL, which is the machine's host name unless allot.public-url
        // says otherwise: the script's base URL and customHosts must name it, or the client sends no token to page 2.
        NodeScripts.Result run = scripts.run(
                "license-department.mjs",
                scriptEnvironment(Map.of(
                        "DEPARTMENT",
                        "Sales",
                        "SKU",
                        "ENTERPRISEPACK",
                        "DISABLED_PLANS",
                        "SWAY,MICROSOFTBOOKINGS",
                        "PAGE_SIZE",
                        "5")),
                Duration.ofSeconds(90));

        assertThat(run.exitCode()).as(run.errors()).isZero();
        JsonNode report = JSON.readTree(run.output());
        assertThat(report.path("members").asInt()).isEqualTo(24);
        assertThat(report.path("batches").asInt())
                .as("24 assignments and 24 reads, 20 to a batch")
                .isEqualTo(4);
        assertThat(report.path("statuses").path("200").asInt())
                .as("every read and every assignment but one")
                .isEqualTo(47);
        assertThat(report.path("statuses").path("400").asInt()).isEqualTo(1);
        assertThat(report.path("statuses").size()).isEqualTo(2);
        assertThat(report.path("licensed").asInt()).isEqualTo(23);
        assertThat(report.path("refused")).singleElement().satisfies(r -> {
            assertThat(r.path("userPrincipalName").asString()).startsWith("sales.synced@");
            assertThat(r.path("statusCode").asInt()).isEqualTo(400);
            assertThat(r.path("message").asString()).contains("usage location");
        });
        assertThat(report.path("failures")).singleElement().satisfies(f -> {
            assertThat(f.path("skuId").asString()).isEqualTo(ems);
            assertThat(f.path("assignedByGroup").asString()).isEqualTo(group);
            assertThat(f.path("error").asString()).isEqualTo("CountViolation");
        });
        Set<String> off = Set.of(
                plan(e3, "SWAY").toString(), plan(e3, "MICROSOFTBOOKINGS").toString());
        for (String member : sales) {
            JsonNode licenses = ok(server.api("GET", "/v1.0/users/" + member + "?$select=assignedLicenses", null, WAIT))
                    .path("assignedLicenses");
            JsonNode license = sku(licenses, e3.path("skuId").asString());
            Set<String> disabled = new HashSet<>();
            license.path("disabledPlans").forEach(p -> disabled.add(p.asString()));
            assertThat(disabled).as(member).isEqualTo(off);
        }
        assertThat(ok(server.api("GET", "/v1.0/users/" + marketing + "?$select=assignedLicenses", null, WAIT))
                        .path("assignedLicenses"))
                .as("another department")
                .isEmpty();
    }

    @Test
    void theGraphJavaScriptClientAddsADomainUsesItAndDeletesItOnceNoUserHoldsIt() throws Exception {
        NodeScripts scripts = NodeScripts.install("graph-client");

        NodeScripts.Result run = scripts.run(
                "domains.mjs", scriptEnvironment(Map.of("DOMAIN", "script.example.test")), Duration.ofSeconds(90));

        assertThat(run.exitCode()).as(run.errors()).isZero();
        JsonNode report = JSON.readTree(run.output());
        assertThat(report.path("before").get(0).path("id").asString()).isEqualTo(ServerProcess.DOMAIN);
        assertThat(report.path("before").get(0).path("isDefault").asBoolean()).isTrue();
        assertThat(report.path("added").path("isVerified").asBoolean()).isTrue();
        assertThat(report.path("added").path("isDefault").asBoolean()).isFalse();
        assertThat(report.path("verified").asBoolean()).isTrue();
        assertThat(report.path("duplicate").path("statusCode").asInt()).isEqualTo(400);
        assertThat(report.path("duplicate").path("code").asString()).isEqualTo("Request_BadRequest");
        assertThat(report.path("user").path("extensionAttribute1").asString()).isEqualTo("Onboarded by script");
        assertThat(report.path("user").path("extensionAttribute15").isNull()).isTrue();
        assertThat(report.path("user").path("onPremisesSyncEnabled").isNull()).isTrue();
        assertThat(report.path("inUse").path("statusCode").asInt()).isEqualTo(400);
        assertThat(report.path("inUse").path("code").asString()).isEqualTo("Request_BadRequest");
        assertThat(report.path("inUse").path("message").asString())
                .startsWith("Unable to delete the domain script.example.test");
        assertThat(report.path("gone").path("statusCode").asInt()).isEqualTo(404);
        assertThat(report.path("gone").path("code").asString()).isEqualTo("Request_ResourceNotFound");
        assertThat(report.path("after").toString()).doesNotContain("script.example.test");
    }

    /** The URL the server names in links and issuers (the machine's host name, by default). */
    private String publicUrl() {
        String issuer = claims(
                        ok(server.tokenRequest(WAIT)).path("access_token").asString())
                .path("iss")
                .asString();
        return issuer.substring(0, issuer.length() - ("/" + tenant + "/v2.0").length());
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

    private String user(String name, String department, String usageLocation) {
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

    private static UUID plan(SubscribedSku sku, String name) {
        return sku.getServicePlans().stream()
                .filter(p -> p.getServicePlanName().equals(name))
                .findFirst()
                .orElseThrow()
                .getServicePlanId();
    }

    private static UUID plan(JsonNode sku, String name) {
        for (JsonNode plan : sku.path("servicePlans")) {
            if (plan.path("servicePlanName").asString().equals(name)) {
                return UUID.fromString(plan.path("servicePlanId").asString());
            }
        }
        throw new AssertionError("no plan " + name);
    }

    /** The entry of a list of SKUs or licenses with this part number or SKU id. */
    private static JsonNode sku(JsonNode list, String partNumberOrId) {
        for (JsonNode sku : list) {
            if (sku.path("skuPartNumber").asString().equals(partNumberOrId)
                    || sku.path("skuId").asString().equals(partNumberOrId)) {
                return sku;
            }
        }
        throw new AssertionError("no " + partNumberOrId + " in " + list);
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static JsonNode ok(ServerProcess.Answer answer) {
        if (!answer.ok()) {
            throw new AssertionError("refused: " + answer.status() + " " + answer.body());
        }
        return answer.body().isBlank() ? JSON.createObjectNode() : answer.json();
    }

    /**
     * What a Graph JavaScript client script is given: the server's certificate to trust, its public URL, the tenant and
     * the app's credentials, and the script's own variables.
     */
    private Map<String, String> scriptEnvironment(Map<String, String> own) {
        Map<String, String> environment = new HashMap<>(own);
        environment.put(
                "NODE_EXTRA_CA_CERTS", server.certificateFile().toAbsolutePath().toString());
        environment.put("ALLOT_URL", publicUrl());
        environment.put("ALLOT_TENANT", tenant);
        environment.put("CLIENT_ID", ServerProcess.CLIENT_ID);
        environment.put("CLIENT_SECRET", ServerProcess.CLIENT_SECRET);
        return environment;
    }
}
