package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.domains.item.forcedelete.ForceDeletePostRequestBody;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph v1.0 behaviours scripts rely on: {@code ge}/{@code le} on names, the filters Graph allows only in advanced
 * queries, the cloud {@code securityIdentifier} of users and groups, {@code /domains/$count} and
 * {@code /domains/{id}/forceDelete} — over HTTP and through the Graph Java SDK.
 */
class GraphParityIT extends ApiIT {
    private static final Map<String, String> ADVANCED = Map.of("ConsistencyLevel", "eventual");

    @Test
    void namesTakeGeAndLeWithoutAnAdvancedQuery() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        for (String name : List.of("alice", "mike", "zoe")) {
            createUser(admin, name);
            group(admin, name);
        }

        assertThat(names(admin.get("/v1.0/users?$filter=" + q("displayName ge 'M'")), "userPrincipalName"))
                .contains("mike@" + admin.domain, "zoe@" + admin.domain)
                .doesNotContain("alice@" + admin.domain);
        assertThat(names(admin.get("/v1.0/users?$filter=" + q("userPrincipalName le 'n'")), "userPrincipalName"))
                .contains("alice@" + admin.domain, "mike@" + admin.domain)
                .doesNotContain("zoe@" + admin.domain);
        assertThat(names(
                        admin.get("/v1.0/users?$filter=" + q("displayName ge 'b' and displayName le 'N'")),
                        "userPrincipalName"))
                .containsExactly("mike@" + admin.domain);
        assertThat(names(admin.get("/v1.0/groups?$filter=" + q("displayName ge 'M'")), "displayName"))
                .containsExactlyInAnyOrder("mike", "zoe");
        assertThat(names(admin.get("/v1.0/groups?$filter=" + q("mailNickname le 'b'")), "displayName"))
                .containsExactly("alice");

        List<User> fromSdk = admin.graph()
                .users()
                .get(r -> r.queryParameters.filter = "displayName ge 'Z'")
                .getValue();
        assertThat(fromSdk).extracting(User::getDisplayName).containsExactly("zoe");

