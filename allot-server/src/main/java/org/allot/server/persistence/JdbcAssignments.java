package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.allot.core.TenantId;
import org.allot.core.assignment.AllotmentCount;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.AssignmentError;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicenseSubject;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;
import org.allot.core.directory.UserRef;
import org.allot.core.directory.Users;
import org.allot.core.subscription.Seats;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * License assignments, read and written set-wise: one statement per batch of users, never one per row. The users they
 * belong to are read and locked by {@link LicenseSubjectReads}, the waiting lists they form read by
 * {@link JdbcWaitingLists}.
 */
public final class JdbcAssignments implements Assignments {
    private final JdbcClient jdbc;
    private final Ranges ranges;
    private final LicenseSubjectReads subjects;
    private final JdbcWaitingLists waitingLists;
    private final AssignmentsWithUsers withUsers;
    private final AssignmentWrites writes;

    /** A user read with their assignments reads the tenant's stamp in the same round trip. */
    public JdbcAssignments(DataSource dataSource, JdbcClient jdbc, TenantStamps stamps) {
        this.jdbc = jdbc;
        this.ranges = dataSource == null ? null : new Ranges(dataSource);
        this.subjects = new LicenseSubjectReads(dataSource, jdbc);
        this.waitingLists = new JdbcWaitingLists(jdbc);
        this.withUsers = dataSource == null ? null : new AssignmentsWithUsers(dataSource, stamps);
        this.writes = new AssignmentWrites(dataSource, jdbc);
    }

    @Override
    public Locked lockWithAssignments(TenantId tenant, Collection<UserId> users) {
        return withUsers == null || users.isEmpty()
                ? Assignments.super.lockWithAssignments(tenant, users)
                : withUsers.lockWithAssignments(tenant, users);
    }

    /**
     * One round trip for a few users, as {@link JdbcGroupLicenses#ofUsers} reads them in one statement; not when an
     * earlier step of the unit of work planned seats of the tenant with the commit: those are taken ({@link
     * JdbcSeats#takePlanned}) once the users are locked, as the lock order wants, one call after the other.
     */
    @Override
    public LockedWithLicensing lockWithLicensing(
            TenantId tenant,
            Collection<UserId> users,
            GroupLicenses groupLicenses,
            Memberships memberships,
            Seats seats) {
        return withUsers == null
                        || users.isEmpty()
                        || users.size() > GroupsOfUsers.FEW_USERS
                        || !(groupLicenses instanceof JdbcGroupLicenses)
                        || !(seats instanceof JdbcSeats)
                        || SeatsAtCommit.planned(tenant)
                ? Assignments.super.lockWithLicensing(tenant, users, groupLicenses, memberships, seats)
                : withUsers.lockWithLicensing(tenant, users);
    }

    @Override
    public Optional<Held> userWithAssignments(TenantId tenant, UserRef user, Users users) {
        return withUsers == null
                ? Assignments.super.userWithAssignments(tenant, user, users)
                : withUsers.userWithAssignments(tenant, user);
    }

    @Override
    public Map<UserId, LicenseSubject> lock(TenantId tenant, Collection<UserId> users) {
        return subjects.lock(tenant, users);
    }

    @Override
    public Map<UserId, LicenseSubject> subjects(TenantId tenant, Collection<UserId> users) {
        return subjects.subjects(tenant, users);
    }

    @Override
    public Map<UserId, LicenseSubject> tryLock(TenantId tenant, Collection<UserId> users) {
        return subjects.tryLock(tenant, users);
    }

    @Override
    public Map<UserId, LicenseSubject> subjectsAfter(TenantId tenant, UserId after, int limit) {
        return subjects.subjectsAfter(tenant, after, limit);
    }

    @Override
    public Optional<Map<UserId, LicenseSubject>> subjectsIn(TenantId tenant, UserRange range, int limit) {
        return subjects.subjectsIn(tenant, range, limit);
    }

