package org.allot.core.reclaim;

/** Why a seat is listed for reclaim. */
public enum ReclaimReason {
    /** No sign-in or logon for the policy's number of days. */
    Inactive,
    /** Never signed in (nor logged on) since the account was created, that many days ago. */
    NeverSignedIn,
    /** The account has been disabled ({@code accountEnabled = false}) for the policy's number of days. */
    Disabled,
    /** The user has been deleted (soft) for the policy's number of disabled days. */
    Deleted
}
