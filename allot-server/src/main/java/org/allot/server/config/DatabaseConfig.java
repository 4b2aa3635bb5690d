package org.allot.server.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.allot.server.http.DatabaseOutages;
import org.allot.server.persistence.DatabaseProbe;
import org.allot.server.persistence.EmbeddedDatabase;
import org.allot.server.persistence.PgConnections;
import org.allot.server.persistence.PgTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The database: an external PostgreSQL when {@code allot.database.url} is set, the embedded one otherwise. Every wait
 * on it ends: for a connection within the connection timeout, for a read within the socket timeout, and for a query
 * caught by an outage as soon as the probe has given up on the database.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    /**
     * Owns the pool, the probe and the embedded database, if any, and closes them in that order. The application
     * uses the pool through {@link #dataSource}, which refuses at once while the server stops during an outage.
     */
    static final class Database implements AutoCloseable {
        final HikariDataSource pool;
        final PgConnections connections;
        final DatabaseProbe probe;
        final EmbeddedDatabase embedded;
        final DataSource dataSource;
        private volatile boolean refusing;

        Database(HikariDataSource pool, PgConnections connections, DatabaseProbe probe, EmbeddedDatabase embedded) {
            this.pool = pool;
            this.connections = connections;
            this.probe = probe;
            this.embedded = embedded;
            this.dataSource = new DelegatingDataSource(pool) {
                @Override
                public Connection getConnection() throws SQLException {
                    if (refusing) {
                        throw new SQLTransientConnectionException(
                                "the server is stopping and the database does not answer", "08001");
                    }
                    return super.getConnection();
                }
            };
        }

        /**
         * The server begins to stop. If the database does not answer, nothing that waits for it (a job worker, a
         * lease release, a request) holds the stop up: waits on it end now, and new ones end at once.
         */
        void stopping() {
            if (!probe.state().answering() || !probe.answersNow()) {
                log.info("Stopping while the database does not answer: not waiting for it");
                refusing = true;
                connections.breakAll();
            }
        }

        @Override
        public void close() {
            boolean answering = !refusing && probe.state().answering();
            probe.close();
            if (answering) {
                pool.close();
            } else {
                closeWithin(pool, Duration.ofSeconds(1));
            }
            if (embedded != null) {
                embedded.stop(answering ? Duration.ofSeconds(60) : Duration.ofSeconds(1));
            }
        }

        /** A pool waits for connections still being opened; to a database that does not answer, only so long. */
        private static void closeWithin(HikariDataSource pool, Duration patience) {
            Thread closing = new Thread(pool::close, "allot-pool-close");
            closing.setDaemon(true);
            closing.start();
            try {
                closing.join(patience.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Bean(destroyMethod = "close")
    Database database(AllotProperties properties, Clock clock) {
        AllotProperties.Database db = properties.database();
        EmbeddedDatabase embedded =
                db.embedded() ? EmbeddedDatabase.start(properties.dataDirectory(), db.embeddedPort()) : null;
        PgConnections connections = embedded != null
                ? new PgConnections(
                        embedded.jdbcUrl(),
                        embedded.username(),
                        embedded.password(),
                        db.connectionTimeout(),
                        db.socketTimeout())
                : new PgConnections(db.url(), db.username(), db.password(), db.connectionTimeout(), db.socketTimeout());
        HikariConfig config = new HikariConfig();
        config.setDataSource(connections);
        config.setPoolName("allot");
        config.setMaximumPoolSize(db.poolSize());
        config.setConnectionTimeout(db.connectionTimeout().toMillis());
        config.setValidationTimeout(
                Math.min(VALIDATION_TIMEOUT.toMillis(), db.connectionTimeout().toMillis()));
        // a connection whose server accepts no writes (a standby after a switch, a primary being demoted) is thrown
        // out at its first refused write: its replacement is opened to the primary of a multi-host URL
        config.setExceptionOverride(new SQLExceptionOverride() {
            @java.lang.Override
            public SQLExceptionOverride.Override adjudicate(SQLException e) {
                return DatabaseOutages.READ_ONLY.equals(e.getSQLState())
                        ? SQLExceptionOverride.Override.MUST_EVICT
                        : SQLExceptionOverride.Override.CONTINUE_EVICT;
            }
        });
        try {
            HikariDataSource pool = new HikariDataSource(config);
            DatabaseProbe probe =
                    new DatabaseProbe(connections, PROBE_INTERVAL, PROBE_TIMEOUT, db.connectionTimeout(), clock);
            return new Database(pool, connections, probe, embedded);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    @Bean
    ApplicationListener<ContextClosedEvent> databaseOnStop(Database database) {
        return event -> database.stopping();
    }

    @Bean(destroyMethod = "")
    DataSource dataSource(Database database) {
        return database.dataSource;
    }

    @Bean
    PgTransactions transactionManager(DataSource dataSource) {
        return new PgTransactions(dataSource);
    }

    /** The health endpoint's "db": what the probe found last, at once, even while the database hangs. */
    @Bean
    HealthIndicator dbHealthIndicator(Database database) {
        return () -> {
            DatabaseProbe.State state = database.probe.state();
            return state.answering()
                    ? Health.up().withDetail("database", "PostgreSQL").build()
                    : Health.down()
                            .withDetail("database", "PostgreSQL")
                            .withDetail("error", state.problem())
                            .withDetail("since", state.since().toString())
                            .build();
        };
    }
}
