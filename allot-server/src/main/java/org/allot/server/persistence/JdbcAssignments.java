package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * License assignments, read and written set-wise: one statement per batch of users, never one per row. The users they
 * belong to are read and locked by {@link LicenseSubjectReads}, the waiting lists they form read by
 * {@link JdbcWaitingLists}.
 */
public final class JdbcAssignments implements Assignments {
    /** The columns an assignment is written with. */
    private static final String WRITTEN = "tenant_id, user_id, sku_id, source_group_id, disabled_plans, state, error,"
            + " reason, requested_at, updated_at, pending_removal_at, allotment_id";

    /** About what one assignment takes in COPY's CSV. */
    private static final int ASSIGNMENT_ROW_BYTES = 256;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Ranges ranges;
    private final LicenseSubjectReads subjects;
    private final JdbcWaitingLists waitingLists;
    private final AssignmentsWithUsers withUsers;

    /** A user read with their assignments reads the tenant's stamp in the same round trip. */
    public JdbcAssignments(DataSource dataSource, JdbcClient jdbc, TenantStamps stamps) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.ranges = dataSource == null ? null : new Ranges(dataSource);
        this.subjects = new LicenseSubjectReads(dataSource, jdbc);
        this.waitingLists = new JdbcWaitingLists(jdbc);
        this.withUsers = dataSource == null ? null : new AssignmentsWithUsers(dataSource, stamps);
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
        jdbc.sql("select " + COLUMNS + " from license_assignment where tenant_id = ? and user_id = any(?)")
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
        if (!removed.isEmpty()) {
            jdbc.sql("""
                            delete from license_assignment a
                            using unnest(:users, :skus, :sources) as t(u, s, g)
                            where a.tenant_id = :tenant and a.user_id = t.u and a.sku_id = t.s
                              and a.source_group_id = t.g""")
                    .param("tenant", tenant.value())
                    .param("users", SqlValues.uuidArray(removed, k -> k.user().value()))
                    .param("skus", SqlValues.uuidArray(removed, k -> k.sku().value()))
                    .param("sources", SqlValues.uuidArray(removed, k -> source(k.source())))
                    .update();
        }
        if (!changed.isEmpty()) {
            List<LicenseAssignment> rows = new ArrayList<>(changed);
            jdbc.sql("""
                            update license_assignment a
                            set disabled_plans = case when t.d = '' then '{}'::uuid[]
                                                      else string_to_array(t.d, ',')::uuid[] end,
                                state = t.st, error = t.e, reason = t.r,
                                requested_at = t.ra::timestamptz, updated_at = t.ua::timestamptz,
                                pending_removal_at = t.pr::timestamptz, allotment_id = t.al
                            from unnest(:users, :skus, :sources, :disabled, :states, :errors, :reasons, :requested,
                                        :updated, :pending, :pools) as t(u, s, g, d, st, e, r, ra, ua, pr, al)
                            where a.tenant_id = :tenant and a.user_id = t.u and a.sku_id = t.s
                              and a.source_group_id = t.g""")
                    .param("tenant", tenant.value())
                    .param("users", SqlValues.uuidArray(rows, a -> a.user().value()))
                    .param("skus", SqlValues.uuidArray(rows, a -> a.sku().value()))
                    .param("sources", SqlValues.uuidArray(rows, a -> source(a.source())))
                    .param("disabled", rows.stream().map(a -> plans(a)).toArray(String[]::new))
                    .param("states", rows.stream().map(a -> a.state().name()).toArray(String[]::new))
                    .param(
                            "errors",
                            rows.stream()
                                    .map(a ->
                                            a.error() == null ? null : a.error().name())
                                    .toArray(String[]::new))
                    .param(
                            "reasons",
                            rows.stream().map(LicenseAssignment::reason).toArray(String[]::new))
                    .param(
                            "requested",
                            rows.stream().map(a -> a.requestedAt().toString()).toArray(String[]::new))
                    .param(
                            "updated",
                            rows.stream().map(a -> a.updatedAt().toString()).toArray(String[]::new))
                    .param(
                            "pending",
                            rows.stream()
                                    .map(a -> a.isPendingRemoval()
                                            ? a.pendingRemovalAt().toString()
                                            : null)
                                    .toArray(String[]::new))
                    .param(
                            "pools",
                            SqlValues.uuidArray(
                                    rows,
                                    a -> a.pool() == null ? null : a.pool().value()))
                    .update();
        }
        if (!added.isEmpty()) {
            PgCopy copy = new PgCopy(dataSource, "license_assignment", WRITTEN, added.size(), ASSIGNMENT_ROW_BYTES);
            String tenantId = tenant.value().toString();
            // a chunk's rows share their SKU, source and times: each is made text once per distinct value
            Map<Object, String> text = new HashMap<>();
            for (LicenseAssignment a : added) {
                copy.row(row(tenantId, a, v -> text.computeIfAbsent(v, Object::toString)));
            }
            copy.send();
        }
    }

    /**
     * One statement for a request's one new assignment and its record, when the audit log is this database's: the
     * record is inserted from what the assignment's insert returns. Anything larger is written as the batch it is.
     */
    @Override
    public void write(
            TenantId tenant,
            Collection<LicenseAssignment> added,
            Collection<LicenseAssignment> changed,
            Collection<LicenseAssignment.Key> removed,
            AuditLog audit,
            Collection<AuditEvent> events) {
        if (!(audit instanceof JdbcAuditLog records)
                || added.size() != 1
                || !changed.isEmpty()
                || !removed.isEmpty()
                || events.size() != 1) {
            Assignments.super.write(tenant, added, changed, removed, audit, events);
            return;
        }
        LicenseAssignment a = added.iterator().next();
        List<SqlParameterValue> row = Arrays.stream(row(tenant.value().toString(), a, Object::toString))
                .map(v -> new SqlParameterValue(Types.OTHER, v))
                .toList();
        int written = jdbc.sql("with added as (insert into license_assignment (" + WRITTEN + ") values ("
                        + "?, ".repeat(11) + "?) returning 1) " + JdbcAuditLog.INSERT_ONE + " from added")
                .params(row)
                .params(records.parameters(events.iterator().next()))
                .update();
        if (written != 1) {
            throw new IllegalStateException("assignment of " + a.user() + " not written");
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
     * An assignment's values as text, in the order of {@link #WRITTEN}; {@code text} turns the values rows of a batch
     * share (SKU, source, times) into text.
     */
    private static String[] row(String tenantId, LicenseAssignment a, Function<Object, String> text) {
        return new String[] {
            tenantId,
            a.user().toString(),
            text.apply(a.sku()),
            text.apply(source(a.source())),
            a.disabledPlans().isEmpty() ? "{}" : "{" + plans(a) + "}",
            a.state().name(),
            a.error() == null ? null : a.error().name(),
            a.reason(),
            text.apply(a.requestedAt()),
            text.apply(a.updatedAt()),
            a.isPendingRemoval() ? a.pendingRemovalAt().toString() : null,
            a.pool() == null ? null : a.pool().toString()
        };
    }

    private static String plans(LicenseAssignment a) {
        return a.disabledPlans().stream()
                .map(p -> p.value().toString())
                .sorted()
                .collect(Collectors.joining(","));
    }

    /**
     * The columns {@link #map} reads, in its order; the disabled plans as text, which reads faster than an array and
     * is empty ({@code {}}) for most rows.
     */
    static final String COLUMNS = "user_id, sku_id, source_group_id, disabled_plans::text, state, error,"
            + " reason, requested_at, updated_at, pending_removal_at, allotment_id";

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
