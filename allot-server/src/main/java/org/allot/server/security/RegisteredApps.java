package org.allot.server.security;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.allot.server.security.store.AppRegistration;
import org.allot.server.security.store.StoredAppRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The app registrations as the authorization server's client repository: every app uses the client credentials grant
 * and receives hour-long JWT access tokens.
 */
public final class RegisteredApps implements RegisteredClientRepository {
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

    private final StoredAppRegistrations apps;
    private final Duration tokenLifetime;

    public RegisteredApps(StoredAppRegistrations apps, Duration tokenLifetime) {
        this.apps = apps;
        this.tokenLifetime = tokenLifetime;
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
        return apps.find(id).map(this::client).orElse(null);
    }

    /**
     * Only for the authorization server replacing an older hash of a client's secret after the client authenticated
     * with it: the secret stays the same. Apps are registered through the app registration API.
     */
    @Override
    public void save(RegisteredClient client) {
        UUID id = UUID.fromString(client.getClientId());
        if (apps.find(id).isEmpty()) {
            throw new UnsupportedOperationException("apps are registered through the app registration API");
        }
        apps.replaceSecretHash(id, client.getClientSecret());
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
}
