package org.allot.core.sync;

import java.time.Instant;
import java.util.Objects;
import org.allot.core.TenantId;

/**
 * A tenant's connection to its on-premises directory, as anyone may read it: the settings, whether a password is
 * stored (never the password itself), and the run someone asked for that has not started yet.
 *
 * @param requestedRun null when no run is waiting to start
 */
public record Connector(
        TenantId tenant,
        ConnectorSettings settings,
        boolean passwordSet,
        Instant createdAt,
        Instant updatedAt,
        RunRequest requestedRun) {
    public Connector {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
