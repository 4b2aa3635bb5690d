package org.allot.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth's error body as Entra sends it: {@code error}, {@code error_description} and, when the description starts
 * with Entra's code ({@code AADSTS90002: …}), that code in {@code error_codes}; never cached. As the token endpoint's
 * error handler it answers 400 (RFC 6749 §5.2).
 */
public final class OAuthErrors implements AuthenticationFailureHandler {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CODE = Pattern.compile("^AADSTS(\\d{1,9}):");

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
        write(response, HttpServletResponse.SC_BAD_REQUEST, error.getErrorCode(), error.getDescription());
    }

    /** Writes the error body with the status. */
    public static void write(HttpServletResponse response, int status, String error, String description)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body(error, description));
    }

    /** The error body. */
    public static Map<String, Object> body(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (description != null) {
            body.put("error_description", description);
            Matcher code = CODE.matcher(description);
            if (code.find()) {
                body.put("error_codes", List.of(Long.parseLong(code.group(1))));
            }
        }
        return body;
    }
}
