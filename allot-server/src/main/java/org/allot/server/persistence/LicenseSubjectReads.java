package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicenseSubject;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;
import org.allot.core.directory.UserType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The users' side of {@link JdbcAssignments}: what licensing knows of users ({@link LicenseSubject}), read from
 * {@code directory_user} by id, by key range or a chunk at a time, or locked there in the lock order ({@link
 * LockOrder}'s users level) so that their assignments can be written.
 */
final class LicenseSubjectReads {
    /** The columns {@link #subject} reads, in its order. */
    static final String SUBJECT_COLUMNS = "id, user_principal_name, user_type, usage_location, deleted_at";

    private final JdbcClient jdbc;
    private final Ranges ranges;

    LicenseSubjectReads(DataSource dataSource, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.ranges = dataSource == null ? null : new Ranges(dataSource);
    }

    /** These users, locked in id order: waits for those another unit of work holds. */
    Map<UserId, LicenseSubject> lock(TenantId tenant, Collection<UserId> users) {
        return subjects(tenant, users, "for no key update");
    }

    /** These users, read without locking. */
    Map<UserId, LicenseSubject> subjects(TenantId tenant, Collection<UserId> users) {
        return subjects(tenant, users, "");
    }

    /** These users, locked in id order but for those another unit of work holds, which are left out. */
    Map<UserId, LicenseSubject> tryLock(TenantId tenant, Collection<UserId> users) {
        return subjects(tenant, users, "for no key update skip locked");
    }

    private Map<UserId, LicenseSubject> subjects(TenantId tenant, Collection<UserId> users, String locking) {
        Map<UserId, LicenseSubject> subjects = new LinkedHashMap<>();
        LockOrder order = LockOrder.current();
        List<UUID> ids = users.stream().map(UserId::value).toList();
        String clause =
                locking.equals("for no key update") ? order.clause(locking, LockOrder.Level.USERS, ids) : locking;
        LockOrder.locking(() -> {
            jdbc.sql("select " + SUBJECT_COLUMNS + " from directory_user"
                            + " where tenant_id = ? and id = any(?) order by id " + clause)
                    .params(tenant.value(), SqlValues.uuidArray(users, UserId::value))
                    .query(rs -> {
                        LicenseSubject subject = subject(rs);
                        subjects.put(subject.id(), subject);
                    });
            return null;
        });
        if (!locking.isEmpty()) {
            order.took(
                    LockOrder.Level.USERS,
                    subjects.keySet().stream().map(UserId::value).toList());
        }
        return subjects;
    }

    /** Walks the primary key from the cursor, so each chunk costs the same however far into the tenant it is. */
    Map<UserId, LicenseSubject> subjectsAfter(TenantId tenant, UserId after, int limit) {
        Map<UserId, LicenseSubject> subjects = new LinkedHashMap<>();
        JdbcClient.StatementSpec statement = jdbc.sql("select " + SUBJECT_COLUMNS + " from directory_user"
                        + " where tenant_id = :tenant" + (after == null ? "" : " and id > :after")
                        + " order by id limit :limit")
                .param("tenant", tenant.value())
                .param("limit", limit);
        if (after != null) {
            statement = statement.param("after", after.value());
        }
        statement.query(rs -> {
            LicenseSubject subject = subject(rs);
            subjects.put(subject.id(), subject);
        });
        return subjects;
    }

    /**
     * One range of the primary key, read in the table's order (a bitmap scan, planned for the bounds at hand: a large
     * range reads each page of the table once) and put in id order here.
     */
    Optional<Map<UserId, LicenseSubject>> subjectsIn(TenantId tenant, UserRange range, int limit) {
        List<LicenseSubject> read = new ArrayList<>();
        String sql = "select " + SUBJECT_COLUMNS + " from directory_user where tenant_id = ?";
        ranges.query(sql, tenant.value(), "id", range, " limit ?", List.of(limit + 1), rs -> {
            read.add(subject(rs));
        });
        if (read.size() > limit) {
            return Optional.empty();
        }
        read.sort((a, b) -> a.id().compareTo(b.id()));
        Map<UserId, LicenseSubject> subjects = new LinkedHashMap<>(SqlValues.capacity(read.size()));
        read.forEach(subject -> subjects.put(subject.id(), subject));
        return Optional.of(subjects);
    }

    int countSubjects(TenantId tenant, UserRange range) {
        int[] count = new int[1];
        ranges.query(
                "select count(*) from directory_user where tenant_id = ?",
                tenant.value(),
                "id",
                range,
                "",
                List.of(),
                rs -> {
                    count[0] = rs.getInt(1);
                });
        return count[0];
    }

    static LicenseSubject subject(ResultSet rs) throws SQLException {
        String location = rs.getString(4);
        return new LicenseSubject(
                new UserId(rs.getObject(1, UUID.class)),
                rs.getString(2),
                UserType.valueOf(rs.getString(3)),
                location == null ? null : UsageLocation.of(location),
                rs.getObject(5) != null);
    }
}
