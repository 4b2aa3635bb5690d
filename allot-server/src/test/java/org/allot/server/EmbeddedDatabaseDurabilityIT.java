package org.allot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.allot.server.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's way of running Allot keeps what it acknowledged: the embedded PostgreSQL runs with PostgreSQL's
 * durable settings and answers only password connections from this machine; when it dies under load the server
 * starts it again and serves without being restarted; and when the server itself is killed under load, the next start
 * finds everything it acknowledged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDatabaseDurabilityIT {
    private static final Duration REQUEST = Duration.ofSeconds(30);
    private static final int WRITERS = 6;

    @TempDir
    static Path data;

    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(data);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(0)
    void theDatabaseIsDurableAndAnswersOnlyItsOwnPasswordFromThisMachine() throws Exception {
        Path passwordFile = data.resolve("postgres-password");
        assertThat(passwordFile).exists();
        assertThat(Files.getPosixFilePermissions(passwordFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String password = Files.readString(passwordFile).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);

        assertThatThrownBy(() -> server.connect(null).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> server.connect("not " + password).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        try (Connection c = server.connect(password)) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
            assertThat(show(c, "listen_addresses")).isIn("127.0.0.1", "localhost");
            assertThat(rows(c, "select type, address, auth_method from pg_hba_file_rules where error is null"))
                    .containsExactlyInAnyOrder(
                            List.of("host", "127.0.0.1", "scram-sha-256"), List.of("host", "::1", "scram-sha-256"));
        }
    }

    @Test
    @Order(1)
    void everyAcknowledgedChangeSurvivesAKilledDatabaseAndTheServerServesAgainByItself() throws Exception {
        long database = server.postmasterPid();
        Writers writers = new Writers();
        Thread.sleep(3_000);
        int beforeKill = writers.created.size();
        assertThat(beforeKill).as("changes acknowledged before the kill").isPositive();
        writers.killedAt.set(System.nanoTime());
        ProcessHandle.of(database).orElseThrow().destroyForcibly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (writers.servedAgainAt.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(2_000);
        writers.stop();

        assertThat(writers.servedAgainAt.get())
                .as("the server serves again after its database was killed, without a restart")
                .isPositive();
        Duration recovery = Duration.ofNanos(writers.servedAgainAt.get() - writers.killedAt.get());
        assertThat(recovery).isLessThan(Duration.ofSeconds(30));
        assertThat(server.postmasterPid()).as("a new postmaster").isNotEqualTo(database);
        assertThat(writers.created.size())
                .as("writes acknowledged after the restart too")
                .isGreaterThan(beforeKill);
        writers.assertNothingLost("Killed PostgreSQL under load", recovery);
    }

    @Test
    @Order(2)
    void everyAcknowledgedChangeSurvivesAKilledServer() throws Exception {
        Writers writers = new Writers();
        Thread.sleep(3_000);
        assertThat(writers.created).as("changes acknowledged before the kill").isNotEmpty();
        server.process().kill();
        writers.stop();
        long restarted = System.nanoTime();
        server = ServerProcess.start(data);
        writers.assertNothingLost("Killed the server under load", Duration.ofNanos(System.nanoTime() - restarted));
    }

    /**
     * API writers creating users and counting up the job title of a user each, noting what the server
     * acknowledged, until stopped.
     */
    private final class Writers {
        final Map<String, String> created = new ConcurrentHashMap<>();
        final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        final Map<String, Integer> attempted = new ConcurrentHashMap<>();
        final AtomicLong killedAt = new AtomicLong();
        final AtomicLong servedAgainAt = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        private final List<Future<?>> writers = new ArrayList<>();

        Writers() {
            for (int w = 0; w < WRITERS; w++) {
                String counter = createUser(ServerProcess.randomName()).orElseThrow();
                writers.add(pool.submit(() -> {
                    for (int n = 1; running.get(); n++) {
                        long sent = System.nanoTime();
                        String name = ServerProcess.randomName();
                        Optional<String> id = createUser(name);
                        if (id.isPresent()) {
                            created.put(id.get(), name);
                            markServed(killedAt, servedAgainAt, sent);
                        }
                        attempted.put(counter, n);
                        sent = System.nanoTime();
                        if (succeeds("PATCH", "/v1.0/users/" + counter, "{\"jobTitle\":\"v" + n + "\"}")) {
                            acknowledged.put(counter, n);
                            markServed(killedAt, servedAgainAt, sent);
                        }
                    }
                    return null;
                }));
            }
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
        }

        /** Every acknowledged user is there, and every counter at least at its acknowledged value. */
        void assertNothingLost(String what, Duration recovery) {
            List<String> lostUsers = created.keySet().stream()
                    .filter(id -> server.api("GET", "/v1.0/users/" + id, null, REQUEST)
                                    .status()
                            != 200)
                    .toList();
            List<String> lostChanges = new ArrayList<>();
            for (var counter : acknowledged.entrySet()) {
                String title = server.api("GET", "/v1.0/users/" + counter.getKey() + "?$select=jobTitle", null, REQUEST)
                        .json()
                        .path("jobTitle")
                        .asString();
                int stored = Integer.parseInt(title.substring(1));
                if (stored < counter.getValue() || stored > attempted.get(counter.getKey())) {
                    lostChanges.add(counter.getKey() + ": acknowledged v" + counter.getValue() + ", stored " + title);
                }
            }
            System.out.printf(
                    "%s: %d users created and %d changes acknowledged; lost %d users and %d changes; serving again"
                            + " %d ms after the kill%n",
                    what,
                    created.size(),
                    acknowledged.values().stream().mapToInt(Integer::intValue).sum(),
                    lostUsers.size(),
                    lostChanges.size(),
                    recovery.toMillis());
            assertThat(lostUsers).as("acknowledged users lost").isEmpty();
            assertThat(lostChanges).as("acknowledged changes lost").isEmpty();
        }
    }

    /** Creates a user; its id if the server acknowledged the creation. */
    private Optional<String> createUser(String name) {
        try {
            ServerProcess.Answer answer =
                    server.api("POST", "/v1.0/users", """
                    {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s@%s"}""".formatted(name, name, name, ServerProcess.DOMAIN), REQUEST);
            return answer.status() == 201 ? Optional.of(answer.json().get("id").asString()) : Optional.empty();
        } catch (RuntimeException noAnswer) {
            return Optional.empty();
        }
    }

    private boolean succeeds(String method, String path, String body) {
        try {
            return server.api(method, path, body, REQUEST).ok();
        } catch (RuntimeException noAnswer) {
            return false;
        }
    }

    /** Notes the first success of a request sent after the kill. */
    private static void markServed(AtomicLong killedAt, AtomicLong servedAgainAt, long sent) {
        long kill = killedAt.get();
        if (kill != 0 && sent > kill) {
            servedAgainAt.compareAndSet(0, System.nanoTime());
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        return rows(c, "show " + setting).get(0).get(0);
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.add(
                            value instanceof java.sql.Array array
                                    ? String.join(",", (String[]) array.getArray())
                                    : String.valueOf(value));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
