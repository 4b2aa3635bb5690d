package org.allot.core.sync;

import java.util.Objects;
import org.allot.core.TenantId;

/**
 * A tenant whose sync is due: someone asked for a run ({@code request}), or the schedule's interval has passed
 * ({@code request} null).
 */
public record DueSync(TenantId tenant, RunRequest request) {
    public DueSync {
        Objects.requireNonNull(tenant, "tenant");
    }
}
