package org.allot.bench.harness;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what wrk and bash's {@code times} printed after it: the requests and the time they took, the non-2xx
 * answers and socket errors (all counted as failures), and the CPU time of wrk (the second line of {@code times},
 * that of the shell's children).
 */
final class WrkOutput {
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(ms|s|m)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([0-9.]+)s\\s+(\\d+)m([0-9.]+)s");

    private WrkOutput() {}

    static Load.Rate rate(String out) {
        Matcher requests = REQUESTS.matcher(out);
        int end = out.lastIndexOf("requests in");
        Matcher times = TIMES.matcher(end < 0 ? "" : out.substring(end));
        if (!requests.find() || !times.find() || !times.find()) {
            throw new IllegalStateException("cannot read wrk's output: " + out);
        }
        long failures = count(NON_2XX, out, 1);
        Matcher errors = SOCKET_ERRORS.matcher(out);
        String client = "wrk";
        if (errors.find()) {
            client = "wrk (" + failures + " non-2xx; socket errors: " + errors.group() + ")";
            for (int g = 1; g <= 4; g++) {
                failures += Long.parseLong(errors.group(g));
            }
        }
        double seconds = Double.parseDouble(requests.group(2))
                * switch (requests.group(3)) {
                    case "ms" -> 0.001;
                    case "m" -> 60;
                    default -> 1;
                };
        double cpu = Long.parseLong(times.group(1)) * 60
                + Double.parseDouble(times.group(2))
                + Long.parseLong(times.group(3)) * 60
                + Double.parseDouble(times.group(4));
        long total = Long.parseLong(requests.group(1));
        return new Load.Rate(client, total - Math.min(total, count(NON_2XX, out, 1)), failures, seconds, cpu);
    }

    private static long count(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Long.parseLong(m.group(group)) : 0;
    }
}
