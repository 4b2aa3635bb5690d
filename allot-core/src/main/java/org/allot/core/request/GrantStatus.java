package org.allot.core.request;

/**
 * What became of an approved request's license, read from the assignment it made as it stands now (never stored).
 */
public enum GrantStatus {
    /** The user holds the license through the assignment the approval made. */
    GRANTED("granted"),
    /** No seat was free: the assignment waits in the product's waiting list. */
    WAITING_FOR_SEAT("waitingForSeat"),
    /** The assignment is in error for another reason (a plan's prerequisite, the usage location…). */
    IN_ERROR("error"),
    /**
     * Nothing is assigned yet: the approval gives the license (or the membership) at a later start, as a time-bound
     * grant that has not started (Graph has no scheduled license: until then the user's licenseDetails and
     * licenseAssignmentStates do not show it).
     */
    SCHEDULED("scheduled"),
    /** The assignment is gone: the license or the membership was removed since (or its scheduled grant cancelled). */
    REMOVED("removed");

    private final String wireName;

    GrantStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
