package org.allot.server.web.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.allot.core.query.Entity;
import org.allot.core.query.Filter;
import org.allot.core.query.Property;
import org.junit.jupiter.api.Test;

class FilterParserTest {

    @Test
    void aLambdaOverStringsComparesItsElements() {
        Filter filter = FilterParser.parse("groupTypes/any(c:c eq 'DynamicMembership')", Entity.GROUP, false);

        assertThat(filter)
                .isEqualTo(new Filter.Compare(
                        property(Entity.GROUP, "groupTypes/any"), Filter.Operator.EQ, "DynamicMembership"));
    }

    @Test
    void aLambdaTakesStartsWithAndInOnItsVariable() {
        assertThat(FilterParser.parse("proxyAddresses/any(x:startswith(x,'smtp:ann'))", Entity.USER, false))
                .isEqualTo(new Filter.StartsWith(property(Entity.USER, "proxyAddresses/any"), "smtp:ann"));
        assertThat(FilterParser.parse("proxyAddresses/any(x:x in ('a','b'))", Entity.USER, false))
                .isEqualTo(new Filter.In(property(Entity.USER, "proxyAddresses/any"), List.of("a", "b")));
    }

    @Test
    void aLambdaOverObjectsNamesAFieldOfItsVariable() {
        assertThat(FilterParser.parse("targetResources/any(t:t/displayName eq 'ann')", Entity.AUDIT, false))
                .isEqualTo(new Filter.Compare(
                        property(Entity.AUDIT, "targetResources/any/displayName"), Filter.Operator.EQ, "ann"));
    }

    @Test
    void aLambdaBodyMustUseItsVariable() {
        assertThatThrownBy(() -> FilterParser.parse("groupTypes/any(c:d eq 'x')", Entity.GROUP, false))
                .isInstanceOf(BadRequest.class)
                .hasMessageContaining("lambda variable 'c'");
        assertThatThrownBy(() -> FilterParser.parse("groupTypes/any(c:c eq 'x'", Entity.GROUP, false))
                .isInstanceOf(BadRequest.class)
                .hasMessageContaining("')'");
    }

    @Test
    void endsWithIsAnAdvancedQuery() {
        assertThat(FilterParser.parse("endswith(mail,'@contoso.com')", Entity.USER, true))
                .isEqualTo(new Filter.EndsWith(property(Entity.USER, "mail"), "@contoso.com"));
        assertThatThrownBy(() -> FilterParser.parse("endswith(mail,'@contoso.com')", Entity.USER, false))
                .isInstanceOf(BadRequest.class)
                .hasMessageContaining("ConsistencyLevel");
    }

    @Test
    void namesTakeGeAndLeWithoutAnAdvancedQueryAsInGraph() {
        assertThat(FilterParser.parse("displayName ge 'M'", Entity.USER, false))
                .isEqualTo(new Filter.Compare(property(Entity.USER, "displayName"), Filter.Operator.GE, "M"));
        assertThat(FilterParser.parse("userPrincipalName le 'n'", Entity.USER, false))
                .isEqualTo(new Filter.Compare(property(Entity.USER, "userPrincipalName"), Filter.Operator.LE, "n"));
        assertThat(FilterParser.parse("displayName ge 'M' and mailNickname le 'x'", Entity.GROUP, false))
                .isInstanceOf(Filter.And.class);
        assertThat(FilterParser.parse("onPremisesImmutableId ge 'a'", Entity.USER, false))
                .isInstanceOf(Filter.Compare.class);
    }

    @Test
    void textTakesNoOtherOrderingThanGraphDoes() {
        for (String refused :
                List.of("displayName gt 'M'", "userPrincipalName lt 'n'", "userType ge 'M'", "displayName ge null")) {
            assertThatThrownBy(() -> FilterParser.parse(refused, Entity.USER, true))
                    .as(refused)
                    .isInstanceOf(BadRequest.class);
        }
        assertThatThrownBy(() -> FilterParser.parse("onPremisesSecurityIdentifier ge 'S-1'", Entity.USER, true))
                .isInstanceOf(BadRequest.class)
                .hasMessageStartingWith("Unsupported or invalid query filter clause specified for property"
                        + " 'onPremisesSecurityIdentifier' of resource 'User'.");
    }

    @Test
    void onPremisesSamAccountNameIsFilteredOnlyInAdvancedQueriesWithGraphsError() {
        for (Entity entity : List.of(Entity.USER, Entity.GROUP)) {
            for (String filter : List.of(
                    "onPremisesSamAccountName eq 'ann'",
                    "onPremisesSamAccountName in ('ann')",
                    "startsWith(onPremisesSamAccountName,'a')",
                    "onPremisesSamAccountName ge 'a'")) {
                assertThatThrownBy(() -> FilterParser.parse(filter, entity, false))
                        .as(filter)
                        .isInstanceOf(BadRequest.class)
                        .hasMessage("Unsupported or invalid query filter clause specified for property"
                                + " 'onPremisesSamAccountName' of resource '"
                                + (entity.equals(Entity.USER) ? "User" : "Group") + "'.");
                assertThat(FilterParser.parse(filter, entity, true)).as(filter).isNotNull();
            }
        }
        assertThat(FilterParser.parse("onPremisesImmutableId eq 'AAA='", Entity.USER, false))
                .as("eq on onPremisesImmutableId works by default in Graph")
                .isEqualTo(
                        new Filter.Compare(property(Entity.USER, "onPremisesImmutableId"), Filter.Operator.EQ, "AAA="));
    }

