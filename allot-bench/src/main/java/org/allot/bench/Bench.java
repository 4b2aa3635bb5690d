package org.allot.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.allot.bench.engine.EngineMicroBenchmarks;
import org.allot.bench.harness.Api;
import org.allot.bench.harness.Database;
import org.allot.bench.harness.Postgres;
import org.allot.bench.harness.ServerProcess;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Machine;
import org.allot.bench.run.Report;
import org.allot.bench.run.Sizes;
import org.allot.bench.scenario.AssignThroughput;
import org.allot.bench.scenario.CliCommands;
import org.allot.bench.scenario.DirectoryScale;
import org.allot.bench.scenario.GroupFanOut;
import org.allot.bench.scenario.JoinLatency;
import org.allot.bench.scenario.LdapSync;
import org.allot.bench.scenario.LicenseCheckScale;
import org.allot.bench.scenario.LicenseRace;
import org.allot.bench.scenario.ReclaimScale;
import org.allot.bench.scenario.RuleChange;
import org.allot.bench.scenario.ScaleOut;
import org.allot.bench.scenario.Scenario;
import org.allot.bench.scenario.TrivialRequest;
import org.allot.bench.scenario.UserCreation;
import org.allot.bench.scenario.WaitingList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Allot's benchmarks: starts an embedded PostgreSQL and, for each scenario, a fresh server ({@code java -jar
 * allot-server.jar}) on a database of its own — or targets a running server with {@code --url} — then prints a table
 * and writes {@code results.json}.
 */
@Command(
        name = "allot-bench",
        mixinStandardHelpOptions = true,
        description = "Measures Allot end to end against the limits of the machine; see docs/benchmarks.md.")
public final class Bench implements Callable<Integer> {
    static final List<Scenario> SCENARIOS = List.of(
            new GroupFanOut(),
            new JoinLatency(),
            new AssignThroughput(),
            new UserCreation(),
            new WaitingList(),
            new DirectoryScale(),
            new LdapSync(),
            new RuleChange(),
            new LicenseRace(),
            new LicenseCheckScale(),
            new ReclaimScale(),
            new TrivialRequest(),
            new CliCommands(),
            new EngineMicroBenchmarks());

    /**
     * Scenarios run only when named: {@code scaleout} starts three servers and measures each load three times over,
     * minutes that neither the default run nor the test suite's quick run ({@code QuickRunIT}) should pay.
     */
    static final List<Scenario> BY_NAME_ONLY = List.of(new ScaleOut());

    @Option(names = "--quick", description = "Small sizes: a smoke run of seconds per scenario; no figure to quote.")
    boolean quick;

    @Option(
            names = "--scenario",
            split = ",",
            description =
                    "Scenarios to run (default: all): fanout, join, assign, users, waiting, directory, sync, rule,"
                            + " race, reconcile, trivial, cli, engine; and, only when named, scaleout.")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--runs", description = "Measured runs per scenario, after a warm-up (default: 5; 2 with --quick).")
    Integer runs;

    @Option(names = "--users-million", description = "Fan-out to a group of 1,000,000 members instead of 100,000.")
    boolean million;

    @Option(
            names = "--check-users",
            description = "Users of the license check scenario (default: 100,000; 2,000 quick).")
    Integer checkUsers;

    @Option(names = "--url", description = "A running server to measure instead of starting one per scenario.")
    String url;

    @Option(names = "--client-id", description = "With --url: an app with the Global Administrator role.")
    String clientId;

    @Option(names = "--client-secret", description = "With --url: the app's secret.")
    String clientSecret;

    @Option(names = "--db-url", description = "With --url: JDBC URL of the server's database (bulk loading, checks).")
    String dbUrl;

    @Option(names = "--db-user", description = "With --url: database user (default: postgres).")
    String dbUser = "postgres";

    @Option(names = "--db-password", description = "With --url: database password.")
    String dbPassword = "";

    @Option(names = "--server-jar", description = "The server's jar (default: allot-server/target/allot-server.jar).")
    Path serverJar;

    @Option(
            names = "--server-jvm",
            split = " ",
            description = "JVM options for the servers the harness starts (default: none, the JVM's defaults).")
    List<String> serverJvm = new ArrayList<>();

    @Option(names = "--out", description = "Where results.json and the server logs go (default: target/bench).")
    Path out = Path.of("target", "bench");

    @Option(
            names = "--sync-directory",
            description = "The sync scenario's directory: memory (UnboundID in-memory, default) or openldap (slapd,"
                    + " Debian's package).")
    String syncDirectory = "memory";

    @Option(names = "--seed", description = "Seed of the generated data (default: 42).")
    long seed = 42;

