package org.allot.server.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Checks an access token's signature once: the tokens whose signature was verified are remembered (at most {@link
 * #MAX_REMEMBERED}, each until it expires), so an app that calls again with the same token costs no second RSA
 * check. Everything else is checked at every request as before: the token's lifetime and its issuer and audience
 * against the URL the request reached ({@code validator}), that the key that signed it still verifies (a key
 * dropped from the installation ends its tokens here too), and after this decoder, the app as it is now ({@link
 * ApiTokens}: deleted apps and replaced secrets). A token that fails any check is never remembered.
 */
public final class VerifiedTokens implements JwtDecoder {
    /** How many verified tokens a server remembers; beyond it, expired ones are forgotten, then all. */
    public static final int MAX_REMEMBERED = 10_000;

    private record Verified(Jwt jwt, String kid) {}

    private final JwtDecoder signatures;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Predicate<String> keyVerifies;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Verified> remembered = new ConcurrentHashMap<>();

    /**
     * @param signatures parses the token and checks its signature, and nothing else (its validator accepts all)
     * @param validator what is checked at every request: lifetime, issuer, audience
     * @param keyVerifies whether the key of this {@code kid} still verifies tokens
     */
    public VerifiedTokens(
            JwtDecoder signatures, OAuth2TokenValidator<Jwt> validator, Predicate<String> keyVerifies, Clock clock) {
        this(signatures, validator, keyVerifies, clock, MAX_REMEMBERED);
    }

    VerifiedTokens(
            JwtDecoder signatures,
            OAuth2TokenValidator<Jwt> validator,
            Predicate<String> keyVerifies,
            Clock clock,
            int capacity) {
        this.signatures = signatures;
        this.validator = validator;
        this.keyVerifies = keyVerifies;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Verified known = remembered.get(token);
        if (known != null && !keyVerifies.test(known.kid())) {
            remembered.remove(token);
            known = null;
        }
        Jwt jwt = known != null ? known.jwt() : signatures.decode(token);
        validate(jwt);
        if (known == null && jwt.getHeaders().get("kid") instanceof String kid && jwt.getExpiresAt() != null) {
            remember(token, new Verified(jwt, kid));
        }
        return jwt;
    }

    /** How many verified tokens are remembered now. */
    int remembered() {
        return remembered.size();
    }

    private void remember(String token, Verified verified) {
        if (remembered.size() >= capacity) {
            Instant now = clock.instant();
            remembered.values().removeIf(v -> !v.jwt().getExpiresAt().isAfter(now));
            if (remembered.size() >= capacity) {
                remembered.clear();
            }
        }
        remembered.put(token, verified);
    }

    /** As the decoder that checks signatures would have: the same exception and message. */
    private void validate(Jwt jwt) {
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            Collection<OAuth2Error> errors = result.getErrors();
            throw new JwtValidationException(message(errors), errors);
        }
    }

    private static String message(Collection<OAuth2Error> errors) {
        for (OAuth2Error error : errors) {
            if (error.getDescription() != null && !error.getDescription().isEmpty()) {
                return "An error occurred while attempting to decode the Jwt: " + error.getDescription();
            }
        }
        return "Unable to validate Jwt";
    }
}
