package org.allot.server.processing;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
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
        RetentionSweep sweep = new RetentionSweep(
                new JdbcTenants(allot.jdbc()),
                allot.users(),
                allot.userDirectory(),
                allot.work(),
                contoso.allot.clock());

        int purged = sweep.sweep();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(allot.users().find(contoso.tenant, gone)).isEmpty();
        assertThat(allot.users().find(contoso.tenant, recent)).isPresent();
        assertThat(contoso.heldSkus(waiting)).contains(E3.skuId());
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(1);
    }
}
