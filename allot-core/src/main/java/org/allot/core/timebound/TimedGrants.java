package org.allot.core.timebound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/**
 * Port: the time-bound grants of each tenant. Every writer of a user's grants holds that user's lock (taken after the
 * tenant's licensing lock, as every licensing change takes it), so a grant read under the user's lock is the one that
 * counts: that is what makes the scheduled step safe on any number of servers at once.
 */
public interface TimedGrants {
    Optional<TimedGrant> find(TenantId tenant, TimedGrant.Key key);

    /** Keeps the grant, replacing the one with the same key. */
    void put(TenantId tenant, TimedGrant grant);

    /** Forgets the grant; false when there was none. */
    boolean remove(TenantId tenant, TimedGrant.Key key);

    /** The user's grants of both kinds, the soonest due first. */
    List<TimedGrant> ofUser(TenantId tenant, UserId user);

    /** The membership grants of a group, the soonest due first. */
    List<TimedGrant> ofGroup(TenantId tenant, GroupId group);

    /** The tenants with a grant due by {@code now} (to start or to end). */
    List<TenantId> tenantsDueBy(Instant now);

    /** The tenant's grants due by {@code now}, the earliest due first, at most {@code limit}. */
    List<TimedGrant> dueBy(TenantId tenant, Instant now, int limit);
}
