package org.allot.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The access token of an API request, from its {@code Authorization: Bearer …} header only (RFC 6750 §2.1), read as
 * Spring Security's default resolver reads it — the same tokens accepted, the same ones refused as malformed — in a
 * loop over the characters instead of a regular expression run at every request. No header, or another scheme: no
 * token.
 */
public final class BearerTokens implements BearerTokenResolver {
    private static final String SCHEME = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, 6)) {
            return null;
        }
        if (!wellFormed(authorization)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(SCHEME.length());
    }

    /** {@code Bearer} (any case), one space, then b64token: {@code [A-Za-z0-9-._~+/]+=*}. */
    static boolean wellFormed(String authorization) {
        int length = authorization.length();
        if (length <= SCHEME.length() || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        int i = SCHEME.length();
        while (i < length && tokenCharacter(authorization.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return false;
        }
        while (i < length && authorization.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean tokenCharacter(char c) {
        return c < TOKEN_CHARACTERS.length && TOKEN_CHARACTERS[c];
    }

    /** b64token's characters, by code: one look-up per character of a token of some 800 (a chain of ranges was 2% of a request). */
    private static final boolean[] TOKEN_CHARACTERS = tokenCharacters();

    private static boolean[] tokenCharacters() {
        boolean[] allowed = new boolean[128];
        for (char c = 0; c < allowed.length; c++) {
            allowed[c] = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '+'
                    || c == '/';
        }
        return allowed;
    }
}
