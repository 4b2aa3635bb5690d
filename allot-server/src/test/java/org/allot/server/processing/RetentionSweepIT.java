package org.allot.server.processing;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.allot.core.directory.DeletedUserRetention;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.Reclaim;
import org.allot.core.reclaim.ReclaimAction;
import org.allot.core.reclaim.ReclaimItem;
import org.allot.core.reclaim.ReclaimReason;
import org.allot.core.reclaim.ReclaimReport;
import org.allot.core.testing.Scenario;
import org.allot.server.persistence.JdbcReclaimRuns;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.Test;

/** Users deleted longer ago than the retention period are purged, and their seats go to the waiting list. */
class RetentionSweepIT {

    @Test
    void usersPastTheirRetentionArePurgedAndTheirSeatsReused() {
        Scenario contoso = Scenario.contoso();
        PostgresInstallation allot = (PostgresInstallation) contoso.allot;
        contoso.subscribe(E3, 1);
        UserId gone = contoso.user("gone");
        UserId recent = contoso.user("recent");
        GroupId group =
                contoso.aGroup("Staff").withMembers(gone).licensedWith(E3).create();
        UserId waiting = contoso.user("waiting");
        contoso.join(group, waiting).value();
        contoso.allot.userDirectory().delete(contoso.admin, gone).value();
        contoso.allot.userDirectory().delete(contoso.admin, recent).value();
        allot.jdbc()
                .sql("update directory_user set deleted_at = ? where tenant_id = ? and id = ?")
                .params(
                        contoso.allot
                                .clock()
                                .instant()
                                .minus(Duration.ofDays(31))
                                .atOffset(ZoneOffset.UTC),
                        contoso.tenant.value(),
                        gone.value())
                .update();
        RetentionSweep sweep = sweep(allot, contoso);

        int purged = sweep.sweep();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(allot.users().find(contoso.tenant, gone)).isEmpty();
        assertThat(allot.users().find(contoso.tenant, recent)).isPresent();
        assertThat(contoso.heldSkus(waiting)).contains(E3.skuId());
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }

    @Test
    void reclaimRunsOlderThanTheyAreKeptAreForgottenWithTheirItems() {
        Scenario contoso = Scenario.contoso();
        PostgresInstallation allot = (PostgresInstallation) contoso.allot;
        UserId ada = contoso.user("ada");
        Instant now = contoso.allot.clock().instant();
        UUID old = run(allot, contoso, ada, now.minus(Reclaim.RUNS_KEPT).minus(Duration.ofDays(1)));
        UUID kept = run(allot, contoso, ada, now.minus(Reclaim.RUNS_KEPT).plus(Duration.ofDays(1)));
        RetentionSweep sweep = sweep(allot, contoso);

        sweep.sweep();

        assertThat(allot.jdbc()
                        .sql("select id from reclaim_run where tenant_id = ?")
                        .param(contoso.tenant.value())
                        .query(UUID.class)
                        .list())
                .containsExactly(kept);
        assertThat(allot.jdbc()
                        .sql("select count(*) from reclaim_run_item where tenant_id = ? and run_id = ?")
                        .params(contoso.tenant.value(), old)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(allot.reclaim().recentRuns(contoso.tenant)).singleElement().satisfies(r -> assertThat(r.items())
                .hasSize(1));
    }

    /** A report-only run of one item, made at {@code at}. */
    /** The sweep as the server wires it, on this installation and its tenant's clock. */
    private static RetentionSweep sweep(PostgresInstallation allot, Scenario contoso) {
        return new RetentionSweep(
                new DeletedUserRetention(
                        allot.work(),
                        new JdbcTenants(allot.jdbc()),
                        allot.users(),
                        allot.userDirectory(),
                        contoso.allot.clock()),
                allot.reclaim());
    }

    private static UUID run(PostgresInstallation allot, Scenario contoso, UserId user, Instant at) {
        ReclaimReport report = new ReclaimReport(
                UUID.randomUUID(),
                at,
                "test",
                false,
                List.of(new ReclaimItem(
                        user,
                        "ada@contoso.com",
                        "Ada",
                        E3.skuId(),
                        ReclaimReason.Inactive,
                        at,
                        ReclaimAction.RemoveDirect,
                        List.of(),
                        null,
                        ReclaimItem.Outcome.Reported,
                        null)));
        allot.work().run(() -> new JdbcReclaimRuns(allot.jdbc()).record(contoso.tenant, report, null));
        return report.id();
    }
}
