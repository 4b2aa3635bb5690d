package org.allot.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.allot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A token's signature is checked once; its lifetime, its claims and its key at every request; and no more tokens are
 * remembered than the bound.
 */
class VerifiedTokensTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final Set<String> verifyingKeys = new HashSet<>(Set.of("k1"));
    private final Set<String> badSignatures = new HashSet<>();
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final JwtDecoder signatures = token -> {
        signatureChecks.incrementAndGet();
        if (badSignatures.contains(token) || !verifyingKeys.contains(kid(token))) {
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: Signed JWT rejected");
        }
        Instant issued = clock.instant();
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .header("kid", kid(token))
                .claim("appid", token)
                .issuedAt(issued)
                .expiresAt(issued.plus(Duration.ofHours(1)))
                .build();
    };
    private final JwtTimestampValidator lifetime = lifetime();

    @Test
    void theSignatureOfATokenUsedAgainIsNotCheckedAgain() {
        VerifiedTokens tokens = tokens(10);

        Jwt first = tokens.decode("k1:app");
        Jwt again = tokens.decode("k1:app");
        tokens.decode("k1:other");

        assertThat(again).isSameAs(first);
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceExpiredWithTheDecodersMessage() {
        VerifiedTokens tokens = tokens(10);
        tokens.decode("k1:app");

        clock.advance(Duration.ofHours(1).plusMinutes(2));

        assertThatThrownBy(() -> tokens.decode("k1:app"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageStartingWith("An error occurred while attempting to decode the Jwt: Jwt expired at");
    }

    @Test
    void whatTheValidatorRefusesIsRefusedAtEveryRequestAndNeverRemembered() {
        AtomicInteger validations = new AtomicInteger();
        VerifiedTokens tokens = new VerifiedTokens(
                signatures,
                jwt -> {
                    validations.incrementAndGet();
                    return new IssuerAndAudience(null).validate(jwt);
                },
                verifyingKeys::contains,
                clock);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("k1:elsewhere")).isInstanceOf(JwtValidationException.class);
        }
        assertThat(validations).hasValue(3);
        assertThat(signatureChecks).hasValue(3);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aRememberedTokenWhoseKeyNoLongerVerifiesIsCheckedAgainAndRefused() {
        VerifiedTokens tokens = tokens(10);
        tokens.decode("k1:app");

        verifyingKeys.remove("k1");

        assertThatThrownBy(() -> tokens.decode("k1:app")).isInstanceOf(BadJwtException.class);
        assertThat(signatureChecks).hasValue(2);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aBadSignatureIsCheckedAtEveryRequest() {
        VerifiedTokens tokens = tokens(10);
        badSignatures.add("k1:forged");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode("k1:forged")).isInstanceOf(BadJwtException.class);
        }
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void noMoreTokensAreRememberedThanTheBoundExpiredOnesForgottenFirst() {
        VerifiedTokens tokens = tokens(3);
        tokens.decode("k1:a");
        tokens.decode("k1:b");
        clock.advance(Duration.ofMinutes(30));
        tokens.decode("k1:c");
        clock.advance(Duration.ofMinutes(31));

        tokens.decode("k1:d");

        assertThat(tokens.remembered()).isEqualTo(2);
        signatureChecks.set(0);
        tokens.decode("k1:c");
        tokens.decode("k1:d");
        assertThat(signatureChecks).as("the tokens still valid were kept").hasValue(0);

        for (String token : List.of("k1:e", "k1:f", "k1:g", "k1:h")) {
            tokens.decode(token);
            assertThat(tokens.remembered()).isLessThanOrEqualTo(3);
        }
    }

    private VerifiedTokens tokens(int capacity) {
        return new VerifiedTokens(signatures, lifetime, verifyingKeys::contains, clock, capacity);
    }

    private JwtTimestampValidator lifetime() {
        JwtTimestampValidator validator = new JwtTimestampValidator();
        validator.setClock(clock);
        return validator;
    }

    private static String kid(String token) {
        return token.substring(0, token.indexOf(':'));
    }
}
