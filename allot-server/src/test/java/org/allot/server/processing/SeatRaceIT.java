package org.allot.server.processing;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.catalog.Product;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.Test;

/**
 * Many threads race for the last seats through transactions, as concurrent requests do; afterwards no seat is
 * over-allocated, the figures match the assignments, and the waiting list is in order.
 */
class SeatRaceIT {
    private static final int THREADS = 16;

    private final Scenario contoso = Scenario.contoso();
    private final PostgresInstallation allot = (PostgresInstallation) contoso.allot;

    @Test
    void concurrentDirectAssignmentsTakeExactlyTheFreeSeats() throws Exception {
        contoso.subscribe(E3, 10);
        List<UserId> users = contoso.users("racer", 64);

        List<Outcome<?>> outcomes = race(
                users,
                u -> () -> allot.work().run(() -> allot.licensing()
                        .users()
                        .assign(contoso.admin, u, List.of(AssignedLicense.of(E3.skuId())), List.of(), false)));

        long granted = outcomes.stream().filter(Outcome::isDone).count();
        assertThat(granted).isEqualTo(10);
        assertThat(outcomes.stream().filter(o -> !o.isDone()))
                .allMatch(o -> o.rejection().code() == ErrorCode.NO_AVAILABLE_LICENSES);
        assertConsistent(E3);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(10);
    }

    @Test
    void concurrentJoinsToALicensedGroupFillTheSeatsAndQueueTheRestInOrder() throws Exception {
        var e3 = contoso.subscribe(E3, 5);
        GroupId group = contoso.aGroup("Everyone").licensedWith(E3).create();
        List<UserId> users = contoso.users("joiner", 48);

        List<Outcome<?>> outcomes = race(
                users,
                u -> () ->
                        allot.work().run(() -> allot.groupDirectory().addMember(contoso.admin, group, Member.user(u))));

        assertThat(outcomes).allMatch(Outcome::isDone);
        assertConsistent(E3);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(5);
        List<UserId> queue = contoso.waitingFor(E3);
        assertThat(queue).hasSize(43);
        assertQueueInRequestOrder(queue, E3, group);

        allot.work().run(() -> allot.subscriptionBook().setSeats(contoso.admin, e3.id(), 15));

        assertConsistent(E3);
        assertThat(queue.subList(0, 10)).allMatch(u -> contoso.heldSkus(u).contains(E3.skuId()));
        assertThat(contoso.waitingFor(E3)).containsExactlyElementsOf(queue.subList(10, 43));
    }

    @Test
    void aMixOfEverythingThatMovesSeatsKeepsTheFiguresRight() throws Exception {
        var e3 = contoso.subscribe(E3, 8);
        contoso.subscribe(EMS, 6);
        GroupId sales =
                contoso.aGroup("Sales").licensedWith(E3).licensedWith(EMS).create();
        GroupId staff = contoso.aGroup("Staff").licensedWith(E3).create();
        List<UserId> users = contoso.users("person", 60);
        List<Supplier<Outcome<?>>> actions = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            UserId u = users.get(i);
            GroupId g = i % 2 == 0 ? sales : staff;
            actions.add(
                    () -> allot.work().run(() -> allot.groupDirectory().addMember(contoso.admin, g, Member.user(u))));
            if (i % 3 == 0) {
                actions.add(() -> allot.work().run(() -> allot.licensing()
                        .users()
                        .assign(contoso.admin, u, List.of(AssignedLicense.of(EMS.skuId())), List.of(), false)));
            }
            if (i % 7 == 0) {
                actions.add(() ->
                        allot.work().run(() -> allot.groupDirectory().removeMember(contoso.admin, g, Member.user(u))));
            }
            if (i % 10 == 0) {
                int seats = 8 + i / 10;
                actions.add(
                        () -> allot.work().run(() -> allot.subscriptionBook().setSeats(contoso.admin, e3.id(), seats)));
            }
        }
        Collections.shuffle(actions, new java.util.Random(7));

        runAll(actions);
        // a reduction that commits after seats were taken leaves a legitimate overage (rule 9), so the race ends at
        // the largest capacity it used: no figure may then be beyond capacity
        allot.work().run(() -> allot.subscriptionBook().setSeats(contoso.admin, e3.id(), 13));
        allot.runJobs();

        for (Product p : List.of(E3, EMS)) {
            assertConsistent(p);
            SeatCount seats = contoso.seatsOf(p);
            assertThat(seats.consumed()).isLessThanOrEqualTo(seats.prepaid().enabled());
        }
    }

    private void assertConsistent(Product product) {
        SeatCount seats = contoso.seatsOf(product);
        assertThat(seats.consumed()).as("consumed matches holders").isEqualTo((int) contoso.usersHolding(product));
        assertThat(seats.waiting())
                .as("waiting matches the list")
                .isEqualTo(contoso.waitingFor(product).size());
        assertThat(seats.consumed())
                .as("never beyond capacity")
                .isLessThanOrEqualTo(seats.prepaid().enabled());
        if (seats.waiting() > 0) {
            assertThat(seats.available()).as("no free seat while users wait").isZero();
        }
    }

    private void assertQueueInRequestOrder(List<UserId> queue, Product product, GroupId group) {
        List<java.time.Instant> times = queue.stream()
                .map(u -> contoso.inherited(u, product, group).requestedAt())
                .toList();
        assertThat(times).isSorted();
        Set<UserId> holders = ConcurrentHashMap.newKeySet();
        for (LicenseAssignment a : contoso.allot.allAssignments(contoso.tenant)) {
            if (a.holdsSeat()) {
                holders.add(a.user());
            }
        }
        assertThat(holders).doesNotContainAnyElementsOf(queue);
    }

    private static List<Outcome<?>> race(
            List<UserId> users, java.util.function.Function<UserId, Supplier<Outcome<?>>> action) throws Exception {
        List<Supplier<Outcome<?>>> actions = users.stream().map(action).toList();
        return runAll(actions);
    }

    private static List<Outcome<?>> runAll(List<Supplier<Outcome<?>>> actions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome<?>>> futures = new ArrayList<>();
        for (Supplier<Outcome<?>> a : actions) {
            futures.add(pool.submit(() -> {
                start.await();
                return a.get();
            }));
        }
        start.countDown();
        List<Outcome<?>> outcomes = new ArrayList<>();
        for (Future<Outcome<?>> f : futures) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return outcomes;
    }
}
