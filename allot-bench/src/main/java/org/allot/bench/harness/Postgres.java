package org.allot.bench.harness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * The harness's PostgreSQL: the same zonky embedded PostgreSQL (and settings) the server runs when no database is
 * configured, started by the harness so that it can load data with {@code COPY} and measure the baselines on the
 * same instance. Each scenario gets a database of its own. It is durable ({@code fsync} and {@code synchronous_commit}
 * on), as the server's own embedded database is: a commit costs what it costs on the README's installation.
 */
public final class Postgres implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private Postgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static Postgres start(Path directory) {
        try {
            Files.createDirectories(directory);
            return new Postgres(EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("deadlock_timeout", "200ms")
                    // what each statement costs, for the scenarios that say where a request's database time goes
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all")
                    // durable, as the server's own embedded PostgreSQL (zonky's defaults are not)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String newDatabase(String name) {
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + safe);
            s.execute("create database " + safe);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + safe, e);
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + safe;
    }

    public String username() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
