package org.allot.core.sync;

import java.time.Instant;
import java.util.Objects;
import org.allot.core.TenantId;

/**
 * A tenant's connection to its on-premises directory, as anyone may read it: the settings, and whether a password
 * is stored (never the password itself).
 */
public record Connector(
        TenantId tenant, ConnectorSettings settings, boolean passwordSet, Instant createdAt, Instant updatedAt) {
    public Connector {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
