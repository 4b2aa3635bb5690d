package org.allot.core.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.User;

/**
 * The membership rule of a dynamic group, parsed: {@code (user.department -eq "Sales") -and (user.usageLocation -in
 * ["US","CA"])}. See docs/dynamic-groups.md for the syntax.
 */
public final class MembershipRule {
    /** Entra's limit on the length of a rule. */
    public static final int MAX_LENGTH = GroupAttribute.MEMBERSHIP_RULE.maxLength();
    /**
     * Allot's limit on the conditions of a rule saved or previewed (Entra documents none for rules written as text;
     * its rule builder stops at five). 3,072 characters hold about 150 of the shortest.
     */
    public static final int MAX_CONDITIONS = 100;

    private final String text;
    private final RuleExpression expression;

    private MembershipRule(String text, RuleExpression expression) {
        this.text = text;
        this.expression = expression;
    }

    /**
     * A rule being saved or previewed, parsed; or a refusal saying where and why it does not parse, breaks a limit or
     * is too costly to evaluate ({@link RuleCost}).
     */
    public static Outcome<MembershipRule> parse(String text) {
        Optional<RuleProblem> problem = check(text);
        if (problem.isPresent()) {
            return Outcome.refused(Rejection.invalid(
                    "Invalid membership rule: %s", problem.get().message()));
        }
        return Outcome.done(new MembershipRule(text, RuleParser.parse(text).expression()));
    }

    /**
     * A rule already saved, parsed as it was accepted then: limits added since are not applied again, so that a
     * stored rule keeps working (its evaluation is still capped per user); empty when it does not parse.
     */
    static Optional<MembershipRule> parseStored(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        RuleParser.Result result = RuleParser.parse(text);
        return result.problem() == null ? Optional.of(new MembershipRule(text, result.expression())) : Optional.empty();
    }

    /**
     * What is wrong with a rule being saved or previewed, with its position; empty when it parses, keeps to the limits
     * and is cheap enough to evaluate.
     */
    public static Optional<RuleProblem> check(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new RuleProblem(1, "The membership rule is empty."));
        }
        if (text.length() > MAX_LENGTH) {
            return Optional.of(new RuleProblem(
                    MAX_LENGTH + 1,
                    "A membership rule has at most " + MAX_LENGTH + " characters; this one has " + text.length()
                            + "."));
        }
        RuleParser.Result result = RuleParser.parse(text);
        if (result.problem() != null) {
            return Optional.of(result.problem());
        }
        List<RuleExpression.Comparison> conditions = new ArrayList<>();
        result.expression().collectComparisons(conditions);
        if (conditions.size() > MAX_CONDITIONS) {
            RuleExpression.Comparison first = conditions.get(MAX_CONDITIONS);
            return Optional.of(new RuleProblem(
                    first.position(),
                    "A membership rule has at most " + MAX_CONDITIONS + " conditions; this one has "
                            + conditions.size() + " (the first one too many is at position " + first.position()
                            + "). Compare with a list instead: user.city -in [\"Lagos\", \"Ibadan\"]."));
        }
        return RuleCost.check(result.expression());
    }

    public String text() {
        return text;
    }

    /**
     * Whether the user, who holds these active plans, belongs in the group: one evaluation on the budget, which throws
     * {@link RuleBudget.Exhausted} (naming the condition) when the evaluation or the request runs out of steps.
     */
    public boolean matches(User user, Set<ServicePlanId> assignedPlans, RuleBudget budget) {
        budget.start();
        try {
            return expression.test(RuleFacts.of(user, assignedPlans, budget));
        } finally {
            budget.finish();
        }
    }

    /** {@link #matches(User, Set, RuleBudget)} on a budget of its own. */
    public boolean matches(User user, Set<ServicePlanId> assignedPlans) {
        return matches(user, assignedPlans, RuleBudget.forBackground());
    }

    /**
     * Whether a change to a user touched any property a membership rule can read (a change that did not cannot move
     * the user in or out of any rule-based group or unit).
     */
    public static boolean anyReadPropertyChanged(User before, User after) {
        return RuleProperty.anyChanged(before, after);
    }

    /** Whether the rule reads {@code user.assignedPlans}, so a user's licenses can change whether they match. */
    public boolean readsAssignedPlans() {
        return expression.readsAssignedPlans();
    }

    /**
     * The plans whose presence can change whether a user matches: the ids an {@code -any} condition pins with
     * {@code -eq} or {@code -in}, or every plan ({@link PlanReferences#everyPlan()}) for other conditions and
     * {@code -all}.
     */
    public PlanReferences planReferences() {
        Set<ServicePlanId> plans = new HashSet<>();
        boolean every = expression.collectPlans(plans);
        return new PlanReferences(every, Set.copyOf(plans));
    }

    /** The plans a rule depends on: every plan, or these. */
    public record PlanReferences(boolean everyPlan, Set<ServicePlanId> plans) {
        public boolean isEmpty() {
            return !everyPlan && plans.isEmpty();
        }

        public boolean anyOf(Set<ServicePlanId> granted) {
            return everyPlan ? !granted.isEmpty() : granted.stream().anyMatch(plans::contains);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MembershipRule r && r.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
