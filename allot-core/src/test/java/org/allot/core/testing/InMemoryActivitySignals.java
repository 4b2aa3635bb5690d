package org.allot.core.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.ActivitySignals;
import org.allot.core.reclaim.UserActivity;

/** Users' activity signals in memory (sign-ins and logons; no account is ever known disabled here). */
public final class InMemoryActivitySignals implements ActivitySignals {
    private final Map<TenantId, Map<UserId, UserActivity>> known = new ConcurrentHashMap<>();

    @Override
    public void recordSignIns(TenantId tenant, Map<UserId, Instant> lastSignIn) {
        lastSignIn.forEach((user, at) -> of(tenant)
                .merge(
                        user,
                        new UserActivity(at, null, null),
                        (old, x) -> new UserActivity(at, old.lastLogonTimestamp(), old.disabledSince())));
    }

    @Override
    public void recordLogons(TenantId tenant, Map<UserId, Instant> lastLogon) {
        lastLogon.forEach((user, at) -> of(tenant)
                .merge(
                        user,
                        new UserActivity(null, at, null),
                        (old, x) -> new UserActivity(old.lastSignInDateTime(), at, old.disabledSince())));
    }

    @Override
    public Map<UserId, UserActivity> of(TenantId tenant, Collection<UserId> users) {
        Map<UserId, UserActivity> found = new HashMap<>();
        Map<UserId, UserActivity> all = of(tenant);
        users.forEach(u -> {
            if (all.containsKey(u)) {
                found.put(u, all.get(u));
            }
        });
        return found;
    }

    private Map<UserId, UserActivity> of(TenantId tenant) {
        return known.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    }
}
