package org.allot.server.processing;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.audit.Activity;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.subscription.SeatCount;
import org.allot.core.testing.Scenario;
import org.allot.core.timebound.TimeBoundGrants;
import org.allot.server.persistence.JdbcTimedGrants;
import org.allot.server.testing.LicenseOracle;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.Test;

/**
 * Time-bound grants ending on PostgreSQL while the same users are changed: the step runs on several servers at once
 * while administrators give each contractor another product and take some contractors' timed product away by hand.
 * Afterwards no license is lost (every product given by hand is held) or invented (no contractor keeps the timed
 * product), each grant ended once, the freed seats went to the waiting list, and the oracle finds nothing wrong.
 */
class TimeBoundGrantRaceIT {
    private static final int THREADS = 10;

    private final Scenario contoso = Scenario.contoso();
    private final PostgresInstallation allot = (PostgresInstallation) contoso.allot;
    private final TimeBoundGrants grants = new TimeBoundGrants(
            new TimeBoundGrants.Ports(
                    allot.work(),
                    allot.tenantLocks(),
                    allot.users(),
                    allot.groups(),
                    allot.memberships(),
                    allot.catalog(),
                    allot.licensing().users(),
                    allot.groupDirectory(),
                    new JdbcTimedGrants(allot.jdbc()),
                    allot.auditLog(),
                    org.allot.core.directory.ScopeGuard.TENANT_ONLY),
            allot.clock());

    @Test
    void grantsEndingWhileTheirUsersAreChangedNeitherLoseNorInventALicense() throws Exception {
        contoso.subscribe(E3, 10);
        contoso.subscribe(EMS, 20);
        List<UserId> contractors = contoso.users("contractor", 10);
        for (UserId c : contractors) {
            grants.grantLicense(
                            contoso.admin,
                            UserRef.of(c),
                            E3.skuPartNumber(),
                            Set.of(),
                            null,
                            allot.clock().instant().plus(Duration.ofDays(1)))
                    .value();
        }
        List<UserId> staff = contoso.users("staff", 6);
        GroupId group =
                contoso.aGroup("Staff").withMembers(staff).licensedWith(E3).create();
        assertThat(contoso.waitingFor(E3)).hasSize(6);
        allot.clock().advance(Duration.ofDays(2));

        List<Runnable> actions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            actions.add(grants::runDue);
        }
        for (UserId c : contractors) {
            actions.add(() -> allot.licensing()
                    .users()
                    .assign(contoso.admin, c, List.of(AssignedLicense.of(EMS.skuId())), List.of(), false));
        }
        for (UserId c : contractors.subList(0, 4)) {
            // refused when the end got there first: either way the license is gone once
            actions.add(
                    () -> allot.licensing().users().assign(contoso.admin, c, List.of(), List.of(E3.skuId()), false));
        }
        Collections.shuffle(actions, new java.util.Random(19));
        runAll(actions);
        grants.runDue();
        allot.runJobs();

        for (UserId c : contractors) {
            assertThat(contoso.heldSkus(c)).as("contractor %s", c).containsExactly(EMS.skuId());
            assertThat(contoso.licensesOf(c).find(E3.skuId(), AssignmentSource.DIRECT))
                    .isEmpty();
        }
        SeatCount e3 = contoso.seatsOf(E3);
        assertThat(e3.consumed()).isEqualTo((int) contoso.usersHolding(E3)).isEqualTo(6);
        assertThat(contoso.waitingFor(E3)).isEmpty();
        assertThat(staff).allMatch(u -> contoso.inherited(u, E3, group).holdsSeat());
        assertThat(contoso.seatsOf(EMS).consumed()).isEqualTo(10);
        List<String> ended = contoso.audit(Activity.END_TIME_BOUND_GRANT).stream()
                .map(e -> e.target().id())
                .toList();
        assertThat(ended).as("each grant ended once").doesNotHaveDuplicates().hasSize(10);
        assertThat(grants.runDue()).as("a later run has nothing to do").isZero();
        assertThat(new LicenseOracle(allot.jdbc(), contoso.tenant, Map.of()).differences())
                .isEmpty();
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
