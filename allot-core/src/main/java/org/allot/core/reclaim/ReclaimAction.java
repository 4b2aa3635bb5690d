package org.allot.core.reclaim;

/** What reclaiming a listed seat takes. */
public enum ReclaimAction {
    /** The user holds the license directly only: applying removes it, and the seat is free. */
    RemoveDirect,
    /**
     * The license comes from one or more groups (whether or not also directly): reclaim does not change memberships;
     * the report names the groups to remove the user from (or to change by rule or in the directory).
     */
    RemoveFromGroups,
    /** The user is deleted: the seat is freed when the user is deleted for good, at the end of the retention. */
    FreedAtPermanentDeletion
}
