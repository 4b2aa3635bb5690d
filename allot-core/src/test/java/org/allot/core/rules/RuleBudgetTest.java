package org.allot.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.allot.core.ErrorCode;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Rule evaluation runs on a budget: a rule that would backtrack catastrophically is refused when it is saved or
 * previewed, naming its condition, and a stored rule that turns out costly on some user's data cannot hold a request or
 * a worker.
 */
class RuleBudgetTest {
    /** A pattern that backtracks polynomially on any text without an x: 19 unbounded wildcards in a row. */
    private static final String CATASTROPHIC = "user.displayName -match \"" + ".*".repeat(19) + "x\"";
    /** Costly only on text of q's (\x71), which no test value holds: the cost check lets it through. */
    private static final String COSTLY_ON_QS = "user.department -match \"" + "\\x71*".repeat(6) + "z\"";

    private final Scenario contoso = Scenario.contoso();

    @Test
    void twentyCatastrophicPatternsAreRefusedAtTheFirstQuickly() {
        String rule = IntStream.range(0, 20).mapToObj(i -> CATASTROPHIC).collect(Collectors.joining(" -or "));
        long start = System.nanoTime();

        RuleProblem problem = MembershipRule.check(rule).orElseThrow();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(problem.position()).isEqualTo(1);
        assertThat(problem.message())
                .startsWith("The membership rule is too costly to evaluate: at the condition at position 1"
                        + " (user.displayName -match \".*.*")
                .contains("takes more than 1,000,000 steps on a test value of 256 characters");
    }

    @Test
    void theCostlyConditionIsNamedWhereverItIs() {
        String rule = "user.department -eq \"Sales\" -and (user.city -eq \"Paris\" -or " + CATASTROPHIC + ")";

        RuleProblem problem = MembershipRule.check(rule).orElseThrow();

        assertThat(problem.position()).isEqualTo(rule.indexOf("user.displayName") + 1);
        assertThat(MembershipRule.parse(rule).rejection().message())
                .startsWith("Invalid membership rule: The membership rule is too costly to evaluate");
        assertThat(MembershipRule.check("user.displayName -match \"" + "\\d*".repeat(6) + "x\""))
                .as("digits repeated")
                .isPresent();
    }

    @Test
    void ordinaryPatternsPassTheCostCheck() {
        for (String pattern : List.of(
                "^Da.*",
                ".*vid",
                ".*?ago.*",
                "@contoso\\.com$",
                "^(sales|marketing)$",
                ".*sales.*",
                "^[A-Z]{2}-\\d{4}$",
                "(ab)?c+(de)+")) {
            assertThat(MembershipRule.check("user.displayName -match \"" + pattern + "\""))
                    .as(pattern)
                    .isEmpty();
        }
    }

    @Test
    void aRuleHasAtMostAHundredConditionsWhenSavedButAStoredOneKeepsWorking() {
        String rule = IntStream.range(0, MembershipRule.MAX_CONDITIONS + 1)
                .mapToObj(i -> "user.city -eq \"c" + i + "\"")
                .collect(Collectors.joining(" -or "));

        RuleProblem problem = MembershipRule.check(rule).orElseThrow();

        assertThat(problem.message())
                .startsWith("A membership rule has at most 100 conditions; this one has 101 (the first one too many is"
                        + " at position ");
        assertThat(problem.position()).isEqualTo(rule.lastIndexOf("user.city") + 1);
        assertThat(MembershipRule.parseStored(rule))
                .as("saved before the limit")
                .isPresent();
    }

