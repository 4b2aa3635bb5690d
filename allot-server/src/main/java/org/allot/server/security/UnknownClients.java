package org.allot.server.security;

import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Answers a client id that names no app as slowly as a wrong secret of a real app: the secret is checked against a
 * hash of a random secret made at start, then the client is refused ({@code invalid_client}) — so the time of an
 * answer does not tell which client ids exist. Known clients are left to the authorization server.
 */
public final class UnknownClients implements AuthenticationProvider {
    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final String dummy;

    public UnknownClients(RegisteredClientRepository clients, PasswordEncoder passwords) {
        this.clients = clients;
        this.passwords = passwords;
        this.dummy = passwords.encode(UUID.randomUUID() + " " + UUID.randomUUID());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
        ClientAuthenticationMethod method = token.getClientAuthenticationMethod();
        if (!ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)
                && !ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
            return null;
        }
        if (clients.findByClientId(String.valueOf(token.getPrincipal())) != null) {
            return null;
        }
        passwords.matches(
                token.getCredentials() == null ? "" : token.getCredentials().toString(), dummy);
        throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
