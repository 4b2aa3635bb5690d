package org.allot.server.persistence;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.allot.core.Outcome;
import org.allot.core.assignment.Allotment;
import org.allot.core.assignment.AllotmentChange;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.core.unit.UnitChange;
import org.allot.core.unit.UnitId;
import org.allot.server.testing.LockWaits;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pool deleted while another unit of work holds its product's seat row and is about to lock the pools' figures (as
 * a seat change that serves the waiting lists does): the deletion takes the seat row before the figures it removes
 * with the pool, so it waits without holding anything the other one waits for (the lock order, docs/architecture.md).
 */
class AllotmentLocksIT {
    private final Scenario contoso = Scenario.contoso();
    private final PostgresInstallation allot = (PostgresInstallation) contoso.allot;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void deletingAPoolWaitsForTheSeatRowBeforeItTouchesThePoolsFigures() throws Exception {
        contoso.subscribe(E3, 10);
        UnitId north = allot.unitDirectory()
                .create(contoso.admin, UnitChange.none().withDisplayName("North"))
                .value()
                .id();
        AllotmentId pool = allot.licensing()
                .allotments()
                .create(
                        contoso.admin,
                        E3.skuId().toString(),
                        new AllotmentChange(
                                Optional.of("North"),
                                Optional.of(new Allotment.Owner(Allotment.Kind.UNIT, north.value())),
                                Optional.of(1),
                                Optional.empty()))
                .value()
                .id();
        GroupId all = contoso.aGroup("All").licensedWith(E3).create();
        List<UserId> users = contoso.users("north", 2);
        for (UserId user : users) {
            allot.unitMembers().add(contoso.admin, north, user.value());
            contoso.join(all, user);
        }
        assertThat(users)
                .extracting(this::allotmentOf)
                .containsOnly(pool.value().toString());
        assertThat(users).extracting(this::stateOf).containsExactly("Active", "Error");

        CountDownLatch seatRowHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the other unit of work: the product's seat row, then (once the deletion waits) its pools' figures
        Future<Boolean> poolsFree = threads.submit(() -> allot.work().run(() -> {
            allot.jdbc()
                    .sql("select * from seat_count where tenant_id = ? and sku_id = ? for update")
                    .params(contoso.tenant.value(), E3.skuId().value())
                    .query()
                    .listOfRows();
            seatRowHeld.countDown();
            LockWaits.hold(release);
            try {
                allot.jdbc()
                        .sql("select * from allotment_count where tenant_id = ? and sku_id = ? for update nowait")
                        .params(contoso.tenant.value(), E3.skuId().value())
                        .query()
                        .listOfRows();
                return true;
            } catch (org.springframework.dao.DataAccessException held) {
                return false;
            }
        }));
        assertThat(seatRowHeld.await(30, TimeUnit.SECONDS)).isTrue();
        Future<Outcome<Allotment>> deleted =
                threads.submit(() -> allot.licensing().allotments().delete(contoso.admin, pool));
        LockWaits.awaitSomeoneWaiting(allot.jdbc());
        release.countDown();

        assertThat(poolsFree.get(30, TimeUnit.SECONDS))
                .as("the pools' figures are free while the deletion waits for the seat row")
                .isTrue();
        assertThat(deleted.get(30, TimeUnit.SECONDS).isDone()).isTrue();
        assertThat(users).extracting(this::allotmentOf).containsOnly("remainder");
        assertThat(users)
                .extracting(this::stateOf)
                .as("the user who waited for the full pool takes a seat of the remainder")
                .containsExactly("Active", "Active");
    }

    private String stateOf(UserId user) {
        return allot.jdbc()
                .sql("select state from license_assignment where tenant_id = ? and user_id = ? and sku_id = ?")
                .params(contoso.tenant.value(), user.value(), E3.skuId().value())
                .query(String.class)
                .single();
    }

    private String allotmentOf(UserId user) {
        return allot.jdbc()
                .sql("select coalesce(allotment_id::text, 'remainder') from license_assignment"
                        + " where tenant_id = ? and user_id = ? and sku_id = ?")
                .params(contoso.tenant.value(), user.value(), E3.skuId().value())
                .query(String.class)
                .single();
    }
}
