package org.allot.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.allot.server.http.PublicUrl;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Accepts a token only if Allot issued it for Microsoft Graph, at the URL the request reached it by: {@code iss} is
 * {@code {public-url}/{tid}/v2.0} and {@code aud} holds {@code https://graph.microsoft.com}. A token signed with the
 * right key but issued for another server, another tenant or another audience is refused.
 */
public final class IssuerAndAudience implements OAuth2TokenValidator<Jwt> {
    private static final OAuth2Error WRONG = new OAuth2Error(
            OAuth2ErrorCodes.INVALID_TOKEN, "The token was issued by another issuer or for another audience.", null);

    private final PublicUrl publicUrl;

    public IssuerAndAudience(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String tenant = token.getClaimAsString("tid");
        List<String> audiences = token.getAudience();
        HttpServletRequest request = request();
        if (tenant == null
                || !isUuid(tenant)
                || request == null
                || audiences == null
                || !audiences.contains(TokenClaims.AUDIENCE)
                || !publicUrl.issuer(request, tenant).equals(token.getClaimAsString("iss"))) {
            return OAuth2TokenValidatorResult.failure(WRONG);
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
