package org.allot.server.processing;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.SeatTakeBack;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.Test;

/**
 * Seats taken back when the overage grace period ends, raced on PostgreSQL: several servers' steps at once, while
 * members join and leave the licensed group and users are given the product directly. Afterwards the figures match
 * the assignments, nobody holds a seat beyond capacity but the direct holders, and no seat was taken twice.
 */
class TakeBackRaceIT {
    private static final int THREADS = 12;

    private final Scenario contoso = Scenario.contoso();
    private final PostgresInstallation allot = (PostgresInstallation) contoso.allot;

    @Test
    void concurrentTakeBacksJoinsAndLeavesKeepTheFiguresRight() throws Exception {
        var e3 = contoso.subscribe(E3, 30);
        GroupId staff = contoso.aGroup("Staff").licensedWith(E3).create();
        List<UserId> members = contoso.users("member", 26);
        for (UserId u : members) {
            contoso.join(staff, u).value();
        }
        List<UserId> direct = contoso.users("direct", 2);
        for (UserId u : direct) {
            contoso.assign(u, E3).value();
        }
        contoso.setSeats(e3, 10);
        assertThat(contoso.seatsOf(E3).beyondCapacity()).isEqualTo(18);
        contoso.allot.clock().advance(Duration.ofDays(31));

        List<UserId> newcomers = contoso.users("newcomer", 10);
        List<Runnable> actions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            actions.add(() -> allot.overageGrace().advance());
            actions.add(() -> allot.seatTakeBack().takeBack(contoso.admin, E3.skuId(), SeatTakeBack.Scope.GROUPS_ONLY));
        }
        for (UserId u : newcomers) {
            actions.add(() ->
                    allot.work().run(() -> allot.groupDirectory().addMember(contoso.admin, staff, Member.user(u))));
        }
        for (UserId u : members.subList(0, 6)) {
            actions.add(() ->
                    allot.work().run(() -> allot.groupDirectory().removeMember(contoso.admin, staff, Member.user(u))));
        }
        for (UserId u : members.subList(20, 23)) {
            actions.add(() -> allot.work().run(() -> allot.licensing()
                    .users()
                    .assign(contoso.admin, u, List.of(AssignedLicense.of(E3.skuId())), List.of(), false)));
        }
        Collections.shuffle(actions, new java.util.Random(18));
        runAll(actions);
        allot.overageGrace().advance();
        allot.runJobs();

        SeatCount seats = contoso.seatsOf(E3);
        assertThat(seats.consumed()).as("consumed matches holders").isEqualTo((int) contoso.usersHolding(E3));
        assertThat(seats.waiting())
                .as("waiting matches the list")
                .isEqualTo(contoso.waitingFor(E3).size());
        assertThat(seats.beyondCapacity())
                .as("nobody beyond capacity but direct holders")
                .isZero();
        assertThat(seats.consumed()).isEqualTo(10);
        assertThat(direct).allMatch(u -> contoso.heldSkus(u).contains(E3.skuId()));
        assertThat(contoso.waitingFor(E3)).doesNotHaveDuplicates();
        assertThat(allot.overageGrace().advance())
                .as("a later run takes nothing more")
                .isZero();
    }

    private static void runAll(List<Runnable> actions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (Runnable a : actions) {
            futures.add(pool.submit(() -> {
                start.await();
                a.run();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }
}
