package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.User;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph's query options beyond filters: $search with Graph's tokenised matching, $expand, $select on subscriptions, a refused assignLicense in the audit log and onPremisesExtensionAttributes.
 */
class GraphQueryOptionsIT extends GraphQueryTenant {
    @Test
    void searchMatchesTheStartsOfWordsAsGraphTokenisesThem() {
        assertThat(names(admin.get(search("users", "\"mail:contoso\""), EVENTUAL)))
                .containsExactly("ann");
        assertThat(names(admin.get(search("users", "\"mail:example\""), EVENTUAL)))
                .containsExactlyInAnyOrder("ann", "bob");
        assertThat(names(admin.get(search("users", "\"mail:ontoso\""), EVENTUAL)))
                .as("a word matches from its start only")
                .isEmpty();
        assertThat(names(admin.get(search("users", "\"displayName:video\""), EVENTUAL)))
                .as("camel case splits words")
                .containsExactly("OneVideoLead");
        assertThat(names(admin.get(search("groups", "\"displayName:emea\""), EVENTUAL)))
                .containsExactly("Sales EMEA");
        assertThat(names(admin.get(search("groups", "\"displayName:sales\""), EVENTUAL)))
                .containsExactlyInAnyOrder("Sales", "Sales EMEA");
        assertThat(names(admin.get(
                        search("groups/" + sales + "/members/microsoft.graph.user", "\"displayName:bob\""), EVENTUAL)))
                .containsExactly("bob");
    }

    @Test
    void searchJoinsClausesAndCombinesWithFilterCountTopAndNextLinks() {
        var page = graph.users().get(rc -> {
            rc.headers.add("ConsistencyLevel", "eventual");
            rc.queryParameters.search = "\"displayName:ann\" OR \"mail:fabrikam\"";
            rc.queryParameters.count = true;
            rc.queryParameters.top = 1;
        });
        assertThat(page.getOdataCount()).isEqualTo(2);
        assertThat(page.getValue()).hasSize(1);
        String next = page.getOdataNextLink();
        ApiClient.Response second = admin.get(next.substring(next.indexOf("/v1.0/")));
        assertThat(names(second))
                .hasSize(1)
                .doesNotContainAnyElementsOf(List.of(page.getValue().get(0).getDisplayName()));

        assertThat(names(admin.get(
                        search("users", "\"mail:example\"") + "&$filter=" + encode("usageLocation eq 'US'"), EVENTUAL)))
                .containsExactly("ann");
        assertThat(names(admin.get(search("users", "\"mail:example\" AND \"displayName:bob\""), EVENTUAL)))
                .containsExactly("bob");
        Integer count = graph.users().count().get(rc -> {
            rc.headers.add("ConsistencyLevel", "eventual");
            rc.queryParameters.search = "\"mail:example\"";
        });
        assertThat(count).isEqualTo(2);
    }

