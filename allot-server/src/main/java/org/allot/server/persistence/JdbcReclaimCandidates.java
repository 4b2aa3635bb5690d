package org.allot.server.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.Holder;
import org.allot.core.reclaim.ReclaimCandidates;
import org.allot.core.reclaim.UserActivity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What reclaim reads: a product's seat holders with their activity and sources. */
public final class JdbcReclaimCandidates implements ReclaimCandidates {
    private final JdbcClient jdbc;

    public JdbcReclaimCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Holder> holders(TenantId tenant, SkuId sku) {
        Map<UserId, Holder> holders = new LinkedHashMap<>();
        Map<UserId, List<Holder.HeldSource>> sources = new LinkedHashMap<>();
        jdbc.sql("""
                        select u.id, u.user_principal_name, u.display_name, u.account_enabled, u.created_at,
                               u.deleted_at, a.last_sign_in_at, a.last_logon_at, a.disabled_at,
                               la.source_group_id, la.updated_at, g.display_name as group_name
                        from license_assignment la
                        join directory_user u on u.tenant_id = la.tenant_id and u.id = la.user_id
                        left join user_activity a on a.tenant_id = la.tenant_id and a.user_id = la.user_id
                        left join directory_group g on g.tenant_id = la.tenant_id and g.id = la.source_group_id
                        where la.tenant_id = ? and la.sku_id = ? and la.state in HOLDING
                        order by u.id""".replace("HOLDING", AssignmentSql.HOLDING))
                .params(tenant.value(), sku.value())
                .query(rs -> {
                    UserId id = new UserId(SqlValues.uuid(rs, "id"));
                    if (!holders.containsKey(id)) {
                        holders.put(
                                id,
                                new Holder(
                                        id,
                                        rs.getString("user_principal_name"),
                                        rs.getString("display_name"),
                                        rs.getBoolean("account_enabled"),
                                        SqlValues.instant(rs, "created_at"),
                                        SqlValues.instant(rs, "deleted_at"),
                                        new UserActivity(
                                                SqlValues.instant(rs, "last_sign_in_at"),
                                                SqlValues.instant(rs, "last_logon_at"),
                                                SqlValues.instant(rs, "disabled_at")),
                                        List.of()));
                    }
                    UUID source = SqlValues.uuid(rs, "source_group_id");
                    GroupId group = AssignmentSource.DIRECT_KEY.equals(source) ? null : new GroupId(source);
                    sources.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(new Holder.HeldSource(
                                    group, rs.getString("group_name"), SqlValues.instant(rs, "updated_at")));
                });
        List<Holder> result = new ArrayList<>(holders.size());
        holders.forEach((id, h) -> result.add(new Holder(
                h.id(),
                h.userPrincipalName(),
                h.displayName(),
                h.accountEnabled(),
                h.createdDateTime(),
                h.deletedDateTime(),
                h.activity(),
                sources.get(id))));
        return result;
    }
}
