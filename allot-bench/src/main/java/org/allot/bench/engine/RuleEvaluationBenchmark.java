package org.allot.bench.engine;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.rules.MembershipRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A dynamic group's membership rule evaluated against one user, as a recompute does for every user. Time per user. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RuleEvaluationBenchmark {
    private MembershipRule simple;
    private MembershipRule compound;
    private MembershipRule plans;
    private User user;
    private Set<ServicePlanId> assigned;

    @Setup
    public void setUp() {
        simple = MembershipRule.parse("user.department -eq \"Sales\"").value();
        compound = MembershipRule.parse("(user.department -in [\"Sales\", \"Marketing\"]) -and"
                        + " (user.usageLocation -in [\"US\", \"CA\"]) -and -not (user.jobTitle -startsWith \"Intern\")"
                        + " -or (user.employeeId -eq \"100042\")")
                .value();
        plans = MembershipRule.parse("user.assignedPlans -any (assignedPlan.servicePlanId -eq \""
                        + EngineFixtures.EXCHANGE.id().value() + "\" -and assignedPlan.capabilityStatus -eq"
                        + " \"Enabled\")")
                .value();
        user = User.builder(
                        new UserId(UUID.fromString("6b1a6f0e-0000-4000-8000-000000000002")),
                        "grace@bench.example",
                        EngineFixtures.NOW)
                .displayName("Grace Hopper")
                .department("Marketing")
                .usageLocation(UsageLocation.of("US"))
                .build();
        assigned = Set.of(
                EngineFixtures.TEAMS.id(),
                EngineFixtures.SHAREPOINT.id(),
                EngineFixtures.EXCHANGE.id(),
                EngineFixtures.INTUNE.id());
    }

    @Benchmark
    public boolean departmentEquals() {
        return simple.matches(user, assigned);
    }

    @Benchmark
    public boolean compoundRule() {
        return compound.matches(user, assigned);
    }

    @Benchmark
    public boolean assignedPlansAny() {
        return plans.matches(user, assigned);
    }
}
