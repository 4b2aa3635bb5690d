package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.Assignments;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.Test;

/**
 * A lock and the reads that must follow it sent in one round trip ({@link OneRoundTrip}): a user locked and their
 * assignments (with their licensed groups and the seat figures, as a join reads them), the tenant's licensing lock and
 * a group. What is read is what whoever held the lock before committed, as when the two were sent one after the other
 * (one statement joining both would read them with a snapshot taken before it waited for the lock).
 */
class LockedAssignmentsIT {
    private final Scenario contoso = Scenario.contoso();
    private final PostgresInstallation allot = (PostgresInstallation) contoso.allot;

    @Test
    void theGroupsAndSeatFiguresReadWithTheUsersLockAreThoseItsPreviousHolderCommitted() {
        UserId ada = contoso.user("ada");
        Product e3 = allot.subscribe(contoso.admin, "ENTERPRISEPACK", 2);
        GroupId staff = contoso.aGroup("Staff").licensedWith(e3).create();

        CompletableFuture<Assignments.LockedWithLicensing> waiting = allot.work()
                .run(() -> {
                    allot.assignments().lock(contoso.tenant, List.of(ada));
                    CompletableFuture<Assignments.LockedWithLicensing> other =
                            CompletableFuture.supplyAsync(() -> allot.work().run(() -> allot.assignments()
                                    .lockWithLicensing(
                                            contoso.tenant,
                                            List.of(ada),
                                            allot.groupLicenses(),
                                            allot.memberships(),
                                            allot.seats())));
                    awaitSomeoneWaiting(other);
                    allot.jdbc()
                            .sql("insert into group_member_user (tenant_id, group_id, user_id) values (?, ?, ?)")
                            .params(contoso.tenant.value(), staff.value(), ada.value())
                            .update();
                    allot.jdbc()
                            .sql("update seat_count set consumed = consumed + 1 where tenant_id = ? and sku_id = ?")
                            .params(contoso.tenant.value(), e3.skuId().value())
                            .update();
                    return other;
                });
        Assignments.LockedWithLicensing read = waiting.join();

        assertThat(read.locked().subjects()).containsOnlyKeys(ada);
        assertThat(read.groups().groups()).containsEntry(ada, Map.of(staff, true));
        assertThat(read.groups().licenses().get(staff))
                .singleElement()
                .satisfies(l -> assertThat(l.license().skuId()).isEqualTo(e3.skuId()));
        assertThat(read.seats().get(e3.skuId()).consumed()).isEqualTo(1);
    }

    @Test
    void seatsPlannedByAnEarlierStepAreLockedAfterTheUserSoTheUnitOfWorkWaitsForTheUserInsteadOfRunningAgain() {
        UserId ada = contoso.user("ada");
        Product e3 = allot.subscribe(contoso.admin, "ENTERPRISEPACK", 2);
        AtomicInteger attempts = new AtomicInteger();

        CompletableFuture<Assignments.LockedWithLicensing> waiting = allot.work()
                .run(() -> {
                    allot.assignments().lock(contoso.tenant, List.of(ada));
                    CompletableFuture<Assignments.LockedWithLicensing> other =
                            CompletableFuture.supplyAsync(() -> allot.work().run(() -> {
                                attempts.incrementAndGet();
                                // an earlier step (another member of the same request) planned a seat
                                allot.seats().takeAtCommit(contoso.tenant, Map.of(e3.skuId(), 1));
                                return allot.assignments()
                                        .lockWithLicensing(
                                                contoso.tenant,
                                                List.of(ada),
                                                allot.groupLicenses(),
                                                allot.memberships(),
                                                allot.seats());
                            }));
                    while (!other.isDone() && attempts.get() < 2 && nobodyWaits()) {
                        Thread.onSpinWait();
                    }
                    return other;
                });
        Assignments.LockedWithLicensing read = waiting.join();

        assertThat(attempts).as("the user waited for, not tried out of order").hasValue(1);
        assertThat(read.locked().subjects()).containsOnlyKeys(ada);
        assertThat(read.seats().get(e3.skuId()).consumed())
                .as("the planned seat counted in the figures read")
                .isEqualTo(1);
    }

    private boolean nobodyWaits() {
        return allot.jdbc()
                        .sql("select count(*) from pg_locks where not granted")
                        .query(Long.class)
                        .single()
                == 0;
    }

    @Test
    void theGroupReadWithTheTenantsLockIsWhatItsPreviousHolderCommitted() {
        GroupId staff = contoso.aGroup("Staff").create();

        Optional<Group> group = whileTheLockIsHeldElsewhere(
                () -> allot.tenantLocks().lockAndFind(contoso.tenant, false, allot.groups(), staff),
                () -> update(
                        "update directory_group set display_name = 'Renamed' where tenant_id = ? and id = ?",
                        staff.value()));

        assertThat(group).hasValueSatisfying(g -> assertThat(g.displayName()).isEqualTo("Renamed"));
    }

