package org.allot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.allot.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installation whose embedded database was created before it had a password (zonky's defaults: any local
 * connection trusted, fsync off) keeps its data when the server starts on it, and from then on is protected and
 * durable like a new one.
 */
class EmbeddedDatabaseUpgradeIT {
    @TempDir
    Path data;

    @Test
    void anEmbeddedDatabaseFromBeforePasswordsKeepsItsDataAndGetsAPassword() throws Exception {
        try (EmbeddedPostgres before = EmbeddedPostgres.builder()
                        .setDataDirectory(data.resolve("postgres"))
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "200")
                        .start();
                Connection c = before.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create schema earlier");
            s.execute("create table earlier.note (text text)");
            s.execute("insert into earlier.note values ('written before the upgrade')");
        }
        assertThat(data.resolve("postgres-password")).doesNotExist();

        try (ServerProcess server = ServerProcess.start(data)) {
            Path passwordFile = data.resolve("postgres-password");
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            String password = Files.readString(passwordFile).strip();
            assertThatThrownBy(() -> server.connect(null).close()).isInstanceOf(SQLException.class);
            try (Connection c = server.connect(password);
                    Statement s = c.createStatement()) {
                assertThat(single(s, "select text from earlier.note")).isEqualTo("written before the upgrade");
                assertThat(single(s, "show fsync")).isEqualTo("on");
                assertThat(single(s, "show synchronous_commit")).isEqualTo("on");
                assertThat(single(s, "select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'"))
                        .isEqualTo("0");
            }
            assertThat(server.api("GET", "/v1.0/users", null, Duration.ofSeconds(30))
                            .status())
                    .isEqualTo(200);
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
