package org.allot.core.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.allot.core.catalog.ServicePlanId;

/** A parsed membership rule, or a part of one. */
sealed interface RuleExpression
        permits RuleExpression.Junction, RuleExpression.Not, RuleExpression.Comparison, RuleExpression.PlanQuantifier {

    boolean test(RuleFacts facts);

    /** Whether any part reads {@code user.assignedPlans}. */
    default boolean readsAssignedPlans() {
        return false;
    }

    /** Adds the plans the quantifiers below pin to {@code plans}; true when one of them may hold for any plan. */
    default boolean collectPlans(Set<ServicePlanId> plans) {
        return false;
    }

    /** As a condition on one plan: the plan ids it can only hold for, or null when it may hold for any plan. */
    default Set<ServicePlanId> pinnedPlans() {
        return null;
    }

    /** {@code -and} or {@code -or} over two or more parts. */
    sealed interface Junction extends RuleExpression permits Or, And {
        List<RuleExpression> parts();

        @Override
        default boolean readsAssignedPlans() {
            return parts().stream().anyMatch(RuleExpression::readsAssignedPlans);
        }

        @Override
        default void collectComparisons(List<Comparison> into) {
            parts().forEach(p -> p.collectComparisons(into));
        }

        @Override
        default boolean collectPlans(Set<ServicePlanId> plans) {
            boolean every = false;
            for (RuleExpression part : parts()) {
                every |= part.collectPlans(plans);
            }
            return every;
        }
    }

    record Or(List<RuleExpression> parts) implements Junction {
        @Override
        public boolean test(RuleFacts facts) {
            return parts.stream().anyMatch(p -> p.test(facts));
        }

        @Override
        public Set<ServicePlanId> pinnedPlans() {
            Set<ServicePlanId> union = new HashSet<>();
            for (RuleExpression part : parts) {
                Set<ServicePlanId> pinned = part.pinnedPlans();
                if (pinned == null) {
                    return null;
                }
                union.addAll(pinned);
            }
            return union;
        }
    }

    record And(List<RuleExpression> parts) implements Junction {
        @Override
        public boolean test(RuleFacts facts) {
            return parts.stream().allMatch(p -> p.test(facts));
        }

        /** A conjunction holds only where its pinned parts do: their union is a safe superset. */
        @Override
        public Set<ServicePlanId> pinnedPlans() {
            Set<ServicePlanId> union = null;
            for (RuleExpression part : parts) {
                Set<ServicePlanId> pinned = part.pinnedPlans();
                if (pinned != null) {
                    union = union == null ? new HashSet<>() : union;
                    union.addAll(pinned);
                }
            }
            return union;
        }
    }

    record Not(RuleExpression part) implements RuleExpression {
        @Override
        public boolean test(RuleFacts facts) {
            return !part.test(facts);
        }

        @Override
        public boolean readsAssignedPlans() {
            return part.readsAssignedPlans();
        }

        @Override
        public boolean collectPlans(Set<ServicePlanId> plans) {
            return part.collectPlans(plans);
        }

        @Override
        public void collectComparisons(List<Comparison> into) {
            part.collectComparisons(into);
        }
    }

    /** The conditions (comparisons) below, in the order they are written. */
    default void collectComparisons(List<Comparison> into) {}

    /**
     * {@code property operator operand} at {@code position} in the rule: the operand is folded to lower case at parse
     * time — a String (or null) for scalar and text operators, a Boolean for Boolean properties, a Set of Strings for
     * lists, a {@link RulePattern}.
     */
    record Comparison(RuleProperty property, RuleOperator operator, Object operand, int position)
            implements RuleExpression {
        public Comparison {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(operator, "operator");
        }

        @Override
        public boolean test(RuleFacts facts) {
            RuleBudget budget = facts.budget();
            budget.step();
            try {
                return operator.negated() != holds(facts.value(property), budget);
            } catch (RuleBudget.Exhausted e) {
                throw e.at(this);
            }
        }

        @Override
        public void collectComparisons(List<Comparison> into) {
            into.add(this);
        }

        /** The condition as a rule writes it, for messages: {@code user.city -match "^Da"}. */
        String describe() {
            String value = operand instanceof RulePattern p ? "\"" + p.source() + "\"" : String.valueOf(operand);
            return property.ruleName() + " " + operator.ruleName() + " " + value;
        }

        @Override
        public Set<ServicePlanId> pinnedPlans() {
            if (property != RuleProperty.SERVICE_PLAN_ID || operand == null) {
                return null;
            }
            return switch (operator) {
                case EQ -> Set.of(new ServicePlanId(UUID.fromString((String) operand)));
                case IN -> {
                    Set<ServicePlanId> ids = new HashSet<>();
                    ((Set<?>) operand).forEach(id -> ids.add(new ServicePlanId(UUID.fromString((String) id))));
                    yield ids;
                }
                default -> null;
            };
        }

        private boolean holds(Object value, RuleBudget budget) {
            if (value instanceof Boolean || operand instanceof Boolean) {
                return Objects.equals(value, operand);
            }
            String text = value == null ? null : ((String) value).toLowerCase(Locale.ROOT);
            return switch (operator) {
                case EQ, NE -> Objects.equals(text, operand);
                case STARTS_WITH, NOT_STARTS_WITH -> text != null && text.startsWith((String) operand);
                case ENDS_WITH, NOT_ENDS_WITH -> text != null && text.endsWith((String) operand);
                case CONTAINS, NOT_CONTAINS -> text != null && text.contains((String) operand);
                case MATCH, NOT_MATCH -> value != null && ((RulePattern) operand).find((String) value, budget);
                case IN, NOT_IN -> text != null && ((Set<?>) operand).contains(text);
            };
        }
    }

    /**
     * {@code user.assignedPlans -any (…)} or {@code -all (…)}: the condition is tested against each of the user's
     * active plans; {@code -all} holds for a user without plans.
     */
    record PlanQuantifier(boolean all, RuleExpression condition) implements RuleExpression {
        @Override
        public boolean test(RuleFacts facts) {
            Set<ServicePlanId> plans = facts.assignedPlans();
            return all
                    ? plans.stream().allMatch(p -> condition.test(RuleFacts.of(p, facts.budget())))
                    : plans.stream().anyMatch(p -> condition.test(RuleFacts.of(p, facts.budget())));
        }

        @Override
        public boolean readsAssignedPlans() {
            return true;
        }

        @Override
        public void collectComparisons(List<Comparison> into) {
            condition.collectComparisons(into);
        }

        @Override
        public boolean collectPlans(Set<ServicePlanId> plans) {
            Set<ServicePlanId> pinned = all ? null : condition.pinnedPlans();
            if (pinned == null) {
                return true;
            }
            plans.addAll(pinned);
            return false;
        }
    }
}
