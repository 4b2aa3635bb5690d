package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.DirectLicenseChange;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.BulkDirectory;
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
    private Caller admin;
    private TenantId tenant;
    private SkuId sku;

    @BeforeEach
    void aSkuWithTwoSeats() {
        admin = allot.newTenant("Seats at commit");
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

    @Test
    void usersGivenTheLicenseOneAfterAnotherInOneUnitOfWorkSeeTheSeatsTheOthersTook() {
        List<UserId> users = users("direct", 3);

        Outcome<Integer> refused = allot.work()
                .run(() -> allot.licensing().users().assignEach(admin, users, sku, DirectLicenseChange.ADD));

        assertThat(refused.isDone()).as("two seats for three users").isFalse();
        assertThat(refused.rejection().message()).contains("Nothing was changed");
        assertThat(figures().consumed()).isZero();

        Outcome<Integer> two = allot.work()
                .run(() ->
                        allot.licensing().users().assignEach(admin, users.subList(0, 2), sku, DirectLicenseChange.ADD));
        assertThat(two.isDone()).isTrue();
        assertThat(figures().consumed()).isEqualTo(2);
    }

    @Test
    void membersJoiningALicensedGroupInOneUnitOfWorkTakeTheFreeSeatsAndTheRestWait() {
        GroupId group = allot.work()
                .run(() ->
                        allot.groupDirectory().create(admin, Map.of(GroupAttribute.DISPLAY_NAME, "Joiners"), Set.of()))
                .value()
                .id();
        allot.work()
                .run(() ->
                        allot.licensing().groups().assign(admin, group, List.of(AssignedLicense.of(sku)), List.of()));
        List<UserId> users = users("joiner", 3);

        allot.work().run(() -> {
            users.forEach(u -> allot.groupDirectory()
                    .addMember(admin, group, Member.user(u))
                    .value());
            return null;
        });

        SeatCount after = figures();
        assertThat(after.consumed()).isEqualTo(2);
        assertThat(after.waiting()).isEqualTo(1);
        assertThat(allot.allAssignments(tenant))
                .filteredOn(a -> a.sku().equals(sku))
                .hasSize(3);
    }

    private List<UserId> users(String name, int count) {
        String prefix = name + tenant.value().toString().substring(0, 8);
        BulkDirectory.addUsers(allot.jdbc(), tenant, prefix, count, "US");
        return allot.jdbc()
                .sql("select id from directory_user where tenant_id = ? and user_principal_name like ? order by id")
                .params(tenant.value(), prefix + "%")
                .query((rs, i) -> new UserId(rs.getObject("id", java.util.UUID.class)))
                .list();
    }

    private SeatCount figures() {
        return allot.seats().all(tenant).get(sku);
    }
}
