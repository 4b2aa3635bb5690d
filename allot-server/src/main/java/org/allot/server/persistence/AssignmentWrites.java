package org.allot.server.persistence;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * License assignments written set-wise for {@link JdbcAssignments}: the removed deleted and the changed updated by one
 * statement each, the added copied in ({@code COPY}); a request's one new assignment and its audit record as one
 * statement.
 */
final class AssignmentWrites {
    /** The columns an assignment is written with. */
    private static final String WRITTEN = "tenant_id, user_id, sku_id, source_group_id, disabled_plans, state, error,"
            + " reason, requested_at, updated_at, pending_removal_at, allotment_id";

    /** About what one assignment takes in COPY's CSV. */
    private static final int ASSIGNMENT_ROW_BYTES = 256;

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    AssignmentWrites(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    void write(
            TenantId tenant,
            Collection<LicenseAssignment> added,
            Collection<LicenseAssignment> changed,
            Collection<LicenseAssignment.Key> removed) {
        if (!removed.isEmpty()) {
            jdbc.sql("""
                            delete from license_assignment a
                            using unnest(cast(:users as uuid[]), cast(:skus as uuid[]), cast(:sources as uuid[])) as t(u, s, g)
                            where a.tenant_id = :tenant and a.user_id = t.u and a.sku_id = t.s
                              and a.source_group_id = t.g""")
                    .param("tenant", tenant.value())
                    .param("users", SqlValues.uuidArray(removed, k -> k.user().value()))
                    .param("skus", SqlValues.uuidArray(removed, k -> k.sku().value()))
                    .param("sources", SqlValues.uuidArray(removed, k -> JdbcAssignments.source(k.source())))
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
                            from unnest(cast(:users as uuid[]), cast(:skus as uuid[]), cast(:sources as uuid[]),
                                        cast(:disabled as text[]), cast(:states as text[]), cast(:errors as text[]),
                                        cast(:reasons as text[]), cast(:requested as text[]), cast(:updated as text[]),
                                        cast(:pending as text[]), cast(:pools as uuid[]))
                                 as t(u, s, g, d, st, e, r, ra, ua, pr, al)
                            where a.tenant_id = :tenant and a.user_id = t.u and a.sku_id = t.s
                              and a.source_group_id = t.g""")
                    .param("tenant", tenant.value())
                    .param("users", SqlValues.uuidArray(rows, a -> a.user().value()))
                    .param("skus", SqlValues.uuidArray(rows, a -> a.sku().value()))
                    .param("sources", SqlValues.uuidArray(rows, a -> JdbcAssignments.source(a.source())))
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
     * record is inserted from what the assignment's insert returns. False, with nothing
     * written, for anything larger, which is written as the batch it is.
     */
    boolean writeOne(
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
            return false;
        }
        LicenseAssignment a = added.iterator().next();
        List<SqlParameterValue> row = Arrays.stream(row(tenant.value().toString(), a, Object::toString))
                .map(v -> new SqlParameterValue(Types.OTHER, v))
                .toList();
        int written = jdbc.sql("with added as (insert into license_assignment (" + WRITTEN + ") values ("
                        + "?, ".repeat(11) + "?) returning 1) " + AuditColumns.INSERT_ONE + " from added")
                .params(row)
                .params(records.parameters(events.iterator().next()))
                .update();
        if (written != 1) {
            throw new IllegalStateException("assignment of " + a.user() + " not written");
        }
        return true;
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
            text.apply(JdbcAssignments.source(a.source())),
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
}
