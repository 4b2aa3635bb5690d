package org.allot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.allot.server.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's way of running Allot, embedded database and demo tenant included, survives being killed: the next
 * start stops the PostgreSQL the dead server left running, keeps the data and the database's password, and does not
 * create the demo twice.
 */
class EmbeddedDatabaseRestartIT {
    @TempDir
    Path data;

    @Test
    void aKilledServerRestartsOnTheSameDataDirectory() throws Exception {
        List<String> args = List.of(
                "--allot.data-directory=" + data,
                "--server.port=0",
                "--allot.tls.enabled=false",
                "--allot.demo.enabled=true");
        try (JavaProcess first = JavaProcess.start("org.allot.server.AllotServer", args)) {
            first.await("Allot is listening on http://localhost:", Duration.ofMinutes(2));
            assertThat(first.output()).contains("Created the demo tenant Contoso");
            first.kill();
        }
        assertThat(Files.exists(data.resolve("postgres/postmaster.pid")))
                .as("the killed server left its PostgreSQL behind")
                .isTrue();
        String password = Files.readString(data.resolve("postgres-password"));

        try (JavaProcess second = JavaProcess.start("org.allot.server.AllotServer", args)) {
            second.await("Allot is listening on http://localhost:", Duration.ofMinutes(2));
            assertThat(second.output())
                    .contains("left running by a server that stopped abruptly")
                    .doesNotContain("Created the demo tenant")
                    .doesNotContain("without a password");
        }
        assertThat(Files.readString(data.resolve("postgres-password")))
                .as("the same password")
                .isEqualTo(password);
        assertThat(Files.exists(data.resolve("postgres/postmaster.pid")))
                .as("a clean shutdown stops the embedded PostgreSQL")
                .isFalse();
    }
}
