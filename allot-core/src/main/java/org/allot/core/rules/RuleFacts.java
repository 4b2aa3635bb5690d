package org.allot.core.rules;

import java.util.Set;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.User;

/** What a rule is evaluated against: a user with their active plans, or one of those plans inside -any / -all. */
interface RuleFacts {
    /** The property's value: text, a Boolean, or null when it is not set. */
    Object value(RuleProperty property);

    Set<ServicePlanId> assignedPlans();

    /** What the evaluation may still spend. */
    RuleBudget budget();

    static RuleFacts of(User user, Set<ServicePlanId> plans, RuleBudget budget) {
        return new RuleFacts() {
            @Override
            public Object value(RuleProperty property) {
                return property.read(user);
            }

            @Override
            public Set<ServicePlanId> assignedPlans() {
                return plans;
            }

            @Override
            public RuleBudget budget() {
                return budget;
            }
        };
    }

    /** One active plan: its id, and capability status {@code Enabled} (Allot lists only active plans). */
    static RuleFacts of(ServicePlanId plan, RuleBudget budget) {
        return new RuleFacts() {
            @Override
            public Object value(RuleProperty property) {
                return switch (property) {
                    case SERVICE_PLAN_ID -> plan.toString();
                    case CAPABILITY_STATUS -> "Enabled";
                    default -> null;
                };
            }

            @Override
            public Set<ServicePlanId> assignedPlans() {
                return Set.of();
            }

            @Override
            public RuleBudget budget() {
                return budget;
            }
        };
    }
}