    @Test
    void searchWithoutConsistencyLevelOrOnAnUnsearchablePropertyIsRefused() {
        ApiClient.Response plain = admin.get(search("users", "\"displayName:ann\""));
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.body().get("error").get("message").asString()).contains("'ConsistencyLevel: eventual'");
        assertThat(admin.get(search("users", "\"jobTitle:x\""), EVENTUAL).status())
                .isEqualTo(400);
        assertThat(admin.get(search("users", "displayName:ann"), EVENTUAL).status())
                .isEqualTo(400);
        assertThat(admin.get("/v1.0/auditLogs/directoryAudits?$search=" + encode("\"result:x\""), EVENTUAL)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void expandAddsTheRelatedObjectsToListsAndSingleObjects() {
        User user =
                graph.users().byUserId(cy).get(rc -> rc.queryParameters.expand = new String[] {"transitiveMemberOf"});
        assertThat(user.getTransitiveMemberOf())
                .extracting(DirectoryObject::getId)
                .containsExactlyInAnyOrder(sales, nested);

        Group group = graph.groups().byGroupId(sales).get(rc -> rc.queryParameters.expand = new String[] {"members"});
        assertThat(group.getMembers()).extracting(DirectoryObject::getId).containsExactlyInAnyOrder(ann, bob, nested);
        assertThat(group.getMembers()).anySatisfy(m -> assertThat(m).isInstanceOf(User.class));

        JsonNode groups = admin.get(
                        "/v1.0/groups?$select=id,displayName&$expand=" + encode("members($select=id,displayName)"))
                .body()
                .get("value");
        JsonNode salesRow = groups.valueStream()
                .filter(g -> g.get("id").asString().equals(sales))
                .findFirst()
                .orElseThrow();
        assertThat(salesRow.get("members")).hasSize(3);
        assertThat(salesRow.get("members").get(0).has("@odata.type")).isTrue();
        assertThat(salesRow.get("members").get(0).has("mailNickname")).isFalse();

        JsonNode users = admin.get("/v1.0/users?$filter=" + encode("displayName eq 'ann'") + "&$expand=memberOf")
                .body()
                .get("value");
        assertThat(users.get(0).get("memberOf").valueStream().map(g -> g.get("displayName")
                        .asString()))
                .containsExactly("Sales");
    }

    @Test
    void expandBringsAtMostTwentyRelatedObjectsAndNoNextLink() {
        ApiClient tenant = newTenant(Role.GLOBAL_ADMINISTRATOR);
        var client = tenant.graph();
        String big = client.groups()
                .post(GraphSdkScenariosIT.securityGroup("Everyone"))
                .getId();
        Set<String> members = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            String id = client.users()
                    .post(GraphSdkScenariosIT.newUser(tenant, "member" + i))
                    .getId();
            GraphSdkScenariosIT.join(client, big, id);
            members.add(id);
        }

        JsonNode group = tenant.get("/v1.0/groups/" + big + "?$expand=members").body();
        JsonNode listed = tenant.get("/v1.0/groups?$filter=" + encode("displayName eq 'Everyone'") + "&$expand="
                        + encode("members($select=id)"))
                .body()
                .path("value")
                .get(0);
        String member = members.iterator().next();
        JsonNode user =
                tenant.get("/v1.0/users/" + member + "?$expand=memberOf").body();

        assertThat(group.path("members")).hasSize(20);
        assertThat(group.path("members").valueStream().map(m -> m.path("id").asString()))
                .allMatch(members::contains)
                .doesNotHaveDuplicates();
        assertThat(group.has("members@odata.nextLink")).isFalse();
        assertThat(listed.path("members")).hasSize(20);
        assertThat(listed.has("members@odata.nextLink")).isFalse();
        assertThat(user.path("memberOf").valueStream().map(g -> g.path("id").asString()))
                .containsExactly(big);
    }

