package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.directory.GuestLicensing;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.UsageLocation;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcTenants implements Tenants {
    private final JdbcClient jdbc;
    private final TenantStamps stamps;

    /** Tenants read from the database at every read. */
    public JdbcTenants(JdbcClient jdbc) {
        this(jdbc, TenantStamps.off());
    }

    /** Tenants remembered while their stamps stay where they were. */
    public JdbcTenants(JdbcClient jdbc, TenantStamps stamps) {
        this.jdbc = jdbc;
        this.stamps = stamps;
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return stamps.read(id, TenantStamps.Kind.TENANT, () -> jdbc.sql("select * from tenant where id = ?")
                .param(id.value())
                .query(JdbcTenants::map)
                .optional());
    }

    @Override
    public List<Tenant> all() {
        return jdbc.sql("select * from tenant order by created_at")
                .query(JdbcTenants::map)
                .list();
    }

    @Override
    public List<Tenant> withVerifiedDomain(String domain) {
        return jdbc.sql("select * from tenant where ? = any(verified_domains) order by created_at, id")
                .param(domain.toLowerCase(Locale.ROOT))
                .query(JdbcTenants::map)
                .list();
    }

    @Override
    public void add(Tenant t) {
        stamps.wrote(t.id());
        jdbc.sql("""
                        insert into tenant (id, name, verified_domains, initial_domain, default_usage_location,
                            guest_licensing, nested_group_licensing, soft_delete_retention_days, sync_delete_threshold,
                            sync_license_loss_threshold, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        t.id().value(),
                        t.name(),
                        t.verifiedDomains().toArray(String[]::new),
                        t.initialDomain(),
                        t.defaultUsageLocation() == null
                                ? null
                                : t.defaultUsageLocation().code(),
                        t.policy().guestLicensing().name(),
                        t.policy().nestedGroupLicensing(),
                        t.policy().softDeleteRetentionDays(),
                        t.policy().syncDeleteThreshold(),
                        t.policy().syncLicenseLossThreshold(),
                        SqlValues.time(t.createdDateTime()))
                .update();
    }

    @Override
    public void update(Tenant t) {
        stamps.wrote(t.id());
        jdbc.sql("""
                        update tenant set name = ?, verified_domains = ?, default_usage_location = ?,
                            guest_licensing = ?, nested_group_licensing = ?, soft_delete_retention_days = ?,
                            sync_delete_threshold = ?, sync_license_loss_threshold = ?
                        where id = ?""")
                .params(
                        t.name(),
                        t.verifiedDomains().toArray(String[]::new),
                        t.defaultUsageLocation() == null
                                ? null
                                : t.defaultUsageLocation().code(),
                        t.policy().guestLicensing().name(),
                        t.policy().nestedGroupLicensing(),
                        t.policy().softDeleteRetentionDays(),
                        t.policy().syncDeleteThreshold(),
                        t.policy().syncLicenseLossThreshold(),
                        t.id().value())
                .update();
    }

    private static Tenant map(ResultSet rs, int row) throws SQLException {
        String location = rs.getString("default_usage_location");
        return new Tenant(
                new TenantId(SqlValues.uuid(rs, "id")),
                rs.getString("name"),
                SqlValues.strings(rs, "verified_domains"),
                rs.getString("initial_domain"),
                location == null ? null : UsageLocation.of(location),
                new TenantPolicy(
                        GuestLicensing.valueOf(rs.getString("guest_licensing")),
                        rs.getBoolean("nested_group_licensing"),
                        rs.getInt("soft_delete_retention_days"),
                        rs.getInt("sync_delete_threshold"),
                        rs.getInt("sync_license_loss_threshold")),
                SqlValues.instant(rs, "created_at"));
    }
}
