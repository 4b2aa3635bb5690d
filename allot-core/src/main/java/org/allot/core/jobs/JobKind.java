package org.allot.core.jobs;

/** What a background job does; its target is a group, a SKU or a license check run. */
public enum JobKind {
    /** Applies a group's licenses to its members (and takes them from users who are no longer members). */
    GROUP,
    /** Serves a SKU's waiting list with its free seats, in order. */
    FILL,
    /** Recomputes a dynamic group's members; the cursor is the last user evaluated. */
    RULE,
    /** Carries out a run of the license check; the target is the run's id, the cursor the last user checked. */
    CHECK,
    /** Carries out a run of the direct → group migration; the target is the run's id, the cursor the last user. */
    MIGRATE
}
