package org.allot.bench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The table printed at the end, and {@code results.json}. */
public final class Report {
    private final List<Result> results = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    public synchronized void add(List<Result> scenarioResults) {
        results.addAll(scenarioResults);
    }

    public synchronized void failed(String scenario, String message) {
        failures.put(scenario, message);
    }

    public synchronized List<Result> results() {
        return List.copyOf(results);
    }

    public synchronized Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    public synchronized void print(PrintStream out, boolean fullSize) {
        String format = "%-12s %-44s %12s %12s %12s %-10s %12s %8s  %s%n";
        out.printf(
                Locale.ROOT,
                format,
                "scenario",
                "metric",
                "median",
                "min",
                "max",
                "unit",
                "baseline",
                "ratio",
                "target");
        for (Result r : results) {
            Boolean met = r.met(fullSize);
            String target = r.goals().isEmpty()
                    ? ""
                    : r.goals().stream().map(g -> g.describe(r.unit())).collect(Collectors.joining(", "))
                            + (met == null ? " (n/a at this size)" : met ? " met" : " NOT met");
            out.printf(
                    Locale.ROOT,
                    format,
                    r.scenario(),
                    r.metric(),
                    number(r.median()),
                    number(Stats.min(r.values())),
                    number(Stats.max(r.values())),
                    r.unit(),
                    r.baseline().isEmpty() ? "" : number(r.baselineMedian()),
                    r.baseline().isEmpty() ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()),
                    target);
        }
        failures.forEach((scenario, message) -> out.printf(Locale.ROOT, "%-12s FAILED: %s%n", scenario, message));
    }

    public synchronized void write(Path file, Map<String, Object> run, boolean fullSize) {
        Map<String, Object> json = new LinkedHashMap<>(run);
        json.put("finishedAt", Instant.now().toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario", r.scenario());
            row.put("metric", r.metric());
            row.put("unit", r.unit());
            row.put("runs", r.values().size());
            row.put("median", finite(r.median()));
            row.put("min", finite(Stats.min(r.values())));
            row.put("max", finite(Stats.max(r.values())));
            row.put("values", finite(r.values()));
            if (!r.baseline().isEmpty()) {
                Map<String, Object> baseline = new LinkedHashMap<>();
                baseline.put("name", r.baselineName());
                baseline.put("median", finite(r.baselineMedian()));
                baseline.put("min", finite(Stats.min(r.baseline())));
                baseline.put("max", finite(Stats.max(r.baseline())));
                baseline.put("values", finite(r.baseline()));
                row.put("baseline", baseline);
                row.put("ratio", finite(r.ratio()));
            }
            if (!r.goals().isEmpty()) {
                row.put(
                        "target",
                        r.goals().stream().map(g -> g.describe(r.unit())).collect(Collectors.joining(", ")));
                row.put("targetMet", r.met(fullSize));
            }
            if (!r.details().isEmpty()) {
                row.put("details", r.details());
            }
            rows.add(row);
        }
        json.put("results", rows);
        json.put("failures", failures);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JsonMapper mapper = JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build();
            Files.writeString(file, mapper.writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Double> finite(List<Double> values) {
        List<Double> out = new ArrayList<>();
        values.forEach(v -> out.add(finite(v.doubleValue())));
        return out;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
