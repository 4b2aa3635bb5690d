package org.allot.core.report;

import java.time.LocalDate;
import java.util.List;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;

/** Port: the daily usage snapshots of each tenant's products, one per tenant, product and day. */
public interface UsageSnapshots {

    /** Whether the tenant's snapshot of that day has been taken. */
    boolean taken(TenantId tenant, LocalDate day);

    /**
     * Keeps snapshots; one already kept for the same tenant, product and day is left as it is (whoever took it first
     * wins). Returns how many were kept anew.
     */
    int keep(TenantId tenant, List<UsageSnapshot> snapshots);

    /** The snapshots of {@code from} to {@code to} (both included), of one product or (null) all, by day then product. */
    List<UsageSnapshot> between(TenantId tenant, SkuId sku, LocalDate from, LocalDate to);
}
