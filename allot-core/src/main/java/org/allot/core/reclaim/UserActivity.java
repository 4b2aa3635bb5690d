package org.allot.core.reclaim;

import java.time.Instant;

/**
 * What is known of a user's use of their account.
 *
 * @param lastSignInDateTime the last sign-in, as set through the API or imported (Graph's {@code signInActivity})
 * @param lastLogonTimestamp the last logon that Active Directory reports ({@code lastLogonTimestamp}, read by directory
 *     sync; Active Directory replicates it only every 9 to 14 days)
 * @param disabledSince since when the account has been disabled ({@code accountEnabled = false}); null while enabled,
 *     or for accounts disabled before Allot kept this (then: when Allot started keeping it)
 */
public record UserActivity(Instant lastSignInDateTime, Instant lastLogonTimestamp, Instant disabledSince) {
    public static final UserActivity NONE = new UserActivity(null, null, null);

    /** The latest sign-in or logon, null when none is known. */
    public Instant lastActivity() {
        if (lastSignInDateTime == null) {
            return lastLogonTimestamp;
        }
        if (lastLogonTimestamp == null) {
            return lastSignInDateTime;
        }
        return lastSignInDateTime.isAfter(lastLogonTimestamp) ? lastSignInDateTime : lastLogonTimestamp;
    }
}
