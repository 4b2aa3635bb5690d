package org.allot.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Words;

/**
 * How a run finds the objects that left the directory's scope: by listing the scope (the census), from a directory
 * that tells what changed out of scope, or not at all in a delta of a directory that does not tell them, which then
 * says so and when they will be looked for.
 */
final class DeletionCheck {
    private DeletionCheck() {}

    /** What a run that did not look for deletions says, and when they will be looked for. */
    static String notChecked(ConnectorSettings connector, Duration fullSyncEvery) {
        String full = "full runs (every " + Words.duration(fullSyncEvery) + ", or when asked for)";
        return "Deletions were not checked: a delta run of a directory that does not tell them looks for them "
                + (connector.deletionCheckEvery() == null
                        ? "only in " + full + "; the connector's deletion check interval makes delta runs look for"
                                + " them more often."
                        : "every " + Words.duration(connector.deletionCheckEvery())
                                + " (the connector's deletion check interval) and in " + full + ".");
    }

    /**
     * Lists the scope, but in a delta run that finds deletions otherwise: a directory that tells what changed out of
     * scope (Active Directory's Deleted Objects), or a directory that does not, whose deletions then wait for the next
     * full run or for the connector's deletion check ({@code deletionsDue}). Members named by a value other than a
     * distinguished name are resolved through the census, which is then always taken. A full run takes the census
     * from its own read of every entry rather than listing the scope first.
     */
    static void census(RunContext run, boolean deletionsDue, Instant now) {
        run.readAt = now;
        if (run.delta()) {
            Optional<Set<String>> changed = run.session.changedAnywhereSince(run.decision.since());
            if (changed.isPresent()) {
                run.censusTaken = false;
                run.changedElsewhere.addAll(changed.get());
                run.session.knownNames(run::known);
                return;
            }
            if (run.settings.preset() != DirectoryPreset.ACTIVE_DIRECTORY
                    && !deletionsDue
                    && run.settings.mapping().members().stream().allMatch(MemberAttribute::dns)) {
                run.censusTaken = false;
                run.deletionsChecked = false;
                run.session.knownNames(run::known);
                return;
            }
        }
        if (!run.delta()) {
            // a full run reads every entry in scope anyway: the census is taken from that read
            run.censusInRead = true;
            return;
        }
        for (ObjectKind kind : ObjectKind.values()) {
            run.session.census(kind, run::take);
        }
    }
}
