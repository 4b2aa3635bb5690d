package org.allot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.server.testing.BalancerClient;
import org.allot.server.testing.BulkDirectory;
import org.allot.server.testing.JdkAzureHttpClient;
import org.allot.server.testing.Nginx;
import org.allot.server.testing.ServerProcess;
import org.allot.server.testing.TestCertificates;
import org.allot.server.testing.TestDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three Allot nodes on one PostgreSQL behind nginx, as docs/scale-out.md sets them up: nginx ends TLS and passes the
 * requests round-robin (its {@code X-Upstream} header names the node that answered). An administrator signs in and
 * works through the balancer while the requests land on every node; the API's rate limit holds across them; a deleted
 * app is refused by every node within the promised 5 seconds, and so is a rotated signing key used; the Graph Java SDK
 * licenses through the balancer; and the
 * node running a large group's fan-out is killed in the middle of it, the others finishing the job with the right
 * seat counts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {
    private static final String GRAPH = "https://graph.microsoft.com/.default";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WORKER =
            Pattern.compile("Background licensing: \\d+ worker\\(s\\) as ([0-9a-f-]{36})");
    /** The installation's limit: 60 requests per app per 20 seconds, 20 on each of the three nodes. */
    private static final int LIMIT = 60;

    private static final int MEMBERS = 6_000;

    @TempDir
    static Path data;

    private static final List<ServerProcess> nodes = new ArrayList<>();
    private static Nginx balancer;
    private static JdbcClient database;
    private static SSLContext tls;
    private static X509TrustManager trust;
    private static BalancerClient api;

    @BeforeAll
    static void start() throws Exception {
        Nginx.binary();
        String url = TestDatabase.newDatabase();
        database = JdbcClient.create(TestDatabase.pool(url, 4));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        int port = Nginx.freePort();
        String[] settings = {
            "--allot.database.url=" + url,
            "--allot.database.username=postgres",
            "--allot.database.pool-size=8",
            "--allot.secrets.key=" + Base64.getEncoder().encodeToString(key),
            "--server.address=127.0.0.1",
            "--allot.public-url=https://localhost:" + port,
            "--allot.trusted-proxies=127.0.0.1",
            "--allot.cluster.nodes=3",
            "--allot.api.rate-limit=" + LIMIT,
            "--allot.api.rate-period=20s",
            "--allot.processing.chunk-size=100",
            "--allot.processing.lease=3s",
            "--allot.processing.poll-interval=200ms"
        };
        // the first node makes the tenant, its administrator and its first app; the others find them
        nodes.add(ServerProcess.start(data.resolve("a"), settings));
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<ServerProcess> b = starting.submit(() -> ServerProcess.start(data.resolve("b"), settings));
            Future<ServerProcess> c = starting.submit(() -> ServerProcess.start(data.resolve("c"), settings));
            nodes.add(b.get());
            nodes.add(c.get());
        } finally {
            starting.shutdown();
        }
        balancer = Nginx.start(
                data.resolve("nginx"),
                port,
                nodes.stream().map(ServerProcess::port).toList());
        trust = TestCertificates.trustManager(balancer.certificate());
        tls = TestCertificates.context(trust);
        api = new BalancerClient(balancer.base(), tls);
    }

    @AfterAll
    static void stop() throws Exception {
        if (balancer != null) {
            balancer.close();
        }
        for (ServerProcess node : nodes) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void anAdministratorSignedInThroughTheBalancerStaysSignedInOnEveryNode() {
        BalancerClient.Browser browser = api.browser();
        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> signedIn = browser.post(
                "/login",
                Map.of(
                        "username",
                        ServerProcess.ADMIN,
                        "password",
                        ServerProcess.ADMIN_PASSWORD,
                        "_csrf",
                        BalancerClient.csrf(login)));
        assertThat(BalancerClient.node(signedIn))
                .as("the form is posted to another node than the one that gave its CSRF token")
                .isNotEqualTo(BalancerClient.node(login));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        Set<String> served = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> home = browser.get("/");
            assertThat(home.statusCode())
                    .as("the dashboard on " + BalancerClient.node(home))
                    .isEqualTo(200);
            served.add(BalancerClient.node(home));
        }
        assertThat(served).as("nodes that served the signed-in administrator").hasSize(3);

        HttpResponse<String> form = browser.get("/groups/new");
        String name = "Across nodes " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = browser.post(
                "/groups",
                Map.of("displayName", name, "membershipType", "Assigned", "_csrf", BalancerClient.csrf(form)));
        assertThat(created.statusCode()).isEqualTo(302);
        HttpResponse<String> group =
                browser.get(created.headers().firstValue("Location").orElseThrow());
        assertThat(BalancerClient.node(group))
                .as("the message is shown by another node")
                .isNotEqualTo(BalancerClient.node(created));
        assertThat(group.statusCode()).isEqualTo(200);
        assertThat(group.body()).contains("Group " + name + " created.");

        HttpResponse<String> signedOut = browser.post("/logout", Map.of("_csrf", BalancerClient.csrf(group)));
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).contains("/login?signedOut");
        Set<String> refusing = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> home = browser.get("/");
            assertThat(home.statusCode())
                    .as("after signing out, on " + BalancerClient.node(home))
                    .isEqualTo(302);
            assertThat(home.headers().firstValue("Location").orElseThrow()).contains("/login");
            refusing.add(BalancerClient.node(home));
        }
        assertThat(refusing)
                .as("every node sends the signed-out administrator to the sign-in page")
                .hasSize(3);
        assertThat(balancer.accessLog())
                .as("nginx's log names the node of each request")
                .anySatisfy(line -> assertThat(line).startsWith("POST /login 302 127.0.0.1:"));
    }

    @Test
    @Order(2)
    void theRateLimitHoldsAcrossTheNodesAndADeletedAppIsRefusedByEveryNode() throws Exception {
        String admin = api.token(ServerProcess.CLIENT_ID, ServerProcess.CLIENT_SECRET);
        JsonNode app = JSON.readTree(
                api.send("POST", "/allot/v1/appRegistrations", admin, """
                        {"displayName":"Spread over the nodes","role":"Global Reader"}""").body());
        String appId = app.path("appId").asString();
        String token = api.token(appId, app.path("clientSecret").asString());

        int servedCount = 0;
        Set<String> servedBy = new HashSet<>();
        long start = System.nanoTime();
        for (int i = 0; i < 3 * LIMIT; i++) {
            HttpResponse<String> answer = api.send("GET", "/v1.0/organization", token, null);
            if (answer.statusCode() == 200) {
                servedCount++;
                servedBy.add(BalancerClient.node(answer));
            } else {
                assertThat(answer.statusCode()).isEqualTo(429);
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // the buckets refill at the limit's rate (60 per 20 s, 3 a second in all) while the requests are sent
        assertThat(servedCount)
                .as("requests served in %.1f s by three nodes with a limit of %d", seconds, LIMIT)
                .isLessThanOrEqualTo(LIMIT + (int) Math.ceil(3 * seconds) + 3)
                .isGreaterThan(2 * LIMIT / 3);
        assertThat(servedBy).hasSize(3);

        assertThat(api.send("DELETE", "/allot/v1/appRegistrations/" + appId, admin, null)
                        .statusCode())
                .isEqualTo(204);
        // every node refuses it once its remembered read of the app is stale (2 s); the bound is only a time-out
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Set<String> refusing = new HashSet<>();
                    for (int i = 0; i < 3; i++) {
                        HttpResponse<String> answer = api.send("GET", "/v1.0/organization", token, null);
                        if (answer.statusCode() != 401) {
                            return false;
                        }
                        refusing.add(BalancerClient.node(answer));
                    }
                    return refusing.size() == 3;
                });
    }

    @Test
    @Order(3)
    void aRotatedSigningKeySignsOnEveryNodeAndTokensOfTheOldKeyStayGood() throws Exception {
        String before = api.token(ServerProcess.CLIENT_ID, ServerProcess.CLIENT_SECRET);
        HttpResponse<String> rotated = api.send("POST", "/allot/v1/signingKeys", before, null);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        String kid = JSON.readTree(rotated.body()).path("kid").asString();
        assertThat(BalancerClient.keyId(before)).isNotEqualTo(kid);

        // every node signs with it once its remembered keys are stale (5 s); the bound is only a time-out
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Set<String> signing = new HashSet<>();
                    for (int i = 0; i < 3; i++) {
                        HttpResponse<String> issued =
                                api.tokenAnswer(ServerProcess.CLIENT_ID, ServerProcess.CLIENT_SECRET);
                        if (!kid.equals(BalancerClient.keyId(JSON.readTree(issued.body())
                                .path("access_token")
                                .asString()))) {
                            return false;
                        }
                        signing.add(BalancerClient.node(issued));
                    }
                    return signing.size() == 3;
                });
        Set<String> accepting = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = api.send("GET", "/v1.0/organization", before, null);
            assertThat(answer.statusCode())
                    .as("a token of the replaced key on " + BalancerClient.node(answer))
                    .isEqualTo(200);
            accepting.add(BalancerClient.node(answer));
        }
        assertThat(accepting).hasSize(3);
    }

    @Test
    @Order(4)
    void theGraphSdkLicensesThroughTheBalancerAndTheOthersFinishAFanOutWhoseNodeWasKilled() throws Exception {
        ClientSecretCredential credential = new ClientSecretCredentialBuilder()
                .authorityHost(balancer.base())
                .tenantId(ServerProcess.DOMAIN)
                .clientId(ServerProcess.CLIENT_ID)
                .clientSecret(ServerProcess.CLIENT_SECRET)
                .disableInstanceDiscovery()
                .httpClient(new JdkAzureHttpClient(tls))
                .build();
        GraphServiceClient graph = new GraphServiceClient(new BaseGraphRequestAdapter(
                new AzureIdentityAuthenticationProvider(credential, new String[] {"localhost"}, GRAPH),
                balancer.base() + "/v1.0",
                GraphClientFactory.create()
                        .sslSocketFactory(tls.getSocketFactory(), trust)
                        .build()));
        String admin = api.token(ServerProcess.CLIENT_ID, ServerProcess.CLIENT_SECRET);
        assertThat(api.send("POST", "/allot/v1/subscriptions", admin, """
                        {"skuPartNumber":"ENTERPRISEPACK","seats":%d}""".formatted(MEMBERS + 10))
                        .statusCode())
                .isEqualTo(201);
        TenantId tenant = new TenantId(
                UUID.fromString(graph.organization().get().getValue().get(0).getId()));
        SubscribedSku e3 = graph.subscribedSkus().get().getValue().stream()
                .filter(s -> s.getSkuPartNumber().equals("ENTERPRISEPACK"))
                .findFirst()
                .orElseThrow();

        Group wanted = new Group();
        wanted.setDisplayName("Everyone at once");
        wanted.setMailEnabled(false);
        wanted.setMailNickname("everyone-at-once");
        wanted.setSecurityEnabled(true);
        GroupId group = new GroupId(UUID.fromString(graph.groups().post(wanted).getId()));
        BulkDirectory.addUsers(database, tenant, "fan", MEMBERS, "US");
        BulkDirectory.addMembers(database, tenant, group, "fan", MEMBERS);

        AssignedLicense license = new AssignedLicense();
        license.setSkuId(e3.getSkuId());
        var body = new com.microsoft.graph.groups.item.assignlicense.AssignLicensePostRequestBody();
        body.setAddLicenses(List.of(license));
        body.setRemoveLicenses(List.of());
        graph.groups().byGroupId(group.toString()).assignLicense().post(body);

        // the node whose worker holds the job once it has done some chunks is killed, without a chance to clean up
        ServerProcess running = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> holder(tenant, group), h -> h != null);
        int doneBeforeKill = processed(tenant, group);
        running.process().kill();
        assertThat(state(tenant, group))
                .as(
                        "the job was in the middle of its %d members when its node was killed (%d done)",
                        MEMBERS, doneBeforeKill)
                .isEqualTo("RUNNING");
        assertThat(doneBeforeKill).isLessThan(MEMBERS);

        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "DONE".equals(state(tenant, group)));
        assertThat(database.sql("""
                        select count(distinct user_id) from license_assignment
                        where tenant_id = ? and sku_id = ? and state = 'Active'""")
                        .param(tenant.value())
                        .param(e3.getSkuId())
                        .query(Integer.class)
                        .single())
                .as("members licensed, each once")
                .isEqualTo(MEMBERS);
        assertThat(database.sql("select consumed from seat_count where tenant_id = ? and sku_id = ?")
                        .param(tenant.value())
                        .param(e3.getSkuId())
                        .query(Integer.class)
                        .single())
                .as("seats consumed")
                .isEqualTo(MEMBERS);
        SubscribedSku after = graph.subscribedSkus().get().getValue().stream()
                .filter(s -> s.getSkuPartNumber().equals("ENTERPRISEPACK"))
                .findFirst()
                .orElseThrow();
        assertThat(after.getConsumedUnits())
                .as("the seats as the SDK reads them through the balancer")
                .isEqualTo(MEMBERS);
    }

    /** The node whose background worker holds the group's job after its first chunks, or null. */
    private static ServerProcess holder(TenantId tenant, GroupId group) {
        List<Map<String, Object>> rows = database.sql("""
                        select lease_owner, processed from license_job
                        where tenant_id = ? and target_id = ? and state = 'RUNNING' and lease_owner is not null""")
                .param(tenant.value())
                .param(group.value())
                .query()
                .listOfRows();
        if (rows.isEmpty() || ((Number) rows.get(0).get("processed")).intValue() < 300) {
            return null;
        }
        String owner = rows.get(0).get("lease_owner").toString();
        for (ServerProcess node : nodes) {
            Matcher m = WORKER.matcher(node.output());
            if (m.find() && m.group(1).equals(owner)) {
                return node;
            }
        }
        throw new AssertionError("no node runs worker " + owner);
    }

    private static int processed(TenantId tenant, GroupId group) {
        return database.sql("select processed from license_job where tenant_id = ? and target_id = ?")
                .param(tenant.value())
                .param(group.value())
                .query(Integer.class)
                .single();
    }

    private static String state(TenantId tenant, GroupId group) {
        return database.sql("select state from license_job where tenant_id = ? and target_id = ?")
                .param(tenant.value())
                .param(group.value())
                .query(String.class)
                .single();
    }
}
