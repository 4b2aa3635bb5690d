package org.allot.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserType;
import org.junit.jupiter.api.Test;

/** What each operator means, evaluated against users as Entra evaluates them. */
class MembershipRuleEvaluationTest {
    private static final ServicePlanId EXCHANGE = ServicePlanId.of("efb87545-963c-4e0d-99df-69c6916d9eb0");
    private static final ServicePlanId TEAMS = ServicePlanId.of("57ff2da0-773e-42df-b2af-ffb7a2317929");

    private final User ada = User.builder(UserId.random(), "ada@contoso.com", Instant.EPOCH)
            .displayName("Ada Lovelace")
            .department("Sales")
            .usageLocation(UsageLocation.of("US"))
            .set(UserAttribute.JOB_TITLE, "Senior Engineer")
            .set(UserAttribute.MAIL, "ada@contoso.com")
            .set(UserAttribute.CITY, "Paris")
            .build();

    @Test
    void extensionAttributesAreReadAsEntraNamesThem() {
        User contractor = ada.toBuilder()
                .set(UserAttribute.EXTENSION_ATTRIBUTE_1, "Contractor")
                .set(UserAttribute.EXTENSION_ATTRIBUTE_15, "cost-4711")
                .build();

        assertThat(rule("user.extensionAttribute1 -eq \"contractor\"").matches(contractor, Set.of()))
                .isTrue();
        assertThat(rule("user.extensionattribute15 -startsWith \"cost-\"").matches(contractor, Set.of()))
                .isTrue();
        assertThat(rule("user.extensionAttribute2 -eq null").matches(contractor, Set.of()))
                .isTrue();
        assertThat(matches("user.extensionAttribute1 -eq \"Contractor\"")).isFalse();
        assertThat(MembershipRule.parse("user.extensionAttribute16 -eq \"x\"")
                        .rejection()
                        .message())
                .contains("extensionAttribute16");
    }

    @Test
    void equalsIgnoresCase() {
        assertThat(matches("user.department -eq \"sales\"")).isTrue();
        assertThat(matches("user.department -eq \"SALES\"")).isTrue();
        assertThat(matches("user.department -eq \"Sale\"")).isFalse();
        assertThat(matches("user.department -ne \"Marketing\"")).isTrue();
    }

    @Test
    void aMissingValueEqualsOnlyNull() {
        assertThat(matches("user.country -eq null")).isTrue();
        assertThat(matches("user.country -ne null")).isFalse();
        assertThat(matches("user.department -eq null")).isFalse();
        assertThat(matches("user.department -ne $null")).isTrue();
        assertThat(matches("user.country -eq \"\"")).isFalse();
    }

    @Test
    void startsWithAndEndsWithIgnoreCase() {
        assertThat(matches("user.jobTitle -startsWith \"senior\"")).isTrue();
        assertThat(matches("user.jobTitle -notStartsWith \"senior\"")).isFalse();
        assertThat(matches("user.mail -endsWith \"@CONTOSO.com\"")).isTrue();
        assertThat(matches("user.mail -notEndsWith \"@fabrikam.com\"")).isTrue();
    }

    @Test
    void containsIsAPartialTextMatch() {
        assertThat(matches("user.jobTitle -contains \"engin\"")).isTrue();
        assertThat(matches("user.jobTitle -notContains \"manager\"")).isTrue();
        assertThat(matches("user.jobTitle -contains \"manager\"")).isFalse();
    }

    @Test
    void theNegativeOperatorsHoldForMissingValues() {
        assertThat(matches("user.country -startsWith \"S\"")).isFalse();
        assertThat(matches("user.country -notStartsWith \"S\"")).isTrue();
        assertThat(matches("user.country -notContains \"x\"")).isTrue();
        assertThat(matches("user.country -notIn [\"Sweden\"]")).isTrue();
        assertThat(matches("user.country -notMatch \".*\"")).isTrue();
    }

    @Test
    void matchFindsARegularExpressionAnywhereIgnoringCase() {
        assertThat(matches("user.displayName -match \"^ada\"")).isTrue();
        assertThat(matches("user.displayName -match \"lace$\"")).isTrue();
        assertThat(matches("user.displayName -match \"love\"")).isTrue();
        assertThat(matches("user.displayName -match \"^love\"")).isFalse();
        assertThat(matches("user.displayName -notMatch \"^Da.*\"")).isTrue();
    }

    @Test
    void aPatternThatRunsOutOfItsStepBudgetStopsTheEvaluation() {
        User slow = ada.toBuilder().displayName("a".repeat(200) + "!").build();

        assertThat(MembershipRule.parse("user.displayName -match \"^(a*)*b$\"").isDone())
                .as("refused when saved")
                .isFalse();
        assertThat(MembershipRule.parse("user.displayName -match \".*.*.*.*.*b\"")
                        .isDone())
                .as("refused when saved: too costly on a test value")
                .isFalse();
        RuleBudget budget = RuleBudget.forBackground();
        budget.start();
        assertThatThrownBy(() -> RulePattern.compile(".*.*.*.*.*b").pattern().find(slow.displayName(), budget))
                .as("polynomial backtracking stops at the budget")
                .isInstanceOf(RuleBudget.Exhausted.class);
    }

