package org.allot.server.security;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Checks a client credentials request of an authenticated client before its token is issued, as Entra does: the
 * tenant the URL named ({@link TokenEndpointTenant}) must be the client's (otherwise 400 {@code unauthorized_client},
 * AADSTS700016: never a token for another tenant), and the scopes must be Microsoft Graph's {@code .default} (otherwise
 * 400 {@code invalid_scope}, AADSTS1002012); {@code openid}, {@code profile} and {@code offline_access}, which MSAL
 * sends along, are ignored beside it. The token itself is left to the authorization server's provider, which
 * this one wraps (a provider that merely refused would let the next one issue the token).
 */
public final class ClientCredentialsRequests implements AuthenticationProvider {
    /** OpenID Connect's scopes, which MSAL adds to every request and Entra ignores beside a {@code .default}. */
    private static final Set<String> OPENID = Set.of("openid", "profile", "offline_access");

    private final Set<String> scopes = Set.copyOf(RegisteredApps.SCOPES);
    private final AuthenticationProvider issuer;

    public ClientCredentialsRequests(AuthenticationProvider issuer) {
        this.issuer = issuer;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2ClientCredentialsAuthenticationToken request =
                (OAuth2ClientCredentialsAuthenticationToken) authentication;
        if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.getRegisteredClient() != null) {
            RegisteredClient registered = client.getRegisteredClient();
            String tenant = registered.getClientSettings().getSetting(RegisteredApps.TENANT_ID);
            if (requested() instanceof OAuthTenant named
                    && (tenant == null || !named.admits(new TenantId(UUID.fromString(tenant))))) {
                throw new OAuth2AuthenticationException(new OAuth2Error(
                        OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
                        "AADSTS700016: Application with identifier '" + registered.getClientId()
                                + "' was not found in the directory '" + OAuthTenants.printable(named.segment())
                                + "'. This can happen if the application has not been registered in that tenant."
                                + " You may have sent your authentication request to the wrong tenant.",
                        null));
            }
        }
        Set<String> asked = new LinkedHashSet<>(request.getScopes());
        asked.removeAll(OPENID);
        if (asked.isEmpty() && !request.getScopes().isEmpty()) {
            asked = request.getScopes();
        }
        for (String scope : asked) {
            if (!scopes.contains(scope)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_SCOPE,
                        "AADSTS1002012: The provided value for scope " + OAuthTenants.printable(scope)
                                + " is not valid. Client credential flows must have a scope value with /.default"
                                + " suffixed to the resource identifier: https://graph.microsoft.com/.default.",
                        null));
            }
        }
        return issuer.authenticate(
                asked.equals(request.getScopes())
                        ? request
                        : new OAuth2ClientCredentialsAuthenticationToken(
                                (Authentication) request.getPrincipal(), asked, request.getAdditionalParameters()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientCredentialsAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static Object requested() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null
                ? null
                : attributes.getAttribute(OAuthTenants.REQUESTED, RequestAttributes.SCOPE_REQUEST);
    }
}