    @Override
    public int countSubjects(TenantId tenant, UserRange range) {
        return subjects.countSubjects(tenant, range);
    }

    /** One range of the primary key: the cost of reading the rows, without a lookup per user. */
    @Override
    public Map<UserId, List<LicenseAssignment>> between(TenantId tenant, UserId after, UserId last) {
        List<LicenseAssignment> rows = new ArrayList<>();
        String sql = "select " + COLUMNS + " from license_assignment where tenant_id = ?";
        ranges.query(sql, tenant.value(), "user_id", new UserRange(after, last), "", List.of(), rs -> {
            rows.add(map(rs, 0));
        });
        Map<UserId, List<LicenseAssignment>> result = new HashMap<>(SqlValues.capacity(rows.size()));
        rows.forEach(
                a -> result.computeIfAbsent(a.user(), u -> new ArrayList<>(2)).add(a));
        return result;
    }

    @Override
    public Map<UserId, List<LicenseAssignment>> of(TenantId tenant, Collection<UserId> users) {
        Map<UserId, List<LicenseAssignment>> result = new HashMap<>();
        jdbc.sql(OF_USERS)
                .params(tenant.value(), SqlValues.uuidArray(users, UserId::value))
                .query(rs -> {
                    LicenseAssignment a = map(rs, 0);
                    result.computeIfAbsent(a.user(), u -> new ArrayList<>()).add(a);
                });
        return result;
    }

    /** Every assignment of the tenant; for tools and tests on small tenants. */
    public List<LicenseAssignment> ofTenant(TenantId tenant) {
        return jdbc.sql("select " + COLUMNS
                        + " from license_assignment where tenant_id = ? order by user_id, sku_id, source_group_id")
                .param(tenant.value())
                .query(JdbcAssignments::map)
                .list();
    }

    @Override
    public void write(
            TenantId tenant,
            Collection<LicenseAssignment> added,
            Collection<LicenseAssignment> changed,
            Collection<LicenseAssignment.Key> removed) {
        writes.write(tenant, added, changed, removed);
    }

    @Override
    public void write(
            TenantId tenant,
            Collection<LicenseAssignment> added,
            Collection<LicenseAssignment> changed,
            Collection<LicenseAssignment.Key> removed,
            AuditLog audit,
            Collection<AuditEvent> events) {
        if (!writes.writeOne(tenant, added, changed, removed, audit, events)) {
            Assignments.super.write(tenant, added, changed, removed, audit, events);
        }
    }

    @Override
    public List<UserId> waiting(TenantId tenant, SkuId sku, int limit) {
        return waitingLists.waiting(tenant, sku, limit);
    }

    @Override
    public int countWaiting(TenantId tenant, SkuId sku) {
        return waitingLists.countWaiting(tenant, sku);
    }

    @Override
    public int countHolding(TenantId tenant, SkuId sku) {
        return jdbc.sql("""
                        select count(distinct a.user_id) from license_assignment a
                        join directory_user u on u.tenant_id = a.tenant_id and u.id = a.user_id
                        where a.tenant_id = ? and a.sku_id = ? and a.state in """ + AssignmentSql.HOLDING)
                .params(tenant.value(), sku.value())
                .query(Integer.class)
                .single();
    }

