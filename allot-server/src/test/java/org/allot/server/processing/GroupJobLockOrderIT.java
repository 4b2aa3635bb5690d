package org.allot.server.processing;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.allot.core.assignment.ProcessingState;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.DatabaseCounts;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A group's background job ends with a unit of work that writes the group's processing state and completes the job,
 * while any change that queues the group again (a sync run's or a request's change of its members, licenses or
 * nesting: {@code GroupLicensing.schedule}, {@code GroupLicensePlans}) holds the group's row and then the job's. The
 * job's last unit of work must take them in that order too, or the two wait for each other: a deadlock.
 */
class GroupJobLockOrderIT {
    @Test
    void aGroupsJobFinishesWithoutDeadlockingAChangeThatQueuesTheGroupAgain() throws Exception {
        Scenario contoso = Scenario.contosoWithBackgroundJobs();
        PostgresInstallation allot = (PostgresInstallation) contoso.allot;
        contoso.subscribe(E3, 50);
        List<UserId> members = contoso.users("member", 6);
        GroupId group = contoso.aGroup("Staff").withMembers(members).create();
        contoso.licenseGroup(group, E3).value();
        UserId last = members.stream()
                .max(Comparator.comparing(UserId::value, org.allot.core.UuidOrder::compare))
                .orElseThrow();
        long deadlocksBefore = DatabaseCounts.deadlocks(allot.jdbc());

        AtomicReference<Throwable> jobFailure = new AtomicReference<>();
        try (Connection user = TestDatabase.shared().getConnection();
                Connection change = TestDatabase.shared().getConnection()) {
            user.setAutoCommit(false);
            change.setAutoCommit(false);
            // the job's last chunk waits for a user, so that the change below starts while the job runs
            execute(
                    user,
                    "select id from directory_user where tenant_id = ? and id = ? for no key update",
                    contoso,
                    last.value());
            Thread jobs = new Thread(() -> {
                try {
                    allot.runJobs();
                } catch (Throwable e) {
                    jobFailure.set(e);
                }
            });
            jobs.start();
            awaitBlockedBy(user);
            // a change that queues the group again: the group's row first, as GroupLicensePlans and schedule take it
            execute(
                    change,
                    "select id from directory_group where tenant_id = ? and id = ? for no key update",
                    contoso,
                    group.value());
            user.commit();
            awaitBlockedBy(change);
            // ... then the job's row, as JdbcLicenseJobs.enqueue takes it
            try {
                execute(
                        change,
                        "select id from license_job where tenant_id = ? and target_id = ? and state in ('QUEUED',"
                                + " 'RUNNING') for update",
                        contoso,
                        group.value());
                change.commit();
            } catch (SQLException e) {
                change.rollback();
                throw new AssertionError("the change that queues the group again failed: " + e.getMessage(), e);
            } finally {
                jobs.join(60_000);
            }
        }

        assertThat(jobFailure.get()).as("the job's failure").isNull();
        assertThat(DatabaseCounts.deadlocks(allot.jdbc()) - deadlocksBefore)
                .as("deadlocks")
                .isZero();
        assertThat(allot.licensing()
                        .groups()
                        .processingOf(contoso.tenant, group)
                        .orElseThrow()
                        .state())
                .isEqualTo(ProcessingState.ProcessingComplete);
        assertThat(contoso.usersHolding(E3)).isEqualTo(6);
    }

    private static void execute(Connection connection, String sql, Scenario contoso, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, contoso.tenant.value());
            statement.setObject(2, id);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    // the rows are locked
                }
            }
        }
    }

    /** Waits until another backend waits for a lock this connection holds. */
    private static void awaitBlockedBy(Connection holder) throws Exception {
        int pid;
        try (PreparedStatement statement = holder.prepareStatement("select pg_backend_pid()");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            pid = rs.getInt(1);
        }
        for (int i = 0; i < 3000; i++) {
            try (Connection watch = TestDatabase.shared().getConnection();
                    PreparedStatement statement = watch.prepareStatement(
                            "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")) {
                statement.setInt(1, pid);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("nothing waited for the lock of backend " + pid);
    }
}
