package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.ChangeType;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.Test;

/**
 * The tenant's stamp moves when what servers remember of the tenant changes, and only then: a change subscription
 * written (created, flagged failing, deleted) is not remembered, so it leaves every server's remembered settings be.
 */
class TenantStampsIT {
    private final PostgresInstallation allot = (PostgresInstallation) Scenario.contoso().allot;
    private final JdbcChangeSubscriptions subscriptions = new JdbcChangeSubscriptions(allot.jdbc());

    @Test
    void aRenamedTenantMovesItsStamp() {
        Caller app = allot.newTenant("Stamp moves");
        long before = stamp(app.tenant());

        allot.jdbc()
                .sql("update tenant set name = 'Renamed' where id = ?")
                .param(app.tenant().value())
                .update();

        assertThat(stamp(app.tenant())).isGreaterThan(before);
    }

    @Test
    void aChangeSubscriptionWrittenLeavesTheTenantsStampWhereItWas() {
        Caller app = allot.newTenant("Stamp stays");
        long before = stamp(app.tenant());
        Instant now = allot.clock().instant();
        ChangeSubscription s = new ChangeSubscription(
                UUID.randomUUID(),
                app.tenant(),
                "users",
                Set.of(ChangeType.UPDATED),
                URI.create("https://hooks.example/notify"),
                null,
                "secret",
                now.plus(Duration.ofDays(1)),
                now,
                app.actor().id(),
                ChangeSubscription.State.ACTIVE,
                null,
                null,
                null);

        allot.work().run(() -> {
            subscriptions.add(s);
            return null;
        });
        allot.work().run(() -> {
            subscriptions.update(s.withState(ChangeSubscription.State.FAILING, now));
            return null;
        });
        allot.work().run(() -> {
            subscriptions.remove(app.tenant(), s.id());
            return null;
        });

        assertThat(stamp(app.tenant())).isEqualTo(before);
    }

    private long stamp(TenantId tenant) {
        return allot.jdbc()
                .sql("select coalesce((select stamp from tenant_stamp where tenant_id = ?), 0)")
                .param(tenant.value())
                .query(Long.class)
                .single();
    }
}
