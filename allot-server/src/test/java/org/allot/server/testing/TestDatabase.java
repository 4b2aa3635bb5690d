package org.allot.server.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One embedded PostgreSQL per test JVM, migrated with the server's own Flyway scripts. Tests stay apart by using
 * their own tenants, or their own database ({@link #newDatabase()}) when they need a server process of their own.
 */
public final class TestDatabase {
    private static EmbeddedPostgres postgres;
    private static HikariDataSource shared;

    private TestDatabase() {}

    public static synchronized DataSource shared() {
        if (shared == null) {
            shared = pool(jdbcUrl("postgres"), 30);
            migrate(shared);
        }
        return shared;
    }

    /** A fresh, migrated database of its own; returns its JDBC URL (user postgres, no password). */
    public static synchronized String newDatabase() {
        shared();
        String name = "allot_" + UUID.randomUUID().toString().replace("-", "");
        JdbcClient.create(shared).sql("create database " + name).update();
        String url = jdbcUrl(name);
        try (HikariDataSource ds = pool(url, 2)) {
            migrate(ds);
        }
        return url;
    }

    /** A database of its own with no schema at all (for tests of migrations); returns its JDBC URL. */
    public static synchronized String newEmptyDatabase() {
        shared();
        String name = "allot_" + UUID.randomUUID().toString().replace("-", "");
        JdbcClient.create(shared).sql("create database " + name).update();
        return jdbcUrl(name);
    }

    public static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    public static synchronized String jdbcUrl(String database) {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
