package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.server.security.store.AppCertificate;
import org.allot.server.security.store.AppRegistration;
import org.allot.server.security.store.Role;
import org.allot.server.security.store.StoredAppRegistrations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * App registrations in the database, with the hashes of their secrets, their certificates, and the client assertions
 * they used.
 */
public final class JdbcAppRegistrations implements StoredAppRegistrations {
    private final JdbcClient jdbc;

    public JdbcAppRegistrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AppRegistration> find(UUID clientId) {
        return jdbc.sql("select * from app_registration where id = ?")
                .param(clientId)
                .query(JdbcAppRegistrations::map)
                .optional();
    }

    @Override
    public List<AppRegistration> of(TenantId tenant) {
        return jdbc.sql("select * from app_registration where tenant_id = ? order by created_at, id")
                .param(tenant.value())
                .query(JdbcAppRegistrations::map)
                .list();
    }

    @Override
    public void add(AppRegistration app) {
        jdbc.sql("""
                        insert into app_registration (tenant_id, id, display_name, secret_hash, role, created_at,
                            created_by, secret_id, secret_expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        app.tenant().value(),
                        app.clientId(),
                        app.displayName(),
                        app.secretHash(),
                        app.role().name(),
                        app.createdAt().atOffset(ZoneOffset.UTC),
                        app.createdBy(),
                        app.secretId(),
                        app.secretExpiresAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    @Override
    public boolean replaceSecret(TenantId tenant, UUID clientId, String secretHash, UUID secretId, Instant expiresAt) {
        return jdbc.sql("""
                        update app_registration set secret_hash = ?, secret_id = ?, secret_expires_at = ?
                         where tenant_id = ? and id = ?""")
                        .params(secretHash, secretId, expiresAt.atOffset(ZoneOffset.UTC), tenant.value(), clientId)
                        .update()
                == 1;
    }

    @Override
    public void replaceSecretHash(UUID clientId, String secretHash) {
        jdbc.sql("update app_registration set secret_hash = ? where id = ?")
                .params(secretHash, clientId)
                .update();
    }

    @Override
    public boolean changeRole(TenantId tenant, UUID clientId, Role role) {
        return jdbc.sql("update app_registration set role = ? where tenant_id = ? and id = ?")
                        .params(role.name(), tenant.value(), clientId)
                        .update()
                == 1;
    }

    @Override
    public boolean remove(TenantId tenant, UUID clientId) {
        return jdbc.sql("delete from app_registration where tenant_id = ? and id = ?")
                        .params(tenant.value(), clientId)
                        .update()
                == 1;
    }

    /** The app's certificates, oldest first. */
    @Override
    public List<AppCertificate> certificates(TenantId tenant, UUID clientId) {
        return jdbc.sql("select * from app_certificate where tenant_id = ? and app_id = ? order by created_at, id")
                .params(tenant.value(), clientId)
                .query(JdbcAppRegistrations::certificate)
                .list();
    }

    @Override
    public void addCertificate(AppCertificate certificate) {
        jdbc.sql("""
                        insert into app_certificate (tenant_id, app_id, id, thumbprint, thumbprint256, subject, der,
                            starts_at, ends_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        certificate.tenant().value(),
                        certificate.appId(),
                        certificate.keyId(),
                        certificate.thumbprint(),
                        certificate.thumbprintSha256(),
                        certificate.subject(),
                        certificate.der(),
                        certificate.startsAt().atOffset(ZoneOffset.UTC),
                        certificate.endsAt().atOffset(ZoneOffset.UTC),
                        certificate.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    @Override
    public boolean removeCertificate(TenantId tenant, UUID clientId, UUID keyId) {
        return jdbc.sql("delete from app_certificate where tenant_id = ? and app_id = ? and id = ?")
                        .params(tenant.value(), clientId, keyId)
                        .update()
                == 1;
    }

    /**
     * Takes a client assertion's JWT id once: false when the app already used it (a replay). Assertions that expired
     * are forgotten first, since they cannot be used again anyway.
     */
    @Override
    public boolean takeAssertion(UUID clientId, String jti, Instant expiresAt, Instant now) {
        jdbc.sql("delete from client_assertion where app_id = ? and expires_at < ?")
                .params(clientId, now.atOffset(ZoneOffset.UTC))
                .update();
        return jdbc.sql("""
                        insert into client_assertion (app_id, jti, expires_at) values (?, ?, ?)
                        on conflict do nothing""")
                        .params(clientId, jti, expiresAt.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    private static AppCertificate certificate(ResultSet rs, int row) throws SQLException {
        return new AppCertificate(
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getObject("app_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getString("thumbprint"),
                rs.getString("thumbprint256"),
                rs.getString("subject"),
                Base64.getEncoder().encodeToString(rs.getBytes("der")),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static AppRegistration map(ResultSet rs, int row) throws SQLException {
        return new AppRegistration(
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getObject("id", UUID.class),
                rs.getString("display_name"),
                rs.getString("secret_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"),
                rs.getObject("secret_id", UUID.class),
                rs.getObject("secret_expires_at", OffsetDateTime.class).toInstant());
    }
}
