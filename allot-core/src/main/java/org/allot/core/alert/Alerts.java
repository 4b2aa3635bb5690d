package org.allot.core.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;

/** Port: the tenants' alerts, open and resolved. */
public interface Alerts {
    /**
     * Holds the tenant's alerts for the rest of the unit of work, so evaluations on several servers at once take turns;
     * taken first, before anything else.
     */
    void lock(TenantId tenant);

    /** Keeps a new open alert; false (nothing kept) when one of the same kind and subject is open already. */
    boolean raise(Alert alert);

    /** Resolves an open alert; false when it was not open (any more). */
    boolean resolve(TenantId tenant, UUID id, Instant at);

    /** The tenant's open alerts, oldest first. */
    List<Alert> open(TenantId tenant);

    /** The tenant's latest alerts, open ones first, then newest first; only open ones if {@code openOnly}. */
    List<Alert> recent(TenantId tenant, boolean openOnly, int limit);

    Optional<Alert> find(TenantId tenant, UUID id);
}