    @Override
    public Map<AllotmentId, AllotmentCount> countByPool(TenantId tenant, SkuId sku) {
        Map<AllotmentId, AllotmentCount> counts = new HashMap<>();
        jdbc.sql("select a.allotment_id,"
                        + " count(distinct a.user_id) filter (where a.state in " + AssignmentSql.HOLDING
                        + ") as consumed,"
                        + " count(distinct a.user_id) filter (where a.error = " + AssignmentSql.WAITING_ERROR
                        + " and u.deleted_at is null) as waiting"
                        + " from license_assignment a"
                        + " join directory_user u on u.tenant_id = a.tenant_id and u.id = a.user_id"
                        + " where a.tenant_id = ? and a.sku_id = ? and a.allotment_id is not null"
                        + " group by a.allotment_id")
                .params(tenant.value(), sku.value())
                .query((rs, i) -> Map.entry(
                        new AllotmentId(SqlValues.uuid(rs, "allotment_id")),
                        new AllotmentCount(rs.getInt("consumed"), rs.getInt("waiting"))))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Override
    public List<UserId> usersWithSource(TenantId tenant, GroupId group, UserId after, int limit) {
        JdbcClient.StatementSpec statement = jdbc.sql("select distinct user_id from license_assignment"
                        + " where tenant_id = :tenant and source_group_id = :group"
                        + (after == null ? "" : " and user_id > :after")
                        + " order by user_id limit :limit")
                .param("tenant", tenant.value())
                .param("group", group.value())
                .param("limit", limit);
        if (after != null) {
            statement = statement.param("after", after.value());
        }
        return statement
                .query((rs, i) -> new UserId(SqlValues.uuid(rs, "user_id")))
                .list();
    }

    @Override
    public long countWithSource(TenantId tenant, GroupId group) {
        return jdbc.sql(
                        "select count(distinct user_id) from license_assignment where tenant_id = ? and source_group_id = ?")
                .params(tenant.value(), group.value())
                .query(Long.class)
                .single();
    }

    static UUID source(AssignmentSource source) {
        return source.key();
    }

    /**
     * The columns {@link #map} reads, in its order; the disabled plans as text, which reads faster than an array and
     * is empty ({@code {}}) for most rows.
     */
    static final String COLUMNS = "user_id, sku_id, source_group_id, disabled_plans::text, state, error,"
            + " reason, requested_at, updated_at, pending_removal_at, allotment_id";

    /**
     * The assignments of some users: the tenant, then the users' ids as an array. Each id is looked up on its own
     * (a lateral join, kept one index lookup per user by {@code offset 0}, which stops PostgreSQL from turning it into
     * a join over the tenant's rows), not as {@code user_id = any(?)}: for that, the generic plan
     * PostgreSQL keeps after five executions may cost the product index ({@code tenant_id, sku_id, user_id}) below
     * the primary key, and then reads the tenant's whole part of it for each user ({@code ReadsByUserPlansIT}).
     */
    static final String OF_USERS = "select a.* from (select ?::uuid as tenant, unnest(?::uuid[]) as id) k"
            + " cross join lateral (select " + COLUMNS + " from license_assignment"
            + " where tenant_id = k.tenant and user_id = k.id offset 0) a";

    static LicenseAssignment map(ResultSet rs, int row) throws SQLException {
        UUID source = rs.getObject(3, UUID.class);
        String error = rs.getString(6);
        java.sql.Timestamp pending = rs.getTimestamp(10);
        UUID pool = rs.getObject(11, UUID.class);
        return new LicenseAssignment(
                new UserId(rs.getObject(1, UUID.class)),
                new SkuId(rs.getObject(2, UUID.class)),
                AssignmentSource.ofKey(source),
                plans(rs.getString(4)),
                AssignmentState.valueOf(rs.getString(5)),
                error == null ? null : AssignmentError.valueOf(error),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(), // a timestamptz: the instant whatever the JVM's time zone
                rs.getTimestamp(9).toInstant(),
                pending == null ? null : pending.toInstant(),
                pool == null ? null : new AllotmentId(pool));
    }

    /** A uuid[] as PostgreSQL writes it as text: {@code {}} or {@code {a,b}} (uuids need no quotes). */
    private static Set<ServicePlanId> plans(String text) {
        if (text.length() <= 2) {
            return Set.of();
        }
        Set<ServicePlanId> plans = new HashSet<>();
        for (String id : text.substring(1, text.length() - 1).split(",")) {
            plans.add(new ServicePlanId(UUID.fromString(id)));
        }
        return plans;
    }
}