    @Test
    void notOfAComparisonIsKeptForTheStorageToReadAsOData() {
        assertThat(FilterParser.parse("not(usageLocation eq 'US')", Entity.USER, true))
                .isEqualTo(new Filter.Not(
                        new Filter.Compare(property(Entity.USER, "usageLocation"), Filter.Operator.EQ, "US")));
    }

    @Test
    void searchClausesAreSplitIntoWordsAsGraphTokenises() {
        assertThat(SearchParser.parse("\"displayName:OneVideo team\"", Entity.USER))
                .isEqualTo(new Filter.Search(property(Entity.USER, "displayName"), List.of("one", "video", "team")));
        assertThat(SearchParser.words("ann.lee@Contoso-EMEA.example"))
                .containsExactly("ann", "lee", "contoso", "emea", "example");
    }

    @Test
    void searchAndBindsBeforeOr() {
        Filter ann = new Filter.Search(property(Entity.USER, "displayName"), List.of("ann"));
        Filter mail = new Filter.Search(property(Entity.USER, "mail"), List.of("contoso"));
        Filter upn = new Filter.Search(property(Entity.USER, "userPrincipalName"), List.of("bob"));

        assertThat(SearchParser.parse(
                        "\"displayName:ann\" AND \"mail:contoso\" OR \"userPrincipalName:bob\"", Entity.USER))
                .isEqualTo(new Filter.Or(List.of(new Filter.And(List.of(ann, mail)), upn)));
    }

    @Test
    void searchRefusesClausesGraphRefuses() {
        for (String bad : List.of(
                "displayName:ann",
                "\"ann\"",
                "\"jobTitle:x\"",
                "\"displayName:ann\" \"mail:x\"",
                "\"displayName:ann\" OR",
                "\"displayName:..\"",
                "\"displayName:ann",
                "")) {
            assertThatThrownBy(() -> SearchParser.parse(bad, Entity.USER))
                    .as(bad)
                    .isInstanceOf(BadRequest.class);
        }
    }

    @Test
    void assignedPlansTakesAServicePlanIdOnUsers() {
        java.util.UUID plan = java.util.UUID.fromString("efb87545-963c-4e0d-99df-69c6916d9eb0");

        assertThat(FilterParser.parse("assignedPlans/any(a:a/servicePlanId eq " + plan + ")", Entity.USER, false))
                .isEqualTo(Filter.HasPlan.named(plan, null, null));
        assertThat(FilterParser.parse(
                        "assignedPlans/any(a:a/servicePlanId eq " + plan + " and a/capabilityStatus eq 'Enabled')",
                        Entity.USER,
                        false))
                .isEqualTo(Filter.HasPlan.named(plan, null, "Enabled"));
        assertThatThrownBy(() -> FilterParser.parse(
                        "assignedPlans/any(a:a/servicePlanId eq " + plan + " and a/servicePlanId eq " + plan + ")",
                        Entity.USER,
                        false))
                .isInstanceOf(BadRequest.class);
        assertThatThrownBy(() ->
                        FilterParser.parse("assignedPlans/any(a:a/provisioningStatus eq 'x')", Entity.USER, false))
                .isInstanceOf(BadRequest.class)
                .hasMessageContaining("servicePlanId, service or capabilityStatus");
        assertThatThrownBy(() ->
                        FilterParser.parse("assignedPlans/any(a:a/servicePlanId eq " + plan + ")", Entity.GROUP, false))
                .isInstanceOf(BadRequest.class);
    }

    @Test
    void assignedPlansTakesTheServiceFamilyAsAssignedPlanShowsIt() {
        java.util.UUID plan = java.util.UUID.fromString("efb87545-963c-4e0d-99df-69c6916d9eb0");

        assertThat(FilterParser.parse("assignedPlans/any(a:a/service eq 'exchange')", Entity.USER, false))
                .isEqualTo(Filter.HasPlan.named(null, "exchange", null));
        assertThat(FilterParser.parse(
                        "assignedPlans/any(a:a/service eq 'exchange' and a/capabilityStatus eq 'Enabled')",
                        Entity.USER,
                        false))
                .isEqualTo(Filter.HasPlan.named(null, "exchange", "Enabled"));
        assertThat(FilterParser.parse(
                        "assignedPlans/any(a:a/servicePlanId eq " + plan + " and a/service eq 'exchange')",
                        Entity.USER,
                        false))
                .isEqualTo(Filter.HasPlan.named(plan, "exchange", null));
        assertThatThrownBy(() -> FilterParser.parse("assignedPlans/any(a:a/service eq exchange)", Entity.USER, false))
                .isInstanceOf(BadRequest.class)
                .hasMessageContaining("quoted string");
        assertThatThrownBy(() -> FilterParser.parse("assignedPlans/any(a:a/service ne 'exchange')", Entity.USER, false))
                .isInstanceOf(BadRequest.class)
                .hasMessageContaining("only 'eq'");
        assertThatThrownBy(() -> FilterParser.parse(
                        "assignedPlans/any(a:a/service eq 'exchange' and a/service eq 'SharePoint')",
                        Entity.USER,
                        false))
                .isInstanceOf(BadRequest.class);
    }

    private static Property property(Entity entity, String name) {
        return entity.property(name).orElseThrow();
    }
}
