package org.allot.core.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.allot.core.Words;
import org.allot.core.directory.TenantPolicy;

/**
 * What a run would take away, measured against the tenant's two thresholds: objects deleted (the memberships of
 * licensed groups it removes count too) and users who would lose a license. Over either, the run is blocked: its
 * deletions and those removals wait for an administrator, with a preview of what they would remove.
 */
record HoldBack(List<PendingDeletion> deletions, LicenseImpact.Impact impact, TenantPolicy policy) {
    HoldBack {
        deletions = List.copyOf(deletions);
    }

    /** Objects deleted and memberships of licensed groups removed. */
    int objects() {
        return deletions.size() + impact.preview().size();
    }

    boolean blocked() {
        return objects() > policy.syncDeleteThreshold() || impact.usersLosing() > policy.syncLicenseLossThreshold();
    }

    /** Why the run is blocked and what confirming it does. */
    String message() {
        List<String> over = new ArrayList<>();
        int removals = impact.preview().size();
        if (objects() > policy.syncDeleteThreshold()) {
            over.add(String.format(
                    Locale.ROOT,
                    "The run would delete %s%s, more than the tenant's threshold of %d",
                    Words.counted(deletions.size(), "object", "objects"),
                    removals == 0
                            ? ""
                            : " and remove " + Words.counted(removals, "membership", "memberships")
                                    + " of licensed groups",
                    policy.syncDeleteThreshold()));
        }
        if (impact.usersLosing() > policy.syncLicenseLossThreshold()) {
            over.add(String.format(
                    Locale.ROOT,
                    "%s%s would lose a license, more than the tenant's threshold of %s",
                    over.isEmpty() ? "" : "and ",
                    Words.counted(impact.usersLosing(), "user", "users"),
                    Words.counted(policy.syncLicenseLossThreshold(), "user", "users")));
        }
        if (removals == 0 && impact.losses().isEmpty()) {
            return String.join("; ", over) + ": nothing was deleted. Confirm the run to carry out the deletions.";
        }
        return String.join("; ", over)
                + String.format(
                        Locale.ROOT,
                        ": nothing was deleted or removed (%s, %s of licensed groups, %s losing a license). Check"
                                + " what it would remove, then confirm the run to carry it out.",
                        Words.counted(deletions.size(), "deletion", "deletions"),
                        Words.counted(removals, "membership", "memberships"),
                        Words.counted(impact.usersLosing(), "user", "users"));
    }

    /** What a dry run found: what applying it would do, and whether it would be held for confirmation. */
    String dryMessage(SyncRunState state, SyncCounts counts, int unlicensedRemovals) {
        String what = state == SyncRunState.PREVIEW
                ? "Preview of the connector's settings as given, not saved: nothing was applied."
                : "Staging mode: nothing was applied; switch staging off for the next run to apply.";
        String would = String.format(
                Locale.ROOT,
                " Applied, the run would add %s, update %d, delete %d, remove %s of licensed groups%s and take a"
                        + " license from %s",
                Words.counted(counts.added(), "object", "objects"),
                counts.updated(),
                deletions.size(),
                Words.counted(impact.preview().size(), "membership", "memberships"),
                unlicensedRemovals == 0 ? "" : " (and " + unlicensedRemovals + " of groups that give no license)",
                Words.counted(impact.usersLosing(), "user", "users"));
        return what
                + would
                + (blocked()
                        ? "; it would be blocked for confirmation, over the tenant's thresholds (objects deleted "
                                + policy.syncDeleteThreshold() + ", users losing a license "
                                + policy.syncLicenseLossThreshold() + ")."
                        : ".");
    }
}
