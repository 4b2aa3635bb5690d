package org.allot.cli.command;

import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.allot.api.extensions.DirectorySyncError;
import org.allot.api.extensions.DirectorySyncLicenseLoss;
import org.allot.api.extensions.DirectorySyncPendingDeletion;
import org.allot.api.extensions.DirectorySyncPendingRemoval;
import org.allot.api.extensions.DirectorySyncPlannedChange;
import org.allot.api.extensions.DirectorySyncRun;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Table;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * One of the lists a sync run keeps ({@code allot sync errors|changes|deletions|removals|license-losses RUN}): where
 * the API serves it, what it answers, and how an item becomes a row.
 */
record RunList<T>(String segment, Class<T> type, Supplier<Table> table, BiConsumer<Table, T> row) {
    static final RunList<DirectorySyncError> ERRORS = new RunList<>(
            "errors",
            DirectorySyncError.class,
            () -> Table.of("objectType", "distinguishedName", "onPremisesImmutableId", "message"),
            (table, e) -> table.add(e.objectType(), e.distinguishedName(), e.onPremisesImmutableId(), e.message()));
    static final RunList<DirectorySyncPlannedChange> PLANNED_CHANGES = new RunList<>(
            "plannedChanges",
            DirectorySyncPlannedChange.class,
            () -> Table.of("action", "objectType", "displayName", "distinguishedName", "id"),
            (table, c) -> table.add(c.action(), c.objectType(), c.displayName(), c.distinguishedName(), c.id()));
    static final RunList<DirectorySyncPendingDeletion> PENDING_DELETIONS = new RunList<>(
            "pendingDeletions",
            DirectorySyncPendingDeletion.class,
            () -> Table.of("objectType", "displayName", "id", "onPremisesImmutableId"),
            (table, d) -> table.add(d.objectType(), d.displayName(), d.id(), d.onPremisesImmutableId()));
    static final RunList<DirectorySyncPendingRemoval> PENDING_REMOVALS = new RunList<>(
            "pendingRemovals",
            DirectorySyncPendingRemoval.class,
            () -> Table.of("groupDisplayName", "memberType", "memberName", "groupId", "memberId"),
            (table, r) -> table.add(r.groupDisplayName(), r.memberType(), r.memberName(), r.groupId(), r.memberId()));
    static final RunList<DirectorySyncLicenseLoss> LICENSE_LOSSES = new RunList<>(
            "licenseLosses",
            DirectorySyncLicenseLoss.class,
            () -> Table.of("userPrincipalName", "skuPartNumber", "cause", "userId"),
            (table, l) -> table.add(l.userPrincipalName(), l.skuPartNumber(), l.cause(), l.userId()));

    /** The run and how many of its items: the arguments every list command takes. */
    static final class Options {
        @Parameters(paramLabel = "RUN", description = "the run's id, or latest")
        String run;

        @Option(names = "--top", paramLabel = "N", defaultValue = "10000", description = "At most N (10000).")
        int top;
    }

    /** Prints at most {@code --top} (and as many as a run keeps) of the run's items. */
    void print(Context context, Options options) {
        SyncCommands.top(options.top, 10_000);
        DirectorySyncRun found = new SyncRuns(context).find(options.run);
        Table rows = table.get();
        context.api()
                .list(Query.of(Query.path(SyncRuns.RUNS, found.id(), segment)).with("$top", options.top), type)
                .forEach(item -> row.accept(rows, item));
        context.printer().print(rows);
    }
}
