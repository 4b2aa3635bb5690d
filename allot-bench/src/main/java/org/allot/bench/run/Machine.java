package org.allot.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the figures were measured on. */
public final class Machine {
    private Machine() {}

    public static Map<String, Object> describe(String postgresVersion, String serverJvm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryBytes", totalMemory());
        m.put("cpu", cpuModel());
        m.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("postgresql", postgresVersion);
        m.put("serverJvmOptions", serverJvm);
        m.put("loadAverageAtStart", loadAverage());
        return m;
    }

    /** The 1, 5 and 15 minute load averages (Linux): how busy the machine was with anything else too. */
    public static String loadAverage() {
        List<String> lines = lines("/proc/loadavg");
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] f = lines.get(0).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    private static long totalMemory() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static String cpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return System.getProperty("os.arch");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
