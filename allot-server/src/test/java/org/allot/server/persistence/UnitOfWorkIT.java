package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.Test;

/**
 * Core's use cases open their own units of work; one called inside a running unit of work is part of it, and the
 * outermost unit of work decides: a refused outcome there writes nothing, a refusal inside it undoes nothing by itself.
 */
class UnitOfWorkIT {
    private final PostgresInstallation allot = (PostgresInstallation) Scenario.contoso().allot;

    @Test
    void aUseCaseCommitsItsOwnUnitOfWork() {
        TenantId tenant = TenantId.random();

        Outcome<?> created =
                allot.tenantDirectory().create(tenant, "Own", List.of("own.example"), "US", TenantPolicy.DEFAULT);

        assertThat(created.isDone()).isTrue();
        assertThat(allot.tenantDirectory().find(tenant)).isPresent();
    }

    @Test
    void aRedoableUnitOfWorkCommitsWithoutWaitingForTheFlushAndOnlyItself() {
        TenantId tenant = TenantId.random();

        String redoable = allot.work().runRedoable(() -> {
            allot.tenantDirectory()
                    .create(tenant, "Redone", List.of("redone.example"), "US", TenantPolicy.DEFAULT)
                    .value();
            return synchronousCommit();
        });
        String after = allot.work().run(this::synchronousCommit);
        String inside = allot.work().run(() -> allot.work().runRedoable(this::synchronousCommit));

        assertThat(redoable).isEqualTo("off set for this transaction");
        assertThat(after).as("the next unit of work on the pool's connections").endsWith("the database's own");
        assertThat(inside).as("part of a durable unit of work").endsWith("the database's own");
        assertThat(allot.tenantDirectory().find(tenant)).isPresent();
    }

    private String synchronousCommit() {
        return allot.jdbc()
                .sql("select setting || case when source = 'session' then ' set for this transaction'"
                        + " else ' the database''s own' end from pg_settings where name = 'synchronous_commit'")
                .query(String.class)
                .single();
    }

    @Test
    void aRefusedOutermostUnitOfWorkWritesNothingItsUseCasesDid() {
        TenantId tenant = TenantId.random();

        Outcome<Object> outcome = allot.work().run(() -> {
            allot.tenantDirectory()
                    .create(tenant, "Undone", List.of("undone.example"), "US", TenantPolicy.DEFAULT)
                    .value();
            return Outcome.refused(Rejection.invalid("changed my mind"));
        });

        assertThat(outcome.isDone()).isFalse();
        assertThat(allot.tenantDirectory().find(tenant)).isEmpty();
    }

    @Test
    void aRefusalInsideALargerUnitOfWorkLeavesTheDecisionToIt() {
        TenantId tenant = TenantId.random();

        String result = allot.work().run(() -> {
            allot.tenantDirectory()
                    .create(tenant, "Kept", List.of("kept.example"), "US", TenantPolicy.DEFAULT)
                    .value();
            Outcome<?> again =
                    allot.tenantDirectory().create(tenant, "Kept", List.of("kept.example"), "US", TenantPolicy.DEFAULT);
            return again.isDone() ? "created twice" : "refused inside";
        });

        assertThat(result).isEqualTo("refused inside");
        assertThat(allot.tenantDirectory().find(tenant)).isPresent();
    }
}
