package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.User;
import java.util.List;
import org.allot.core.catalog.Product;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph's query language on relationships and collections as the Graph SDK for Java and plain scripts send it: casts,
 * relationship query options, the refused filters of issue 15 and null semantics.
 */
class GraphQueriesIT extends GraphQueryTenant {
    @Test
    void membersCastToUsersTakeSelectFilterCountTopAndOrderby() {
        var page = graph.groups().byGroupId(sales).members().graphUser().get(rc -> {
            rc.headers.add("ConsistencyLevel", "eventual");
            rc.queryParameters.select = new String[] {"displayName", "usageLocation"};
            rc.queryParameters.filter = "startsWith(displayName,'b') or startsWith(displayName,'a')";
            rc.queryParameters.count = true;
            rc.queryParameters.orderby = new String[] {"displayName desc"};
            rc.queryParameters.top = 1;
        });

        assertThat(page.getOdataCount()).isEqualTo(2);
        assertThat(page.getValue()).extracting(User::getDisplayName).containsExactly("bob");
        assertThat(page.getOdataNextLink()).isNotNull();
        assertThat(graph.groups()
                        .byGroupId(sales)
                        .transitiveMembers()
                        .graphUser()
                        .get()
                        .getValue())
                .extracting(User::getDisplayName)
                .containsExactlyInAnyOrder("ann", "bob", "cy");
        assertThat(graph.groups().byGroupId(sales).members().graphGroup().get().getValue())
                .extracting(Group::getDisplayName)
                .containsExactly("Sales EMEA");
    }

    @Test
    void castsAnswerUnderGraphsNameAndTheSdksAlias() {
        for (String cast : List.of("microsoft.graph.user", "graph.user")) {
            ApiClient.Response users = admin.get("/v1.0/groups/" + sales + "/members/" + cast);
            assertThat(users.status()).as(cast).isEqualTo(200);
            assertThat(users.body().get("value")).hasSize(2);
        }
        assertThat(admin.get("/v1.0/groups/" + sales + "/members/microsoft.graph.group")
                        .body()
                        .get("value"))
                .hasSize(1);
        assertThat(admin.get("/v1.0/groups/" + sales + "/members/microsoft.graph.device")
                        .status())
                .isIn(400, 404);
    }

    @Test
    void membersAreCountedAndSelectedWithoutACast() {
        Integer count = graph.groups()
                .byGroupId(sales)
                .members()
                .count()
                .get(rc -> rc.headers.add("ConsistencyLevel", "eventual"));
        Integer users = graph.groups()
                .byGroupId(sales)
                .transitiveMembers()
                .graphUser()
                .count()
                .get(rc -> rc.headers.add("ConsistencyLevel", "eventual"));
        var selected = graph.groups().byGroupId(sales).members().get(rc -> {
            rc.headers.add("ConsistencyLevel", "eventual");
            rc.queryParameters.select = new String[] {"id", "displayName"};
            rc.queryParameters.count = true;
        });

        assertThat(count).isEqualTo(3);
        assertThat(users).isEqualTo(3);
        assertThat(selected.getOdataCount()).isEqualTo(3);
        assertThat(selected.getValue())
                .allSatisfy(o -> assertThat(o).isInstanceOfAny(User.class, Group.class))
                .hasSize(3);
        JsonNode raw = admin.get("/v1.0/groups/" + sales + "/members?$select=displayName")
                .body()
                .get("value")
                .get(0);
        assertThat(raw.has("@odata.type")).isTrue();
        assertThat(raw.has("mailNickname")).isFalse();
    }