    @Test
    void expandRefusesWhatGraphRefuses() {
        assertThat(admin.get("/v1.0/users?$expand=members").status()).isEqualTo(400);
        assertThat(admin.get("/v1.0/users?$expand=" + encode("memberOf,transitiveMemberOf"))
                        .status())
                .isEqualTo(400);
        assertThat(admin.get("/v1.0/users?$expand=" + encode("memberOf($filter=displayName eq 'x')"))
                        .status())
                .isEqualTo(400);
        assertThat(admin.get("/v1.0/users?$count=true&$expand=memberOf", EVENTUAL)
                        .status())
                .isEqualTo(400);
        assertThat(admin.get("/v1.0/groups/" + sales + "/members/microsoft.graph.user?$expand=memberOf")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void directorySubscriptionsTakeSelect() {
        subscribe(admin, "AAD_BASIC", 2);
        ApiClient.Response selected = admin.get("/v1.0/directory/subscriptions?$select=skuPartNumber,totalLicenses");

        assertThat(selected.status()).as(selected.body().toString()).isEqualTo(200);
        JsonNode first = selected.body().get("value").get(0);
        assertThat(first.has("skuPartNumber")).isTrue();
        assertThat(first.has("totalLicenses")).isTrue();
        assertThat(first.has("serviceStatus")).isFalse();
        String id = admin.get("/v1.0/directory/subscriptions")
                .body()
                .get("value")
                .get(0)
                .get("id")
                .asString();
        JsonNode one = admin.get("/v1.0/directory/subscriptions/" + id + "?$select=status")
                .body();
        assertThat(one.has("status")).isTrue();
        assertThat(one.has("skuId")).isFalse();
        assertThat(admin.get("/v1.0/directory/subscriptions?$select=nope").status())
                .isEqualTo(400);
    }

    @Test
    void aRefusedAssignLicenseIsAuditedAsAFailure() {
        String e5 = product("ENTERPRISEPREMIUM").skuId().value().toString();
        ApiClient.Response refused = admin.post(
                "/v1.0/users/" + ann + "/assignLicense",
                "{\"addLicenses\":[{\"skuId\":\"" + e5 + "\"}],\"removeLicenses\":[]}");
        assertThat(refused.status()).isEqualTo(400);

        ApiClient.Response audits = admin.get("/v1.0/auditLogs/directoryAudits?$filter="
                + encode("result eq 'failure' and targetResources/any(t:t/id eq '" + ann + "')"));

        assertThat(audits.status()).as(audits.body().toString()).isEqualTo(200);
        assertThat(audits.body().get("value")).singleElement().satisfies(a -> {
            assertThat(a.get("result").asString()).isEqualTo("failure");
            assertThat(a.get("activityDisplayName").asString()).isEqualTo("Change user license");
        });
    }

    @Test
    void onPremisesExtensionAttributesArePatchedReadAndSelected() {
        String user = create("dee", "US", null);
        assertThat(admin.patch(
                                "/v1.0/users/" + user,
                                "{\"onPremisesExtensionAttributes\":{\"extensionAttribute1\":\"cost \\\"42\\\"\","
                                        + "\"extensionAttribute15\":\"x,y\"}}")
                        .status())
                .isEqualTo(204);

        User read = graph.users()
                .byUserId(user)
                .get(rc -> rc.queryParameters.select = new String[] {"onPremisesExtensionAttributes"});
        assertThat(read.getOnPremisesExtensionAttributes().getExtensionAttribute1())
                .isEqualTo("cost \"42\"");
        assertThat(read.getOnPremisesExtensionAttributes().getExtensionAttribute2())
                .isNull();
        assertThat(read.getOnPremisesExtensionAttributes().getExtensionAttribute15())
                .isEqualTo("x,y");
        JsonNode listed = admin.get("/v1.0/users?$select=id,onPremisesExtensionAttributes&$filter="
                        + encode("id eq '" + user + "'"))
                .body()
                .get("value")
                .get(0)
                .get("onPremisesExtensionAttributes");
        assertThat(listed.get("extensionAttribute15").asString()).isEqualTo("x,y");
        assertThat(listed.has("extensionAttribute7")).isTrue();

        assertThat(admin.patch(
                                "/v1.0/users/" + user,
                                "{\"onPremisesExtensionAttributes\":{\"extensionAttribute1\":null}}")
                        .status())
                .isEqualTo(204);
        assertThat(admin.get("/v1.0/users/" + user + "?$select=onPremisesExtensionAttributes")
                        .body()
                        .get("onPremisesExtensionAttributes")
                        .get("extensionAttribute1")
                        .isNull())
                .isTrue();
        assertThat(admin.patch(
                                "/v1.0/users/" + user,
                                "{\"onPremisesExtensionAttributes\":{\"extensionAttribute16\":\"x\"}}")
                        .status())
                .isEqualTo(400);
        assertThat(admin.patch("/v1.0/users/" + user, "{\"extensionAttribute1\":\"x\"}")
                        .status())
                .isEqualTo(400);
    }
}