    @Test
    void inComparesWithEachValueOfTheList() {
        assertThat(matches("user.usageLocation -in [\"US\",\"CA\"]")).isTrue();
        assertThat(matches("user.usageLocation -in [\"se\", \"us\"]")).isTrue();
        assertThat(matches("user.usageLocation -notIn [\"US\",\"CA\"]")).isFalse();
        assertThat(matches("user.city -in ['Lagos', 'Ibadan']")).isFalse();
    }

    @Test
    void booleanPropertiesCompareWithTrueAndFalse() {
        assertThat(matches("user.accountEnabled -eq true")).isTrue();
        assertThat(matches("user.accountEnabled -ne true")).isFalse();
        assertThat(matches("user.onPremisesSyncEnabled -eq false")).isTrue();
        assertThat(matches("user.dirSyncEnabled -eq \"false\"")).isTrue();
    }

    @Test
    void userTypeUsageLocationAndObjectIdReadAsText() {
        assertThat(matches("user.userType -eq \"member\"")).isTrue();
        assertThat(matches("user.usageLocation -eq \"us\"")).isTrue();
        assertThat(matches("user.objectId -ne null")).isTrue();
        assertThat(matches("user.objectId -eq \"" + ada.id() + "\"")).isTrue();
        User guest = ada.toBuilder().userType(UserType.Guest).build();
        assertThat(rule("(user.objectId -ne null) -and (user.userType -eq \"Member\")")
                        .matches(guest, Set.of()))
                .isFalse();
    }

    @Test
    void numbersCompareAsText() {
        User numbered = ada.toBuilder().set(UserAttribute.EMPLOYEE_ID, "12345").build();

        assertThat(rule("user.employeeId -eq 12345").matches(numbered, Set.of()))
                .isTrue();
        assertThat(rule("user.employeeId -startsWith 123").matches(numbered, Set.of()))
                .isTrue();
    }

    @Test
    void andBindsTighterThanOr() {
        // true -or (false -and false)
        assertThat(matches("user.city -eq \"Paris\" -or user.city -eq \"Rome\" -and user.department -eq \"HR\""))
                .isTrue();
        // (true -or false) -and false
        assertThat(matches("(user.city -eq \"Paris\" -or user.city -eq \"Rome\") -and user.department -eq \"HR\""))
                .isFalse();
    }

    @Test
    void notBindsTighterThanAndButLooserThanComparisons() {
        assertThat(matches("-not user.city -eq \"Rome\" -and user.department -eq \"Sales\""))
                .isTrue();
        assertThat(matches("-not (user.city -eq \"Paris\" -and user.department -eq \"Sales\")"))
                .isFalse();
        assertThat(matches("not not user.city -eq \"Paris\"")).isTrue();
    }

    @Test
    void anyHoldsWhenOneActivePlanMatches() {
        MembershipRule hasExchange = rule("user.assignedPlans -any (assignedPlan.servicePlanId -eq \"" + EXCHANGE
                + "\" -and assignedPlan.capabilityStatus -eq \"Enabled\")");

        assertThat(hasExchange.matches(ada, Set.of(TEAMS, EXCHANGE))).isTrue();
        assertThat(hasExchange.matches(ada, Set.of(TEAMS))).isFalse();
        assertThat(hasExchange.matches(ada, Set.of())).isFalse();
    }

    @Test
    void allHoldsWhenEveryActivePlanMatchesAndForUsersWithoutPlans() {
        MembershipRule unlicensed = rule("user.assignedPlans -all (assignedPlan.servicePlanId -eq null)");
        MembershipRule onlyTeams = rule("user.assignedPlans -all (assignedPlan.servicePlanId -in [\"" + TEAMS + "\"])");

        assertThat(unlicensed.matches(ada, Set.of())).isTrue();
        assertThat(unlicensed.matches(ada, Set.of(TEAMS))).isFalse();
        assertThat(onlyTeams.matches(ada, Set.of(TEAMS))).isTrue();
        assertThat(onlyTeams.matches(ada, Set.of(TEAMS, EXCHANGE))).isFalse();
    }

    @Test
    void aRuleKnowsWhichPlansItDependsOn() {
        assertThat(rule("user.department -eq \"Sales\"").readsAssignedPlans()).isFalse();
        assertThat(rule("user.department -eq \"Sales\"").planReferences().isEmpty())
                .isTrue();

        MembershipRule pinned = rule("user.assignedPlans -any (assignedPlan.servicePlanId -eq \"" + EXCHANGE
                + "\" -or assignedPlan.servicePlanId -in [\"" + TEAMS + "\"])");
        assertThat(pinned.readsAssignedPlans()).isTrue();
        assertThat(pinned.planReferences().everyPlan()).isFalse();
        assertThat(pinned.planReferences().plans()).containsExactlyInAnyOrder(EXCHANGE, TEAMS);

        assertThat(rule("user.assignedPlans -any (assignedPlan.capabilityStatus -eq \"Enabled\")")
                        .planReferences()
                        .everyPlan())
                .isTrue();
        assertThat(rule("user.assignedPlans -all (assignedPlan.servicePlanId -eq null)")
                        .planReferences()
                        .everyPlan())
                .isTrue();
    }

    private boolean matches(String rule) {
        return rule(rule).matches(ada, Set.of());
    }

    private static MembershipRule rule(String text) {
        return MembershipRule.parse(text).value();
    }
}