        for (String refused : List.of("displayName gt 'M'", "userType ge 'M'", "displayName ge null")) {
            Response answer = admin.get("/v1.0/users?$filter=" + q(refused));
            assertThat(answer.status()).as(refused).isEqualTo(400);
        }
        assertThat(admin.get("/v1.0/users?$filter=" + q("displayName lt 'M'")).errorCode())
                .isEqualTo("Request_UnsupportedQuery");
    }

    @Test
    void onPremisesSamAccountNameIsFilteredOnlyInAdvancedQueriesAndImmutableIdByDefault() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        Response created = admin.post("/v1.0/users", """
                {"accountEnabled":true,"displayName":"Hard Match","mailNickname":"hard",
                 "userPrincipalName":"hard@%s","onPremisesImmutableId":"b2xkLWd1aWQ="}""".formatted(admin.domain));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

        for (String path : List.of("/v1.0/users", "/v1.0/groups")) {
            Response plain = admin.get(path + "?$filter=" + q("onPremisesSamAccountName eq 'hard'"));
            assertThat(plain.status()).isEqualTo(400);
            assertThat(plain.errorCode()).isEqualTo("Request_UnsupportedQuery");
            assertThat(plain.errorMessage())
                    .isEqualTo("Unsupported or invalid query filter clause specified for property"
                            + " 'onPremisesSamAccountName' of resource '"
                            + (path.endsWith("users") ? "User" : "Group") + "'.");
            assertThat(admin.get(path + "?$count=true&$filter=" + q("onPremisesSamAccountName eq 'hard'"), ADVANCED)
                            .status())
                    .isEqualTo(200);
        }
        Response ended = admin.get("/v1.0/users?$filter=" + q("endsWith(mail,'@contoso.com')"));
        assertThat(ended.errorCode()).isEqualTo("Request_UnsupportedQuery");
        assertThat(ended.errorMessage())
                .isEqualTo("Operator 'endsWith' is not supported because the required parameters might be missing."
                        + " Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to"
                        + " https://aka.ms/graph-docs/advanced-queries for more information");

        assertThat(names(
                        admin.get("/v1.0/users?$filter=" + q("onPremisesImmutableId eq 'b2xkLWd1aWQ='")),
                        "userPrincipalName"))
                .as("eq on onPremisesImmutableId works by default in Graph")
                .containsExactly("hard@" + admin.domain);
        assertThat(names(admin.get("/v1.0/users?$filter=" + q("onPremisesImmutableId ge 'b2'")), "userPrincipalName"))
                .containsExactly("hard@" + admin.domain);
        User bySdk = admin.graph()
                .users()
                .get(r -> r.queryParameters.filter = "onPremisesImmutableId eq 'b2xkLWd1aWQ='")
                .getValue()
                .get(0);
        assertThat(bySdk.getDisplayName()).isEqualTo("Hard Match");
    }

    @Test
    void usersAndGroupsHaveTheCloudSecurityIdentifierEntraDerivesFromTheirIds() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String user = createUser(admin, "sid");
        String group = group(admin, "Sid group");
        String userSid = sid(UUID.fromString(user));
        String groupSid = sid(UUID.fromString(group));

        assertThat(admin.get("/v1.0/users/" + user + "?$select=id,securityIdentifier")
                        .body()
                        .path("securityIdentifier")
                        .asString())
                .isEqualTo(userSid)
                .startsWith("S-1-12-1-");
        assertThat(admin.get("/v1.0/groups/" + group)
                        .body()
                        .path("securityIdentifier")
                        .asString())
                .as("returned by default on groups")
                .isEqualTo(groupSid);
        assertThat(names(
                        admin.get("/v1.0/users?$filter=" + q("securityIdentifier eq '" + userSid + "'")),
                        "userPrincipalName"))
                .containsExactly("sid@" + admin.domain);
        assertThat(names(
                        admin.get("/v1.0/users?$filter=" + q("startsWith(securityIdentifier,'" + userSid + "')")),
                        "userPrincipalName"))
                .containsExactly("sid@" + admin.domain);
        assertThat(admin.patch("/v1.0/users/" + user, "{\"securityIdentifier\":\"S-1-12-1-1-2-3-4\"}")
                        .status())
                .as("read-only")
                .isEqualTo(400);

        GraphServiceClient graph = admin.graph();
        User read = graph.users()
                .byUserId(user)
                .get(r -> r.queryParameters.select = new String[] {"id", "securityIdentifier"});
        assertThat(read.getSecurityIdentifier()).isEqualTo(userSid);
        Group readGroup = graph.groups().byGroupId(group).get();
        assertThat(readGroup.getSecurityIdentifier()).isEqualTo(groupSid);
    }

    @Test
    void domainsAreCountedAsGraphCountsThem() {
        ApiClient admin = newTenant(Role.GLOBAL_READER);

        Response count = admin.get("/v1.0/domains/$count");

        assertThat(count.status()).isEqualTo(200);
        assertThat(count.raw().body()).isEqualTo("2");
        assertThat(admin.get("/v1.0/domains/$count?$filter=" + q("isInitial eq true"))
                        .raw()
                        .body())
                .isEqualTo("1");
        assertThat(admin.graph().domains().count().get()).isEqualTo(2);
    }

    @Test
    void forceDeleteMovesTheDomainsUsersToTheInitialDomainAndRemovesIt() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String initial = initialDomain(admin);
        admin.post("/v1.0/domains", "{\"id\": \"corp.example.test\"}");
        String ann = onDomain(admin, "ann", "corp.example.test");
        String bob = onDomain(admin, "bob", "corp.example.test");
        assertThat(admin.delete("/v1.0/users/" + bob).status()).isEqualTo(204);

        Response deleted = admin.post("/v1.0/domains/corp.example.test/forceDelete", "{\"disableUserAccounts\": true}");

        assertThat(deleted.status()).as(deleted.body() + "").isEqualTo(204);
        assertThat(admin.get("/v1.0/domains/corp.example.test").status()).isEqualTo(404);
        JsonNode moved = admin.get("/v1.0/users/" + ann + "?$select=userPrincipalName,mail,accountEnabled")
                .body();
        assertThat(moved.path("userPrincipalName").asString()).isEqualTo("ann@" + initial);
        assertThat(moved.path("mail").asString()).isEqualTo("ann@" + initial);
        assertThat(moved.path("accountEnabled").asBoolean()).isFalse();
        assertThat(admin.get("/v1.0/directory/deletedItems/" + bob)
                        .body()
                        .path("userPrincipalName")
                        .asString())
                .as("deleted users are renamed too")
                .endsWith("@" + initial);
        assertThat(admin.get("/v1.0/auditLogs/directoryAudits?$filter="
                                + q("activityDisplayName eq 'Remove verified domain from company'"))
                        .body()
                        .path("value"))
                .hasSize(1);

        admin.post("/v1.0/domains", "{\"id\": \"keep.example.test\"}");
        String cy = onDomain(admin, "cy", "keep.example.test");
        admin.graph().domains().byDomainId("keep.example.test").forceDelete().post(disable(false));
        JsonNode kept = admin.get("/v1.0/users/" + cy + "?$select=userPrincipalName,accountEnabled")
                .body();
        assertThat(kept.path("userPrincipalName").asString()).isEqualTo("cy@" + initial);
        assertThat(kept.path("accountEnabled").asBoolean()).isTrue();
    }

    @Test
    void forceDeleteChangesNothingWhenItCannot() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String initial = initialDomain(admin);
        admin.post("/v1.0/domains", "{\"id\": \"corp.example.test\"}");
        String ann = onDomain(admin, "ann", "corp.example.test");
        onDomain(admin, "ann", initial);

        Response collides = admin.post("/v1.0/domains/corp.example.test/forceDelete", "{}");

        assertThat(collides.status()).isEqualTo(400);
        assertThat(collides.errorMessage()).contains("ann@" + initial);
        assertThat(admin.get("/v1.0/users/" + ann)
                        .body()
                        .path("userPrincipalName")
                        .asString())
                .isEqualTo("ann@corp.example.test");
        assertThat(admin.get("/v1.0/domains/corp.example.test").status()).isEqualTo(200);
        assertThat(admin.post("/v1.0/domains/" + admin.domain + "/forceDelete", "{}")
                        .status())
                .as("the default domain")
                .isEqualTo(400);
        assertThat(admin.post("/v1.0/domains/" + initial + "/forceDelete", "{}").status())
                .as("the initial domain")
                .isEqualTo(400);
        assertThat(admin.post("/v1.0/domains/nothing.example.test/forceDelete", "{}")
                        .status())
                .isEqualTo(404);
        assertThat(admin.post("/v1.0/domains/corp.example.test/forceDelete", "{\"disableUserAccounts\": \"yes\"}")
                        .status())
                .isEqualTo(400);
        assertThat(as(admin, Role.USER_ADMINISTRATOR)
                        .post("/v1.0/domains/corp.example.test/forceDelete", "{}")
                        .status())
                .isEqualTo(403);
        assertThatThrownBy(() -> admin.graph()
                        .domains()
                        .byDomainId(admin.domain)
                        .forceDelete()
                        .post(disable(true)))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode())
                        .isEqualTo(400));
        assertThatThrownBy(() -> admin.graph()
                        .domains()
                        .byDomainId("nothing.example.test")
                        .forceDelete()
                        .post(disable(true)))
                .isInstanceOf(ODataError.class);
    }

    /** Entra's cloud SID of an object id, computed here independently of Allot's rule. */
    private static String sid(UUID id) {
        ByteBuffer windows = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        windows.putInt((int) (id.getMostSignificantBits() >>> 32));
        windows.putShort((short) (id.getMostSignificantBits() >>> 16));
        windows.putShort((short) id.getMostSignificantBits());
        windows.order(ByteOrder.BIG_ENDIAN).putLong(id.getLeastSignificantBits());
        windows.flip().order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder sid = new StringBuilder("S-1-12-1");
        for (int i = 0; i < 4; i++) {
            sid.append('-').append(Integer.toUnsignedString(windows.getInt()));
        }
        return sid.toString();
    }

    private static ForceDeletePostRequestBody disable(boolean value) {
        ForceDeletePostRequestBody body = new ForceDeletePostRequestBody();
        body.setDisableUserAccounts(value);
        return body;
    }

    private static String onDomain(ApiClient admin, String name, String domain) {
        Response created = admin.post("/v1.0/users", """
                {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s@%s",
                 "mail":"%s@%s"}""".formatted(name, name, name, domain, name, domain));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    private static String group(ApiClient admin, String name) {
        Response created = admin.post(
                "/v1.0/groups",
                "{\"displayName\":\"%s\",\"mailEnabled\":false,\"mailNickname\":\"%s\",\"securityEnabled\":true}"
                        .formatted(name, name.replace(' ', '-')));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    private static String initialDomain(ApiClient admin) {
        for (JsonNode d : admin.get("/v1.0/domains").body().path("value")) {
            if (d.path("isInitial").asBoolean()) {
                return d.path("id").asString();
            }
        }
        throw new AssertionError("no initial domain");
    }

    private static List<String> names(Response answer, String property) {
        assertThat(answer.status()).as(answer.body() + "").isEqualTo(200);
        List<String> names = new ArrayList<>();
        answer.body().path("value").forEach(u -> names.add(u.path(property).asString()));
        return names;
    }

    private static String q(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
