package org.allot.server;

import static org.allot.server.ClientTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.server.testing.NodeScripts;
import org.allot.server.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Graph JavaScript client (npm), used as its documentation says, by Node.js scripts an automation engineer would
 * write, against the server run as the README runs it (HTTPS with the certificate it generated, trusted through
 * {@code NODE_EXTRA_CA_CERTS}): licensing a department in JSON batches, and a domain's life. The token libraries
 * and the Graph Java SDK are {@link GraphClientsIT}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphJavaScriptClientIT {
    private static final Duration WAIT = ClientTestServer.WAIT;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;

    private ClientTestServer clients;
    private ServerProcess server;
    private String tenant;

    @BeforeAll
    void start() throws InterruptedException {
        clients = ClientTestServer.start(data);
        server = clients.process();
        tenant = clients.tenant();
    }

    @AfterAll
    void stop() throws InterruptedException {
        clients.close();
    }

    @Test
    void theGraphJavaScriptClientLicensesADepartmentWithTwoPlansOffAndReportsWhatFailed() throws Exception {
        NodeScripts scripts = NodeScripts.install("graph-client");
        List<String> sales = new ArrayList<>();
        // 24 members: two JSON batches of the script's 20 requests each way
        for (int i = 0; i < 23; i++) {
            sales.add(clients.user("sales" + i, "Sales", "US"));
        }
        clients.user("sales.synced", "Sales", null);
        String marketing = clients.user("marketing", "Marketing", "US");
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

    /**
     * What a Graph JavaScript client script is given: the server's certificate to trust, its public URL, the tenant and
     * the app's credentials, and the script's own variables.
     */
    private Map<String, String> scriptEnvironment(Map<String, String> own) {
        Map<String, String> environment = new HashMap<>(own);
        environment.put(
                "NODE_EXTRA_CA_CERTS", server.certificateFile().toAbsolutePath().toString());
        environment.put("ALLOT_URL", clients.publicUrl());
        environment.put("ALLOT_TENANT", tenant);
        environment.put("CLIENT_ID", ServerProcess.CLIENT_ID);
        environment.put("CLIENT_SECRET", ServerProcess.CLIENT_SECRET);
        return environment;
    }
}
