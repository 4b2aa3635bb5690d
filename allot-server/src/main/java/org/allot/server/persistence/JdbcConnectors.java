package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.allot.core.TenantId;
import org.allot.core.sync.Connector;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.Connectors;
import org.allot.core.sync.DeltaStrategy;
import org.allot.core.sync.DirectoryPreset;
import org.allot.core.sync.DueSync;
import org.allot.core.sync.RunRequest;
import org.allot.core.sync.SyncCheckpoint;
import org.allot.core.sync.Watermark;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Connectors in {@code sync_connector}, one row per tenant, with the checkpoint and the scheduling marks. */
public final class JdbcConnectors implements Connectors {
    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcConnectors(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Connector> find(TenantId tenant) {
        return jdbc.sql("select * from sync_connector where tenant_id = ?")
                .param(tenant.value())
                .query(this::map)
                .optional();
    }

    @Override
    public void save(Connector connector, String sealedPassword) {
        ConnectorSettings s = connector.settings();
        jdbc.sql("""
                        insert into sync_connector (tenant_id, url, start_tls, trusted_certificate, bind_dn,
                            sealed_password, base_dns, user_filter, group_filter, preset, mapping_overrides, enabled,
                            excluded_dns, soft_match, staging, deletion_check_minutes, created_at, updated_at)
                        values (:tenant, :url, :startTls, :certificate, :bindDn, :password, :baseDns, :userFilter,
                            :groupFilter, :preset, :mapping::jsonb, :enabled, :excludedDns, :softMatch, :staging,
                            :deletionCheck, :created, :updated)
                        on conflict (tenant_id) do update set url = excluded.url, start_tls = excluded.start_tls,
                            trusted_certificate = excluded.trusted_certificate, bind_dn = excluded.bind_dn,
                            sealed_password = coalesce(excluded.sealed_password, sync_connector.sealed_password),
                            base_dns = excluded.base_dns, user_filter = excluded.user_filter,
                            group_filter = excluded.group_filter, preset = excluded.preset,
                            mapping_overrides = excluded.mapping_overrides, enabled = excluded.enabled,
                            excluded_dns = excluded.excluded_dns, soft_match = excluded.soft_match,
                            staging = excluded.staging, deletion_check_minutes = excluded.deletion_check_minutes,
                            updated_at = excluded.updated_at""")
                .param("tenant", connector.tenant().value())
                .param("url", s.url())
                .param("startTls", s.startTls())
                .param("certificate", s.trustedCertificate())
                .param("bindDn", s.bindDn())
                .param("password", sealedPassword)
                .param("baseDns", s.baseDns().toArray(String[]::new))
                .param("userFilter", s.userFilter())
                .param("groupFilter", s.groupFilter())
                .param("preset", s.preset().name())
                .param("mapping", json.writeValueAsString(new TreeMap<>(s.mappingOverrides())))
                .param("enabled", s.enabled())
                .param("excludedDns", s.excludedDns().toArray(String[]::new))
                .param("softMatch", s.softMatch())
                .param("staging", s.staging())
                .param(
                        "deletionCheck",
                        s.deletionCheckEvery() == null
                                ? null
                                : (Integer) (int) s.deletionCheckEvery().toMinutes(),
                        java.sql.Types.INTEGER)
                .param("created", SqlValues.time(connector.createdAt()))
                .param("updated", SqlValues.time(connector.updatedAt()))
                .update();
    }

    @Override
    public Optional<String> sealedPassword(TenantId tenant) {
        return jdbc.sql(
                        "select sealed_password from sync_connector where tenant_id = ? and sealed_password is not null")
                .param(tenant.value())
                .query(String.class)
                .optional();
    }

    @Override
    public Optional<SyncCheckpoint> checkpoint(TenantId tenant) {
        return jdbc.sql("""
                        select watermark_strategy, watermark_value, watermark_server, settings_fingerprint,
                            last_full_sync_at, checkpoint_read_at, deletions_checked_at
                        from sync_connector where tenant_id = ? and settings_fingerprint is not null""")
                .param(tenant.value())
                .query((rs, i) -> new SyncCheckpoint(
                        rs.getString("watermark_value") == null
                                ? null
                                : new Watermark(
                                        DeltaStrategy.valueOf(rs.getString("watermark_strategy")),
                                        rs.getString("watermark_value"),
                                        rs.getString("watermark_server")),
                        rs.getString("settings_fingerprint"),
                        SqlValues.instant(rs, "last_full_sync_at"),
                        SqlValues.instant(rs, "checkpoint_read_at"),
                        SqlValues.instant(rs, "deletions_checked_at")))
                .optional();
    }

    @Override
    public void saveCheckpoint(TenantId tenant, SyncCheckpoint checkpoint) {
        Watermark w = checkpoint.watermark();
        jdbc.sql("""
                        update sync_connector set watermark_strategy = ?, watermark_value = ?, watermark_server = ?,
                            settings_fingerprint = ?, last_full_sync_at = ?, checkpoint_read_at = ?,
                            deletions_checked_at = ?
                        where tenant_id = ?""")
                .params(
                        w == null ? null : w.strategy().name(),
                        w == null ? null : w.value(),
                        w == null ? null : w.server(),
                        checkpoint.settingsFingerprint(),
                        SqlValues.time(checkpoint.lastFullSync()),
                        SqlValues.time(checkpoint.readAt()),
                        SqlValues.time(checkpoint.deletionsCheckedAt()),
                        tenant.value())
                .update();
    }

    @Override
    public void requestRun(TenantId tenant, Instant at, String requestedBy, boolean full) {
        jdbc.sql("""
                        update sync_connector set run_requested_at = coalesce(run_requested_at, ?),
                            run_requested_by = coalesce(run_requested_by, ?),
                            run_requested_full = run_requested_full or ?
                        where tenant_id = ?""")
                .params(SqlValues.time(at), requestedBy, full, tenant.value())
                .update();
    }

    @Override
    public void runStarted(TenantId tenant, Instant at) {
        jdbc.sql("""
                        update sync_connector set last_run_started_at = ?, run_requested_at = null,
                            run_requested_by = null, run_requested_full = false
                        where tenant_id = ?""").params(SqlValues.time(at), tenant.value()).update();
    }

    @Override
    public List<DueSync> due(Instant cutoff) {
        return jdbc.sql("""
                        select tenant_id, run_requested_at, run_requested_by, run_requested_full
                        from sync_connector
                        where run_requested_at is not null
                           or (enabled and (last_run_started_at is null or last_run_started_at < ?))
                        order by run_requested_at nulls last, last_run_started_at nulls first""")
                .param(SqlValues.time(cutoff))
                .query((rs, i) -> new DueSync(new TenantId(SqlValues.uuid(rs, "tenant_id")), request(rs)))
                .list();
    }

    private static RunRequest request(ResultSet rs) throws SQLException {
        Instant at = SqlValues.instant(rs, "run_requested_at");
        if (at == null) {
            return null;
        }
        String by = rs.getString("run_requested_by");
        return new RunRequest(at, by == null ? "an administrator" : by, rs.getBoolean("run_requested_full"));
    }

    private Connector map(ResultSet rs, int row) throws SQLException {
        DirectoryPreset preset = DirectoryPreset.valueOf(rs.getString("preset"));
        Map<String, String> overrides = json.readValue(rs.getString("mapping_overrides"), MAPPING);
        ConnectorSettings settings = new ConnectorSettings(
                rs.getString("url"),
                rs.getBoolean("start_tls"),
                rs.getString("trusted_certificate"),
                rs.getString("bind_dn"),
                SqlValues.strings(rs, "base_dns"),
                rs.getString("user_filter"),
                rs.getString("group_filter"),
                preset,
                overrides,
                preset.mapping().withOverrides(overrides).value(),
                rs.getBoolean("enabled"),
                SqlValues.strings(rs, "excluded_dns"),
                rs.getBoolean("soft_match"),
                rs.getBoolean("staging"),
                rs.getObject("deletion_check_minutes") == null
                        ? null
                        : java.time.Duration.ofMinutes(rs.getInt("deletion_check_minutes")));
        return new Connector(
                new TenantId(SqlValues.uuid(rs, "tenant_id")),
                settings,
                rs.getString("sealed_password") != null,
                SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"),
                request(rs));
    }
}
