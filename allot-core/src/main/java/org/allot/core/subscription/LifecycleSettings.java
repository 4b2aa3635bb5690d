package org.allot.core.subscription;

import java.util.Optional;
import org.allot.core.TenantId;

/** Port: each tenant's lifecycle periods, when it has set its own. */
public interface LifecycleSettings {
    /** The tenant's periods, when it has set any. */
    Optional<LifecyclePeriods> find(TenantId tenant);

    void save(TenantId tenant, LifecyclePeriods periods);

    /** The tenant's periods, or {@link LifecyclePeriods#DEFAULTS}. */
    default LifecyclePeriods of(TenantId tenant) {
        return find(tenant).orElse(LifecyclePeriods.DEFAULTS);
    }
}
