package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.Domain;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.ArrayList;
import java.util.List;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's domains through Graph's {@code /v1.0/domains}: the initial domain every tenant has, domains added
 * verified by a Global Administrator and used at once, the verify action as a no-op, the default domain, domains in use
 * kept, and who may do what.
 */
class DomainsApiIT extends ApiIT {
    @Test
    void everyTenantHasAnInitialDomainBesideTheDomainItVerified() {
        ApiClient admin = newTenant(Role.GLOBAL_READER);

        List<JsonNode> domains = values(admin.get("/v1.0/domains"));

        assertThat(domains)
                .extracting(d -> d.path("id").asString())
                .hasSize(2)
                .first()
                .isEqualTo(admin.domain);
        JsonNode verified = domains.get(0);
        assertThat(verified.path("isDefault").asBoolean()).isTrue();
        assertThat(verified.path("isInitial").asBoolean()).isFalse();
        assertThat(verified.path("isVerified").asBoolean()).isTrue();
        assertThat(verified.path("authenticationType").asString()).isEqualTo("Managed");
        JsonNode initial = domains.get(1);
        assertThat(initial.path("id").asString()).startsWith("tenant-").endsWith(".allot.local");
        assertThat(initial.path("isInitial").asBoolean()).isTrue();
        assertThat(initial.path("isDefault").asBoolean()).isFalse();
        assertThat(initial.path("isVerified").asBoolean()).isTrue();
        assertThat(initial.path("supportedServices").get(0).asString()).isEqualTo("Email");

        Response one =
                admin.get("/v1.0/domains/" + initial.path("id").asString().toUpperCase(java.util.Locale.ROOT));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().path("@odata.context").asString()).endsWith("$metadata#domains/$entity");
        assertThat(one.body().path("id").asString())
                .isEqualTo(initial.path("id").asString());
        JsonNode organization =
                admin.get("/v1.0/organization").body().path("value").get(0);
        assertThat(organization.path("verifiedDomains").get(1).path("isInitial").asBoolean())
                .isTrue();
        assertThat(organization.path("verifiedDomains").get(0).path("isInitial").asBoolean())
                .isFalse();
        assertThat(admin.get("/v1.0/domains/nothing.example").status()).isEqualTo(404);
    }

    @Test
    void aGlobalAdministratorAddsADomainThatIsVerifiedAtOnceAndUsersCanUseIt() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        Response refusedBefore = admin.post("/v1.0/users", user("ann@corp.example.test"));
        assertThat(refusedBefore.status()).isEqualTo(400);
        assertThat(refusedBefore.errorMessage()).contains("verified domain");

        Response added = admin.post("/v1.0/domains", "{\"id\": \"Corp.Example.Test\"}");

        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        assertThat(added.body().path("id").asString()).isEqualTo("corp.example.test");
        assertThat(added.body().path("isVerified").asBoolean()).isTrue();
        assertThat(added.body().path("isDefault").asBoolean()).isFalse();
        assertThat(admin.post("/v1.0/users", user("ann@corp.example.test")).status())
                .isEqualTo(201);
        Response verified = admin.post("/v1.0/domains/corp.example.test/verify", null);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().path("isVerified").asBoolean()).isTrue();
        assertThat(values(admin.get("/v1.0/domains")))
                .extracting(d -> d.path("id").asString())
                .containsExactly(admin.domain, initialDomain(admin), "corp.example.test");
        assertThat(admin.get("/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20"
                                + "'Add%20verified%20domain%20to%20company'")
                        .body()
                        .path("value"))
                .hasSize(1);
    }

    @Test
    void aDomainStillUsedByAUserIsKeptUntilNoUserUsesIt() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        admin.post("/v1.0/domains", "{\"id\": \"corp.example.test\"}");
        String id = admin.post("/v1.0/users", user("ann@corp.example.test"))
                .body()
                .path("id")
                .asString();

        Response inUse = admin.delete("/v1.0/domains/corp.example.test");

        assertThat(inUse.status()).isEqualTo(400);
        assertThat(inUse.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(inUse.errorMessage())
                .startsWith("Unable to delete the domain corp.example.test: it has references to objects (1 users");
        assertThat(admin.delete("/v1.0/users/" + id).status()).isEqualTo(204);
        assertThat(admin.delete("/v1.0/domains/corp.example.test").status())
                .as("a deleted user still references it")
                .isEqualTo(400);
        assertThat(admin.delete("/v1.0/directory/deletedItems/" + id).status()).isEqualTo(204);

        assertThat(admin.delete("/v1.0/domains/corp.example.test").status()).isEqualTo(204);
        assertThat(admin.get("/v1.0/domains/corp.example.test").status()).isEqualTo(404);
        assertThat(admin.post("/v1.0/users", user("bob@corp.example.test")).status())
                .isEqualTo(400);
    }

    @Test
    void theDefaultDomainMovesAndTheInitialOneStays() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        admin.post("/v1.0/domains", "{\"id\": \"corp.example.test\"}");
        String initial = initialDomain(admin);

        assertGraphError(admin.delete("/v1.0/domains/" + initial), 400, "The initial domain");
        assertGraphError(admin.delete("/v1.0/domains/" + admin.domain), 400, "The default domain");
        assertThat(admin.patch("/v1.0/domains/corp.example.test", "{\"isDefault\": true}")
                        .status())
                .isEqualTo(204);

        List<JsonNode> domains = values(admin.get("/v1.0/domains"));
        assertThat(domains.get(0).path("id").asString()).isEqualTo("corp.example.test");
        assertThat(domains.get(0).path("isDefault").asBoolean()).isTrue();
        assertThat(admin.delete("/v1.0/domains/" + admin.domain).status()).isEqualTo(204);
        assertGraphError(admin.patch("/v1.0/domains/corp.example.test", "{\"isDefault\": false}"), 400, "another");
    }

    @Test
    void badDomainsAreRefusedWithGraphsErrorBody() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);

        assertGraphError(admin.post("/v1.0/domains", "{\"id\": \"not a domain\"}"), 400, "is invalid");
        assertGraphError(admin.post("/v1.0/domains", "{\"id\": \"nodots\"}"), 400, "is invalid");
        assertGraphError(admin.post("/v1.0/domains", "{\"id\": 42}"), 400, "Invalid value");
        assertGraphError(admin.post("/v1.0/domains", "{}"), 400, "'id' is required");
        assertGraphError(admin.post("/v1.0/domains", "{\"id\": \"x.example\", \"color\": 1}"), 400, "does not exist");
        assertGraphError(
                admin.post("/v1.0/domains", "{\"id\": \"x.example\", \"isVerified\": true}"), 400, "read-only");
        assertGraphError(admin.post("/v1.0/domains", "{\"id\": \"" + admin.domain + "\"}"), 400, "already");
        assertGraphError(admin.post("/v1.0/domains", "{\"id\": \"other.allot.local\"}"), 400, "allot.local");
        assertGraphError(admin.post("/v1.0/domains", "[]"), 400, "JSON object");
        assertGraphError(admin.delete("/v1.0/domains/nothing.example"), 404, "does not exist");
        assertGraphError(admin.post("/v1.0/domains/nothing.example/verify", null), 404, "does not exist");
        assertThat(values(admin.get("/v1.0/domains"))).hasSize(2);
    }

    @Test
    void anIpAddressIsNoDomainAndAnOverlongNameIsNotQuotedBackWhole() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);

        for (String address : List.of("127.0.0.1", "10.1.2.3", "corp.123")) {
            assertGraphError(
                    admin.post("/v1.0/domains", "{\"id\": \"" + address + "\"}"),
                    400,
                    "Domain name '" + address + "' is invalid");
        }
        Response huge = admin.post("/v1.0/domains", "{\"id\": \"" + "a".repeat(10_000) + ".example\"}");
        assertGraphError(huge, 400, "is invalid");
        assertThat(huge.errorMessage().length())
                .as("the name is quoted shortened, not echoed whole")
                .isLessThan(300);

        assertThat(values(admin.get("/v1.0/domains"))).hasSize(2);
        assertThat(admin.post("/v1.0/domains", "{\"id\": \"123.example\"}").status())
                .as("a label of digits is a label like any other, below the top level")
                .isEqualTo(201);
    }

    @Test
    void domainsCarryEveryPropertyOfGraphsDomainNullsIncludedAndSelectPicksThem() {
        ApiClient admin = newTenant(Role.GLOBAL_READER);

        JsonNode domain = values(admin.get("/v1.0/domains")).get(0);

        for (String property : List.of("availabilityStatus", "manufacturer", "model", "state")) {
            assertThat(domain.has(property))
                    .as(property + " is sent as null, as Graph sends it")
                    .isTrue();
            assertThat(domain.path(property).isNull()).as(property).isTrue();
        }
        assertThat(admin.get("/v1.0/domains/" + admin.domain).body().has("state"))
                .isTrue();
        List<JsonNode> selected = values(admin.get("/v1.0/domains?$select=id,isDefault"));
        assertThat(selected).hasSize(2);
        assertThat(selected.get(0).propertyNames()).containsExactlyInAnyOrder("id", "isDefault");
        Response one = admin.get("/v1.0/domains/" + admin.domain + "?$select=isVerified");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().propertyNames()).containsExactlyInAnyOrder("@odata.context", "isVerified");
        assertThat(one.body().path("@odata.context").asString()).endsWith("$metadata#domains/$entity");
        Response first = admin.get("/v1.0/domains?$top=1&$select=id");
        assertThat(values(first)).extracting(d -> d.path("id").asString()).containsExactly(admin.domain);
        String next = first.body().path("@odata.nextLink").asString();
        assertThat(next).contains("$top=1").contains("$select=id");
        Response second = admin.get(next.substring(next.indexOf("/v1.0/")));
        assertThat(values(second)).extracting(d -> d.path("id").asString()).containsExactly(initialDomain(admin));
        assertThat(second.body().has("@odata.nextLink")).isFalse();
        assertGraphError(admin.get("/v1.0/domains?$top=0"), 400, "page size");
        assertGraphError(admin.get("/v1.0/domains?$select=color"), 400, "color");
        assertGraphError(admin.get("/v1.0/domains?$orderby=id"), 400, "'$orderby' is not supported");
    }

    @Test
    void scriptsFindTheDefaultAndTheVerifiedDomainsWithFilter() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        admin.post("/v1.0/domains", "{\"id\": \"corp.example.test\"}");

        assertThat(values(admin.get("/v1.0/domains?$filter=isDefault%20eq%20true&$select=id")))
                .extracting(d -> d.path("id").asString())
                .containsExactly(admin.domain);
        assertThat(values(admin.get("/v1.0/domains?$filter=isVerified%20eq%20true&$select=id")))
                .hasSize(3);
        assertThat(values(admin.get("/v1.0/domains?$filter=isInitial%20eq%20true")))
                .extracting(d -> d.path("id").asString())
                .containsExactly(initialDomain(admin));
        assertThat(values(admin.get("/v1.0/domains?$filter=id%20eq%20'CORP.example.test'")))
                .extracting(d -> d.path("id").asString())
                .containsExactly("corp.example.test");
        assertThat(values(admin.get(
                        "/v1.0/domains?$filter=isDefault%20eq%20false%20and%20isInitial%20eq%20false&$top=5")))
                .extracting(d -> d.path("id").asString())
                .containsExactly("corp.example.test");
        assertThat(values(admin.get("/v1.0/domains?$filter=isDefault%20eq%20true&$top=1")))
                .hasSize(1);
        assertGraphError(admin.get("/v1.0/domains?$filter=color%20eq%20'red'"), 400, "color");
        assertGraphError(admin.get("/v1.0/domains?$filter=isDefault%20eq%20'yes'"), 400, "");
        assertGraphError(
                admin.get("/v1.0/domains?$filter=assignedLicenses/any(x:x/skuId%20eq%20"
                        + "6fd2c87f-b296-42f0-b197-1e91e994b900)"),
                400,
                "");
        assertGraphError(
                admin.get("/v1.0/domains?$filter=startsWith(supportedServices,'E')"), 400, "supportedServices");
    }

    @Test
    void theGraphSdkListsAddsVerifiesAndDeletesDomains() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        Domain body = new Domain();
        body.setId("sdk.example.test");

        Domain added = graph.domains().post(body);

        assertThat(added.getId()).isEqualTo("sdk.example.test");
        assertThat(added.getIsVerified()).isTrue();
        assertThat(added.getIsDefault()).isFalse();
        assertThat(added.getAuthenticationType()).isEqualTo("Managed");
        assertThat(added.getSupportedServices()).contains("Email");
        assertThat(added.getPasswordValidityPeriodInDays()).isEqualTo(Integer.MAX_VALUE);
        assertThat(added.getState()).isNull();
        assertThat(graph.domains().get().getValue())
                .extracting(Domain::getId)
                .containsExactly(admin.domain, initialDomain(admin), "sdk.example.test");
        assertThat(graph.domains()
                        .byDomainId("sdk.example.test")
                        .verify()
                        .post()
                        .getIsVerified())
                .isTrue();
        Domain initial = graph.domains()
                .byDomainId(initialDomain(admin))
                .get(r -> r.queryParameters.select = new String[] {"id", "isInitial"});
        assertThat(initial.getIsInitial()).isTrue();
        assertThat(initial.getIsDefault()).as("not selected").isNull();
        Domain again = new Domain();
        again.setId("SDK.example.test");
        assertThatThrownBy(() -> graph.domains().post(again)).isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(400);
            assertThat(e.getError().getMessage()).startsWith("Another object with the same value");
        });

        graph.domains().byDomainId("sdk.example.test").delete();

        assertThatThrownBy(() -> graph.domains().byDomainId("sdk.example.test").get())
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(404);
                    assertThat(e.getError().getCode()).isEqualTo("Request_ResourceNotFound");
                });
    }

    @Test
    void onlyAGlobalAdministratorChangesDomainsAndEveryRoleReadsThem() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        admin.post("/v1.0/domains", "{\"id\": \"corp.example.test\"}");

        for (Role role : List.of(
                Role.USER_ADMINISTRATOR, Role.LICENSE_ADMINISTRATOR, Role.GROUPS_ADMINISTRATOR, Role.GLOBAL_READER)) {
            ApiClient other = as(admin, role);
            assertThat(values(other.get("/v1.0/domains")))
                    .as(role.displayName())
                    .hasSize(3);
            for (Response refused : List.of(
                    other.post("/v1.0/domains", "{\"id\": \"more.example\"}"),
                    other.post("/v1.0/domains/corp.example.test/verify", null),
                    other.patch("/v1.0/domains/corp.example.test", "{\"isDefault\": true}"),
                    other.delete("/v1.0/domains/corp.example.test"))) {
                assertThat(refused.status()).as(role.displayName()).isEqualTo(403);
                assertThat(refused.errorCode()).isEqualTo("Authorization_RequestDenied");
                assertThat(refused.errorMessage()).isEqualTo("Insufficient privileges to complete the operation.");
            }
        }
        assertThat(values(admin.get("/v1.0/domains"))).hasSize(3);
    }

    private static String user(String userPrincipalName) {
        return "{\"userPrincipalName\": \"" + userPrincipalName + "\", \"displayName\": \"Someone\","
                + " \"accountEnabled\": true, \"mailNickname\": \"someone\"}";
    }

    private static String initialDomain(ApiClient admin) {
        return values(admin.get("/v1.0/domains")).stream()
                .filter(d -> d.path("isInitial").asBoolean())
                .map(d -> d.path("id").asString())
                .findFirst()
                .orElseThrow();
    }

    private static List<JsonNode> values(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        List<JsonNode> values = new ArrayList<>();
        response.body().path("value").forEach(values::add);
        return values;
    }

    private static void assertGraphError(Response r, int status, String message) {
        assertThat(r.status()).as(message + ": " + r.body()).isEqualTo(status);
        assertThat(r.errorCode()).isNotBlank();
        assertThat(r.errorMessage()).contains(message);
    }
}
