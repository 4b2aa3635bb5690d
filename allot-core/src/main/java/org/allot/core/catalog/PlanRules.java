package org.allot.core.catalog;

import java.util.List;
import java.util.UUID;
import org.allot.core.TenantId;

/** Port: the plan rules a tenant has defined (built-in rules come with the catalogue). */
public interface PlanRules {
    List<PlanRule> custom(TenantId tenant);

    void add(TenantId tenant, PlanRule rule);

    boolean remove(TenantId tenant, UUID id);
}
