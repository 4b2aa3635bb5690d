package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.Assignments;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.Test;

/**
 * A user locked and their assignments read in one round trip: the assignments are those committed by whoever held the
 * user's lock before, as when the two were read one after the other (one statement joining both would read them with
 * a snapshot taken before it waited for the lock).
 */
class LockedAssignmentsIT {
    private final Scenario contoso = Scenario.contoso();
    private final PostgresInstallation allot = (PostgresInstallation) contoso.allot;

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
