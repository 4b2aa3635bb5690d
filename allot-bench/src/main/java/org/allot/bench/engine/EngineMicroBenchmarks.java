package org.allot.bench.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Result;
import org.allot.bench.scenario.Scenario;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Scenario 7: the engine's JMH micro-benchmarks, run by the harness in forked JVMs (none at quick size): the values of
 * a figure are JMH's measurement iterations.
 */
public final class EngineMicroBenchmarks implements Scenario {

    @Override
    public String id() {
        return "engine";
    }

    @Override
    public String title() {
        return "Engine micro-benchmarks (JMH): effective licenses and rule evaluation per user";
    }

    @Override
    public boolean needsServer() {
        return false;
    }

    @Override
    public List<Result> run(Target target, Context context) {
        int iterations = context.sizes().jmhIterations();
        boolean quick = !context.sizes().fullSize();
        Options options = new OptionsBuilder()
                .include(EffectiveLicenseBenchmark.class.getName())
                .include(RuleEvaluationBenchmark.class.getName())
                .forks(context.sizes().jmhForks())
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.milliseconds(quick ? 100 : 1000))
                .measurementIterations(Math.max(iterations, quick ? 1 : context.runs()))
                .measurementTime(TimeValue.milliseconds(quick ? 100 : 1000))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> runs;
        try {
            runs = new Runner(options).run();
        } catch (RunnerException e) {
            throw new IllegalStateException(e);
        }
        List<Result> results = new ArrayList<>();
        for (RunResult run : runs) {
            String name = run.getParams().getBenchmark();
            String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            List<Double> values = new ArrayList<>();
            run.getBenchmarkResults().forEach(b -> b.getIterationResults()
                    .forEach(i -> values.add(i.getPrimaryResult().getScore())));
            results.add(Result.of(id(), shortName, run.getPrimaryResult().getScoreUnit(), values)
                    .withDetails(Map.of(
                            "benchmark", name,
                            "forks", context.sizes().jmhForks(),
                            "jmhScore", run.getPrimaryResult().getScore())));
        }
        return results;
    }
}
