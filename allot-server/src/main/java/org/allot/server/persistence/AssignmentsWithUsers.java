package org.allot.server.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.allot.core.TenantId;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicenseSubject;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.subscription.SeatCount;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link JdbcAssignments}' reads of users together with their assignments, in one round trip: users locked and then
 * their assignments (two statements sent at once, the second run by PostgreSQL once the first holds its locks, with
 * a snapshot of its own; {@link OneRoundTrip}), with what licensing reads next when asked (their licensed groups and
 * the seat figures), and a user read with their assignments (one statement).
 */
final class AssignmentsWithUsers {
    /** The assignment columns of {@link JdbcAssignments#map}, in its order, from {@code a} and renamed apart. */
    private static final String ASSIGNMENT_COLUMNS = Arrays.stream(JdbcAssignments.COLUMNS.split(", "))
            .map(c -> "a." + c + " as a_" + c.replace("::text", ""))
            .collect(Collectors.joining(", "));

    private final JdbcTemplate template;
    private final TenantStamps stamps;

    AssignmentsWithUsers(DataSource dataSource, TenantStamps stamps) {
        this.template = new JdbcTemplate(dataSource);
        this.stamps = stamps;
    }

    /** {@link Assignments#lockWithAssignments}: the lock and the read of the assignments sent at once. */
    Assignments.Locked lockWithAssignments(TenantId tenant, Collection<UserId> users) {
        return lockWith(tenant, users, new OneRoundTrip());
    }

    /**
     * {@link Assignments#lockWithLicensing}: the lock, the read of the assignments, the users' licensed groups with
     * their licenses and the seat figures, sent at once; each read runs once the locks are held. Only when no seats
     * of the tenant are planned with the commit ({@link SeatsAtCommit}): taking those locks seat rows, which come
     * after the users in the lock order.
     */
    Assignments.LockedWithLicensing lockWithLicensing(TenantId tenant, Collection<UserId> users) {
        JdbcGroupLicenses.OfUsersRows groups = new JdbcGroupLicenses.OfUsersRows();
        Map<SkuId, SeatCount> figures = new HashMap<>();
        OneRoundTrip reads = new OneRoundTrip()
                .add(JdbcGroupLicenses.OF_USERS, JdbcGroupLicenses.ofUsersParams(tenant, users), groups)
                .add(
                        JdbcSeats.ALL,
                        rs -> figures.put(new SkuId(SqlValues.uuid(rs, "sku_id")), JdbcSeats.map(rs, 0)),
                        tenant.value());
        Assignments.Locked locked = lockWith(tenant, users, reads);
        return new Assignments.LockedWithLicensing(locked, groups.result(), figures);
    }

    /** Locks the users and reads their assignments, then sends {@code after}'s statements in the same message. */
    private Assignments.Locked lockWith(TenantId tenant, Collection<UserId> users, OneRoundTrip after) {
        Map<UserId, LicenseSubject> subjects = new LinkedHashMap<>();
        Map<UserId, List<LicenseAssignment>> held = new HashMap<>();
        LockOrder order = LockOrder.current();
        List<UUID> ids = users.stream().map(UserId::value).toList();
        UUID[] array = ids.toArray(UUID[]::new);
        OneRoundTrip trip = new OneRoundTrip()
                .add(
                        "select " + LicenseSubjectReads.SUBJECT_COLUMNS + " from directory_user"
                                + " where tenant_id = ? and id = any(?) order by id "
                                + order.clause("for no key update", LockOrder.Level.USERS, ids),
                        rs -> {
                            LicenseSubject subject = LicenseSubjectReads.subject(rs);
                            subjects.put(subject.id(), subject);
                        },
                        tenant.value(),
                        array)
                .add(
                        JdbcAssignments.OF_USERS,
                        rs -> {
                            LicenseAssignment a = JdbcAssignments.map(rs, 0);
                            if (subjects.containsKey(a.user())) {
                                held.computeIfAbsent(a.user(), u -> new ArrayList<>())
                                        .add(a);
                            }
                        },
                        tenant.value(),
                        array)
                .then(after);
        LockOrder.locking(() -> {
            trip.send(template);
            return null;
        });
        order.took(
                LockOrder.Level.USERS,
                subjects.keySet().stream().map(UserId::value).toList());
        return new Assignments.Locked(subjects, held);
    }

    /**
     * {@link Assignments#userWithAssignments}: one statement, the user's row repeated beside each assignment; the
     * tenant's stamp, which the answer's remembered reads (the catalogue) check next, is read in the same round trip.
     */
    Optional<Assignments.Held> userWithAssignments(TenantId tenant, UserRef ref) {
        Optional<UserId> id = ref.id();
        String sql = "select " + ASSIGNMENT_COLUMNS + ", u.* from directory_user u"
                + " left join license_assignment a on a.tenant_id = u.tenant_id and a.user_id = u.id"
                + " where u.tenant_id = ? and "
                + (id.isPresent() ? "u.id = ?" : "lower(u.user_principal_name) = lower(?)");
        Object key = id.isPresent() ? id.get().value() : ref.toString();
        List<User> user = new ArrayList<>(1);
        List<LicenseAssignment> held = new ArrayList<>();
        OneRoundTrip trip = new OneRoundTrip()
                .add(
                        sql,
                        rs -> {
                            if (user.isEmpty()) {
                                user.add(JdbcUsers.map(rs, 0));
                            }
                            if (rs.getObject(1) != null) {
                                held.add(JdbcAssignments.map(rs, 0));
                            }
                        },
                        tenant.value(),
                        key);
        stamps.readWith(tenant, trip);
        trip.send(template);
        return user.stream().filter(u -> !u.isDeleted()).findFirst().map(u -> new Assignments.Held(u, held));
    }
}
