package org.allot.server.security;

import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts into each access token what the API needs, named as Entra names it: the tenant ({@code tid}), the app
 * ({@code appid}, {@code app_displayname}), its role ({@code roles}) and that it is an app token ({@code idtyp}).
 */
public final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {
    private final JdbcAppRegistrations apps;

    public TokenClaims(JdbcAppRegistrations apps) {
        this.apps = apps;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        AppRegistration app = apps.find(
                        UUID.fromString(context.getRegisteredClient().getClientId()))
                .orElseThrow(() -> new IllegalStateException("the client vanished while its token was issued"));
        context.getClaims()
                .claim("tid", app.tenant().toString())
                .claim("appid", app.clientId().toString())
                .claim("app_displayname", app.displayName())
                .claim("roles", List.of(app.role().displayName()))
                .claim("idtyp", "app");
    }
}
