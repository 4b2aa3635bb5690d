package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Transactions on several connections that join one exported snapshot read one state of the database. */
class SharedSnapshotsIT {
    private final DataSource dataSource = TestDatabase.shared();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final SharedSnapshots snapshots = new SharedSnapshots(dataSource, jdbc);
    private final UnitOfWork work = new UnitOfWork(new DataSourceTransactionManager(dataSource));

    @Test
    void transactionsThatJoinASnapshotSeeTheDatabaseAsItWasWhenItWasExported() throws Exception {
        String table = "snapshot_probe_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("create table " + table + " (n int)").update();
        try {
            jdbc.sql("insert into " + table + " values (1)").update();
            try (SharedSnapshots.Snapshot snapshot = snapshots.export()) {
                jdbc.sql("insert into " + table + " values (2)").update(); // committed after the export

                int joined = work.snapshot(() -> {
                    snapshots.join(snapshot);
                    return count(table);
                });
                int joinedElsewhere = CompletableFuture.supplyAsync(() -> work.snapshot(() -> {
                            snapshots.join(snapshot);
                            return count(table);
                        }))
                        .get();
                int own = work.snapshot(() -> count(table));

                assertThat(joined).isEqualTo(1);
                assertThat(joinedElsewhere)
                        .as("on another thread and connection")
                        .isEqualTo(1);
                assertThat(own).as("a snapshot of its own").isEqualTo(2);
            }
        } finally {
            jdbc.sql("drop table " + table).update();
        }
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
