package org.allot.core.reclaim;

import java.util.List;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;

/**
 * What reclaim reads: who holds a product's seats (exempt groups' members are read through {@link
 * org.allot.core.directory.Memberships#groupsOfUsers}).
 */
public interface ReclaimCandidates {
    /** The users (deleted ones included) holding a seat of the product, with their seat-holding sources of it. */
    List<Holder> holders(TenantId tenant, SkuId sku);
}
