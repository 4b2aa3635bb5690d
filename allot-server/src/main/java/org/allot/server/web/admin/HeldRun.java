package org.allot.server.web.admin;

import org.allot.core.Words;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;

/**
 * What a run's page says of what the run holds back or would do: a blocked run may hold deletions, removals of
 * memberships of licensed groups, or both, and its page speaks of what it holds only (a run blocked for the licenses
 * some removals would take says nothing of deletions). Its counts as the runs table and the summary write them.
 */
public record HeldRun(SyncRun run) {

    /** The title of a blocked run's section: what waits for the administrator. */
    public String title() {
        int deletions = run.pendingDeletions();
        int removals = run.pendingRemovals();
        if (removals == 0) {
            return Words.counted(deletions, "deletion waits", "deletions wait") + " for your confirmation";
        }
        String held = Words.counted(removals, "membership removal", "membership removals");
        return deletions == 0
                ? held + (removals == 1 ? " waits" : " wait") + " for your confirmation"
                : Words.counted(deletions, "deletion", "deletions") + " and " + held + " wait for your confirmation";
    }

    /** What the held removals and deletions would take away; null when nothing would be taken. */
    public String summary() {
        int deletions = run.pendingDeletions();
        int removals = run.pendingRemovals();
        String losing = " would take a license from " + Words.counted(run.usersLosingLicenses(), "user", "users") + ".";
        if (removals == 0) {
            return run.usersLosingLicenses() == 0 ? null : "Carried out, its deletions" + losing;
        }
        String memberships = Words.counted(removals, "membership", "memberships") + " of licensed groups";
        return (deletions == 0
                        ? "The run holds back " + memberships + "; carried out, they" + losing
                        : "The run also holds back " + memberships + "; carried out, they and its deletions" + losing)
                + " Check the lists below before you confirm: a change of the connector (a member attribute, an"
                + " immutable id) can empty groups by mistake.";
    }

    /** Why nothing was done yet, and what a confirmed deletion means. */
    public String explained() {
        if (run.pendingDeletions() == 0) {
            return "Nothing was removed: the run crossed the tenant's thresholds (see its message). Confirm to carry"
                    + " the removals out; a later run that still finds them is held again.";
        }
        return "The users and groups listed are no longer in the directory's scope. Nothing was deleted or removed:"
                + " the run crossed the tenant's thresholds (see its message). Deleted users keep their licenses (and"
                + " seats) and memberships for the retention period and can be restored; their licenses are lost"
                + " when they are purged.";
    }

    /** The button that confirms the run. */
    public String confirmLabel() {
        if (run.pendingRemovals() == 0) {
            return "Confirm deletions";
        }
        return run.pendingDeletions() == 0 ? "Confirm removals" : "Confirm deletions and removals";
    }

    /** The question asked before the run is confirmed. */
    public String confirmQuestion() {
        int deletions = run.pendingDeletions();
        int removals = run.pendingRemovals();
        String objects = Words.counted(deletions, "user or group", "users and groups");
        String memberships = Words.counted(removals, "membership", "memberships") + " of licensed groups";
        String question = removals == 0
                ? "Delete the " + objects + " listed here?"
                : deletions == 0
                        ? "Remove the " + memberships + " listed here?"
                        : "Delete the " + objects + " and remove the " + memberships + " listed here?";
        String losing = run.usersLosingLicenses() == 0
                ? ""
                : " " + Words.counted(run.usersLosingLicenses(), "user", "users") + " would lose a license.";
        return question + losing + (deletions == 0 ? "" : " Users can be restored during the retention period.");
    }

    /**
     * The deletions a run holds or would make besides those it made, as the runs table shows them under its count:
     * "3 held" (blocked), "3 if applied" (a preview or a staged run); null when there are none.
     */
    public String pendingDeletions() {
        if (run.pendingDeletions() == 0) {
            return null;
        }
        if (run.state() == SyncRunState.BLOCKED) {
            return run.pendingDeletions() + " held";
        }
        return run.state().dry() ? run.pendingDeletions() + " if applied" : null;
    }

    /** The run's counts in a sentence, with what a blocked run holds and what a dry run would do. */
    public String counts() {
        var c = run.counts();
        if (run.state().dry()) {
            return "Applied, it would add " + c.added() + ", update " + c.updated() + " and delete "
                    + run.pendingDeletions() + "; " + c.unchanged() + " unchanged, " + c.errors() + " in error";
        }
        String held = run.state() == SyncRunState.BLOCKED && run.pendingDeletions() > 0
                ? " (" + run.pendingDeletions() + " held for confirmation)"
                : "";
        return c.added() + " added, " + c.updated() + " updated, " + c.deleted() + " deleted" + held + ", "
                + c.unchanged() + " unchanged, " + c.errors() + " in error";
    }
}
