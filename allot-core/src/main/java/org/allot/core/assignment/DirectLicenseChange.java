package org.allot.core.assignment;

import java.util.List;
import java.util.Set;
import org.allot.core.catalog.SkuId;

/** What a change of many users' direct licenses does with one SKU. */
public enum DirectLicenseChange {
    /** Adds the SKU to users who do not hold it directly. */
    ADD,
    /** Replaces the users' other direct licenses with the SKU. */
    REPLACE,
    /** Removes the SKU from users who hold it directly. */
    REMOVE;

    /** What one user's assignLicense request asks for, given the SKUs they hold directly: empty when nothing changes. */
    Request requestFor(Set<SkuId> direct, SkuId sku) {
        List<AssignedLicense> add =
                this != REMOVE && !direct.contains(sku) ? List.of(AssignedLicense.of(sku)) : List.of();
        List<SkuId> remove =
                switch (this) {
                    case ADD -> List.of();
                    case REPLACE -> direct.stream().filter(s -> !s.equals(sku)).toList();
                    case REMOVE -> direct.contains(sku) ? List.of(sku) : List.of();
                };
        return new Request(add, remove);
    }

    /** The licenses one request adds and removes. */
    record Request(List<AssignedLicense> add, List<SkuId> remove) {
        boolean isEmpty() {
            return add.isEmpty() && remove.isEmpty();
        }
    }
}
