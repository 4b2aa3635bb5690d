package org.allot.bench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics of a set of measurements. */
public final class Stats {
    private Stats() {}

    public static double median(List<Double> values) {
        return percentile(values, 50);
    }

    public static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** The nearest-rank percentile (p in 0–100); the median of an even count is the mean of the middle two. */
    public static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        if (p == 50 && n % 2 == 0) {
            return (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted.get(Math.max(0, Math.min(n - 1, rank - 1)));
    }

    /** Milliseconds since a {@link System#nanoTime()} reading. */
    public static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
