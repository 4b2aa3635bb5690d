package org.allot.core.assignment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;

/** Port: the runs of the direct → group migration, what each did with each user, and who holds a product directly. */
public interface LicenseMigrations {
    void add(LicenseMigration run);

    /** Stores the run's state and counts. */
    void update(LicenseMigration run);

    Optional<LicenseMigration> find(TenantId tenant, UUID id);

    /** The tenant's runs, newest first, at most {@code limit}. */
    List<LicenseMigration> recent(TenantId tenant, int limit);

    /** Records what the run did with some users. */
    void record(TenantId tenant, UUID run, List<LicenseMigration.Entry> entries);

    /** What the run did, in the order it did it, from {@code offset}, at most {@code limit}. */
    List<LicenseMigration.Entry> entries(TenantId tenant, UUID run, int offset, int limit);

    /**
     * The users (not deleted) with a direct assignment of the product whose id is greater than {@code after} (null:
     * from the start), in id order, at most {@code limit}.
     */
    List<UserId> directHolders(TenantId tenant, SkuId sku, UserId after, int limit);
}
