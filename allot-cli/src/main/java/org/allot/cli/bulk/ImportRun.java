package org.allot.cli.bulk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.allot.cli.api.Api;
import org.allot.cli.api.ApiError;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import org.allot.cli.output.Progress;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;

/**
 * Applies planned steps: the requests of different users in parallel, those of one user in order (once one fails,
 * the user's later steps are skipped), with a progress bar; each row's result is written to the results file as soon
 * as it is known. Then prints the summary; an import stopped by Ctrl-C prints it too, for the rows done so far. A
 * dry run asks the server to check the rows instead ({@link DryRun}).
 */
final class ImportRun {
    private static final int LISTED_PROBLEMS = 20;
    private static final String INTERRUPTED = "Interrupted";
    private static final List<String> STOPPERS = List.of("ServerUnreachable", "InvalidClient", INTERRUPTED);
    private static final List<String> PROBLEMS =
            List.of("invalid", "failed", "skipped", DryRun.WOULD_FAIL, DryRun.WOULD_SKIP);
    /** How long Ctrl-C waits for the requests in flight to be answered. */
    private static final long IN_FLIGHT_SECONDS = 10;

    private final Context context;
    private final List<String> keyColumns;
    private final List<Step.Action> actions;
    private final DryRun.Validation validation;

    /**
     * @param keyColumns the columns that name a row in the results file
     * @param actions the changes this import makes, counted in the summary even when none
     * @param validation where a dry run has the rows checked
     */
    ImportRun(Context context, List<String> keyColumns, List<Step.Action> actions, DryRun.Validation validation) {
        this.context = context;
        this.keyColumns = keyColumns;
        this.actions = actions;
        this.validation = validation;
    }

    /** What became of a row. */
    record Result(Step step, String outcome, String detail) {}

    /** How an import runs. */
    record Options(boolean dryRun, Path results, int parallel, Boolean progress, String task) {}

    /** Runs the steps (or, on a dry run, has them checked); returns the exit code. */
    int run(CsvFile file, List<Step> steps, Options options) {
        ResultsFile results = ResultsFile.start(options.results(), keyColumns);
        try {
            if (options.dryRun()) {
                boolean checked = steps.stream().anyMatch(s -> s.request() != null);
                List<Result> outcome =
                        checked ? DryRun.check(context.api(), validation, steps) : done(steps, Step.Action::planned);
                results.complete(outcome);
                return report(file, outcome, results.path(), true);
            }
            return apply(file, steps, options, results);
        } finally {
            results.close();
        }
    }

    /** The steps of each user (by the lane of their requests), in order; steps that send nothing are left out. */
    static Map<String, List<Step>> lanes(List<Step> steps) {
        Map<String, List<Step>> lanes = new LinkedHashMap<>();
        steps.stream().filter(s -> s.request() != null).forEach(s -> lanes.computeIfAbsent(
                        s.request().lane(), l -> new ArrayList<>())
                .add(s));
        return lanes;
    }

    private static List<Result> done(List<Step> steps, java.util.function.Function<Step.Action, String> word) {
        return steps.stream()
                .map(s -> new Result(s, word.apply(s.action()), s.detail()))
                .toList();
    }

    private int apply(CsvFile file, List<Step> steps, Options options, ResultsFile results) {
        results.append(done(steps.stream().filter(s -> s.request() == null).toList(), Step.Action::done));
        Map<String, List<Step>> lanes = lanes(steps);
        Map<Step, Result> done = new ConcurrentHashMap<>();
        AtomicReference<Failure> stopped = new AtomicReference<>();
        AtomicBoolean reported = new AtomicBoolean();
        long total = lanes.values().stream().mapToLong(List::size).sum();
        Api api = total == 0 ? null : context.api();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.parallel()));
        CountDownLatch reporting = new CountDownLatch(1);
        Thread ctrlC = new Thread(() -> {
            stopped.compareAndSet(null, Failure.failed(INTERRUPTED, "the import was interrupted (Ctrl-C)"));
            pool.shutdown();
            try {
                pool.awaitTermination(IN_FLIGHT_SECONDS, TimeUnit.SECONDS);
                if (reported.compareAndSet(false, true)) {
                    summary(file, steps, done, stopped, results);
                } else {
                    reporting.await(IN_FLIGHT_SECONDS, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            context.out().flush();
            context.err().flush();
        });
        Runtime.getRuntime().addShutdownHook(ctrlC);
        try (Progress bar = Progress.start(
                options.task(), total, options.progress(), context.environment().interactive(), context.err())) {
            List<Future<?>> running = new ArrayList<>();
            for (List<Step> lane : lanes.values()) {
                running.add(pool.submit(() -> runLane(api, lane, stopped, done, bar, results)));
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
            try {
                Runtime.getRuntime().removeShutdownHook(ctrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C came: the hook reports
            }
        }
        if (!reported.compareAndSet(false, true)) {
            return Exit.FAILURE.code();
        }
        try {
            return summary(file, steps, done, stopped, results);
        } finally {
            reporting.countDown();
        }
    }

    /** Completes the results file and reports; says so first when Ctrl-C stopped the import. */
    private int summary(
            CsvFile file,
            List<Step> steps,
            Map<Step, Result> done,
            AtomicReference<Failure> stopped,
            ResultsFile results) {
        List<Result> outcome = outcome(steps, done);
        results.complete(outcome);
        if (stopped.get() != null && stopped.get().code().equals(INTERRUPTED)) {
            context.warn("Interrupted: the rows not yet sent were not applied (see the results file); importing the"
                    + " file again applies only what is left.");
        }
        return report(file, outcome, results.path(), false);
    }

    private static List<Result> outcome(List<Step> steps, Map<Step, Result> done) {
        return steps.stream()
                .map(s -> done.getOrDefault(
                        s,
                        s.request() == null
                                ? new Result(s, s.action().done(), s.detail())
                                : new Result(s, "skipped", "not sent: the import was interrupted")))
                .toList();
    }

    /** The steps of one user, in order; once one failed, the user's later steps are skipped. */
    private static void runLane(
            Api api,
            List<Step> lane,
            AtomicReference<Failure> stopped,
            Map<Step, Result> done,
            Progress bar,
            ResultsFile results) {
        Step failed = null;
        for (Step step : lane) {
            Result result = failed == null
                    ? send(api, step, stopped)
                    : new Result(step, "skipped", "not sent: line " + failed.line() + " of the same user failed");
            if (failed == null && result.outcome().equals("failed")) {
                failed = step;
            }
            done.put(step, result);
            results.append(List.of(result));
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
        counts.put(dryRun ? DryRun.WOULD_FAIL : "failed", 0);
        counts.put(dryRun ? DryRun.WOULD_SKIP : "skipped", 0);
        for (Result r : results) {
            counts.merge(r.outcome(), 1, Integer::sum);
        }
        List<Result> problems =
                results.stream().filter(r -> PROBLEMS.contains(r.outcome())).toList();
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
