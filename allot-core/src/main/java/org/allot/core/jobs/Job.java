package org.allot.core.jobs;

import java.util.Objects;
import java.util.UUID;
import org.allot.core.TenantId;

/** A job as the worker that claimed it sees it: what it does, to what, where it stands and how often it was tried. */
public record Job(TenantId tenant, long id, JobKind kind, UUID target, JobProgress progress, int attempts) {
    public Job {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(progress, "progress");
    }
}
