package org.allot.core.reclaim;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.directory.UserId;

/**
 * What is known of many users' activity at once, for answers that show it beside the users (Graph's
 * {@code $select=signInActivity} on {@code /v1.0/users}): one read whatever their number.
 */
public final class UserActivities {
    private final Transactions transactions;
    private final ActivitySignals signals;

    public UserActivities(Transactions transactions, ActivitySignals signals) {
        this.transactions = Objects.requireNonNull(transactions);
        this.signals = Objects.requireNonNull(signals);
    }

    /** Each user's activity; users with nothing known are left out. */
    public Map<UserId, UserActivity> of(TenantId tenant, Collection<UserId> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        return transactions.read(() -> signals.of(tenant, users));
    }
}