    @Test
    void anEvaluationThatRunsOutNamesItsCondition() {
        User qs = User.builder(UserId.random(), "q@contoso.com", Instant.EPOCH)
                .department("q".repeat(60))
                .build();
        MembershipRule rule = MembershipRule.parse("user.city -ne \"Paris\" -and " + COSTLY_ON_QS)
                .value();

        assertThatThrownBy(() -> rule.matches(qs, Set.of())).isInstanceOfSatisfying(RuleBudget.Exhausted.class, e -> {
            assertThat(e.byRequest()).isFalse();
            assertThat(e.problem().position()).isEqualTo("user.city -ne \"Paris\" -and ".length() + 1);
            assertThat(e.problem().message()).contains("used up the budget of 1,000,000 steps for one user");
        });
    }

    @Test
    void aPreviewThatRunsOutOfBudgetIsRefusedNamingTheCondition() {
        contoso.aUser("ada").inDepartment("Sales").create();
        contoso.aUser("qs").inDepartment("q".repeat(60)).create();

        var refused = contoso.allot
                .membershipPreview()
                .preview(contoso.admin, null, COSTLY_ON_QS, 10)
                .rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.message())
                .startsWith("Invalid membership rule: The membership rule is too costly to evaluate: the condition at"
                        + " position 1 (user.department -match \"\\x71*");
    }

    @Test
    void aRequestBudgetCoversAllItsEvaluations() {
        RuleBudget budget = RuleBudget.forRequest();
        MembershipRule rule = MembershipRule.parse(COSTLY_ON_QS).value();
        // about 130,000 steps: within one user's budget, far above the average a request allows per user
        User dear = User.builder(UserId.random(), "q@contoso.com", Instant.EPOCH)
                .department("q".repeat(12))
                .build();
        User cheap = dear.toBuilder().department("Sales").build();
        int evaluations = 0;

        RuleBudget.Exhausted stopped = null;
        try {
            while (evaluations < 10_000) {
                rule.matches(evaluations % 2 == 0 ? dear : cheap, Set.of(), budget);
                evaluations++;
            }
        } catch (RuleBudget.Exhausted e) {
            stopped = e;
        }

        assertThat(stopped).isNotNull();
        assertThat(stopped.byRequest()).isTrue();
        assertThat(stopped.problem().message())
                .contains("this request's budget of 20,000,000 steps plus 20,000 per user");
        assertThat(evaluations)
                .as("about 20,000,000 / (130,000 / 2 - 20,000) users")
                .isBetween(200, 600);
    }

    @Test
    void aStoredRuleThatRunsOutForOneUserLeavesThatUsersMembershipAloneAndDecidesTheOthers() {
        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        GroupId group = contoso.aGroup("Costly")
                .withRule("user.department -eq \"Sales\"")
                .create();
        Group stored = contoso.allot.groups().find(contoso.tenant, group).orElseThrow();
        // a rule saved behind the cost check's back (or whose cost shows only on data that came later)
        contoso.allot
                .groups()
                .update(
                        contoso.tenant,
                        stored.withMembershipRule(COSTLY_ON_QS + " -or user.department -eq \"Sales\"", "On"));
        UserId qs = contoso.aUser("qs").inDepartment("q".repeat(60)).create();
        UserId bob = contoso.aUser("bob").inDepartment("Sales").create();

        contoso.allot.dynamicMembership().recompute(contoso.admin, group).value();

        assertThat(contoso.membersOf(group))
                .as("ada and bob decided; qs, whose evaluation ran out, left as they were")
                .containsExactlyInAnyOrder(ada, bob);
        assertThat(contoso.membersOf(group)).doesNotContain(qs);
    }

    @Test
    void savingACatastrophicRuleIsRefusedAndChangesNothing() {
        GroupId group = contoso.aGroup("Sales")
                .withRule("user.department -eq \"Sales\"")
                .create();

        var refused = contoso.setRule(group, CATASTROPHIC).rejection();

        assertThat(refused.message()).startsWith("Invalid membership rule: The membership rule is too costly");
        assertThat(contoso.allot
                        .groups()
                        .find(contoso.tenant, group)
                        .orElseThrow()
                        .membershipRule())
                .isEqualTo("user.department -eq \"Sales\"");
    }
}
