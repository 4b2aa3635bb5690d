package org.allot.server.persistence;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.allot.core.Outcome;
import org.allot.core.assignment.Allotment;
import org.allot.core.assignment.AllotmentChange;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.core.unit.AdministrativeUnit;
import org.allot.core.unit.UnitChange;
import org.allot.core.unit.UnitId;
import org.allot.server.testing.LockWaits;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A static unit's member added or removed, or the unit deleted, while another unit of work holds the tenant's licensing
 * lock alone (as a change of a unit's rule does, before it locks the unit's row): the change waits for the tenant's
 * lock before it locks the unit's row, so it holds nothing the other one waits for (the lock order,
 * docs/architecture.md). Before, it locked the unit's row first and then waited for the tenant's lock: a deadlock.
 */
class UnitLocksIT {
    private final Scenario contoso = Scenario.contoso();
    private final PostgresInstallation allot = (PostgresInstallation) contoso.allot;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void addingAMemberWaitsForTheTenantsLockBeforeItLocksTheUnit() throws Exception {
        UnitId north = pooledUnit("North");
        UserId ada = contoso.user("ada");

        assertThat(unitRowFreeWhileWaiting(north, () -> allot.unitMembers().add(contoso.admin, north, ada.value())))
                .isTrue();
    }

    @Test
    void deletingAUnitWaitsForTheTenantsLockBeforeItLocksTheUnit() throws Exception {
        pooledUnit("North");
        UnitId south = allot.unitDirectory()
                .create(contoso.admin, UnitChange.none().withDisplayName("South"))
                .value()
                .id();
        allot.unitMembers()
                .add(contoso.admin, south, contoso.user("bob").value())
                .value();

        assertThat(unitRowFreeWhileWaiting(south, () -> allot.unitDirectory().delete(contoso.admin, south)))
                .isTrue();
    }

    /** A unit that owns a pool of E3, so that its members' seats are drawn anew when they join or leave. */
    private UnitId pooledUnit(String name) {
        contoso.subscribe(E3, 10);
        UnitId unit = allot.unitDirectory()
                .create(contoso.admin, UnitChange.none().withDisplayName(name))
                .value()
                .id();
        allot.licensing()
                .allotments()
                .create(
                        contoso.admin,
                        E3.skuId().toString(),
                        new AllotmentChange(
                                Optional.of(name + " seats"),
                                Optional.of(new Allotment.Owner(Allotment.Kind.UNIT, unit.value())),
                                Optional.of(1),
                                Optional.empty()))
                .value();
        return unit;
    }

    /**
     * Runs {@code change} while another unit of work holds the tenant's licensing lock alone; once the change waits,
     * that unit of work tries for the unit's row without waiting. True when the row was free, and the change then done.
     */
    private boolean unitRowFreeWhileWaiting(UnitId unit, Supplier<Outcome<AdministrativeUnit>> change)
            throws Exception {
        CountDownLatch tenantHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Boolean> rowFree = threads.submit(() -> allot.work().run(() -> {
            allot.jdbc()
                    .sql("select pg_advisory_xact_lock(hashtextextended('allot-licensing:' || ?, 0))")
                    .param(contoso.tenant.value().toString())
                    .query()
                    .singleValue();
            tenantHeld.countDown();
            LockWaits.hold(release);
            try {
                allot.jdbc()
                        .sql("select * from administrative_unit where tenant_id = ? and id = ? for update nowait")
                        .params(contoso.tenant.value(), unit.value())
                        .query()
                        .listOfRows();
                return true;
            } catch (org.springframework.dao.DataAccessException held) {
                return false;
            }
        }));
        assertThat(tenantHeld.await(30, TimeUnit.SECONDS)).isTrue();
        Future<Outcome<AdministrativeUnit>> changed = threads.submit(change::get);
        LockWaits.awaitSomeoneWaiting(allot.jdbc());
        release.countDown();
        boolean free = rowFree.get(30, TimeUnit.SECONDS);
        assertThat(changed.get(30, TimeUnit.SECONDS).isDone()).isTrue();
        return free;
    }
}
