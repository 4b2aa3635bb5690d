package org.allot.bench.engine;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicenseSubject;
import org.allot.core.assignment.LicensingEngine;
import org.allot.core.assignment.SeatLedger;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserType;
import org.allot.core.subscription.Seats;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine deciding one user's licenses, as a fan-out chunk does for each member: a user who holds Office 365 E3
 * directly and through a group (with apps switched off), EMS through another group, and Teams Phone with a calling
 * plan that requires it. Time per user.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EffectiveLicenseBenchmark {
    private final LicensingEngine engine = new LicensingEngine();
    private LicensingEngine.Context context;
    private Seats seats;
    private LicenseSubject subject;
    private List<LicenseAssignment> before;
    private List<LicenseAssignment> requested;

    @Setup
    public void setUp() {
        context = new LicensingEngine.Context(
                EngineFixtures.catalog(), UsageLocation.of("US"), TenantPolicy.DEFAULT, EngineFixtures.NOW);
        seats = EngineFixtures.plentifulSeats();
        UserId user = new UserId(UUID.fromString("6b1a6f0e-0000-4000-8000-000000000001"));
        subject = new LicenseSubject(user, "ada@bench.example", UserType.Member, UsageLocation.of("US"), false);
        AssignmentSource sales =
                AssignmentSource.group(new GroupId(UUID.fromString("6b1a6f0e-0000-4000-8000-0000000000a1")));
        AssignmentSource everyone =
                AssignmentSource.group(new GroupId(UUID.fromString("6b1a6f0e-0000-4000-8000-0000000000a2")));
        requested = List.of(
                LicenseAssignment.requested(
                        user, EngineFixtures.E3.skuId(), AssignmentSource.DIRECT, Set.of(), EngineFixtures.NOW),
                LicenseAssignment.requested(
                        user,
                        EngineFixtures.E3.skuId(),
                        sales,
                        Set.of(EngineFixtures.SWAY.id(), EngineFixtures.FORMS.id()),
                        EngineFixtures.NOW),
                LicenseAssignment.requested(user, EngineFixtures.EMS.skuId(), everyone, Set.of(), EngineFixtures.NOW),
                LicenseAssignment.requested(
                        user, EngineFixtures.PHONE_SYSTEM.skuId(), sales, Set.of(), EngineFixtures.NOW),
                LicenseAssignment.requested(
                        user, EngineFixtures.CALLING_PLAN.skuId(), sales, Set.of(), EngineFixtures.NOW));
        before = requested.stream()
                .map(a -> a.withOutcome(AssignmentState.Active, null, null, EngineFixtures.NOW, EngineFixtures.NOW))
                .toList();
    }

    /** A member seen for the first time: every assignment new, seats taken from the ledger. */
    @Benchmark
    public List<LicenseAssignment> newMember() {
        return engine.evaluate(subject, List.of(), requested, context, new SeatLedger(EngineFixtures.TENANT, seats));
    }

    /** A member evaluated again with nothing changed: what reprocessing costs per user. */
    @Benchmark
    public List<LicenseAssignment> unchangedMember() {
        return engine.evaluate(subject, before, before, context, new SeatLedger(EngineFixtures.TENANT, seats));
    }
}
