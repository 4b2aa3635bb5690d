package org.allot.core.subscription;

import org.allot.core.Caller;
import org.allot.core.catalog.SkuId;

/**
 * Told, once the unit of work that deleted a subscription has ended, that the product may hold users beyond its
 * capacity: licensing takes those seats back in a unit of work of its own (it locks users, which come before seat
 * figures in the lock order).
 */
@FunctionalInterface
public interface CapacityLoss {
    void subscriptionDeleted(Caller caller, SkuId sku);
}
