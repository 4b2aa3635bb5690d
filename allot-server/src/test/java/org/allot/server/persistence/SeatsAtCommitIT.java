package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Newcomers' seats are taken by the message that commits the unit of work: written only if it commits, and only while
 * nobody waits and the seats are still free; otherwise the unit of work is run again on the figures as they now stand,
 * so a seat is never given twice.
 */
class SeatsAtCommitIT {
    private final PostgresInstallation allot = (PostgresInstallation) Scenario.contoso().allot;
    private TenantId tenant;
    private SkuId sku;

    @BeforeEach
    void aSkuWithTwoSeats() {
        Caller admin = allot.newTenant("Seats at commit");
        tenant = admin.tenant();
        sku = allot.subscribe(admin, "ENTERPRISEPACK", 2).skuId();
    }

    @Test
    void theSeatsAreWrittenWithTheCommitAndOnlyIfItCommits() {
        Outcome<Object> refused = allot.work().run(() -> {
            assertThat(allot.seats().takeAtCommit(tenant, Map.of(sku, 1))).isTrue();
            return Outcome.refused(Rejection.invalid("changed my mind"));
        });
        assertThat(refused.isDone()).isFalse();
        assertThat(figures().consumed()).isZero();

        allot.work().run(() -> allot.seats().takeAtCommit(tenant, Map.of(sku, 2)));

        assertThat(figures().consumed()).isEqualTo(2);
        assertThat(allot.seats().takeAtCommit(tenant, Map.of(sku, 1)))
                .as("outside a unit of work there is no commit to take seats with")
                .isFalse();
    }

    @Test
    void aSeatTakenByAnotherBeforeTheCommitRunsTheUnitOfWorkAgainOnTheNewFigures() {
        allot.work().run(() -> allot.seats().takeAtCommit(tenant, Map.of(sku, 1)));
        AtomicInteger attempts = new AtomicInteger();

        boolean took = allot.work().run(() -> {
            SeatCount seen = allot.seats().all(tenant).get(sku);
            if (attempts.incrementAndGet() == 1) {
                // the last seat goes to another unit of work while this one decides
                CompletableFuture.runAsync(
                                () -> allot.work().run(() -> allot.seats().takeAtCommit(tenant, Map.of(sku, 1))))
                        .join();
            }
            return seen.freeForNewcomers() > 0 && allot.seats().takeAtCommit(tenant, Map.of(sku, 1));
        });

        assertThat(attempts).hasValue(2);
        assertThat(took).isFalse();
        assertThat(figures().consumed()).isEqualTo(2);
    }

    @Test
    void someoneStartingToWaitBeforeTheCommitRunsTheUnitOfWorkAgain() {
        AtomicInteger attempts = new AtomicInteger();

        allot.work().run(() -> {
            SeatCount seen = allot.seats().all(tenant).get(sku);
            if (attempts.incrementAndGet() == 1) {
                // a user starts waiting for the SKU while this unit of work decides
                CompletableFuture.runAsync(() -> allot.jdbc()
                                .sql("update seat_count set waiting = waiting + 1 where tenant_id = ? and sku_id = ?")
                                .params(tenant.value(), sku.value())
                                .update())
                        .join();
            }
            return seen.waiting() == 0 && allot.seats().takeAtCommit(tenant, Map.of(sku, 1));
        });

        assertThat(attempts).hasValue(2);
        assertThat(figures().consumed()).isZero();
    }

    private SeatCount figures() {
        return allot.seats().all(tenant).get(sku);
    }
}
