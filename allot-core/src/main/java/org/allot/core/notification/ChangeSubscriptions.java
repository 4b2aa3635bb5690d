package org.allot.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;

/** Port: the tenants' change subscriptions. */
public interface ChangeSubscriptions {
    void add(ChangeSubscription subscription);

    Optional<ChangeSubscription> find(TenantId tenant, UUID id);

    /** Every subscription of the tenant, removed and expired ones too, oldest first. */
    List<ChangeSubscription> all(TenantId tenant);

    /** The tenant's subscriptions that still receive notifications at {@code now}. */
    List<ChangeSubscription> live(TenantId tenant, Instant now);

    /**
     * Live subscriptions (of any tenant) with a lifecycle URL that expire by {@code by} and were not challenged for
     * their expiration yet, oldest expiration first; locked, skipping those another transaction holds.
     */
    List<ChangeSubscription> expiringUnchallenged(Instant now, Instant by, int limit);

    /** The tenant's subscriptions that an app (or person) created, removed ones too. */
    List<ChangeSubscription> ofApplication(TenantId tenant, String applicationId);

    /** Stores a subscription's expiration, state, failing time and reauthorization. */
    void update(ChangeSubscription subscription);

    void remove(TenantId tenant, UUID id);

    /** Forgets subscriptions that expired, or were removed for failing, before {@code before}; returns how many. */
    int forget(Instant before);

    /** How many subscriptions the tenant has that have not expired. */
    int count(TenantId tenant, Instant now);
}
