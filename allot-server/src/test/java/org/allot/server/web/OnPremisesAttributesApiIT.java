package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.OnPremisesExtensionAttributes;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.allot.server.ldap.TestDirectory;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph's {@code onPremises…} properties through {@code /v1.0/users} and {@code /v1.0/groups}, after a sync from an
 * Active-Directory-shaped tree (the UnboundID in-memory server): returned on {@code $select} (on groups by default),
 * filterable where Graph filters them, null for cloud objects, read-only.
 */
class OnPremisesAttributesApiIT extends ApiIT {
    private static final String ENGINEERING = "OU=Engineering,OU=Staff,DC=contoso,DC=com";
    private static final String ADA = "CN=Ada Lovelace," + ENGINEERING;
    private static final String ADA_SID = "S-1-5-21-1004336348-1177238915-682003330-1105";
    private static final String SELECT = "$select=userPrincipalName,onPremisesDistinguishedName,onPremisesDomainName,"
            + "onPremisesSamAccountName,onPremisesLastSyncDateTime,onPremisesSecurityIdentifier,"
            + "onPremisesExtensionAttributes,onPremisesUserPrincipalName,onPremisesSyncEnabled";
    private static final Map<String, String> ADVANCED = Map.of("ConsistencyLevel", "eventual");

    private final TestDirectory directory = TestDirectory.activeDirectory();

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

