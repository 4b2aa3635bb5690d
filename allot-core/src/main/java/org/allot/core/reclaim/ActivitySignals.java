package org.allot.core.reclaim;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.allot.core.TenantId;
import org.allot.core.directory.UserId;

/**
 * The activity signals of users: sign-ins set through the API, logons read by directory sync. When an account was
 * disabled is kept by storage as {@code accountEnabled} changes, whoever changes it.
 */
public interface ActivitySignals {
    /** Sets each user's last sign-in. */
    void recordSignIns(TenantId tenant, Map<UserId, Instant> lastSignIn);

    /** Sets each user's last logon as the on-premises directory reports it. */
    void recordLogons(TenantId tenant, Map<UserId, Instant> lastLogon);

    /** What is known of each user (users with nothing known are left out). */
    Map<UserId, UserActivity> of(TenantId tenant, Collection<UserId> users);
}