    @Test
    void filteringOrOrderingMembersOfEveryTypeIsRefusedWithThePathOfTheCast() {
        for (String option : List.of("$filter=" + encode("displayName eq 'ann'"), "$orderby=displayName")) {
            ApiClient.Response refused =
                    admin.get("/v1.0/groups/" + sales + "/members?$count=true&" + option, EVENTUAL);

            assertThat(refused.status()).as(option).isEqualTo(400);
            assertThat(refused.body().path("error").path("code").asString()).isEqualTo("Request_UnsupportedQuery");
            assertThat(refused.body().path("error").path("message").asString())
                    .contains("/members/microsoft.graph.user?" + option.substring(0, option.indexOf('=')));
            assertThat(admin.get(
                                    "/v1.0/groups/" + sales + "/members/microsoft.graph.user?$count=true&" + option,
                                    EVENTUAL)
                            .status())
                    .as("the cast takes it")
                    .isEqualTo(200);
        }
        assertThat(admin.get("/v1.0/groups/" + sales + "/transitiveMembers?$orderby=displayName", EVENTUAL)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void memberOfTakesTopAndFilterAndPagesWithNextLinks() {
        var first = graph.users().byUserId(cy).transitiveMemberOf().get(rc -> rc.queryParameters.top = 1);
        var filtered = graph.users()
                .byUserId(cy)
                .transitiveMemberOf()
                .graphGroup()
                .get(rc -> {
                    rc.headers.add("ConsistencyLevel", "eventual");
                    rc.queryParameters.filter = "displayName eq 'Sales'";
                    rc.queryParameters.count = true;
                });

        assertThat(first.getValue()).hasSize(1);
        assertThat(first.getOdataNextLink()).isNotNull();
        assertThat(graph.users().byUserId(cy).memberOf().get().getValue())
                .extracting(DirectoryObject::getId)
                .containsExactly(nested);
        assertThat(graph.users()
                        .byUserId(cy)
                        .memberOf()
                        .get(rc -> rc.queryParameters.top = 1)
                        .getValue())
                .as("memberOf?$top=1, as scripts page a user's direct groups")
                .extracting(DirectoryObject::getId)
                .containsExactly(nested);
        assertThat(filtered.getOdataCount()).isEqualTo(1);
        assertThat(filtered.getValue()).extracting(Group::getId).containsExactly(sales);
        assertThat(graph.groups().byGroupId(nested).memberOf().get().getValue())
                .extracting(DirectoryObject::getId)
                .containsExactly(sales);
    }

    @Test
    void notEqualAndNotOfEqualBothIncludeUsersWithoutAValue() {
        ApiClient.Response ne = admin.get(users("usageLocation ne 'US'"), EVENTUAL);
        ApiClient.Response not = admin.get(users("not(usageLocation eq 'US')"), EVENTUAL);

        assertThat(names(ne)).contains("bob", "cy").doesNotContain("ann");
        assertThat(names(not)).containsExactlyInAnyOrderElementsOf(names(ne));
        assertThat(not.body().get("@odata.count").asLong())
                .isEqualTo(ne.body().get("@odata.count").asLong());
    }

    @Test
    void filtersGraphOffersOnCollectionsAndEndings() {
        assertThat(names(admin.get(users("endswith(mail,'@fabrikam.example')"), EVENTUAL)))
                .containsExactly("bob");
        assertThat(names(admin.get(users("proxyAddresses/any(x:startswith(x,'smtp:ann@'))"), EVENTUAL)))
                .containsExactly("ann");
        assertThat(names(admin.get(users("proxyAddresses/any(x:x eq 'SMTP:bob@fabrikam.example')"), EVENTUAL)))
                .containsExactly("bob");
        assertThat(admin.get("/v1.0/groups?$filter=" + encode("groupTypes/any(c:c eq 'DynamicMembership')"))
                        .body()
                        .get("value"))
                .isEmpty();
        assertThat(admin.get(
                                "/v1.0/groups?$filter=" + encode("not(groupTypes/any(c:c eq 'DynamicMembership'))"),
                                EVENTUAL)
                        .body()
                        .get("value"))
                .hasSize(2);
        assertThat(admin.get(users("endswith(mail,'.example')")).status())
                .as("endsWith is an advanced query, as in Graph")
                .isEqualTo(400);
    }

    @Test
    void groupTypesFindsTheGroupsOfThatType() {
        ApiClient tenant = newTenant(org.allot.server.security.store.Role.GLOBAL_ADMINISTRATOR);
        for (String group : List.of("""
                {"displayName":"Plain","mailEnabled":false,"mailNickname":"plain","securityEnabled":true}""", """
                {"displayName":"Newsletter","mailEnabled":false,"mailNickname":"newsletter","securityEnabled":false,
                 "groupTypes":["Unified"]}""", """
                {"displayName":"Everyone in Sales","mailEnabled":false,"mailNickname":"sales","securityEnabled":true,
                 "groupTypes":["DynamicMembership"],"membershipRule":"user.department -eq \\"Sales\\"",
                 "membershipRuleProcessingState":"On"}""")) {
            ApiClient.Response created = tenant.post("/v1.0/groups", group);
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        }

        assertThat(names(tenant.get("/v1.0/groups?$filter=" + encode("groupTypes/any(c:c eq 'DynamicMembership')"))))
                .containsExactly("Everyone in Sales");
        assertThat(names(tenant.get("/v1.0/groups?$filter=" + encode("groupTypes/any(c:c eq 'Unified')"))))
                .containsExactly("Newsletter");
        assertThat(names(tenant.get(
                        "/v1.0/groups?$filter=" + encode("not(groupTypes/any(c:c eq 'DynamicMembership'))"), EVENTUAL)))
                .containsExactlyInAnyOrder("Plain", "Newsletter");
    }

    @Test
    void aNextLinkOfAnAdvancedQueryWorksWithoutTheHeaderAgain() {
        ApiClient.Response first = admin.get(users("usageLocation ne 'XX'") + "&$top=1", EVENTUAL);
        String next = first.body().get("@odata.nextLink").asString();

        ApiClient.Response second = admin.get(next.substring(next.indexOf("/v1.0/")));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("value")).hasSize(1);
    }

    @Test
    void directAssignmentsSendAssignedByGroupAsNull() {
        Product ems = product("EMS");
        subscribe(admin, "EMS", 5);
        graph.users()
                .byUserId(ann)
                .assignLicense()
                .post(GraphSdkScenariosIT.assign(ems.skuId().value()));

        JsonNode states = admin.get("/v1.0/users/" + ann + "?$select=licenseAssignmentStates")
                .body()
                .get("licenseAssignmentStates");

        assertThat(states).hasSize(1);
        assertThat(states.get(0).has("assignedByGroup")).isTrue();
        assertThat(states.get(0).get("assignedByGroup").isNull()).isTrue();
        var details = graph.users()
                .byUserId(ann)
                .licenseDetails()
                .get(rc -> rc.queryParameters.select = new String[] {"skuPartNumber"});
        assertThat(details.getValue()).singleElement().satisfies(d -> {
            assertThat(d.getSkuPartNumber()).isEqualTo("EMS");
            assertThat(d.getServicePlans()).isNull();
        });
    }
}
