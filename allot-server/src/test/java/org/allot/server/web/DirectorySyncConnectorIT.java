package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.ldap.TestDirectory;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The directory sync connector through {@code /allot/v1/directorySync/connector} against an in-memory LDAP directory
 * (generic LDAP, Contoso's people under contoso.com): saved with its write-only password, connection tests step by
 * step, the saved password sent to the saved target only, and bad input refused.
 */
class DirectorySyncConnectorIT extends DirectorySyncApi {
    @Test
    void theConnectorIsSavedAndItsPasswordNeverComesBack() {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        assertGraphError(admin.get(CONNECTOR), 404, "no connector yet");

        Response saved = admin.send("PUT", CONNECTOR, connectorBody(directory.url(), TestDirectory.PASSWORD), Map.of());

        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        JsonNode connector = admin.get(CONNECTOR).body();
        assertThat(connector.path("preset").asString()).isEqualTo("genericLdap");
        assertThat(connector.path("url").asString()).isEqualTo(directory.url());
        assertThat(connector.path("bindDn").asString()).isEqualTo(TestDirectory.BIND_DN);
        assertThat(connector.path("passwordSet").asBoolean()).isTrue();
        assertThat(connector.has("password")).isFalse();
        assertThat(connector.path("userFilter").asString()).isEqualTo("(objectClass=inetOrgPerson)");
        assertThat(connector.path("enabled").asBoolean()).isFalse();
        assertThat(saved.raw().body()).doesNotContain(TestDirectory.PASSWORD);
        assertThat(admin.get(CONNECTOR).raw().body()).doesNotContain(TestDirectory.PASSWORD);
        assertThat(admin.get("/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20"
                                + "'Set%20directory%20synchronization%20connector'")
                        .raw()
                        .body())
                .contains("(changed)")
                .doesNotContain(TestDirectory.PASSWORD);

        Response again = admin.send("PUT", CONNECTOR, connectorBody(directory.url(), null), Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("passwordSet").asBoolean())
                .as("no password sent: the stored one stays")
                .isTrue();
        assertThat(testConnection(admin, null).path("succeeded").asBoolean()).isTrue();
    }

    @Test
    void aConnectionTestGoesStepByStepAndSaysWhichFailedAndWhy() throws Exception {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(admin, directory);

        JsonNode stored = testConnection(admin, null);
        assertThat(stored.path("succeeded").asBoolean()).isTrue();
        assertThat(steps(stored))
                .containsExactly("DNS", "CONNECT", "TLS", "BIND", "BASE_DN", "USER_FILTER", "GROUP_FILTER");
        assertThat(stored.path("steps").get(3).path("detail").asString())
                .isEqualTo("bound as " + TestDirectory.BIND_DN);

        JsonNode wrongPassword = testConnection(admin, connectorBody(directory.url(), "not the password"));
        assertThat(wrongPassword.path("succeeded").asBoolean()).isFalse();
        assertThat(steps(wrongPassword)).containsExactly("DNS", "CONNECT", "TLS", "BIND");
        JsonNode bind = wrongPassword.path("steps").get(3);
        assertThat(bind.path("passed").asBoolean()).isFalse();
        assertThat(bind.path("detail").asString())
                .startsWith("the directory refused the bind as " + TestDirectory.BIND_DN);

        String closed = "ldap://localhost:" + closedPort();
        JsonNode unreachable = testConnection(admin, connectorBody(closed, "the password typed again"));
        assertThat(steps(unreachable)).containsExactly("DNS", "CONNECT");
        assertThat(unreachable.path("steps").get(1).path("detail").asString())
                .startsWith("nothing accepts connections on localhost:");

        assertThat(admin.get(CONNECTOR).body().path("url").asString())
                .as("testing settings does not save them")
                .isEqualTo(directory.url());
        assertThat(testConnection(admin, null).path("succeeded").asBoolean()).isTrue();
    }

    @Test
    void theSavedPasswordIsOnlySentToTheSavedTargetAndEveryTestIsAudited() throws Exception {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(admin, directory);
        try (ServerSocket trap = new ServerSocket(0)) {
            trap.setSoTimeout(1_000);
            String elsewhere = "ldap://localhost:" + trap.getLocalPort();

            Response refused = admin.post(CONNECTOR + "/testConnection", connectorBody(elsewhere, null));

            assertGraphError(refused, 400, "another URL without the password");
            assertThat(refused.errorMessage())
                    .isEqualTo("Type the bind password to test " + elsewhere + " as " + TestDirectory.BIND_DN
                            + ": the saved password is only sent to the saved connector's URL and bind DN (with its"
                            + " StartTLS and trusted certificate).");
            assertThatThrownBy(trap::accept)
                    .as("nothing was sent there")
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
        String otherBindDn = connectorBody(directory.url(), null).replace(TestDirectory.BIND_DN, "cn=someone else");
        assertGraphError(admin.post(CONNECTOR + "/testConnection", otherBindDn), 400, "another bind DN");
        String plain = connectorBody(directory.url(), null).replace("\"url\"", "\"startTls\":true,\"url\"");
        assertGraphError(admin.post(CONNECTOR + "/testConnection", plain), 400, "another way of protecting it");
        String sameTarget = connectorBody(directory.url(), null)
                .replace("\"baseDns\":[\"DC=contoso,DC=com\"]", "\"baseDns\":[\"" + PEOPLE + "\"]");
        assertThat(testConnection(admin, sameTarget).path("succeeded").asBoolean())
                .as("the saved target with other base DNs: the saved password")
                .isTrue();
        assertThat(testConnection(admin, connectorBody("ldap://localhost:" + closedPort(), "typed again"))
                        .path("succeeded")
                        .asBoolean())
                .isFalse();
        assertThat(testConnection(admin, null).path("succeeded").asBoolean()).isTrue();

        Response audits = admin.get("/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20"
                + "'Test%20directory%20synchronization%20connection'");
        List<JsonNode> tests = new ArrayList<>();
        audits.body().path("value").forEach(tests::add);
        assertThat(tests).as("every test, refused ones too").hasSize(6);
        assertThat(tests.stream().map(t -> t.path("result").asString()))
                .containsExactlyInAnyOrder("failure", "failure", "failure", "success", "success", "success");
        assertThat(audits.raw().body())
                .contains("typed for the test", "the saved one", "failed at CONNECT: nothing accepts connections")
                .doesNotContain(TestDirectory.PASSWORD)
                .doesNotContain("typed again\"");
    }

    @Test
    void theDeletionCheckIntervalIsSavedShownAndChecked() {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        String good = connectorBody(directory.url(), TestDirectory.PASSWORD);
        assertThat(admin.send("PUT", CONNECTOR, good, Map.of()).body().has("deletionCheckMinutes"))
                .as("left out: only full runs look for deletions")
                .isFalse();

        Response every = admin.send("PUT", CONNECTOR, good.replace("{", "{\"deletionCheckMinutes\":60,"), Map.of());

        assertThat(every.status()).as(every.body().toString()).isEqualTo(200);
        assertThat(admin.get(CONNECTOR).body().path("deletionCheckMinutes").asInt())
                .isEqualTo(60);
        for (String bad : List.of("-1", "43201", "\"60\"", "1.5", "true", "null")) {
            Response refused =
                    admin.send("PUT", CONNECTOR, good.replace("{", "{\"deletionCheckMinutes\":" + bad + ","), Map.of());
            assertGraphError(refused, 400, "deletionCheckMinutes " + bad);
            assertThat(refused.errorMessage()).contains("deletionCheckMinutes");
        }
        assertThat(admin.get(CONNECTOR).body().path("deletionCheckMinutes").asInt())
                .as("nothing refused was saved")
                .isEqualTo(60);
        Response off = admin.send("PUT", CONNECTOR, good, Map.of());
        assertThat(off.status()).as("a PUT without it turns it off").isEqualTo(200);
        assertThat(admin.get(CONNECTOR).body().has("deletionCheckMinutes")).isFalse();
    }

    @Test
    void badInputIsRefusedWithGraphsErrorBodyAndChangesNothing() {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        String good = connectorBody(directory.url(), TestDirectory.PASSWORD);

        for (String body : List.of("{\"url\": ", "not json", "[1,2,3]", "\"text\"")) {
            assertGraphError(admin.send("PUT", CONNECTOR, body, Map.of()), 400, "malformed " + body);
        }
        Response unknown = admin.send("PUT", CONNECTOR, good.replace("{", "{\"colour\":\"blue\","), Map.of());
        assertGraphError(unknown, 400, "unknown property");
        assertThat(unknown.errorMessage())
                .isEqualTo("Property 'colour' does not exist on type 'allot.directorySyncConnector'.");
        Response wrongType =
                admin.send("PUT", CONNECTOR, good.replace("\"enabled\":false", "\"enabled\":\"no\""), Map.of());
        assertGraphError(wrongType, 400, "wrong type");
        assertThat(wrongType.errorMessage()).contains("'enabled'");
        Response readOnly = admin.send("PUT", CONNECTOR, good.replace("{", "{\"passwordSet\":true,"), Map.of());
        assertThat(readOnly.errorMessage()).isEqualTo("Property 'passwordSet' is read-only and cannot be set.");
        Response badUrl = admin.send("PUT", CONNECTOR, connectorBody("http://dc1.contoso.com", "x"), Map.of());
        assertGraphError(badUrl, 400, "bad url");
        assertThat(badUrl.errorMessage()).startsWith("url must be ldap://host[:port] or ldaps://host[:port]");
        Response noBase = admin.send("PUT", CONNECTOR, good.replace("\"DC=contoso,DC=com\"", ""), Map.of());
        assertThat(noBase.errorMessage()).startsWith("At least one base DN is needed");
        Response badFilter =
                admin.send("PUT", CONNECTOR, good.replace("{", "{\"userFilter\":\"(objectClass=person\","), Map.of());
        assertGraphError(badFilter, 400, "bad filter");
        Response badMapping =
                admin.send("PUT", CONNECTOR, good.replace("{", "{\"mapping\":{\"shoeSize\":\"c\"},"), Map.of());
        assertGraphError(badMapping, 400, "no such attribute to map");
        assertGraphError(
                admin.send("PUT", CONNECTOR, "{\"url\":\"" + "x".repeat(2_000_000) + "\"}", Map.of()), 413, "huge");
        assertGraphError(admin.get(CONNECTOR), 404, "nothing was saved");
        assertGraphError(admin.post(RUNS, "{}"), 404, "no connector to run");
        assertGraphError(admin.post(RUNS + "?wait=true", null), 404, "no connector to run now");

        connect(admin, directory);
        Response badRunBody = admin.post(RUNS, "{\"fast\":true}");
        assertGraphError(badRunBody, 400, "unknown run property");
        assertThat(badRunBody.errorMessage()).contains("'fast'");
        assertGraphError(admin.post(RUNS, "{\"full\":\"yes\"}"), 400, "full as text");
        assertGraphError(admin.post(RUNS + "?wait=maybe", null), 400, "wait as text");
        assertGraphError(admin.get(RUNS + "?$top=0"), 400, "top 0");
        assertGraphError(admin.get(RUNS + "?$top=many"), 400, "top as text");
        assertGraphError(admin.get(RUNS + "/not-a-run"), 404, "malformed id");
        assertGraphError(admin.get(RUNS + "/" + UUID.randomUUID() + "/errors"), 404, "unknown run");
        assertThat(admin.get(RUNS).body().path("value")).isEmpty();
        assertThat(admin.get(CONNECTOR).body().path("url").asString()).isEqualTo(directory.url());
    }

    @Test
    void anAttributeMappedTwiceOrAHostNoDnsCanHoldIsRefusedAndTheSavedConnectorStays() {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(admin, directory);
        String good = connectorBody(directory.url(), TestDirectory.PASSWORD);

        for (String mapping : List.of(
                "{\"department\":\"departmentNumber\",\"DEPARTMENT\":\"ou\"}",
                "{\"department\":\"departmentNumber\",\" department \":\"ou\"}",
                "{\"group.member\":\"member\",\"Group.Member\":\"uniqueMember\"}")) {
            for (String path : List.of(CONNECTOR, CONNECTOR + "/preview", CONNECTOR + "/testConnection")) {
                Response twice = admin.send(
                        path.equals(CONNECTOR) ? "PUT" : "POST",
                        path,
                        good.replace("{", "{\"mapping\":" + mapping + ","),
                        Map.of());
                assertGraphError(twice, 400, path + " " + mapping);
                assertThat(twice.errorMessage()).as(mapping).contains("twice");
            }
        }
        for (String host : List.of("h".repeat(10_000), "h".repeat(64) + ".contoso.com", "dc1..contoso.com")) {
            for (String path : List.of(CONNECTOR, CONNECTOR + "/preview", CONNECTOR + "/testConnection")) {
                Response tooLong = admin.send(
                        path.equals(CONNECTOR) ? "PUT" : "POST",
                        path,
                        connectorBody("ldap://" + host + ":389", TestDirectory.PASSWORD),
                        Map.of());
                assertGraphError(tooLong, 400, path + " host of " + host.length() + " characters");
                assertThat(tooLong.errorMessage()).startsWith("url must be ldap://host[:port]");
            }
        }

        JsonNode kept = admin.get(CONNECTOR).body();
        assertThat(kept.path("url").asString()).isEqualTo(directory.url());
        assertThat(kept.path("mapping").properties()).isEmpty();
        assertThat(admin.get(RUNS).body().path("value"))
                .as("no preview was made of a refused change")
                .isEmpty();
    }

    private static JsonNode testConnection(ApiClient admin, String body) {
        Response test = admin.post(CONNECTOR + "/testConnection", body);
        assertThat(test.status()).as(String.valueOf(test.body())).isEqualTo(200);
        return test.body();
    }

    private static List<String> steps(JsonNode report) {
        List<String> steps = new ArrayList<>();
        report.path("steps").forEach(s -> steps.add(s.path("step").asString()));
        for (int i = 0; i < steps.size() - 1; i++) {
            assertThat(report.path("steps").get(i).path("passed").asBoolean())
                    .as(steps.get(i))
                    .isTrue();
        }
        return steps;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
