package org.allot.core.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;

/** Port: the days each SKU holds a removed license ({@link RemovalGrace}), and the pending removals that are due. */
public interface RemovalGraces {
    /** The SKUs of the tenant that hold removals, with their days (more than 0); the others free at once. */
    Map<SkuId, Integer> days(TenantId tenant);

    /** Sets the days a SKU holds its removals; 0 removes the setting. */
    void setDays(TenantId tenant, SkuId sku, int days);

    /** A user whose pending removal of a SKU is due. */
    record Due(TenantId tenant, UserId user, SkuId sku) {}

    /**
     * Pending removals due by {@code now}, of every tenant, earliest first, at most {@code limit}; those of deleted
     * users are left out (a deleted user keeps what they hold until restored or purged).
     */
    List<Due> dueBy(Instant now, int limit);

    /** A license held until {@code at}: the user, and the source whose assignment is held. */
    record Held(UserId user, String userPrincipalName, AssignmentSource source, Instant at) {}

    /** The users whose license of the SKU is pending removal, the earliest freed first, at most {@code limit}. */
    List<Held> pending(TenantId tenant, SkuId sku, int limit);
}
