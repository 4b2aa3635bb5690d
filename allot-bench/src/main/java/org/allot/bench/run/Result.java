package org.allot.bench.run;

import java.util.List;
import java.util.Map;

/**
 * One figure of a scenario: its value in each run, the baseline measured in the same runs (if any), and the goals
 * the issue sets for it at full size. {@code ratio} is median over baseline median.
 */
public record Result(
        String scenario,
        String metric,
        String unit,
        List<Double> values,
        String baselineName,
        List<Double> baseline,
        List<Goal> goals,
        Map<String, Object> details) {

    public Result {
        values = List.copyOf(values);
        baseline = baseline == null ? List.of() : List.copyOf(baseline);
        goals = goals == null ? List.of() : List.copyOf(goals);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static Result of(String scenario, String metric, String unit, List<Double> values) {
        return new Result(scenario, metric, unit, values, null, null, null, null);
    }

    public Result withBaseline(String name, List<Double> baselineValues) {
        return new Result(scenario, metric, unit, values, name, baselineValues, goals, details);
    }

    public Result withGoals(Goal... aims) {
        return new Result(scenario, metric, unit, values, baselineName, baseline, List.of(aims), details);
    }

    public Result withDetails(Map<String, Object> more) {
        return new Result(scenario, metric, unit, values, baselineName, baseline, goals, more);
    }

    public double median() {
        return Stats.median(values);
    }

    public double baselineMedian() {
        return baseline.isEmpty() ? Double.NaN : Stats.median(baseline);
    }

    public double ratio() {
        return baseline.isEmpty() ? Double.NaN : median() / baselineMedian();
    }

    /** Whether every goal is met; null when there is none or when the run was not at full size. */
    public Boolean met(boolean fullSize) {
        if (goals.isEmpty() || !fullSize) {
            return null;
        }
        return goals.stream().allMatch(g -> g.metBy(median(), ratio()));
    }
}
