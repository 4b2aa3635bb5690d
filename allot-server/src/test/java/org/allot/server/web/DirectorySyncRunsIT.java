package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.allot.server.ldap.TestDirectory;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Directory sync runs through {@code /allot/v1/directorySync/runs} against an in-memory LDAP directory (generic LDAP,
 * Contoso's people under contoso.com): runs now or asked for, errors of a run, blocked runs confirmed, roles and
 * tenants.
 */
class DirectorySyncRunsIT extends DirectorySyncApi {
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

        JsonNode blocked = fullSyncNow(admin);

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
    void aRunThatWouldTakeLicensesFromMoreUsersThanTheTenantAllowsIsHeldWithItsPreview() throws Exception {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(admin, directory);
        syncNow(admin);
        subscribe(admin, "ENTERPRISEPACK", 10);
        String research = null;
        for (JsonNode group : admin.get("/v1.0/groups").body().path("value")) {
            if (group.path("displayName").asString().equals("research")) {
                research = group.path("id").asString();
            }
        }
        assertThat(research).isNotNull();
        assertThat(admin.post(
                                "/v1.0/groups/" + research + "/assignLicense",
                                "{\"addLicenses\":[{\"skuId\":\""
                                        + product("ENTERPRISEPACK").skuId()
                                        + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}")
                        .status())
                .isIn(200, 202);
        JsonNode settings = admin.patch("/allot/v1/settings", "{\"syncLicenseLossThreshold\":0}")
                .body();
        assertThat(settings.path("syncLicenseLossThreshold").asInt()).isZero();
        assertThat(settings.path("syncDeleteThreshold").asInt()).isEqualTo(500);
        assertGraphError(admin.patch("/allot/v1/settings", "{\"syncLicenseLossThreshold\":-1}"), 400, "negative");
        directory.replace("cn=research,ou=groups," + TestDirectory.BASE, "member", "uid=hedy," + PEOPLE);

        JsonNode blocked = syncNow(admin);

        assertThat(blocked.path("state").asString()).isEqualTo("BLOCKED");
        assertThat(blocked.path("pendingDeletions").asInt()).isZero();
        assertThat(blocked.path("pendingRemovals").asInt()).isEqualTo(1);
        assertThat(blocked.path("usersLosingLicenses").asInt()).isEqualTo(1);
        assertThat(blocked.path("message").asString())
                .contains("1 user would lose a license, more than the tenant's threshold of 0 users");
        String id = blocked.path("id").asString();
        JsonNode removals =
                admin.get(RUNS + "/" + id + "/pendingRemovals").body().path("value");
        assertThat(removals).hasSize(1);
        assertThat(removals.get(0).path("groupDisplayName").asString()).isEqualTo("research");
        assertThat(removals.get(0).path("memberType").asString()).isEqualTo("user");
        assertThat(removals.get(0).path("memberName").asString()).isEqualTo("barbara.liskov@contoso.com");
        JsonNode losses = admin.get(RUNS + "/" + id + "/licenseLosses").body().path("value");
        assertThat(losses).hasSize(1);
        assertThat(losses.get(0).path("userPrincipalName").asString()).isEqualTo("barbara.liskov@contoso.com");
        assertThat(losses.get(0).path("skuPartNumber").asString()).isEqualTo("ENTERPRISEPACK");
        assertThat(losses.get(0).path("cause").asString()).isEqualTo("leaves research");
        assertThat(admin.get("/v1.0/users/barbara.liskov@contoso.com/licenseDetails")
                        .body()
                        .path("value"))
                .as("still licensed")
                .hasSize(1);
        assertGraphError(admin.get(RUNS + "/" + id + "/licenseLosses?$top=0"), 400, "top");

        Response confirmed = admin.post(RUNS + "/" + id + "/confirm", null);

        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(confirmed.body().path("state").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.body().path("message").asString()).endsWith("0 deleted, 1 membership removed.");
        assertThat(admin.get("/v1.0/users/barbara.liskov@contoso.com/licenseDetails")
                        .body()
                        .path("value"))
                .isEmpty();
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
}
