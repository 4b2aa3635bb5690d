package org.allot.server.persistence.query;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.AssignmentError;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.catalog.SkuId;
import org.allot.core.report.Holding;
import org.allot.core.report.Holdings;
import org.allot.server.persistence.AssignmentSql;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link Holdings} in SQL: license assignments with their user's name and department, their group's name and the
 * allotment they draw from (a pool deleted since counts as none: its users are the remainder's), a page at a time by product, user and source (keyset paging over {@code license_assignment_by_sku}).
 */
public final class JdbcHoldings implements Holdings {
    private static final String SELECT = """
            select a.sku_id, a.user_id, a.source_group_id, u.user_principal_name, u.department,
                   g.display_name as group_name, a.state, a.error, a.requested_at,
                   al.id as allotment_id, al.display_name as allotment_name
            from license_assignment a
            join directory_user u on u.tenant_id = a.tenant_id and u.id = a.user_id
            left join directory_group g on g.tenant_id = a.tenant_id and g.id = a.source_group_id
            left join allotment al on al.tenant_id = a.tenant_id and al.id = a.allotment_id
            where a.tenant_id = :tenant""";

    private final JdbcClient jdbc;

    public JdbcHoldings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Holding> page(TenantId tenant, Holding.Key after, int limit, boolean seatsOnly, Set<UUID> units) {
        String sql = SELECT
                + (after == null ? "" : " and (a.sku_id, a.user_id, a.source_group_id) > (:sku, :user, :source)")
                + (seatsOnly ? " and a.state in " + AssignmentSql.HOLDING : "")
                + (units == null
                        ? ""
                        : " and exists (select 1 from unit_member_user m where m.tenant_id = a.tenant_id"
                                + " and m.user_id = a.user_id and m.unit_id = any(:units))")
                + " order by a.sku_id, a.user_id, a.source_group_id limit :limit";
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql).param("tenant", tenant.value()).param("limit", limit);
        if (units != null) {
            statement = statement.param("units", units.toArray(UUID[]::new));
        }
        if (after != null) {
            statement = statement
                    .param("sku", after.sku().value())
                    .param("user", after.user())
                    .param("source", after.source());
        }
        return statement
                .query((rs, i) -> {
                    AssignmentSource source = AssignmentSource.ofKey(rs.getObject("source_group_id", UUID.class));
                    String state = rs.getString("state");
                    String error = rs.getString("error");
                    UUID allotment = rs.getObject("allotment_id", UUID.class);
                    return new Holding(
                            rs.getObject("user_id", UUID.class),
                            rs.getString("user_principal_name"),
                            rs.getString("department"),
                            new SkuId(rs.getObject("sku_id", UUID.class)),
                            source,
                            source.isDirect() ? null : rs.getString("group_name"),
                            state == null ? null : AssignmentState.valueOf(state),
                            error == null ? null : AssignmentError.valueOf(error),
                            rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                            allotment == null ? null : new AllotmentId(allotment),
                            rs.getString("allotment_name"));
                })
                .list();
    }
}