    @Test
    void theMemberAndGroupReadWithTheLockForAMemberAreWhatItsPreviousHolderCommitted() {
        UserId ada = contoso.user("ada");
        GroupId staff = contoso.aGroup("Staff").create();

        TenantLocks.LockedForMember locked = whileTheLockIsHeldElsewhere(
                () -> allot.tenantLocks()
                        .lockForMember(contoso.tenant, ada.value(), allot.users(), allot.groups(), staff),
                () -> {
                    update(
                            "update directory_user set display_name = 'Ada Renamed' where tenant_id = ? and id = ?",
                            ada.value());
                    update(
                            "update directory_group set display_name = 'Renamed' where tenant_id = ? and id = ?",
                            staff.value());
                });

        assertThat(locked.exclusive()).as("a user joins under the shared lock").isFalse();
        assertThat(locked.user())
                .hasValueSatisfying(u -> assertThat(u.displayName()).isEqualTo("Ada Renamed"));
        assertThat(locked.group())
                .hasValueSatisfying(g -> assertThat(g.displayName()).isEqualTo("Renamed"));
    }

    @Test
    void aUserDeletedWhileTheLockForThemWasAwaitedIsNotReadAsAMember() {
        UserId ada = contoso.user("ada");
        GroupId staff = contoso.aGroup("Staff").create();

        TenantLocks.LockedForMember locked = whileTheLockIsHeldElsewhere(
                () -> allot.tenantLocks()
                        .lockForMember(contoso.tenant, ada.value(), allot.users(), allot.groups(), staff),
                () -> update(
                        "update directory_user set deleted_at = now() where tenant_id = ? and id = ?", ada.value()));

        assertThat(locked.exclusive()).isFalse();
        assertThat(locked.user()).isEmpty();
        assertThat(locked.group()).isPresent();
    }

    @Test
    void aGroupOrAnUnknownIdAsTheMemberTakesTheLockAlone() {
        GroupId staff = contoso.aGroup("Staff").create();
        GroupId nested = contoso.aGroup("Nested").create();

        for (UUID member : List.of(nested.value(), UUID.randomUUID())) {
            TenantLocks.LockedForMember locked = allot.work().run(() -> allot.tenantLocks()
                    .lockForMember(contoso.tenant, member, allot.users(), allot.groups(), staff));

            assertThat(locked.exclusive()).isTrue();
            assertThat(locked.user()).isEmpty();
            assertThat(locked.group()).isPresent();
        }
    }

    /**
     * {@code lock} run in a unit of work of its own while this one holds the tenant's lock alone and, once the other
     * waits, makes the {@code writes} and commits.
     */
    private <T> T whileTheLockIsHeldElsewhere(Supplier<T> lock, Runnable writes) {
        CompletableFuture<T> waiting = allot.work().run(() -> {
            allot.tenantLocks().exclusive(contoso.tenant);
            CompletableFuture<T> other =
                    CompletableFuture.supplyAsync(() -> allot.work().run(lock));
            awaitSomeoneWaiting(other);
            writes.run();
            return other;
        });
        return waiting.join();
    }

    /** A write of one row of the tenant named by its id. */
    private void update(String sql, UUID id) {
        allot.jdbc().sql(sql).params(contoso.tenant.value(), id).update();
    }

    private void awaitSomeoneWaiting(CompletableFuture<?> other) {
        while (!other.isDone()
                && allot.jdbc()
                                .sql("select count(*) from pg_locks where not granted")
                                .query(Long.class)
                                .single()
                        == 0) {
            Thread.onSpinWait();
        }
    }

    @Test
    void theAssignmentsAreThoseTheLocksPreviousHolderCommitted() {
        UserId ada = contoso.user("ada");
        SkuId sku = allot.subscribe(contoso.admin, "ENTERPRISEPACK", 2).skuId();

        CompletableFuture<Assignments.Locked> waiting = allot.work().run(() -> {
            allot.assignments().lock(contoso.tenant, List.of(ada));
            CompletableFuture<Assignments.Locked> other = CompletableFuture.supplyAsync(() ->
                    allot.work().run(() -> allot.assignments().lockWithAssignments(contoso.tenant, List.of(ada))));
            while (!other.isDone()
                    && allot.jdbc()
                                    .sql("select count(*) from pg_locks where not granted")
                                    .query(Long.class)
                                    .single()
                            == 0) {
                Thread.onSpinWait();
            }
            allot.jdbc()
                    .sql("""
                            insert into license_assignment (tenant_id, user_id, sku_id, source_group_id, disabled_plans,
                                                            state, requested_at, updated_at)
                            values (?, ?, ?, ?, '{}', 'Active', now(), now())""")
                    .params(contoso.tenant.value(), ada.value(), sku.value(), AssignmentSource.DIRECT_KEY)
                    .update();
            return other;
        });
        Assignments.Locked locked = waiting.join();

        assertThat(locked.subjects()).containsOnlyKeys(ada);
        assertThat(locked.assignments().get(ada)).singleElement().satisfies(a -> assertThat(a.sku())
                .isEqualTo(sku));
    }
}
