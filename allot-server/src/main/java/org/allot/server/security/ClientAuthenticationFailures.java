package org.allot.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Answers a client that failed to authenticate at the token endpoint with OAuth's error ({@code invalid_client},
 * 401) and no more, so a guess learns nothing; a client whose secret was right but has expired is told so, as Entra
 * tells it (AADSTS7000222), and so is a client whose assertion was refused ({@link ClientAssertions}: what was wrong
 * with the assertion, with Entra's code in {@code error_codes}).
 */
public final class ClientAuthenticationFailures implements AuthenticationFailureHandler {
    private static final String EXPIRED = "client_secret_expires_at";

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
        boolean client = OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode());
        String description = error.getDescription();
        String answer;
        if (client && description != null && description.contains(EXPIRED)) {
            answer = "AADSTS7000222: The provided client secret has expired. A Global Administrator gives the app a"
                    + " new one: POST /allot/v1/appRegistrations/{appId}/secret, or allot app secret.";
        } else if (description != null && description.startsWith("AADSTS")) {
            answer = description;
        } else {
            answer = null;
        }
        OAuthErrors.write(
                response,
                client ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_BAD_REQUEST,
                error.getErrorCode(),
                answer);
    }
}
