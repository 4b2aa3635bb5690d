package org.allot.server.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.allot.server.persistence.EmbeddedDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database: an external PostgreSQL when {@code allot.database.url} is set, the embedded one otherwise. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    /** Owns the embedded database, if any, so that it stops after the connection pool closes. */
    static final class Database implements AutoCloseable {
        final HikariDataSource pool;
        final EmbeddedDatabase embedded;

        Database(HikariDataSource pool, EmbeddedDatabase embedded) {
            this.pool = pool;
            this.embedded = embedded;
        }

        @Override
        public void close() throws Exception {
            pool.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    Database database(AllotProperties properties) {
        AllotProperties.Database db = properties.database();
        EmbeddedDatabase embedded = null;
        HikariConfig config = new HikariConfig();
        if (db.embedded()) {
            embedded = EmbeddedDatabase.start(properties.dataDirectory(), db.embeddedPort());
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername(embedded.username());
            config.setPassword(embedded.password());
        } else {
            config.setJdbcUrl(db.url());
            config.setUsername(db.username());
            config.setPassword(db.password());
        }
        config.setMaximumPoolSize(db.poolSize());
        config.setConnectionTimeout(db.connectionTimeout().toMillis());
        config.setPoolName("allot");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "allot");
        return new Database(new HikariDataSource(config), embedded);
    }

    @Bean(destroyMethod = "")
    DataSource dataSource(Database database) {
        return database.pool;
    }
}
