package org.allot.cli.command;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.allot.api.extensions.DirectorySyncRun;
import org.allot.api.extensions.DirectorySyncRunRequest;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import org.allot.cli.output.Table;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;

/** Runs of directory sync: finding one, waiting for the one a request becomes, and how they print. */
final class SyncRuns {
    static final String RUNS = "/allot/v1/directorySync/runs";

    private final Context context;

    SyncRuns(Context context) {
        this.context = context;
    }

    /** The latest runs, newest first. */
    List<DirectorySyncRun> latest(int top) {
        return context.api().list(Query.of(RUNS).with("$top", top), DirectorySyncRun.class, top);
    }

    /** The run with this id, or the latest for {@code latest}. */
    DirectorySyncRun find(String run) {
        if (run.strip().equalsIgnoreCase("latest")) {
            return latest(1).stream()
                    .findFirst()
                    .orElseThrow(() -> Failure.notFound("No sync has run yet: 'allot sync run' starts one."));
        }
        try {
            return context.api().get(Query.path(RUNS, run.strip()), DirectorySyncRun.class);
        } catch (ApiError e) {
            throw e.status() == 404 ? Failure.notFound("No sync run '" + run + "': 'allot sync runs' lists them.") : e;
        }
    }

    /**
     * Polls until the run the request became has ended (the first run that started at or after it was asked for),
     * and returns it.
     */
    DirectorySyncRun await(DirectorySyncRunRequest request, Duration timeout, Boolean progress) {
        return Polling.until(
                context,
                "Directory sync",
                progress,
                timeout,
                null,
                () -> since(request.requestedDateTime()),
                run -> run != null && !run.state().equals("RUNNING"),
                run -> run == null
                        ? "waiting for a server to start it"
                        : run.state().equals("RUNNING") ? progress(run) : run.state(),
                run -> "The sync has not ended after " + timeout + ": 'allot sync runs' shows how it goes.");
    }

    /**
     * The run printed; then, for a run that did not succeed, a failure whose exit code says how it ended: 4 for a
     * blocked run (deletions wait for confirmation), 1 for a failed or interrupted one; a staged run (exit code 0)
     * says where to read what it would do.
     */
    void report(DirectorySyncRun run) {
        context.printer().print(item(run));
        switch (run.state()) {
            case "BLOCKED" ->
                throw new Failure(
                        Exit.REFUSED,
                        "SyncBlocked",
                        run.message() + " 'allot sync deletions " + run.id() + "', 'allot sync removals " + run.id()
                                + "' and 'allot sync license-losses " + run.id() + "' list them; 'allot sync confirm "
                                + run.id() + "' carries them out.");
            case "STAGED" ->
                context.note("Staging mode: nothing was applied. 'allot sync changes " + run.id()
                        + "', 'deletions', 'removals' and 'license-losses' list what the run would do; 'allot sync"
                        + " configure --no-staging' lets the next run apply.");
            case "FAILED", "INTERRUPTED" ->
                throw Failure.failed("Sync" + capitalized(run.state()), String.valueOf(run.message()));
            default -> {}
        }
    }

    static Item item(DirectorySyncRun r) {
        return Item.of()
                .put("id", r.id())
                .put("state", r.state())
                .put("trigger", r.trigger())
                .put("mode", r.mode())
                .put("requestedBy", r.requestedBy())
                .put("startedDateTime", r.startedDateTime())
                .put("finishedDateTime", r.finishedDateTime())
                .put("added", r.added())
                .put("updated", r.updated())
                .put("deleted", r.deleted())
                .put("unchanged", r.unchanged())
                .put("errors", r.errors())
                .put("pendingDeletions", r.pendingDeletions())
                .put("pendingRemovals", r.pendingRemovals())
                .put("usersLosingLicenses", r.usersLosingLicenses())
                .put("message", r.message());
    }

    static Table table(List<DirectorySyncRun> runs) {
        Table table = Table.of(
                "id",
                "startedDateTime",
                "trigger",
                "mode",
                "state",
                "finishedDateTime",
                "added",
                "updated",
                "deleted",
                "unchanged",
                "errors",
                "pendingDeletions",
                "pendingRemovals",
                "usersLosingLicenses",
                "message");
        for (DirectorySyncRun r : runs) {
            table.add(
                    r.id(),
                    r.startedDateTime(),
                    r.trigger(),
                    r.mode(),
                    r.state(),
                    r.finishedDateTime(),
                    r.added(),
                    r.updated(),
                    r.deleted(),
                    r.unchanged(),
                    r.errors(),
                    r.pendingDeletions(),
                    r.pendingRemovals(),
                    r.usersLosingLicenses(),
                    r.message());
        }
        return table;
    }

    private DirectorySyncRun since(OffsetDateTime requested) {
        DirectorySyncRun found = null;
        for (DirectorySyncRun run : latest(20)) {
            if (!run.startedDateTime().isBefore(requested)) {
                found = run;
            }
        }
        return found;
    }

    private static String progress(DirectorySyncRun run) {
        return "running: " + run.added() + " added, " + run.updated() + " updated, " + run.unchanged() + " unchanged";
    }

    private static String capitalized(String state) {
        return state.charAt(0) + state.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
