package org.allot.core.subscription;

import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;

/** Port: the subscriptions of a tenant. */
public interface Subscriptions {
    List<Subscription> all(TenantId tenant);

    List<Subscription> ofSku(TenantId tenant, SkuId sku);

    Optional<Subscription> find(TenantId tenant, SubscriptionId id);

    void add(TenantId tenant, Subscription subscription);

    void update(TenantId tenant, Subscription subscription);
}
