package org.allot.bench.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.allot.bench.harness.ServerProcess;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Machine;
import org.allot.bench.run.Result;

/**
 * The CLI as a user runs it: {@code allot product list} through the repository's {@code ./allot} launcher (with the
 * build's class-data archive), logged in with {@code allot login} over HTTPS (the server's own certificate, trusted
 * with {@code --ca-file}) so the token saved by the previous command is used; wall time of the whole process, median
 * of at least 10, against {@code java -jar allot.jar} with the JVM's defaults (the way before). Then, as the issue's
 * decision has it, {@code allot batch} with 1,000 {@code user show} lines (one per user) against 1,000 separate
 * {@code ./allot user show} processes: the first 100 of them are timed and their sum counted ten times, since each
 * process is on its own (a full run of 1,000 processes would take six minutes per run).
 */
public final class CliCommands implements Scenario {
    private static final int RUNS = 10;

    @Override
    public String id() {
        return "cli";
    }

    @Override
    public String title() {
        return "allot product list through the launcher, and allot batch against one process per command";
    }

    @Override
    public List<Result> run(Target target, Context context) {
        Path launcher = file(System.getProperty("allot.launcher"), "allot");
        Path jar = file(System.getProperty("allot.cli.jar"), "allot-cli/target/allot.jar");
        try {
            Path home = Files.createTempDirectory("allot-bench-cli-");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("ALLOT_CONFIG", home.resolve("config.json").toString());
            env.put("JAVA_HOME", System.getProperty("java.home"));
            Map<String, String> login = new LinkedHashMap<>(env);
            login.put("ALLOT_CLIENT_SECRET", target.api().clientSecret());
            List<String> trust = target.server()
                    .map(ServerProcess::certificateFile)
                    .map(pem -> List.of("--ca-file", pem.toString()))
                    .orElse(List.of());
            List<String> loginCommand = new ArrayList<>(List.of(
                    launcher.toString(),
                    "login",
                    "--url",
                    target.api().url(),
                    "--client-id",
                    target.api().clientId()));
            loginCommand.addAll(trust);
            run(home, login, loginCommand);

            // the issue's median of 10 at full size; a smoke run (--quick) takes 3
            int runs = context.sizes().fullSize() ? Math.max(RUNS, context.runs()) : 3;
            List<String> list = List.of(launcher.toString(), "product", "list");
            List<String> plain = List.of(javaPath(), "-jar", jar.toString(), "product", "list");
            for (int i = 0; i < 2; i++) {
                run(home, env, list);
                run(home, env, plain);
            }
            List<Double> launched = new ArrayList<>();
            List<Double> plainJava = new ArrayList<>();
            List<Double> launchedCpu = new ArrayList<>();
            List<Double> plainCpu = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                launched.add(run(home, env, list));
                launchedCpu.add(cpu(home));
                plainJava.add(run(home, env, plain));
                plainCpu.add(cpu(home));
            }
            context.say(
                    "./allot product list: %s s (CPU %s s); java -jar: %s s (CPU %s s); load average %s",
                    launched, launchedCpu, plainJava, plainCpu, Machine.loadAverage());

            int users = context.sizes().fullSize() ? 1_000 : 10;
            int timedAlone = users / 10;
            List<String> names = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                String upn = "cli-bench-" + i + "-" + System.nanoTime() + "@" + target.domain();
                target.api()
                        .post(
                                "/v1.0/users",
                                Map.of(
                                        "userPrincipalName",
                                        upn,
                                        "displayName",
                                        "CLI bench " + i,
                                        "accountEnabled",
                                        true))
                        .orFail("create " + upn);
                names.add(upn);
            }
            Path lines = home.resolve("batch.txt");
            Files.writeString(
                    lines,
                    String.join("\n", names.stream().map(n -> "user show " + n).toList()) + "\n",
                    StandardCharsets.UTF_8);
            List<Double> batch = new ArrayList<>();
            List<Double> separate = new ArrayList<>();
            for (int r = 0; r < Math.max(1, context.runs() / 2); r++) {
                batch.add(run(home, env, List.of(launcher.toString(), "batch", lines.toString())));
                double alone = 0;
                for (String name : names.subList(0, timedAlone)) {
                    alone += run(home, env, List.of(launcher.toString(), "user", "show", name));
                }
                double each = alone * users / timedAlone;
                separate.add(each);
                context.say(
                        "%d user show: one batch %.2f s; separate processes %.2f s (%d timed: %.2f s, × %d) (%.1fx);"
                                + " load average %s",
                        users,
                        batch.get(r),
                        each,
                        timedAlone,
                        alone,
                        users / timedAlone,
                        each / batch.get(r),
                        Machine.loadAverage());
            }
            return List.of(
                    Result.of(id(), "./allot product list, wall time (HTTPS, saved token)", "s", launched)
                            .withBaseline("java -jar allot.jar product list, JVM defaults (s)", plainJava)
                            .withGoals(Goal.medianAtMost(0.4))
                            .withDetails(Map.of("runs", runs, "loadAverage", Machine.loadAverage())),
                    Result.of(id(), "./allot product list, CPU time (user + system)", "s", launchedCpu)
                            .withBaseline("java -jar allot.jar product list, CPU time (s)", plainCpu)
                            .withDetails(Map.of(
                                    "meaning",
                                    "what the wall time comes to on an idle machine, but the server's answer and"
                                            + " the JVM's threads running in parallel")),
                    Result.of(id(), "allot batch of " + users + " user show, wall time", "s", batch)
                            .withBaseline(
                                    users + " separate ./allot user show processes (" + timedAlone + " timed, × "
                                            + users / timedAlone + ") (s)",
                                    separate)
                            .withGoals(Goal.ratioAtMost(1.0 / 20))
                            .withDetails(Map.of(
                                    "users",
                                    users,
                                    "separateProcessesTimed",
                                    timedAlone,
                                    "meaning",
                                    "ratio = batch / separate processes; the goal, 20x faster, is a ratio of"
                                            + " at most 0.05")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CPU time (user and system, seconds) of the last command run, as /usr/bin/time saw it; NaN without it. */
    private static double cpu(Path home) {
        try {
            Path file = home.resolve("cpu.txt");
            if (!Files.exists(file)) {
                return Double.NaN;
            }
            String[] fields =
                    Files.readString(file, StandardCharsets.UTF_8).strip().split("\\s+");
            String[] last =
                    fields.length >= 2 ? new String[] {fields[fields.length - 2], fields[fields.length - 1]} : fields;
            double sum = 0;
            for (String f : last) {
                sum += Double.parseDouble(f);
            }
            return sum;
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Runs a command to its end; its wall time in seconds. Fails on a non-zero exit. */
    private static double run(Path home, Map<String, String> env, List<String> command) {
        try {
            List<String> timed = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/time"))) {
                timed.addAll(List.of(
                        "/usr/bin/time",
                        "-f",
                        "%U %S",
                        "-o",
                        home.resolve("cpu.txt").toString()));
            }
            timed.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(timed)
                    .redirectOutput(home.resolve("out.txt").toFile())
                    .redirectError(home.resolve("err.txt").toFile());
            builder.environment().putAll(env);
            builder.environment().remove("ALLOT_URL");
            builder.environment().remove("ALLOT_CLIENT_ID");
            if (!env.containsKey("ALLOT_CLIENT_SECRET")) {
                builder.environment().remove("ALLOT_CLIENT_SECRET");
            }
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not end in 10 minutes");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + ": "
                        + Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
            }
            return seconds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path file(String property, String relative) {
        if (property != null) {
            return Path.of(property).toAbsolutePath();
        }
        for (Path candidate : List.of(Path.of(relative), Path.of("..").resolve(relative))) {
            if (Files.exists(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException(relative + " is missing: build the CLI first (./mvnw -q -DskipTests package)");
    }

    private static String javaPath() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