    @Test
    void syncedObjectsShowGraphsOnPremisesPropertiesAndCloudOnesNulls() throws Exception {
        ApiClient admin = newTenant("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        directory.replaceBytes(
                ADA, "objectSid", HexFormat.of().parseHex("010500000000000515000000dcf4dc3b833d2b46828ba62851040000"));
        directory.replace(ADA, "extensionAttribute1", "Contractor");
        directory.replace(ADA, "extensionAttribute15", "cost-4711");
        String cloud = createUser(admin, "cloud");
        OffsetDateTime before =
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        Response saved = admin.send(
                "PUT",
                "/allot/v1/directorySync/connector",
                """
                {"preset":"activeDirectory","url":"%s","bindDn":"%s","password":"%s",
                 "baseDns":["%s","OU=Groups,DC=contoso,DC=com"],"enabled":false}""".formatted(directory.url(), TestDirectory.BIND_DN, TestDirectory.PASSWORD, ENGINEERING),
                Map.of());
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(syncNow(admin).path("state").asString()).isEqualTo("SUCCEEDED");

        JsonNode ada =
                admin.get("/v1.0/users/ada.lovelace@contoso.com?" + SELECT).body();
        assertThat(ada.path("onPremisesDistinguishedName").asString()).isEqualTo(ADA);
        assertThat(ada.path("onPremisesDomainName").asString()).isEqualTo("contoso.com");
        assertThat(ada.path("onPremisesSamAccountName").asString()).isEqualTo("ada");
        assertThat(ada.path("onPremisesSecurityIdentifier").asString()).isEqualTo(ADA_SID);
        assertThat(ada.path("onPremisesUserPrincipalName").asString()).isEqualTo("ada.lovelace@contoso.com");
        assertThat(OffsetDateTime.parse(ada.path("onPremisesLastSyncDateTime").asString()))
                .isAfter(before);
        JsonNode extensions = ada.path("onPremisesExtensionAttributes");
        assertThat(extensions.path("extensionAttribute1").asString()).isEqualTo("Contractor");
        assertThat(extensions.path("extensionAttribute15").asString()).isEqualTo("cost-4711");
        assertThat(extensions.path("extensionAttribute2").isNull()).isTrue();
        assertThat(admin.get("/v1.0/users/ada.lovelace@contoso.com").body().has("onPremisesDistinguishedName"))
                .as("returned only on $select, as Graph does")
                .isFalse();

        User typed = admin.graph()
                .users()
                .byUserId("ada.lovelace@contoso.com")
                .get(r -> r.queryParameters.select =
                        SELECT.substring("$select=".length()).split(","));
        assertThat(typed.getOnPremisesDistinguishedName())
                .as("the Graph SDK's typed model")
                .isEqualTo(ADA);
        assertThat(typed.getOnPremisesDomainName()).isEqualTo("contoso.com");
        assertThat(typed.getOnPremisesSamAccountName()).isEqualTo("ada");
        assertThat(typed.getOnPremisesSecurityIdentifier()).isEqualTo(ADA_SID);
        assertThat(typed.getOnPremisesSyncEnabled()).isTrue();
        assertThat(typed.getOnPremisesLastSyncDateTime()).isAfter(before);
        assertThat(typed.getOnPremisesExtensionAttributes().getExtensionAttribute1())
                .isEqualTo("Contractor");
        assertThat(typed.getOnPremisesExtensionAttributes().getExtensionAttribute2())
                .isNull();
        assertThat(typed.getOnPremisesExtensionAttributes().getExtensionAttribute15())
                .isEqualTo("cost-4711");
        assertThat(admin.graph()
                        .users()
                        .get(r -> {
                            r.queryParameters.filter = "onPremisesSecurityIdentifier eq '" + ADA_SID + "'";
                            r.queryParameters.select = new String[] {"id", "onPremisesSecurityIdentifier"};
                        })
                        .getValue())
                .extracting(User::getOnPremisesSecurityIdentifier)
                .containsExactly(ADA_SID);
        User renamed = new User();
        renamed.setDisplayName("Ada King");
        assertThatThrownBy(() -> admin.graph()
                        .users()
                        .byUserId("ada.lovelace@contoso.com")
                        .patch(renamed))
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(400);
                    assertThat(e.getError().getCode()).isEqualTo("Request_BadRequest");
                    assertThat(e.getError().getMessage())
                            .startsWith("Unable to update the specified properties for on-premises mastered Directory"
                                    + " Sync objects or objects currently undergoing migration.");
                });

        for (String synced : List.of(
                "{\"onPremisesImmutableId\":\"aGFyZC1tYXRjaA==\"}",
                "{\"onPremisesExtensionAttributes\":{\"extensionAttribute1\":\"Employee\"}}")) {
            Response refused = admin.patch("/v1.0/users/ada.lovelace@contoso.com", synced);
            assertThat(refused.status()).as(synced).isEqualTo(400);
            assertThat(refused.errorMessage())
                    .as(synced)
                    .startsWith("Unable to update the specified properties for on-premises mastered Directory Sync"
                            + " objects");
        }
        Response hardMatch = admin.patch("/v1.0/users/" + cloud, "{\"onPremisesImmutableId\":\"aGFyZC1tYXRjaA==\"}");
        assertThat(hardMatch.status())
                .as("settable on a cloud user, for a hard match")
                .isEqualTo(204);
        assertThat(admin.get("/v1.0/users/" + cloud + "?$select=onPremisesImmutableId")
                        .body()
                        .path("onPremisesImmutableId")
                        .asString())
                .isEqualTo("aGFyZC1tYXRjaA==");

        JsonNode cloudUser = admin.get("/v1.0/users/" + cloud + "?" + SELECT).body();
        for (String property : List.of(
                "onPremisesDistinguishedName",
                "onPremisesDomainName",
                "onPremisesSamAccountName",
                "onPremisesLastSyncDateTime",
                "onPremisesSecurityIdentifier",
                "onPremisesUserPrincipalName",
                "onPremisesSyncEnabled")) {
            assertThat(cloudUser.has(property)).as(property).isTrue();
            assertThat(cloudUser.path(property).isNull()).as(property).isTrue();
        }
        JsonNode cloudExtensions = cloudUser.path("onPremisesExtensionAttributes");
        assertThat(cloudExtensions.properties()).hasSize(15);
        for (int n = 1; n <= 15; n++) {
            assertThat(cloudExtensions.has("extensionAttribute" + n))
                    .as("extensionAttribute" + n)
                    .isTrue();
        }
        assertThat(cloudUser
                        .path("onPremisesExtensionAttributes")
                        .path("extensionAttribute7")
                        .isNull())
                .isTrue();

        JsonNode listed = admin.get("/v1.0/users?" + SELECT).body().path("value");
        List<String> domains = new ArrayList<>();
        listed.forEach(u -> domains.add(
                u.path("onPremisesDomainName").isNull()
                        ? "null"
                        : u.path("onPremisesDomainName").asString()));
        assertThat(domains).contains("contoso.com", "null");

        assertThat(names(admin.get(
                        "/v1.0/users?$count=true&$filter=" + q("onPremisesSamAccountName eq 'ada'"), ADVANCED)))
                .as("an advanced query in Graph")
                .containsExactly("ada.lovelace@contoso.com");
        assertThat(names(admin.get(
                        "/v1.0/users?$filter=" + q("onPremisesUserPrincipalName eq 'grace.hopper@contoso.com'"))))
                .containsExactly("grace.hopper@contoso.com");
        assertThat(names(admin.get("/v1.0/users?$filter=" + q("onPremisesLastSyncDateTime ge " + before))))
                .hasSize(3)
                .doesNotContain("cloud@contoso.com");
        assertThat(names(admin.get("/v1.0/users?$filter=" + q("onPremisesSecurityIdentifier eq null"))))
                .contains("cloud@contoso.com", "grace.hopper@contoso.com")
                .doesNotContain("ada.lovelace@contoso.com");
        assertThat(names(admin.get("/v1.0/users?$filter=" + q("onPremisesSecurityIdentifier eq '" + ADA_SID + "'"))))
                .as("Graph finds a user by its SID with eq and in, without an advanced query")
                .containsExactly("ada.lovelace@contoso.com");
        assertThat(names(admin.get("/v1.0/users?$filter="
                        + q("onPremisesSecurityIdentifier in ('S-1-5-21-0-0-0-500', '" + ADA_SID + "')"))))
                .containsExactly("ada.lovelace@contoso.com");
        Response bySidPrefix =
                admin.get("/v1.0/users?$filter=" + q("startsWith(onPremisesSecurityIdentifier,'S-1-5')"));
        assertThat(bySidPrefix.status()).isEqualTo(400);
        assertThat(bySidPrefix.body().path("error").path("code").asString()).isEqualTo("Request_UnsupportedQuery");
        assertThat(admin.get("/v1.0/groups?$filter=" + q("onPremisesSecurityIdentifier eq '" + ADA_SID + "'"))
                        .status())
                .isEqualTo(200);

        String contractors = q("onPremisesExtensionAttributes/extensionAttribute1 eq 'Contractor'");
        Response plain = admin.get("/v1.0/users?$filter=" + contractors);
        assertThat(plain.status()).as("an advanced query in Graph").isEqualTo(400);
        assertThat(plain.body().path("error").path("code").asString()).isEqualTo("Request_UnsupportedQuery");
        assertThat(names(admin.get("/v1.0/users?$count=true&$filter=" + contractors, ADVANCED)))
                .containsExactly("ada.lovelace@contoso.com");
        assertThat(names(admin.get(
                        "/v1.0/users?$count=true&$filter="
                                + q("onPremisesExtensionAttributes/extensionAttribute15 ne null"),
                        ADVANCED)))
                .containsExactly("ada.lovelace@contoso.com");

        JsonNode engineering = admin.get("/v1.0/groups?$filter=" + q("displayName eq 'Engineering'"))
                .body()
                .path("value")
                .get(0);
        assertThat(engineering.path("onPremisesSamAccountName").asString()).isEqualTo("Engineering");
        assertThat(engineering.path("onPremisesDomainName").asString()).isEqualTo("contoso.com");
        assertThat(OffsetDateTime.parse(
                        engineering.path("onPremisesLastSyncDateTime").asString()))
                .isAfter(before);
        assertThat(admin.get(
                                "/v1.0/groups?$count=true&$select=displayName,onPremisesSamAccountName&$filter="
                                        + q("onPremisesSamAccountName eq 'Engineering'"),
                                ADVANCED)
                        .body()
                        .path("value"))
                .hasSize(1);

        Response cloudGroup = admin.post(
                "/v1.0/groups",
                "{\"displayName\":\"Cloud\",\"mailEnabled\":false,\"mailNickname\":\"cloud\",\"securityEnabled\":true}");
        assertThat(cloudGroup.body().has("onPremisesSyncEnabled")).isTrue();
        assertThat(cloudGroup.body().path("onPremisesSyncEnabled").isNull())
                .as("null for a group never synced, as Graph says")
                .isTrue();
        assertThat(engineering.path("onPremisesSyncEnabled").asBoolean()).isTrue();
        for (JsonNode group : List.of(engineering, cloudGroup.body())) {
            assertThat(group.has("onPremisesNetBiosName"))
                    .as("returned by default, as Graph does")
                    .isTrue();
            assertThat(group.path("onPremisesNetBiosName").isNull()).isTrue();
            assertThat(group.path("onPremisesProvisioningErrors").isArray()).isTrue();
            assertThat(group.path("onPremisesProvisioningErrors")).isEmpty();
        }
        JsonNode errors = admin.get("/v1.0/users/ada.lovelace@contoso.com?$select=onPremisesProvisioningErrors")
                .body()
                .path("onPremisesProvisioningErrors");
        assertThat(errors.isArray()).as("selectable on users, as Graph's").isTrue();
        assertThat(errors).isEmpty();
        assertThat(admin.get("/v1.0/users/ada.lovelace@contoso.com").body().has("onPremisesProvisioningErrors"))
                .isFalse();
        assertThat(names(admin.get("/v1.0/users?$filter=" + q("onPremisesSyncEnabled eq null"))))
                .as("cloud users, whose onPremisesSyncEnabled is null")
                .containsExactly("cloud@contoso.com");
        assertThat(names(admin.get("/v1.0/users?$filter=" + q("onPremisesSyncEnabled eq false"))))
                .as("no user was synced and is no longer")
                .isEmpty();
        assertThat(names(admin.get("/v1.0/users?$count=true&$filter=" + q("onPremisesSyncEnabled ne true"), ADVANCED)))
                .containsExactly("cloud@contoso.com");
        assertThat(admin.get("/v1.0/groups?$filter=" + q("onPremisesSyncEnabled eq null"))
                        .body()
                        .path("value"))
                .extracting(g -> g.path("displayName").asString())
                .containsExactly("Cloud");

        Response written = admin.patch("/v1.0/users/" + cloud, "{\"onPremisesDistinguishedName\":\"CN=x\"}");
        assertThat(written.status()).isEqualTo(400);
        assertThat(written.body().path("error").path("message").asString()).contains("onPremisesDistinguishedName");
    }

    @Test
    void cloudUsersTakeExtensionAttributesFromTheGraphSdkAndFromAnnotatedBodies() {
        ApiClient admin = newTenant("contoso.com", Role.USER_ADMINISTRATOR);
        String cloud = createUser(admin, "cloud");
        OnPremisesExtensionAttributes attributes = new OnPremisesExtensionAttributes();
        attributes.setExtensionAttribute1("Contractor");
        attributes.setExtensionAttribute12("cost-4711");
        User change = new User();
        change.setOnPremisesExtensionAttributes(attributes);

        admin.graph().users().byUserId(cloud).patch(change);
        Response annotated = admin.patch("/v1.0/users/" + cloud, """
                {"onPremisesExtensionAttributes":{"@odata.type":"#microsoft.graph.onPremisesExtensionAttributes",
                 "extensionAttribute2":"Berlin"}}""");

        assertThat(annotated.status()).as(String.valueOf(annotated.body())).isEqualTo(204);
        OnPremisesExtensionAttributes read = admin.graph()
                .users()
                .byUserId(cloud)
                .get(r -> r.queryParameters.select = new String[] {"onPremisesExtensionAttributes"})
                .getOnPremisesExtensionAttributes();
        assertThat(read.getExtensionAttribute1()).isEqualTo("Contractor");
        assertThat(read.getExtensionAttribute2()).as("the others are kept").isEqualTo("Berlin");
        assertThat(read.getExtensionAttribute12()).isEqualTo("cost-4711");
        assertThat(read.getExtensionAttribute3()).isNull();
        Response wrongType = admin.patch(
                "/v1.0/users/" + cloud,
                "{\"onPremisesExtensionAttributes\":{\"@odata.type\":\"#microsoft.graph.user\"}}");
        assertThat(wrongType.status()).isEqualTo(400);
    }

    private static List<String> names(Response answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        answer.body()
                .path("value")
                .forEach(u -> names.add(u.path("userPrincipalName").asString()));
        return names;
    }

    private static String q(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
