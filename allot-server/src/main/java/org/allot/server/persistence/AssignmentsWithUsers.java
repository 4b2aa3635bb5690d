package org.allot.server.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link JdbcAssignments}' reads of users together with their assignments, in one round trip: users locked and then
 * their assignments (two statements sent at once, the second run by PostgreSQL once the first holds its locks, with
 * a snapshot of its own), and a user read with their assignments (one statement).
 */
final class AssignmentsWithUsers {
    /** The assignment columns of {@link JdbcAssignments#map}, in its order, from {@code a} and renamed apart. */
    private static final String ASSIGNMENT_COLUMNS = Arrays.stream(JdbcAssignments.COLUMNS.split(", "))
            .map(c -> "a." + c + " as a_" + c.replace("::text", ""))
            .collect(Collectors.joining(", "));

    private final JdbcTemplate template;

    AssignmentsWithUsers(DataSource dataSource) {
        this.template = new JdbcTemplate(dataSource);
    }

    /** {@link Assignments#lockWithAssignments}: the lock and the read of the assignments sent at once. */
    Assignments.Locked lockWithAssignments(TenantId tenant, Collection<UserId> users) {
        Map<UserId, LicenseSubject> subjects = new LinkedHashMap<>();
        Map<UserId, List<LicenseAssignment>> held = new HashMap<>();
        LockOrder order = LockOrder.current();
        List<UUID> ids = users.stream().map(UserId::value).toList();
        String sql = "select " + LicenseSubjectReads.SUBJECT_COLUMNS + " from directory_user"
                + " where tenant_id = ? and id = any(?) order by id "
                + order.clause("for no key update", LockOrder.Level.USERS, ids)
                + "; select " + JdbcAssignments.COLUMNS + " from license_assignment"
                + " where tenant_id = ? and user_id = any(?)";
        UUID[] array = ids.toArray(UUID[]::new);
        LockOrder.locking(() -> template.execute(sql, (PreparedStatement ps) -> {
            ps.setObject(1, tenant.value());
            ps.setObject(2, array);
            ps.setObject(3, tenant.value());
            ps.setObject(4, array);
            ps.execute();
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    LicenseSubject subject = LicenseSubjectReads.subject(rs);
                    subjects.put(subject.id(), subject);
                }
            }
            ps.getMoreResults();
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    LicenseAssignment a = JdbcAssignments.map(rs, 0);
                    if (subjects.containsKey(a.user())) {
                        held.computeIfAbsent(a.user(), u -> new ArrayList<>()).add(a);
                    }
                }
            }
            return null;
        }));
        order.took(
                LockOrder.Level.USERS,
                subjects.keySet().stream().map(UserId::value).toList());
        return new Assignments.Locked(subjects, held);
    }

    /** {@link Assignments#userWithAssignments}: one statement, the user's row repeated beside each assignment. */
    Optional<Assignments.Held> userWithAssignments(TenantId tenant, UserRef ref) {
        Optional<UserId> id = ref.id();
        String sql = "select " + ASSIGNMENT_COLUMNS + ", u.* from directory_user u"
                + " left join license_assignment a on a.tenant_id = u.tenant_id and a.user_id = u.id"
                + " where u.tenant_id = ? and "
                + (id.isPresent() ? "u.id = ?" : "lower(u.user_principal_name) = lower(?)");
        Object key = id.isPresent() ? id.get().value() : ref.toString();
        List<User> user = new ArrayList<>(1);
        List<LicenseAssignment> held = new ArrayList<>();
        template.query(
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
        return user.stream().filter(u -> !u.isDeleted()).findFirst().map(u -> new Assignments.Held(u, held));
    }
}
