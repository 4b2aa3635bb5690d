package org.allot.server.security;

import java.util.Set;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Scope;
import org.allot.core.TenantId;
import org.allot.server.security.store.Role;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who calls the API: the tenant they act in and the app, read from their access token, and the app's role as it is
 * now ({@link ApiTokens}), not as the token says it was.
 */
public record ApiCaller(Caller caller, Set<Role> roles) {

    public static ApiCaller of(JwtAuthenticationToken authentication, String requestId) {
        Jwt token = authentication.getToken();
        TenantId tenant = TenantId.of(token.getClaimAsString("tid"));
        String appId = token.getClaimAsString("appid");
        String name = token.getClaimAsString("app_displayname");
        Set<Role> roles = UnitAuthorities.rolesOf(authentication.getAuthorities());
        Scope scope = authentication.getDetails() instanceof Scope s ? s : Scope.TENANT;
        return new ApiCaller(
                new Caller(tenant, Actor.app(appId, name == null ? appId : name), requestId, scope), roles);
    }

    public TenantId tenant() {
        return caller.tenant();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
