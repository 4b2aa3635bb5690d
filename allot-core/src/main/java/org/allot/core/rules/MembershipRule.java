package org.allot.core.rules;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.User;

/**
 * The membership rule of a dynamic group, parsed: {@code (user.department -eq "Sales") -and (user.usageLocation -in
 * ["US","CA"])}. See docs/dynamic-groups.md for the syntax.
 */
public final class MembershipRule {
    /** Entra's limit on the length of a rule. */
    public static final int MAX_LENGTH = 3072;

    private final String text;
    private final RuleExpression expression;

    private MembershipRule(String text, RuleExpression expression) {
        this.text = text;
        this.expression = expression;
    }

    /** The parsed rule, or a refusal saying where and why it does not parse. */
    public static Outcome<MembershipRule> parse(String text) {
        Optional<RuleProblem> problem = check(text);
        if (problem.isPresent()) {
            return Outcome.refused(Rejection.invalid(
                    "Invalid membership rule: %s", problem.get().message()));
        }
        return Outcome.done(new MembershipRule(text, RuleParser.parse(text).expression()));
    }

    /** What is wrong with a rule, with its position; empty when it parses. */
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
        return Optional.ofNullable(RuleParser.parse(text).problem());
    }

    public String text() {
        return text;
    }

    /** Whether the user, who holds these active plans, belongs in the group. */
    public boolean matches(User user, Set<ServicePlanId> assignedPlans) {
        return expression.test(RuleFacts.of(user, assignedPlans));
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
