package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.testing.InMemoryDirectory;
import org.allot.core.testing.SyncScenario;
import org.junit.jupiter.api.Test;

class SyncOverviewTest {
    private final SyncScenario contoso = SyncScenario.contoso();
    private final SyncOverview overview = new SyncOverview(contoso.stores());

    @Test
    void theStatusIsTheConnectorWithItsLatestRunsAndTheRunAskedFor() {
        assertThat(overview.status(contoso.contoso.tenant, 10).runs()).isEmpty();
        SyncRun first = contoso.run();
        SyncRun second = contoso.run();
        contoso.sync.requestRun(contoso.admin, false).value();

        SyncOverview.Status status = overview.status(contoso.contoso.tenant, 10);

        assertThat(status.connector().settings().url()).isEqualTo("ldaps://dc1.contoso.com");
        assertThat(status.runs()).extracting(SyncRun::id).containsExactly(second.id(), first.id());
        assertThat(status.requestedRun().requestedBy())
                .isEqualTo(contoso.admin.actor().displayName());
        assertThat(overview.status(contoso.contoso.tenant, 1).runs()).hasSize(1);
    }

    @Test
    void noConnectorNoStatusToSpeakOf() {
        SyncScenario unconfigured = SyncScenario.unconfigured();

        SyncOverview.Status status = new SyncOverview(unconfigured.stores()).status(unconfigured.contoso.tenant, 10);

        assertThat(status.connector()).isNull();
        assertThat(status.requestedRun()).isNull();
        assertThat(status.runs()).isEmpty();
    }

    @Test
    void aBlockedRunComesWithTheDeletionsItHoldsBackAndOthersWithoutAny() {
        contoso.contoso.withPolicy(new TenantPolicy(TenantPolicy.DEFAULT.guestLicensing(), true, 30, 1));
        List<String> people = List.of("ada", "grace", "alan");
        people.forEach(contoso.directory::addUser);
        SyncRun succeeded = contoso.run();
        people.stream().map(p -> "CN=" + p + "," + InMemoryDirectory.STAFF).forEach(contoso.directory::delete);
        SyncRun blocked = contoso.run();

        SyncOverview.RunDetail held =
                overview.run(contoso.contoso.tenant, blocked.id(), 10, 2).orElseThrow();
        SyncOverview.RunDetail done =
                overview.run(contoso.contoso.tenant, succeeded.id(), 10, 2).orElseThrow();

        assertThat(held.run().state()).isEqualTo(SyncRunState.BLOCKED);
        assertThat(held.deletions()).as("at most as many as asked for").hasSize(2);
        assertThat(done.deletions()).isEmpty();
        assertThat(done.errors()).isEmpty();
        assertThat(overview.run(contoso.contoso.tenant, SyncRunId.random(), 10, 2))
                .isEmpty();
    }
}
