package org.allot.core.sync;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/**
 * Port: the licenses users hold and where they come from, read without locking, so that a run can tell which of
 * its changes would take licenses away before it makes them.
 */
public interface HeldLicenses {
    /**
     * A license a user holds a seat of.
     *
     * @param product the product's SKU part number, as administrators know it
     * @param direct whether it is assigned to the user directly (then no change of membership takes it away)
     */
    record Held(String product, boolean direct) {
        public Held {
            Objects.requireNonNull(product, "product");
        }
    }

    /** The groups of the tenant that assign licenses, with the products (SKU part numbers) each assigns. */
    Map<GroupId, Set<String>> licensedGroups(TenantId tenant);

    /** The licenses each of these users holds a seat of; users without any are left out. */
    Map<UserId, List<Held>> held(TenantId tenant, Collection<UserId> users);
}
