package org.allot.server.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who calls the API, read from their access token: the tenant they act in, the app, and its roles. */
public record ApiCaller(Caller caller, Set<Role> roles) {

    public static ApiCaller of(Jwt token, String requestId) {
        TenantId tenant = TenantId.of(token.getClaimAsString("tid"));
        String appId = token.getClaimAsString("appid");
        String name = token.getClaimAsString("app_displayname");
        return new ApiCaller(
                new Caller(tenant, Actor.app(appId, name == null ? appId : name), requestId), roles(token));
    }

    public static Set<Role> roles(Jwt token) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> names = token.getClaimAsStringList("roles");
        if (names != null) {
            names.forEach(n -> Role.parse(n).ifPresent(roles::add));
        }
        return roles;
    }

    public TenantId tenant() {
        return caller.tenant();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
