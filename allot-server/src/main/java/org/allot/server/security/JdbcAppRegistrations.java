package org.allot.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * App registrations in the database, also serving as the authorization server's client repository: every app uses
 * the client credentials grant and receives hour-long JWT access tokens.
 */
public final class JdbcAppRegistrations implements RegisteredClientRepository {
    /** The scopes a client may ask for: Graph's own, so that Graph clients work unchanged. */
    public static final List<String> SCOPES = List.of(
            "https://graph.microsoft.com/.default",
            "00000003-0000-0000-c000-000000000000/.default",
            ".default",
            "allot");
    /** The client setting that holds the id of the secret the client authenticated with. */
    public static final String SECRET_ID = "allot.secret-id";
    /** The client setting that holds the id of the tenant the app belongs to. */
    public static final String TENANT_ID = "allot.tenant-id";

    private final JdbcClient jdbc;
    private final Duration tokenLifetime;

    public JdbcAppRegistrations(JdbcClient jdbc, Duration tokenLifetime) {
        this.jdbc = jdbc;
        this.tokenLifetime = tokenLifetime;
    }

    public Optional<AppRegistration> find(UUID clientId) {
        return jdbc.sql("select * from app_registration where id = ?")
                .param(clientId)
                .query(JdbcAppRegistrations::map)
                .optional();
    }

    public List<AppRegistration> of(TenantId tenant) {
        return jdbc.sql("select * from app_registration where tenant_id = ? order by created_at, id")
                .param(tenant.value())
                .query(JdbcAppRegistrations::map)
                .list();
    }

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

    /** Replaces the secret: a new hash, a new secret id (tokens of the old one stop working) and its expiry. */
    public boolean replaceSecret(TenantId tenant, UUID clientId, String secretHash, UUID secretId, Instant expiresAt) {
        return jdbc.sql("""
                        update app_registration set secret_hash = ?, secret_id = ?, secret_expires_at = ?
                         where tenant_id = ? and id = ?""")
                        .params(secretHash, secretId, expiresAt.atOffset(ZoneOffset.UTC), tenant.value(), clientId)
                        .update()
                == 1;
    }

    public boolean changeRole(TenantId tenant, UUID clientId, Role role) {
        return jdbc.sql("update app_registration set role = ? where tenant_id = ? and id = ?")
                        .params(role.name(), tenant.value(), clientId)
                        .update()
                == 1;
    }

    public boolean remove(TenantId tenant, UUID clientId) {
        return jdbc.sql("delete from app_registration where tenant_id = ? and id = ?")
                        .params(tenant.value(), clientId)
                        .update()
                == 1;
    }

    /** The app's certificates, oldest first. */
    public List<AppCertificate> certificates(UUID clientId) {
        return jdbc.sql("select * from app_certificate where app_id = ? order by created_at, id")
                .param(clientId)
                .query(JdbcAppRegistrations::certificate)
                .list();
    }

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

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        UUID id;
        try {
            id = UUID.fromString(clientId);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return find(id).map(this::client).orElse(null);
    }

    /**
     * Only for the authorization server replacing an older hash of a client's secret after the client authenticated
     * with it: the secret stays the same. Apps are registered through the app registration API.
     */
    @Override
    public void save(RegisteredClient client) {
        UUID id = UUID.fromString(client.getClientId());
        if (find(id).isEmpty()) {
            throw new UnsupportedOperationException("apps are registered through the app registration API");
        }
        jdbc.sql("update app_registration set secret_hash = ? where id = ?")
                .params(client.getClientSecret(), id)
                .update();
    }

    private RegisteredClient client(AppRegistration app) {
        return RegisteredClient.withId(app.clientId().toString())
                .clientId(app.clientId().toString())
                .clientName(app.displayName())
                .clientSecret(app.secretHash())
                .clientSecretExpiresAt(app.secretExpiresAt())
                .clientSettings(ClientSettings.builder()
                        .setting(SECRET_ID, app.secretId().toString())
                        .setting(TENANT_ID, app.tenant().value().toString())
                        .build())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(SCOPES))
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(tokenLifetime)
                        .build())
                .build();
    }

    private static AppCertificate certificate(ResultSet rs, int row) throws SQLException {
        return new AppCertificate(
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getObject("app_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getString("thumbprint"),
                rs.getString("thumbprint256"),
                rs.getString("subject"),
                rs.getBytes("der"),
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