    private final PrintStream log = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() {
        Sizes sizes = quick ? Sizes.quick() : Sizes.full();
        if (million) {
            sizes = sizes.withMillion();
        }
        if (checkUsers != null) {
            sizes = sizes.withCheckUsers(checkUsers);
        }
        int measuredRuns = runs != null ? runs : quick ? 2 : 5;
        List<Scenario> chosen = choose();
        if (url != null && (clientId == null || clientSecret == null || dbUrl == null)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--url needs --client-id, --client-secret and --db-url");
        }
        // the embedded PostgreSQL's data directory, where a disk flush is timed; none when the database is elsewhere
        Path databaseDirectory = url == null ? out.resolve("postgres") : null;
        Context context = new Context(sizes, measuredRuns, seed, log, syncDirectory, databaseDirectory);
        Report report = new Report();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("startedAt", Instant.now().toString());
        run.put("sizes", sizes);
        run.put("runs", measuredRuns);
        run.put("seed", seed);
        run.put("scenarios", chosen.stream().map(Scenario::id).toList());
        Map<String, String> loads = new LinkedHashMap<>();
        run.put("loadAverageAfterEachScenario", loads);
        Postgres postgres = url == null ? Postgres.start(databaseDirectory) : null;
        try {
            String pgVersion = postgresVersion(postgres);
            run.put(
                    "target",
                    url == null
                            ? "a fresh server process per scenario (java -jar, HTTPS), embedded PostgreSQL (durable)"
                            : url);
            run.put("machine", Machine.describe(pgVersion, String.join(" ", serverJvm)));
            log.printf(
                    Locale.ROOT,
                    "Allot benchmarks (%s sizes, %d runs): %s%n",
                    sizes.name(),
                    measuredRuns,
                    run.get("machine"));
            for (Scenario scenario : chosen) {
                log.printf(Locale.ROOT, "%n[%s] %s%n", scenario.id(), scenario.title());
                long started = System.nanoTime();
                try (Target target = scenario.needsServer() ? target(postgres, scenario, context) : null) {
                    report.add(scenario.run(target, context));
                } catch (RuntimeException e) {
                    e.printStackTrace(log);
                    report.failed(scenario.id(), String.valueOf(e.getMessage()));
                }
                log.printf(
                        Locale.ROOT,
                        "  (%s took %.0f s; load average %s)%n",
                        scenario.id(),
                        (System.nanoTime() - started) / 1e9,
                        Machine.loadAverage());
                loads.put(scenario.id(), Machine.loadAverage());
                report.write(out.resolve("results.json"), run, sizes.fullSize());
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
        log.println();
        report.print(log, sizes.fullSize());
        Path json = out.resolve("results.json");
        report.write(json, run, sizes.fullSize());
        log.printf(Locale.ROOT, "%nWrote %s%n", json.toAbsolutePath().normalize());
        return report.failures().isEmpty() ? 0 : 1;
    }

    private List<Scenario> choose() {
        if (scenarios.isEmpty()) {
            return SCENARIOS;
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String name : scenarios) {
            chosen.add(java.util.stream.Stream.concat(SCENARIOS.stream(), BY_NAME_ONLY.stream())
                    .filter(s -> s.id().equalsIgnoreCase(name.strip()))
                    .findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(
                            new CommandLine(this),
                            "no scenario " + name + "; there are "
                                    + Arrays.toString(
                                            SCENARIOS.stream().map(Scenario::id).toArray()))));
        }
        return chosen;
    }

    private Target target(Postgres postgres, Scenario scenario, Context context) {
        if (url != null) {
            return new Target(new Api(url, clientId, clientSecret), new Database(dbUrl, dbUser, dbPassword), null);
        }
        String database = postgres.newDatabase("bench_" + scenario.id());
        String id = UUID.randomUUID().toString();
        String secret = "bench-" + UUID.randomUUID();
        List<String> arguments = new ArrayList<>(List.of(
                "--allot.database.url=" + database,
                "--allot.database.username=" + postgres.username(),
                "--allot.data-directory=" + out.resolve("data-" + scenario.id()).toAbsolutePath(),
                "--allot.bootstrap.tenant-name=Bench",
                "--allot.bootstrap.domain=bench.example",
                "--allot.bootstrap.client-id=" + id,
                "--allot.bootstrap.client-secret=" + secret,
                "--allot.api.rate-limit=0"));
        arguments.addAll(scenario.serverArguments(context));
        Path jar = serverJar != null ? serverJar : defaultServerJar();
        ServerProcess server =
                ServerProcess.start(jar, serverJvm, arguments, out.resolve("server-" + scenario.id() + ".log"));
        context.say("server %s started (pid %d) on %s", server.url(), server.pid(), database);
        return new Target(
                new Api(server.url(), id, secret),
                new Database(database, postgres.username(), ""),
                server,
                name -> ServerProcess.start(
                        jar, serverJvm, arguments, out.resolve("server-" + scenario.id() + "-" + name + ".log")));
    }

    private static Path defaultServerJar() {
        String property = System.getProperty("allot.server.jar");
        if (property != null) {
            return Path.of(property);
        }
        for (Path candidate : List.of(
                Path.of("allot-server", "target", "allot-server.jar"),
                Path.of("..", "allot-server", "target", "allot-server.jar"))) {
            if (candidate.toFile().isFile()) {
                return candidate;
            }
        }
        return Path.of("allot-server", "target", "allot-server.jar");
    }

    private String postgresVersion(Postgres postgres) {
        String jdbc = postgres != null ? postgres.newDatabase("bench_version") : dbUrl;
        String user = postgres != null ? postgres.username() : dbUser;
        try (Database db = new Database(jdbc, user, postgres != null ? "" : dbPassword)) {
            return "PostgreSQL " + db.queryString("show server_version");
        }
    }
}
