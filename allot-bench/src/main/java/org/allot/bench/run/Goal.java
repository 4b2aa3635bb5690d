package org.allot.bench.run;

import java.util.Locale;

/** What the issue aims for on a figure: its median, or its ratio to the baseline, at most or at least a bound. */
public record Goal(Subject subject, boolean atMost, double bound) {
    public enum Subject {
        MEDIAN,
        RATIO
    }

    public static Goal medianAtMost(double bound) {
        return new Goal(Subject.MEDIAN, true, bound);
    }

    public static Goal medianAtLeast(double bound) {
        return new Goal(Subject.MEDIAN, false, bound);
    }

    public static Goal ratioAtMost(double bound) {
        return new Goal(Subject.RATIO, true, bound);
    }

    public static Goal ratioAtLeast(double bound) {
        return new Goal(Subject.RATIO, false, bound);
    }

    public boolean metBy(double median, double ratio) {
        double value = subject == Subject.MEDIAN ? median : ratio;
        if (Double.isNaN(value)) {
            return false;
        }
        return atMost ? value <= bound : value >= bound;
    }

    public String describe(String unit) {
        String op = atMost ? "≤ " : "≥ ";
        return subject == Subject.MEDIAN
                ? op + Report.number(bound) + " " + unit
                : "ratio " + op + String.format(Locale.ROOT, "%.2f", bound);
    }
}
