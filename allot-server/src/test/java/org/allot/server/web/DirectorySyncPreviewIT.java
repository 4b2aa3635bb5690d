package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A preview of a connector change ({@code POST /allot/v1/directorySync/connector/preview}) and staging mode through
 * the API, against an in-memory LDAP directory: dry runs that list what they would do and apply nothing.
 */
class DirectorySyncPreviewIT extends DirectorySyncApi {
    private static final String UNIQUE_MEMBER = """
            {"preset":"genericLdap","url":"%s","bindDn":"%s","baseDns":["DC=contoso,DC=com"],"enabled":false,
             "mapping":{"group.member":"uniqueMember"}}""";

    @Test
    void aPreviewOfAMemberAttributeTheGroupsLackListsTheLicensesItWouldTakeAndAppliesNothing() {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(admin, directory);
        syncNow(admin);
        licenseResearch(admin);
        String saved = admin.get(CONNECTOR).body().toString();

        Response preview = admin.post(
                CONNECTOR + "/preview",
                UNIQUE_MEMBER.formatted(directory.url(), org.allot.server.ldap.TestDirectory.BIND_DN));

        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        JsonNode run = preview.body();
        assertThat(run.path("state").asString()).isEqualTo("PREVIEW");
        assertThat(run.path("mode").asString())
                .as("new settings: the next run reads everything")
                .isEqualTo("FULL");
        assertThat(run.path("pendingRemovals").asInt())
                .as("research's two members, and everyone's: frances and the research group")
                .isEqualTo(4);
        assertThat(run.path("usersLosingLicenses").asInt()).isEqualTo(2);
        assertThat(run.path("pendingDeletions").asInt()).isZero();
        assertThat(run.path("message").asString()).contains("nothing was applied");
        String id = run.path("id").asString();
        assertThat(admin.get(RUNS + "/" + id + "/licenseLosses").body().path("value"))
                .extracting(l -> l.path("userPrincipalName").asString() + " "
                        + l.path("cause").asString())
                .containsExactly(
                        "barbara.liskov@contoso.com leaves research", "hedy.lamarr@contoso.com leaves research");
        assertThat(admin.get(RUNS + "/" + id + "/pendingRemovals").body().path("value"))
                .extracting(r -> r.path("groupDisplayName").asString() + " "
                        + r.path("memberName").asString())
                .containsExactly(
                        "everyone frances.allen@contoso.com",
                        "everyone research",
                        "research barbara.liskov@contoso.com",
                        "research hedy.lamarr@contoso.com");
        assertThat(admin.get(RUNS + "/" + id + "/plannedChanges").body().path("value"))
                .isEmpty();
        assertThat(admin.get("/v1.0/users/barbara.liskov@contoso.com/licenseDetails")
                        .body()
                        .path("value"))
                .as("still licensed")
                .hasSize(1);
        assertThat(admin.get(CONNECTOR).body().toString())
                .as("the connector is not saved")
                .isEqualTo(saved);
        assertThat(admin.post(RUNS + "/" + id + "/confirm", null).status()).isEqualTo(409);
        assertThat(syncNow(admin).path("state").asString())
                .as("the saved connector's next run keeps everyone")
                .isEqualTo("SUCCEEDED");
        assertThat(admin.get("/v1.0/users/barbara.liskov@contoso.com/licenseDetails")
                        .body()
                        .path("value"))
                .hasSize(1);
    }

    @Test
    void aPreviewIsRefusedWithGraphsErrorForBadSettingsForAnotherServerWithoutItsPasswordAndForReaders() {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(admin, directory);

        assertGraphError(
                admin.post(CONNECTOR + "/preview", "{\"url\":\"ldap://x\",\"colour\":\"red\"}"), 400, "unknown");
        assertGraphError(admin.post(CONNECTOR + "/preview", "[]"), 400, "not an object");
        assertGraphError(
                admin.post(CONNECTOR + "/preview", connectorBody("ldap://elsewhere.example:389", null)),
                400,
                "the saved password sent elsewhere");
        for (Role role : List.of(Role.GLOBAL_READER, Role.LICENSE_ADMINISTRATOR)) {
            assertGraphError(
                    as(admin, role).post(CONNECTOR + "/preview", connectorBody(directory.url(), null)),
                    403,
                    role + " previews");
        }
        assertThat(admin.get(RUNS).body().path("value")).as("nothing ran").isEmpty();
    }

    @Test
    void aStagingConnectorsRunsListWhatTheyWouldDoAndTheFirstRunOutOfStagingApplies() {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        String staging = connectorBody(directory.url(), org.allot.server.ldap.TestDirectory.PASSWORD)
                .replace("\"enabled\":false", "\"enabled\":false,\"staging\":true");
        assertThat(admin.send("PUT", CONNECTOR, staging, Map.of())
                        .body()
                        .path("staging")
                        .asBoolean())
                .isTrue();

        JsonNode staged = syncNow(admin);

        assertThat(staged.path("state").asString()).isEqualTo("STAGED");
        assertThat(staged.path("added").asInt()).isEqualTo(5);
        assertThat(admin.get(RUNS + "/" + staged.path("id").asString() + "/plannedChanges?$top=2")
                        .body()
                        .path("value"))
                .hasSize(2)
                .allSatisfy(c -> {
                    assertThat(c.path("action").asString()).isEqualTo("add");
                    assertThat(c.path("objectType").asString()).isEqualTo("user");
                    assertThat(c.path("distinguishedName").asString()).endsWith("ou=people,DC=contoso,DC=com");
                });
        assertThat(admin.get("/v1.0/users/hedy.lamarr@contoso.com").status()).isEqualTo(404);

        connect(admin, directory);
        assertThat(admin.get(CONNECTOR).body().path("staging").asBoolean()).isFalse();
        JsonNode applied = syncNow(admin);

        assertThat(applied.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(applied.path("added").asInt()).isEqualTo(5);
        assertThat(admin.get("/v1.0/users/hedy.lamarr@contoso.com").status()).isEqualTo(200);
    }

    private void licenseResearch(ApiClient admin) {
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
        assertThat(admin.get("/v1.0/users/barbara.liskov@contoso.com/licenseDetails")
                        .body()
                        .path("value"))
                .hasSize(1);
    }
}
