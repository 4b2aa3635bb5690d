package org.allot.server.processing;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.allot.core.assignment.Allotment;
import org.allot.core.assignment.AllotmentChange;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.SeatAllotments;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.core.unit.UnitChange;
import org.allot.core.unit.UnitId;
import org.allot.server.testing.PoolOracle;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.Test;

/**
 * Threads apply random changes to one tenant whose E3 seats are split into two units' pools and a remainder at the
 * same time — users joining and leaving the licensed groups, moving in and out of the units, a group's assignment
 * naming a pool and naming none — and afterwards every pool's figures equal a recount, no pool, remainder or product
 * holds more than its seats, nobody waits where a seat is free, and every waiting user waits in the pool the rule
 * chooses for them ({@link PoolOracle}, which reads the raw tables and shares no code with the engine). Caps stay as
 * set: a cap changed while seats are held leaves a legitimate overage on one side (a lowered cap keeps its holders; a
 * raised one shrinks the remainder below its holders), which the core's {@code AllotmentsTest} covers one change at a
 * time, and {@code RandomLicenseRaceIT} (two processes) while caps move.
 */
class AllotmentRaceIT {
    private static final int THREADS = 4;
    private static final int OPERATIONS_PER_THREAD = 120;
    private static final int USERS = 30;

    @Test
    void randomChangesKeepEveryPoolWithinItsCapAndItsWaitingListServed() throws Exception {
        Scenario contoso = Scenario.contosoWithBackgroundJobs();
        PostgresInstallation allot = (PostgresInstallation) contoso.allot;
        contoso.subscribe(E3, 12);
        SeatAllotments pools = allot.licensing().allotments();
        UnitId north = unit(contoso, "North");
        UnitId south = unit(contoso, "South");
        AllotmentId northPool = pool(contoso, pools, "North", north, 4);
        AllotmentId southPool = pool(contoso, pools, "South", south, 3);
        GroupId all = contoso.aGroup("All").licensedWith(E3).create();
        GroupId contractors = contoso.aGroup("Contractors").licensedWith(E3).create();
        List<UserId> users = contoso.users("racer", USERS);

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = 19L * (t + 1);
            Thread thread = new Thread(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                    UserId user = users.get(random.nextInt(users.size()));
                    try {
                        switch (random.nextInt(9)) {
                            case 0, 1 -> contoso.join(all, user);
                            case 2 -> contoso.leave(all, user);
                            case 3 -> contoso.join(contractors, user);
                            case 4 -> contoso.leave(contractors, user);
                            case 5 ->
                                allot.unitMembers()
                                        .add(contoso.admin, random.nextBoolean() ? north : south, user.value());
                            case 6 ->
                                allot.unitMembers()
                                        .remove(contoso.admin, random.nextBoolean() ? north : south, user.value());
                            case 7 ->
                                allot.unitMembers()
                                        .add(contoso.admin, random.nextBoolean() ? north : south, user.value());
                            default ->
                                pools.nameForGroup(
                                        contoso.admin,
                                        contractors,
                                        E3.skuId().toString(),
                                        List.of(
                                                        Optional.of(southPool),
                                                        Optional.of(northPool),
                                                        Optional.<AllotmentId>empty())
                                                .get(random.nextInt(3)));
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        while (allot.runJobs() > 0) {
            // until no job is left
        }

        assertThat(failures).as("failures").isEmpty();
        List<String> differences = new PoolOracle(allot.jdbc(), contoso.tenant).differences();
        assertThat(differences)
                .as("differences between the pools and their rules")
                .isEmpty();
        int pooled = allot.jdbc()
                .sql("select count(*) from license_assignment where tenant_id = ? and allotment_id is not null")
                .param(contoso.tenant.value())
                .query(Integer.class)
                .single();
        assertThat(pooled).as("seats drawn from pools during the race").isPositive();
    }

    private static UnitId unit(Scenario contoso, String name) {
        return contoso.allot
                .unitDirectory()
                .create(contoso.admin, UnitChange.none().withDisplayName(name))
                .value()
                .id();
    }

    private static AllotmentId pool(Scenario contoso, SeatAllotments pools, String name, UnitId owner, int cap) {
        return pools.create(
                        contoso.admin,
                        E3.skuId().toString(),
                        new AllotmentChange(
                                Optional.of(name),
                                Optional.of(new Allotment.Owner(Allotment.Kind.UNIT, owner.value())),
                                Optional.of(cap),
                                Optional.empty()))
                .value()
                .id();
    }
}
