package org.allot.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.allot.server.http.PublicUrl;
import org.allot.server.security.store.AppRegistration;
import org.allot.server.security.store.StoredAppRegistrations;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts into each access token what the API needs, named as Entra names it in its v2 tokens for Microsoft Graph: the
 * issuer ({@code iss}: the public URL, the tenant, {@code v2.0}), the audience ({@code aud}: Microsoft Graph), the
 * tenant ({@code tid}), the app ({@code appid}, {@code app_displayname}), its role when the token was issued
 * ({@code roles}, for the app's information: the API reads the role as it is now) and that it is an app token
 * ({@code idtyp}); and the secret it was issued for ({@link ApiTokens#CREDENTIAL_CLAIM}).
 */
public final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {
    /** The audience of every token: what Entra puts in tokens asked for {@code https://graph.microsoft.com/.default}. */
    public static final String AUDIENCE = "https://graph.microsoft.com";

    private final StoredAppRegistrations apps;
    private final PublicUrl publicUrl;

    public TokenClaims(StoredAppRegistrations apps, PublicUrl publicUrl) {
        this.apps = apps;
        this.publicUrl = publicUrl;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        AppRegistration app = apps.find(
                        UUID.fromString(context.getRegisteredClient().getClientId()))
                .orElseThrow(() -> new IllegalStateException("the client vanished while its token was issued"));
        String secretId = context.getRegisteredClient().getClientSettings().getSetting(RegisteredApps.SECRET_ID);
        context.getClaims()
                .issuer(publicUrl.issuer(request(), app.tenant().toString()))
                .audience(List.of(AUDIENCE))
                .claim("tid", app.tenant().toString())
                .claim("appid", app.clientId().toString())
                .claim("app_displayname", app.displayName())
                .claim("roles", List.of(app.role().displayName()))
                .claim("idtyp", "app")
                .claim(ApiTokens.CREDENTIAL_CLAIM, secretId);
    }

    private static HttpServletRequest request() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest();
        }
        throw new IllegalStateException("a token is issued outside of a request");
    }
}
