package org.allot.core.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;

/** Port: each tenant's connector, its sealed password, and the checkpoint its last complete run left. */
public interface Connectors {
    Optional<Connector> find(TenantId tenant);

    /** Saves the connector; a null {@code sealedPassword} keeps the stored one. */
    void save(Connector connector, String sealedPassword);

    Optional<String> sealedPassword(TenantId tenant);

    Optional<SyncCheckpoint> checkpoint(TenantId tenant);

    void saveCheckpoint(TenantId tenant, SyncCheckpoint checkpoint);

    /**
     * Asks for a run soon, by whichever server is free (see the server's scheduler), on someone's behalf. A request
     * already waiting keeps its time and requester, and becomes a full run when {@code full}.
     */
    void requestRun(TenantId tenant, Instant at, String requestedBy, boolean full);

    /** A run started: records when, and takes the pending request, if any. */
    void runStarted(TenantId tenant, Instant at);

    /**
     * The tenants whose sync is due: a run was asked for, or the connector is enabled and no run started since
     * {@code cutoff}. Those asked for first (earliest request first), then the longest waiting (never run first).
     */
    List<DueSync> due(Instant cutoff);
}
