package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.ldap.TestDirectory;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Directory sync through {@code /allot/v1/directorySync} against an in-memory LDAP directory (generic LDAP, Contoso's
 * people under contoso.com): the connector with its write-only password, connection tests, runs now or asked for,
 * blocked runs confirmed, errors of a run, bad input, roles and tenants.
 */
class DirectorySyncApiIT extends ApiIT {
    private static final String CONNECTOR = "/allot/v1/directorySync/connector";
    private static final String RUNS = "/allot/v1/directorySync/runs";
    private static final String PEOPLE = "ou=people," + TestDirectory.BASE;

    private final TestDirectory directory = TestDirectory.genericLdap();

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

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
    void syncNowBringsTheDirectorysPeopleOverAsSyncedUsers() {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(admin, directory);

        Response now = admin.post(RUNS + "?wait=true", "{\"full\":true}");

        assertThat(now.status()).as(now.body().toString()).isEqualTo(200);
        JsonNode run = now.body();
        assertThat(run.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("mode").asString()).isEqualTo("FULL");
        assertThat(run.path("trigger").asString()).isEqualTo("MANUAL");
        assertThat(run.path("added").asInt()).as("three people, two groups").isEqualTo(5);
        assertThat(run.path("errors").asInt()).isZero();
        assertThat(run.path("finishedDateTime").isMissingNode()).isFalse();
        JsonNode hedy = admin.get("/v1.0/users/hedy.lamarr@contoso.com"
                        + "?$select=displayName,department,onPremisesSyncEnabled,usageLocation")
                .body();
        assertThat(hedy.path("displayName").asString()).isEqualTo("Hedy Lamarr");
        assertThat(hedy.path("department").asString()).isEqualTo("Research");
        assertThat(hedy.path("onPremisesSyncEnabled").asBoolean()).isTrue();
        assertThat(hedy.path("usageLocation").isNull()).isTrue();
        assertThat(admin.get(
                                "/v1.0/users?$filter=onPremisesSyncEnabled%20eq%20true&$count=true",
                                Map.of("ConsistencyLevel", "eventual"))
                        .body()
                        .path("@odata.count")
                        .asInt())
                .isEqualTo(3);

        JsonNode listed = admin.get(RUNS).body().path("value");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asString()).isEqualTo(run.path("id").asString());
        assertThat(admin.get(RUNS + "/" + run.path("id").asString())
                        .body()
                        .path("added")
                        .asInt())
                .isEqualTo(5);
    }

    @Test
    void aRunAskedForIsRunByTheSchedulerAndItsErrorsAreListed() throws Exception {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(admin, directory);
        directory.add(
                "dn: uid=eve," + PEOPLE,
                "objectClass: top",
                "objectClass: person",
                "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson",
                "uid: eve",
                "cn: Eve Outsider",
                "sn: Outsider",
                "mail: eve outsider@fabrikam.com");

        Response asked = admin.post(RUNS, "{\"full\":true}");

        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);
        assertThat(asked.raw().headers().firstValue("Location")).hasValue("/allot/v1/directorySync/runs");
        assertThat(asked.body().path("requestedBy").asString()).isEqualTo("test Global Administrator");
        assertThat(asked.body().path("full").asBoolean()).isTrue();
        OffsetDateTime requested =
                OffsetDateTime.parse(asked.body().path("requestedDateTime").asString());
        assertThat(admin.get(CONNECTOR).body().path("requestedRun").path("full").asBoolean())
                .isTrue();
        JsonNode run = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> finishedRunSince(admin, requested), r -> r != null);

        assertThat(run.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("mode").asString()).isEqualTo("FULL");
        assertThat(run.path("requestedBy").asString()).isEqualTo("test Global Administrator");
        assertThat(run.path("errors").asInt()).isEqualTo(1);
        assertThat(admin.get(CONNECTOR).body().has("requestedRun")).isFalse();
        JsonNode errors = admin.get(RUNS + "/" + run.path("id").asString() + "/errors")
                .body()
                .path("value");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("objectType").asString()).isEqualTo("user");
        assertThat(errors.get(0).path("distinguishedName").asString()).isEqualToIgnoringCase("uid=eve," + PEOPLE);
        assertThat(errors.get(0).path("message").asString()).isEqualTo("Property userPrincipalName is invalid.");
    }

    @Test
    void aRunThatWouldDeleteMoreThanTheThresholdWaitsForAnAdministratorToConfirmIt() throws Exception {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(admin, directory);
        syncNow(admin);
        String frances = admin.get("/v1.0/users/frances.allen@contoso.com")
                .body()
                .path("id")
                .asString();
        assertThat(admin.patch("/allot/v1/settings", "{\"syncDeleteThreshold\":0}")
                        .status())
                .isEqualTo(200);
        directory.delete("uid=frances," + PEOPLE);

        JsonNode blocked = syncNow(admin);

        assertThat(blocked.path("state").asString()).isEqualTo("BLOCKED");
        assertThat(blocked.path("pendingDeletions").asInt()).isEqualTo(1);
        assertThat(blocked.path("deleted").asInt()).isZero();
        assertThat(blocked.path("message").asString()).contains("threshold of 0");
        String id = blocked.path("id").asString();
        JsonNode pending =
                admin.get(RUNS + "/" + id + "/pendingDeletions").body().path("value");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).path("objectType").asString()).isEqualTo("user");
        assertThat(pending.get(0).path("id").asString()).isEqualTo(frances);
        assertThat(pending.get(0).path("displayName").asString()).isEqualTo("frances.allen@contoso.com");
        assertThat(admin.get("/v1.0/users/" + frances).status())
                .as("not deleted yet")
                .isEqualTo(200);
        assertThat(admin.get(RUNS).body().path("value").get(0).path("state").asString())
                .isEqualTo("BLOCKED");

        assertGraphError(as(admin, Role.GLOBAL_READER).post(RUNS + "/" + id + "/confirm", null), 403, "reader");
        Response confirmed = admin.post(RUNS + "/" + id + "/confirm", null);

        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(confirmed.body().path("state").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.body().path("deleted").asInt()).isEqualTo(1);
        assertThat(confirmed.body().path("message").asString()).contains("test Global Administrator");
        assertThat(admin.get("/v1.0/users/" + frances).status()).isEqualTo(404);
        assertThat(admin.get("/v1.0/directory/deletedItems/" + frances).status())
                .isEqualTo(200);
        Response twice = admin.post(RUNS + "/" + id + "/confirm", null);
        assertGraphError(twice, 409, "confirmed twice");
        assertThat(twice.errorMessage()).contains("CONFIRMED");
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
                admin.send("PUT", CONNECTOR, good.replace("{", "{\"mapping\":{\"usageLocation\":\"c\"},"), Map.of());
        assertGraphError(badMapping, 400, "usage location is cloud-managed");
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
    void readersSeeTheConnectorAndRunsButOnlyGlobalAdministratorsChangeThem() {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(admin, directory);
        String run = syncNow(admin).path("id").asString();

        for (Role role : List.of(Role.GLOBAL_READER, Role.USER_ADMINISTRATOR, Role.LICENSE_ADMINISTRATOR)) {
            ApiClient other = as(admin, role);
            assertThat(other.get(CONNECTOR).status()).as(role + " reads").isEqualTo(200);
            assertThat(other.get(RUNS).body().path("value")).as(role + " reads").hasSize(1);
            assertThat(other.get(RUNS + "/" + run + "/errors").status()).isEqualTo(200);
            assertGraphError(
                    other.send("PUT", CONNECTOR, connectorBody(directory.url(), null), Map.of()), 403, role + " saves");
            assertGraphError(other.post(CONNECTOR + "/testConnection", null), 403, role + " tests");
            assertGraphError(other.post(RUNS, null), 403, role + " asks for a run");
            assertGraphError(other.post(RUNS + "?wait=true", null), 403, role + " runs");
            assertGraphError(other.post(RUNS + "/" + run + "/confirm", null), 403, role + " confirms");
        }
        assertThat(admin.get(RUNS).body().path("value")).as("nothing ran").hasSize(1);
        assertThat(admin.get(CONNECTOR).body().has("requestedRun")).isFalse();
    }

    @Test
    void anotherTenantsConnectorAndRunsAreNotFound() {
        ApiClient contoso = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        ApiClient fabrikam = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(contoso, directory);
        String run = syncNow(contoso).path("id").asString();

        assertGraphError(fabrikam.get(CONNECTOR), 404, "connector");
        assertThat(fabrikam.get(RUNS).body().path("value")).isEmpty();
        assertGraphError(fabrikam.get(RUNS + "/" + run), 404, "run");
        assertGraphError(fabrikam.get(RUNS + "/" + run + "/errors"), 404, "errors");
        assertGraphError(fabrikam.get(RUNS + "/" + run + "/pendingDeletions"), 404, "pending deletions");
        assertGraphError(fabrikam.post(RUNS + "/" + run + "/confirm", null), 404, "confirm");
        assertThat(fabrikam.get("/v1.0/users/hedy.lamarr@contoso.com").status()).isEqualTo(404);
    }

    private static JsonNode testConnection(ApiClient admin, String body) {
        Response test = admin.post(CONNECTOR + "/testConnection", body);
        assertThat(test.status()).as(String.valueOf(test.body())).isEqualTo(200);
        return test.body();
    }

    /** The first run that started at or after the request and has ended; null while there is none. */
    private static JsonNode finishedRunSince(ApiClient admin, OffsetDateTime requested) {
        for (JsonNode run : admin.get(RUNS).body().path("value")) {
            if (!OffsetDateTime.parse(run.path("startedDateTime").asString()).isBefore(requested)
                    && !run.path("state").asString().equals("RUNNING")) {
                return run;
            }
        }
        return null;
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

    private static void assertGraphError(Response r, int status, String what) {
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(status);
        assertThat(r.body().path("error").path("code").asString()).as(what).isNotBlank();
        assertThat(r.body().path("error").path("message").asString()).as(what).isNotBlank();
        assertThat(r.raw().headers().firstValue("request-id")).as(what).isPresent();
    }
}
