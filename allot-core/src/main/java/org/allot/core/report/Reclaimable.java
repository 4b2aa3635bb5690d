package org.allot.core.report;

import java.util.Map;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;

/** What the usage snapshot reads of reclaim: how many seats each product's reclaim policy lists now. */
@FunctionalInterface
public interface Reclaimable {
    /** The seats each product's policy lists; products without a policy are left out. */
    Map<SkuId, Integer> listed(TenantId tenant);
}
