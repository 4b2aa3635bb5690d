package org.allot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.allot.server.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the API answers while the primary database changes (deploy/failover/run.sh does it with pg_auto_failover):
 * a commit cut off by the primary going away, and connections left on a server that accepts no writes (a standby),
 * get 503 with Retry-After and Graph's error body, never 500, and the server carries on by itself. Both are made
 * here on the embedded PostgreSQL: a deferred trigger that ends its own connection at commit, and {@code
 * default_transaction_read_only} turned on for the connections already open while new ones may write.
 */
class DatabaseSwitchIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path data;

    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(data);
        assertThat(createUser(ServerProcess.randomName(), "before").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCommitCutOffByTheDatabaseIsAnswered503AndNothingOfItStays() throws Exception {
        try (Connection owner = server.connectAsOwner();
                Statement s = owner.createStatement()) {
            s.execute("""
                    create function cut_off_at_commit() returns trigger language plpgsql as $$
                    begin
                        perform pg_terminate_backend(pg_backend_pid());
                        perform pg_sleep(5);
                        return null;
                    end $$""");
            s.execute("""
                    create constraint trigger cut_off_at_commit after insert on directory_user
                    deferrable initially deferred for each row when (new.display_name = 'cut off at commit')
                    execute function cut_off_at_commit()""");
        }
        String name = ServerProcess.randomName();

        ServerProcess.Answer cut = createUser(name, "cut off at commit");

        assertThat(cut.status()).as(cut.toString()).isEqualTo(503);
        assertThat(cut.retryAfter()).isNotBlank();
        assertThat(cut.errorCode()).isEqualTo("serviceNotAvailable");
        assertThat(usersNamed(name)).as("the cut-off insert was rolled back").isZero();
        ServerProcess.Answer next = createUser(ServerProcess.randomName(), "after the cut");
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
    }

    @Test
    void connectionsOnAServerThatAcceptsNoWritesGet503UntilThePoolHasReplacedThem() throws Exception {
        try (Connection owner = server.connectAsOwner();
                Statement s = owner.createStatement()) {
            // connections opened from now on may write (the new primary); those already open may not (the old one)
            s.execute("alter role postgres set default_transaction_read_only = off");
            s.execute("alter system set default_transaction_read_only = on");
            reloadConfiguration(s);
        }
        List<ServerProcess.Answer> answers = new ArrayList<>();
        try {
            ServerProcess.Answer answer;
            do {
                answer = createUser(ServerProcess.randomName(), "while the primary changes");
                answers.add(answer);
            } while (answer.status() == 503 && answers.size() < 60);
        } finally {
            try (Connection owner = server.connectAsOwner();
                    Statement s = owner.createStatement()) {
                s.execute("alter system reset default_transaction_read_only");
                s.execute("select pg_reload_conf()");
                s.execute("alter role postgres reset default_transaction_read_only");
            }
        }

        ServerProcess.Answer refused = answers.get(0);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.retryAfter()).isNotBlank();
        assertThat(refused.errorCode()).isEqualTo("serviceNotAvailable");
        ServerProcess.Answer last = answers.get(answers.size() - 1);
        assertThat(last.status())
                .as(
                        "written once the pool replaced its read-only connections, after %d refusals: %s",
                        answers.size() - 1, last)
                .isEqualTo(201);
    }

    /**
     * Reloads the configuration and waits until the postmaster has (a new session's {@code pg_conf_load_time} is
     * later than before): it then signals every open session at once, which applies the change before its next
     * statement. {@code pg_reload_conf} only asks for the reload, and on a busy machine the server's next request could
     * otherwise run before it happened.
     */
    private static void reloadConfiguration(Statement s) throws SQLException {
        Timestamp before;
        try (ResultSet rs = s.executeQuery("select pg_conf_load_time()")) {
            rs.next();
            before = rs.getTimestamp(1);
        }
        s.execute("select pg_reload_conf()");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection fresh = server.connectAsOwner();
                    Statement check = fresh.createStatement();
                    ResultSet rs = check.executeQuery("select pg_conf_load_time()")) {
                rs.next();
                if (rs.getTimestamp(1).after(before)) {
                    return;
                }
            }
        }
        throw new IllegalStateException("The configuration was not reloaded in " + TIMEOUT);
    }

    private static ServerProcess.Answer createUser(String name, String displayName) {
        return server.api("POST", "/v1.0/users", """
                {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s@%s"}""".formatted(displayName, name, name, ServerProcess.DOMAIN), TIMEOUT);
    }

    private static long usersNamed(String name) throws SQLException {
        try (Connection owner = server.connectAsOwner();
                PreparedStatement s =
                        owner.prepareStatement("select count(*) from directory_user where mail_nickname = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
