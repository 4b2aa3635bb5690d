package org.allot.server.web;

import static org.allot.server.web.BadInputIT.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * URLs and query strings that cannot be read (NUL, invalid UTF-8, encoded slashes, tokens of another collection,
 * URLs beyond what the server reads) get Graph's error body on the API's paths, never a 500 or the web server's own
 * HTML page.
 */
class MalformedUrlsIT extends ApiIT {
    private static final List<String> NUL_AND_INVALID_UTF8 = List.of(
            "displayName%20eq%20%27a%00%27",
            "displayName%20eq%20%27%ED%A0%BD%27",
            "displayName%20eq%20%27%ED%A0%80%27",
            "displayName%20eq%20%27%C0%AF%27",
            "displayName%20eq%20%27%FF%27",
            "%00");

    private ApiClient admin;
    private String user;
    private String group;

    @BeforeEach
    void tenantWithAUserAndAGroup() {
        admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        user = admin.post("/v1.0/users", """
                        {"accountEnabled":true,"displayName":"Ada","mailNickname":"ada","userPrincipalName":"ada@%s"}""".formatted(admin.domain))
                .body()
                .get("id")
                .asString();
        group = admin.post("/v1.0/groups", """
                        {"displayName":"Staff","mailEnabled":false,"mailNickname":"staff","securityEnabled":true}""").body().get("id").asString();
    }

    @Test
    void nulAndInvalidUtf8InQueryOptionsAreRefusedOnEveryCollection() {
        Map<String, String> eventual = Map.of("ConsistencyLevel", "eventual");
        for (String collection : List.of(
                "/v1.0/users",
                "/v1.0/users/$count",
                "/v1.0/groups",
                "/v1.0/groups/$count",
                "/v1.0/directory/deletedItems/microsoft.graph.user",
                "/v1.0/auditLogs/directoryAudits",
                "/v1.0/groups/" + group + "/membersWithLicenseErrors",
                "/v1.0/groups/" + group + "/members",
                "/v1.0/groups/" + group + "/memberOf",
                "/v1.0/users/" + user + "/memberOf",
                "/v1.0/users/" + user + "/transitiveMemberOf",
                "/v1.0/users/" + user,
                "/v1.0/groups/" + group,
                "/v1.0/subscribedSkus",
                "/allot/v1/products")) {
            for (String filter : NUL_AND_INVALID_UTF8) {
                String path = collection + "?$filter=" + filter;
                assertGraphError(admin.get(path, eventual), 400, path);
            }
            String select = collection + "?$select=id,%ED%A0%BD";
            assertGraphError(admin.get(select, eventual), 400, select);
        }
        assertGraphError(admin.get("/allot/v1/products?search=%00"), 400, "search with NUL");
    }

    @Test
    void aSkipTokenFromAnotherCollectionIsRefused() {
        admin.post("/v1.0/users", """
                {"accountEnabled":true,"displayName":"Bea","mailNickname":"bea","userPrincipalName":"bea@%s"}""".formatted(admin.domain));
        String next =
                admin.get("/v1.0/users?$top=1").body().path("@odata.nextLink").asString();
        String token = next.substring(next.indexOf("$skiptoken=") + "$skiptoken=".length());

        for (String collection : List.of(
                "/v1.0/auditLogs/directoryAudits",
                "/v1.0/groups",
                "/v1.0/directory/deletedItems/microsoft.graph.user")) {
            Response r = admin.get(collection + "?$skiptoken=" + token);
            assertGraphError(r, 400, collection);
            assertThat(r.errorMessage()).contains("$skiptoken");
        }
        assertThat(admin.get("/v1.0/users?$top=1&$skiptoken=" + token).status()).isEqualTo(200);
    }

    @Test
    void malformedPathsGetGraphsBodyNotTheWebServersPage() {
        for (String prefix : List.of("/v1.0/users/", "/allot/v1/products/", "/oauth2/v2.0/")) {
            for (String id : List.of("%00", "a%2Fb", "%2F", "a%25b", "a;b", "a%5Cb", "%ED%A0%BD", "%C0%AF")) {
                Response r = admin.get(prefix + id);
                assertThat(r.status()).as(prefix + id).isBetween(400, 499);
                assertGraphError(r, r.status(), prefix + id);
            }
            Response tooLong = admin.get(prefix + "x".repeat(9000));
            assertThat(tooLong.status()).as(prefix + " long").isBetween(400, 499);
            assertGraphError(tooLong, tooLong.status(), prefix + " over 8 KB");
        }
        assertGraphError(admin.get("/v1.0/users/a%09b"), 404, "a tab in an id");
        Response longQuery = admin.get("/v1.0/users?$filter=" + "x".repeat(9000));
        assertGraphError(longQuery, longQuery.status(), "query over 8 KB");
    }

    @Test
    void theAdminCenterStillAnswersWithPages() {
        Response page = ApiClient.send(
                HttpRequest.newBuilder(URI.create(admin.base + "/users/%00")).build());
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.raw().headers().firstValue("Content-Type").orElse("")).doesNotContain("json");
    }
}
