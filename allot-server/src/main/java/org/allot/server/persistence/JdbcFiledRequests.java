package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.request.FiledRequests;
import org.allot.core.request.LicenseRequest;
import org.allot.core.request.RequestState;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * License requests in {@code license_request} (at most one pending per user and product: a partial unique index), and
 * the tenants' expiry settings in {@code license_request_settings}. A decision locks its row ({@code for update});
 * a tenant's expiry step holds a transaction-level advisory lock of its own.
 */
public final class JdbcFiledRequests implements FiledRequests {
    private static final String COLUMNS = "tenant_id, id, user_id, user_principal_name, sku_id, product_name, plans,"
            + " justification, wanted_start, wanted_end, filed_by_kind, filed_by_id, filed_by_name, filed_at,"
            + " manager_id, state, decided_by_kind, decided_by_id, decided_by_name, on_behalf_of_manager, decided_at,"
            + " reason, granted, grant_group_id, granted_plans, grant_start, grant_end";
    private static final String ORDER =
            " order by state <> 'PENDING'," + " case when state = 'PENDING' then filed_at end, filed_at desc, id";

    private final JdbcClient jdbc;

    public JdbcFiledRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(LicenseRequest r) {
        return jdbc.sql("""
                        insert into license_request (tenant_id, id, user_id, user_principal_name, sku_id, product_name,
                            plans, justification, wanted_start, wanted_end, filed_by_kind, filed_by_id, filed_by_name,
                            filed_at, manager_id, state)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')
                        on conflict (tenant_id, user_id, sku_id) where state = 'PENDING' do nothing""")
                        .params(
                                r.tenant().value(),
                                r.id(),
                                r.user().value(),
                                r.userPrincipalName(),
                                r.sku().value(),
                                r.productName(),
                                SqlValues.uuidArray(r.plans(), ServicePlanId::value),
                                r.justification(),
                                SqlValues.time(r.wantedStart()),
                                SqlValues.time(r.wantedEnd()),
                                r.filedBy().kind().name(),
                                r.filedBy().id(),
                                r.filedBy().displayName(),
                                SqlValues.time(r.filedAt()),
                                r.manager() == null ? null : r.manager().value())
                        .update()
                == 1;
    }

    @Override
    public Optional<LicenseRequest> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from license_request where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(JdbcFiledRequests::request)
                .optional();
    }

    @Override
    public Optional<LicenseRequest> lock(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from license_request where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id)
                .query(JdbcFiledRequests::request)
                .optional();
    }

    @Override
    public void update(LicenseRequest r) {
        LicenseRequest.Decision d = r.decision();
        LicenseRequest.Grant g = d == null ? null : d.grant();
        jdbc.sql("""
                        update license_request set state = ?, decided_by_kind = ?, decided_by_id = ?,
                            decided_by_name = ?, on_behalf_of_manager = ?, decided_at = ?, reason = ?, granted = ?,
                            grant_group_id = ?, granted_plans = ?, grant_start = ?, grant_end = ?
                        where tenant_id = ? and id = ?""")
                .params(
                        r.state().name(),
                        d == null ? null : d.by().kind().name(),
                        d == null ? null : d.by().id(),
                        d == null ? null : d.by().displayName(),
                        d != null && d.onBehalfOfManager(),
                        d == null ? null : SqlValues.time(d.at()),
                        d == null ? null : d.reason(),
                        g != null,
                        g == null || g.group() == null ? null : g.group().value(),
                        g == null ? null : SqlValues.uuidArray(g.plans(), ServicePlanId::value),
                        g == null ? null : SqlValues.time(g.start()),
                        g == null ? null : SqlValues.time(g.end()),
                        r.tenant().value(),
                        r.id())
                .update();
    }

    @Override
    public List<LicenseRequest> list(
            TenantId tenant, RequestState state, UserId user, java.util.Set<UUID> units, int limit) {
        UUID[] within = units == null ? null : units.toArray(UUID[]::new);
        return jdbc.sql("select " + COLUMNS + " from license_request r where tenant_id = ?"
                        + " and (?::text is null or state = ?) and (?::uuid is null or user_id = ?)"
                        + " and (?::uuid[] is null or exists (select 1 from unit_member_user m"
                        + " where m.tenant_id = r.tenant_id and m.user_id = r.user_id and m.unit_id = any(?::uuid[])))"
                        + ORDER
                        + " limit ?")
                .params(
                        tenant.value(),
                        state == null ? null : state.name(),
                        state == null ? null : state.name(),
                        user == null ? null : user.value(),
                        user == null ? null : user.value(),
                        within,
                        within,
                        limit)
                .query(JdbcFiledRequests::request)
                .list();
    }

    @Override
    public List<LicenseRequest> pendingFiledBefore(TenantId tenant, Instant time, int limit) {
        return jdbc.sql("select " + COLUMNS + " from license_request where tenant_id = ? and state = 'PENDING'"
                        + " and filed_at < ? order by filed_at, id limit ?")
                .params(tenant.value(), SqlValues.time(time), limit)
                .query(JdbcFiledRequests::request)
                .list();
    }

    @Override
    public void lockExpiry(TenantId tenant) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('allot-license-requests:' || ?, 0))")
                .param(tenant.value().toString())
                .query((rs, i) -> 1)
                .list();
    }

    @Override
    public OptionalInt expiryDays(TenantId tenant) {
        return jdbc.sql("select expire_after_days from license_request_settings where tenant_id = ?")
                .param(tenant.value())
                .query((rs, i) -> rs.getInt(1))
                .optional()
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    @Override
    public void saveExpiryDays(TenantId tenant, int days) {
        jdbc.sql("""
                        insert into license_request_settings (tenant_id, expire_after_days) values (?, ?)
                        on conflict (tenant_id) do update set expire_after_days = excluded.expire_after_days""").params(tenant.value(), days).update();
    }

    private static LicenseRequest request(ResultSet rs, int row) throws SQLException {
        RequestState state = RequestState.valueOf(rs.getString("state"));
        LicenseRequest.Decision decision = null;
        if (state != RequestState.PENDING) {
            LicenseRequest.Grant grant = null;
            if (rs.getBoolean("granted")) {
                UUID group = SqlValues.uuid(rs, "grant_group_id");
                grant = new LicenseRequest.Grant(
                        group == null ? null : new GroupId(group),
                        new HashSet<>(SqlValues.uuids(rs, "granted_plans", ServicePlanId::new)),
                        SqlValues.instant(rs, "grant_start"),
                        SqlValues.instant(rs, "grant_end"));
            }
            decision = new LicenseRequest.Decision(
                    SqlValues.actor(rs, "decided_by"),
                    rs.getBoolean("on_behalf_of_manager"),
                    SqlValues.instant(rs, "decided_at"),
                    rs.getString("reason"),
                    grant);
        }
        UUID manager = SqlValues.uuid(rs, "manager_id");
        return new LicenseRequest(
                SqlValues.uuid(rs, "id"),
                new TenantId(SqlValues.uuid(rs, "tenant_id")),
                new UserId(SqlValues.uuid(rs, "user_id")),
                rs.getString("user_principal_name"),
                new SkuId(SqlValues.uuid(rs, "sku_id")),
                rs.getString("product_name"),
                new HashSet<>(SqlValues.uuids(rs, "plans", ServicePlanId::new)),
                rs.getString("justification"),
                SqlValues.instant(rs, "wanted_start"),
                SqlValues.instant(rs, "wanted_end"),
                SqlValues.actor(rs, "filed_by"),
                SqlValues.instant(rs, "filed_at"),
                manager == null ? null : new UserId(manager),
                state,
                decision);
    }
}
