package org.allot.core.reclaim;

import java.util.List;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/** What reclaim reads: who holds a product's seats, and who belongs to exempt groups. */
public interface ReclaimCandidates {
    /** The users (deleted ones included) holding a seat of the product, with their seat-holding sources of it. */
    List<Holder> holders(TenantId tenant, SkuId sku);

    /** The users who are members of any of the groups, directly or through nested groups. */
    Set<UserId> membersOf(TenantId tenant, Set<GroupId> groups);
}
