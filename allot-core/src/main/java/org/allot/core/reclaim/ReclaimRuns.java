package org.allot.core.reclaim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;

/** The reports of reclaim runs, kept before anything is removed. */
public interface ReclaimRuns {
    /**
     * Keeps a run's report. With a {@code slot} (a scheduled run's day), only the first run of the slot is kept:
     * false when the slot was already taken (by this or another server), and nothing is kept.
     */
    boolean record(TenantId tenant, ReclaimReport report, String slot);

    /** Keeps what applying a run did to each of its items. */
    void applied(TenantId tenant, ReclaimReport report);

    Optional<ReclaimReport> find(TenantId tenant, UUID run);

    /** The latest runs, newest first. */
    List<ReclaimReport> recent(TenantId tenant, int limit);

    /** Forgets the runs (of every tenant) made before {@code cutoff}, with their items: how many runs. */
    int forgetBefore(Instant cutoff);
}
