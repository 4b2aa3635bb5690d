package org.allot.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which rules parse, and how a rule that does not is refused: with the position and what was expected. */
class MembershipRuleSyntaxTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "user.department -eq \"Sales\"",
                "(user.department -eq \"Sales\") -and (user.usageLocation -in [\"US\",\"CA\"])",
                "user.department -ne null",
                "user.accountEnabled -eq true",
                "user.onPremisesSyncEnabled -eq false",
                "user.dirSyncEnabled -ne true",
                "user.jobTitle -startsWith \"SDE\"",
                "user.jobTitle -notStartsWith \"SDE\"",
                "user.mail -endsWith \"@contoso.com\"",
                "user.mail -notEndsWith \"@contoso.com\"",
                "user.companyName -contains \"Contoso\"",
                "user.companyName -notContains \"Fabrikam\"",
                "user.displayName -match \"^Da.*\"",
                "user.displayName -notMatch \".*vid$\"",
                "user.city -in [\"Lagos\", \"Ibadan\"]",
                "user.country -notIn ['Sweden', 'Norway']",
                "user.userType -eq \"Member\"",
                "user.employeeId -eq 12345",
                "user.userPrincipalName -startsWith \"ada@\"",
                "user.objectId -ne null",
                "-not (user.department -eq \"Sales\")",
                "(user.department -eq \"Sales\") -and -not (user.jobTitle -startsWith \"SDE\")",
                "user.department eq \"Sales\" and user.city ne null",
                "user.Department -EQ \"Sales\" -OR user.City -Eq \"Paris\"",
                "user.mail \u2013ne null",
                "user.assignedPlans -any (assignedPlan.servicePlanId -eq \"efb87545-963c-4e0d-99df-69c6916d9eb0\""
                        + " -and assignedPlan.capabilityStatus -eq \"Enabled\")",
                "user.assignedPlans -all (assignedPlan.servicePlanId -eq null)",
                "user.department -eq \"R`\"n`\"D\"",
                "user.department -eq 'O''Brien'",
                "((((user.department -eq \"Sales\"))))",
                "user.department -eq \"Sales\"\n  -or user.department -eq \"Marketing\""
            })
    void entraRulesParse(String rule) {
        assertThat(MembershipRule.check(rule)).isEmpty();
        assertThat(MembershipRule.parse(rule).value().text()).isEqualTo(rule);
    }

    @Test
    void anUnclosedParenthesisIsRefusedAtTheEndOfTheRule() {
        String rule = "(user.department -eq \"Sales\") -and (user.usageLocation -in [\"US\",\"CA\"]";

        assertThat(problem(rule)).isEqualTo(new RuleProblem(71, "Expected ')' at position 71 but found end of rule."));
    }

    @Test
    void aStrayClosingParenthesisIsRefusedWhereItStands() {
        assertThat(problem("user.department -eq \"Sales\")"))
                .isEqualTo(
                        new RuleProblem(28, "Expected -and, -or or the end of the rule at position 28 but found ')'."));
    }

    @Test
    void anUnknownPropertyIsNamedWithTheKnownOnes() {
        RuleProblem problem = problem("user.department -eq \"Sales\" -and user.shoeSize -eq \"42\"");

        assertThat(problem.position()).isEqualTo(34);
        assertThat(problem.message())
                .startsWith("Unknown property 'user.shoeSize' at position 34. Known properties: user.accountEnabled,")
                .contains("user.department", "user.usageLocation", "user.assignedPlans");
    }

    @Test
    void anUnknownOperatorIsNamedWithTheKnownOnes() {
        RuleProblem problem = problem("user.department -like \"Sa*\"");

        assertThat(problem.position()).isEqualTo(17);
        assertThat(problem.message())
                .startsWith(
                        "Unknown operator '-like' after user.department at position 17. Known operators: -eq, -ne,");
    }

    @Test
    void aMissingOperatorIsExpected() {
        assertThat(problem("user.department \"Sales\""))
                .isEqualTo(new RuleProblem(17, "Expected an operator such as -eq at position 17 but found \"Sales\"."));
    }

    @Test
    void aMissingValueIsExpected() {
        assertThat(problem("user.department -eq"))
                .isEqualTo(new RuleProblem(20, "Expected a value after -eq at position 20 but found end of rule."));
        assertThat(problem("user.department -eq Sales"))
                .isEqualTo(new RuleProblem(21, "Expected a value after -eq at position 21 but found 'Sales'."));
    }

    @Test
    void aRuleMustStartWithAProperty() {
        assertThat(problem("-eq \"Sales\""))
                .isEqualTo(new RuleProblem(
                        1, "Expected a property such as user.department at position 1 but found '-eq'."));
    }

    @Test
    void aDanglingLogicalOperatorExpectsAnotherCondition() {
        assertThat(problem("user.department -eq \"Sales\" -and"))
                .isEqualTo(new RuleProblem(
                        33, "Expected a property such as user.department at position 33 but found end of rule."));
    }

    @Test
    void anUnterminatedStringIsRefusedAtTheEnd() {
        assertThat(problem("user.department -eq \"Sales"))
                .isEqualTo(new RuleProblem(
                        27, "Expected a closing \" for the string starting at position 21 but found end of rule."));
    }

    @Test
    void anUnexpectedCharacterIsRefusedWhereItStands() {
        assertThat(problem("user.department -eq \"Sales\" # comment"))
                .isEqualTo(new RuleProblem(29, "Unexpected character '#' at position 29."));
    }

    @Test
    void inAndNotInNeedAList() {
        assertThat(problem("user.usageLocation -in \"US\""))
                .isEqualTo(new RuleProblem(
                        24, "Expected a list such as [\"US\", \"CA\"] after -in at position 24 but found \"US\"."));
        assertThat(problem("user.usageLocation -in [\"US\", \"CA\""))
                .isEqualTo(new RuleProblem(35, "Expected ']' at position 35 but found end of rule."));
        assertThat(problem("user.usageLocation -in [\"US\", null]").message()).contains("cannot contain null");
    }

    @Test
    void otherOperatorsTakeOneValueNotAList() {
        assertThat(problem("user.usageLocation -eq [\"US\"]"))
                .isEqualTo(new RuleProblem(
                        24,
                        "Expected one value after -eq (use -in or -notIn to compare with a list) at position 24 but"
                                + " found '['."));
    }

    @Test
    void nullIsComparedOnlyWithEqualsAndNotEquals() {
        assertThat(problem("user.department -startsWith null"))
                .isEqualTo(new RuleProblem(
                        29, "null can only be compared with -eq or -ne, not with -startsWith, at position 29."));
    }

    @Test
    void booleanPropertiesTakeTrueOrFalse() {
        assertThat(problem("user.accountEnabled -eq \"yes\""))
                .isEqualTo(new RuleProblem(25, "user.accountEnabled is true or false, not \"yes\" (position 25)."));
        assertThat(problem("user.accountEnabled -contains true"))
                .isEqualTo(new RuleProblem(
                        21,
                        "user.accountEnabled is true or false: compare it with -eq or -ne, not -contains (position"
                                + " 21)."));
    }

    @Test
    void textPropertiesDoNotTakeBareBooleans() {
        assertThat(problem("user.department -eq true").message())
                .isEqualTo("user.department holds text: write true in double quotes if you mean the text (position"
                        + " 21).");
    }

    @Test
    void assignedPlansIsACollectionReadWithAnyOrAll() {
        assertThat(problem("user.assignedPlans -eq \"x\""))
                .isEqualTo(new RuleProblem(
                        20,
                        "Expected -any or -all after user.assignedPlans at position 20 but found '-eq': it is a"
                                + " collection."));
        assertThat(problem("user.assignedPlans -any assignedPlan.servicePlanId -eq null"))
                .isEqualTo(new RuleProblem(25, "Expected '(' at position 25 but found 'assignedPlan.servicePlanId'."));
    }

    @Test
    void assignedPlanPropertiesBelongInsideAnyOrAll() {
        assertThat(problem("assignedPlan.servicePlanId -eq null").message())
                .isEqualTo("Unknown property 'assignedPlan.servicePlanId' at position 1. assignedPlan properties can"
                        + " only be used inside user.assignedPlans -any (…).");
        assertThat(problem("user.assignedPlans -any (user.department -eq \"Sales\")")
                        .message())
                .isEqualTo("Unknown property 'user.department' at position 26. Inside -any and -all only"
                        + " assignedPlan properties can be used.");
    }

    @Test
    void servicePlanIdsAreGuids() {
        assertThat(problem("user.assignedPlans -any (assignedPlan.servicePlanId -eq \"exchange\")"))
                .isEqualTo(new RuleProblem(
                        57,
                        "assignedPlan.servicePlanId takes service plan ids (GUIDs), not \"exchange\" at position"
                                + " 57."));
    }

    @Test
    void anInvalidRegularExpressionIsRefusedAtItsPosition() {
        assertThat(problem("user.displayName -match \"Da(vid\""))
                .satisfies(p -> assertThat(p.position()).isEqualTo(25))
                .satisfies(p -> assertThat(p.message())
                        .startsWith("Invalid regular expression: Unclosed group.")
                        .endsWith("(the pattern at position 25)"));
    }

    @Test
    void catastrophicRegularExpressionsAreRefused() {
        assertThat(problem("user.displayName -match \"(a+)+$\"").message())
                .startsWith("The pattern repeats a group that itself repeats or has alternatives");
        assertThat(problem("user.displayName -match \"^(a|aa)*$\"").message())
                .startsWith("The pattern repeats a group that itself repeats or has alternatives");
        assertThat(problem("user.displayName -match \"((ab)*c)+\"").message())
                .startsWith("The pattern repeats a group");
        assertThat(problem("user.displayName -match \"(a)\\1\"").message())
                .startsWith("Back-references are not allowed");
        assertThat(problem("user.displayName -match \"x{2,}\"")).isNull();
        assertThat(problem("user.displayName -match \"(ab)?c+(de)+\"")).isNull();
    }

    @Test
    void anEmptyRuleIsRefused() {
        assertThat(problem("   ")).isEqualTo(new RuleProblem(1, "The membership rule is empty."));
        assertThat(problem(null)).isEqualTo(new RuleProblem(1, "The membership rule is empty."));
    }

    @Test
    void aRuleLongerThanEntrasLimitIsRefused() {
        String condition = "user.department -eq \"Sales\" -or ";
        String rule = condition.repeat(MembershipRule.MAX_LENGTH / condition.length() + 1) + "user.city -eq null";

        assertThat(problem(rule).message())
                .isEqualTo("A membership rule has at most 3072 characters; this one has " + rule.length() + ".");
    }

    @Test
    void deepNestingIsRefused() {
        String rule = "(".repeat(100) + "user.city -eq null" + ")".repeat(100);

        assertThat(problem(rule).message()).startsWith("The rule nests more than 64 levels deep at position 65.");
    }

    @Test
    void aRefusedRuleIsAnInvalidRequestThatQuotesTheProblem() {
        var refused = MembershipRule.parse("user.department -eq").rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.message())
                .isEqualTo("Invalid membership rule: Expected a value after -eq at position 20 but found end of"
                        + " rule.");
    }

    private static RuleProblem problem(String rule) {
        return MembershipRule.check(rule).orElse(null);
    }
}
