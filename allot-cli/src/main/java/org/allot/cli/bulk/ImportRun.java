package org.allot.cli.bulk;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.allot.cli.Context;
import org.allot.cli.Exit;
import org.allot.cli.Failure;
import org.allot.cli.api.Api;
import org.allot.cli.api.ApiError;
import org.allot.cli.output.Item;
import org.allot.cli.output.Printer;
import org.allot.cli.output.Progress;
import org.allot.cli.output.Table;

/**
 * Applies planned steps: the requests of different users in parallel, those of one user in order, with a progress
 * bar; then writes the results file (every row: what was done or why not) and prints the summary.
 */
final class ImportRun {
    private static final int LISTED_PROBLEMS = 20;
    private static final List<String> STOPPERS = List.of("ServerUnreachable", "InvalidClient", "Interrupted");

    private final Context context;
    private final List<String> keyColumns;
    private final List<Step.Action> actions;

    /**
     * @param keyColumns the columns that name a row in the results file
     * @param actions the changes this import makes, counted in the summary even when none
     */
    ImportRun(Context context, List<String> keyColumns, List<Step.Action> actions) {
        this.context = context;
        this.keyColumns = keyColumns;
        this.actions = actions;
    }

    /** What became of a row. */
    record Result(Step step, String outcome, String detail) {}

    /** Runs the steps (or, on a dry run, only tells); returns the exit code. */
    int run(CsvFile file, List<Step> steps, Options options) {
        List<Result> results = options.dryRun() ? planned(steps) : apply(steps, options);
        Path written = write(results, options.results());
        return report(file, results, written, options.dryRun());
    }

    /** How an import runs. */
    record Options(boolean dryRun, Path results, int parallel, Boolean progress, String task) {}

    private static List<Result> planned(List<Step> steps) {
        return steps.stream()
                .map(s -> new Result(s, s.action().planned(), s.detail()))
                .toList();
    }

    private List<Result> apply(List<Step> steps, Options options) {
        Map<String, List<Step>> lanes = new LinkedHashMap<>();
        steps.stream().filter(s -> s.request() != null).forEach(s -> lanes.computeIfAbsent(
                        s.request().lane(), l -> new ArrayList<>())
                .add(s));
        Map<Step, Result> done = new ConcurrentHashMap<>();
        AtomicReference<Failure> stopped = new AtomicReference<>();
        long total = lanes.values().stream().mapToLong(List::size).sum();
        Api api = total == 0 ? null : context.api();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.parallel()));
        try (Progress bar = Progress.start(
                options.task(), total, options.progress(), context.environment().interactive(), context.err())) {
            List<Future<?>> running = new ArrayList<>();
            for (List<Step> lane : lanes.values()) {
                running.add(pool.submit(() -> runLane(api, lane, stopped, done, bar)));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.failed("Interrupted", "Interrupted: rows not yet sent were not applied.");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return steps.stream()
                .map(s -> done.getOrDefault(s, new Result(s, s.action().done(), s.detail())))
                .toList();
    }

    /** The steps of one user, in order; once one failed, the user's later steps are skipped. */
    private static void runLane(
            Api api, List<Step> lane, AtomicReference<Failure> stopped, Map<Step, Result> done, Progress bar) {
        Step failed = null;
        for (Step step : lane) {
            Result result = failed == null
                    ? send(api, step, stopped)
                    : new Result(step, "skipped", "not sent: line " + failed.line() + " of the same user failed");
            if (failed == null && result.outcome().equals("failed")) {
                failed = step;
            }
            done.put(step, result);
            bar.step();
        }
    }

    private static Result send(Api api, Step step, AtomicReference<Failure> stopped) {
        if (stopped.get() != null) {
            return new Result(step, "skipped", "not sent: " + stopped.get().getMessage());
        }
        try {
            Step.Request r = step.request();
            switch (r.method()) {
                case "POST" -> api.post(r.path(), r.body());
                case "PATCH" -> api.patch(r.path(), r.body());
                default -> throw new IllegalArgumentException(r.method());
            }
            return new Result(step, step.action().done(), step.detail());
        } catch (ApiError e) {
            return new Result(step, "failed", e.code() + ": " + e.getMessage());
        } catch (Failure e) {
            if (STOPPERS.contains(e.code())) {
                stopped.compareAndSet(null, e);
            }
            return new Result(step, "failed", e.code() + ": " + e.getMessage());
        }
    }

    private Path write(List<Result> results, Path path) {
        List<String> columns = new ArrayList<>(List.of("line"));
        columns.addAll(keyColumns);
        columns.addAll(List.of("outcome", "detail"));
        Table table = Table.of(columns.toArray(String[]::new));
        for (Result r : results) {
            List<Object> row = new ArrayList<>();
            row.add(r.step().line());
            for (int i = 0; i < keyColumns.size(); i++) {
                row.add(i < r.step().key().size() ? r.step().key().get(i) : "");
            }
            row.add(r.outcome());
            row.add(r.detail());
            table.add(row.toArray());
        }
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            out.write(Printer.csv(table));
        } catch (IOException e) {
            throw Failure.failed("ResultsNotWritten", "Cannot write the results to " + path + ": " + e.getMessage());
        }
        return path;
    }

    /** {@code would create} as {@code wouldCreate}, a name scripts can use. */
    static String camelCase(String outcome) {
        String[] words = outcome.split(" ");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    private int report(CsvFile file, List<Result> results, Path written, boolean dryRun) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        actions.forEach(a -> counts.put(dryRun ? a.planned() : a.done(), 0));
        counts.put("unchanged", 0);
        counts.put("invalid", 0);
        if (!dryRun) {
            counts.put("failed", 0);
            counts.put("skipped", 0);
        }
        for (Result r : results) {
            counts.merge(r.outcome(), 1, Integer::sum);
        }
        List<Result> problems = results.stream()
                .filter(r -> List.of("invalid", "failed", "skipped").contains(r.outcome()))
                .toList();
        problems.stream()
                .limit(LISTED_PROBLEMS)
                .forEach(r -> context.note(
                        file.name() + " line " + r.step().line() + ": " + r.outcome() + ": " + r.detail()));
        if (problems.size() > LISTED_PROBLEMS) {
            context.note("… and " + (problems.size() - LISTED_PROBLEMS) + " more: see " + written + ".");
        }
        boolean changes = results.stream().anyMatch(r -> r.step().action().changes());
        if (!changes && problems.isEmpty()) {
            context.note("Nothing to change: every row of " + file.name() + " is already applied.");
        } else {
            context.note((dryRun ? "Dry run, nothing was changed. " : "") + file.name() + ": " + results.size()
                    + " rows: "
                    + String.join(
                            ", ",
                            counts.entrySet().stream()
                                    .map(e -> e.getValue() + " " + e.getKey())
                                    .toList())
                    + ". Results: " + written + ".");
        }
        Item summary =
                Item.of().put("file", file.name()).put("rows", results.size()).put("dryRun", dryRun);
        counts.forEach((outcome, count) -> summary.put(camelCase(outcome), count));
        summary.put("results", written.toString());
        context.printer().print(summary);
        return problems.isEmpty() ? Exit.OK.code() : Exit.FAILURE.code();
    }
}
