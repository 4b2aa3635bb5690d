package org.allot.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.testing.MutableClock;
import org.allot.server.persistence.JdbcSigningKeys;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Token-signing keys: sealed at rest with the master key (also a key an older version stored in the clear), replaced
 * without ending anyone's token, and picked up by every server of the installation within seconds.
 */
class SigningKeysIT {
    private static final MasterKey KEY =
            MasterKey.of("q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=", MasterKey.PROPERTY);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final Caller ADMIN = Caller.of(TenantId.random(), Actor.system("test"));

    private final List<AuditEvent> audited = new ArrayList<>();
    private final AuditLog audit = new AuditLog() {
        @Override
        public void append(AuditEvent event) {
            audited.add(event);
        }

        @Override
        public void appendAll(Collection<AuditEvent> events) {
            audited.addAll(events);
        }
    };

    @Test
    void aKeyStoredInTheClearBeforeThisVersionIsSealedAndItsTokensStayGood() throws Exception {
        try (HikariDataSource db = TestDatabase.pool(TestDatabase.newEmptyDatabase(), 4)) {
            migrate(db, "22");
            RSAKey old = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            JdbcClient jdbc = JdbcClient.create(db);
            jdbc.sql("insert into signing_key (id, jwk, created_at) values ('current', ?, now())")
                    .param(old.toJSONString())
                    .update();
            String token = sign(old);

            migrate(db, "latest");
            SigningKeys keys = keys(db, new MutableClock(Instant.now()));
            keys.prepare();

            record Row(String id, String jwk) {}
            List<Row> rows = jdbc.sql("select id, jwk from signing_key")
                    .query((rs, i) -> new Row(rs.getString("id"), rs.getString("jwk")))
                    .list();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).id()).isEqualTo(old.getKeyID());
            assertThat(rows.get(0).jwk()).startsWith("v1:").doesNotContain("\"d\"");
            assertThat(NimbusJwtDecoder.withJwkSource(keys)
                            .build()
                            .decode(token)
                            .getSubject())
                    .isEqualTo("app");
        }
    }

    @Test
    void aNewKeySignsEverywhereWithinSecondsAndTheOldOneVerifiesUntilItsTokensExpired() {
        try (HikariDataSource db = TestDatabase.pool(TestDatabase.newDatabase(), 4)) {
            MutableClock clock = new MutableClock(Instant.now());
            SigningKeys here = keys(db, clock);
            SigningKeys there = keys(db, clock);
            SigningKeys elsewhere = keys(db, clock);
            here.prepare();
            there.prepare();
            elsewhere.prepare();
            String first = signingKid(here);
            assertThat(signingKid(there)).as("one key for the installation").isEqualTo(first);
            String before = encode(there);

            SealedSigningKeys.StoredKey second = here.rotate(ADMIN);

            assertThat(second.kid()).isNotEqualTo(first);
            assertThat(signingKid(here)).isEqualTo(second.kid());
            assertThat(audited).extracting(AuditEvent::activity).containsExactly(Activity.ROTATE_SIGNING_KEY);
            assertThat(NimbusJwtDecoder.withJwkSource(here).build().decode(before))
                    .as("a token signed by the replaced key")
                    .isNotNull();
            assertThat(publicKeys(here).decode(before))
                    .as("a token signed by the replaced key, checked with the public keys read")
                    .isNotNull();
            clock.advance(Duration.ofSeconds(2));
            String fresh = encode(here);
            assertThat(NimbusJwtDecoder.withJwkSource(there).build().decode(fresh))
                    .as("another server verifies a token of a key it has not read yet")
                    .isNotNull();
            assertThat(publicKeys(elsewhere).decode(fresh))
                    .as("also with the public keys it reads at once")
                    .isNotNull();
            clock.advance(SigningKeys.FRESH);
            assertThat(signingKid(there))
                    .as("and signs with the new key within seconds")
                    .isEqualTo(second.kid());
            assertThat(here.keys()).extracting(SealedSigningKeys.StoredKey::kid).containsExactly(second.kid(), first);

            clock.advance(TOKEN_LIFETIME.plus(Duration.ofMinutes(6)));
            SealedSigningKeys.StoredKey third = here.rotate(ADMIN);

            assertThat(here.keys())
                    .as("a key whose tokens have all expired is forgotten")
                    .extracting(SealedSigningKeys.StoredKey::kid)
                    .containsExactly(third.kid(), second.kid());
            assertThatThrownBy(() -> publicKeys(here).decode(before))
                    .as("and its tokens are refused")
                    .isInstanceOf(JwtException.class);
        }
    }

    private SigningKeys keys(HikariDataSource db, MutableClock clock) {
        JdbcClient jdbc = JdbcClient.create(db);
        SecretsKeyCheck.verify(jdbc, KEY, clock.instant());
        return new SigningKeys(
                new SealedSigningKeys(new JdbcSigningKeys(jdbc), KEY),
                new UnitOfWork(new DataSourceTransactionManager(db)),
                audit,
                clock,
                TOKEN_LIFETIME);
    }

    /** The server's decoder: the signature checked with the public keys the keys read ({@link SigningKeys}). */
    private static NimbusJwtDecoder publicKeys(SigningKeys keys) {
        return NimbusJwtDecoder.withJwkSource(keys)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(keys))
                .build();
    }

    private static String signingKid(SigningKeys keys) {
        return keys.keys().stream()
                .filter(SealedSigningKeys.StoredKey::signs)
                .findFirst()
                .orElseThrow()
                .kid();
    }

    private static String encode(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(keys::signingKey);
        return encoder.encode(parameters()).getTokenValue();
    }

    /** A token signed as an older version signed them: with its one key, named in the header. */
    private static String sign(RSAKey key) throws Exception {
        return NimbusJwtEncoder.withKeyPair(key.toRSAPublicKey(), key.toRSAPrivateKey())
                .jwkPostProcessor(jwk -> jwk.keyID(key.getKeyID()))
                .build()
                .encode(parameters())
                .getTokenValue();
    }

    private static JwtEncoderParameters parameters() {
        Instant now = Instant.now();
        return JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(),
                JwtClaimsSet.builder()
                        .subject("app")
                        .issuedAt(now)
                        .expiresAt(now.plus(TOKEN_LIFETIME))
                        .build());
    }

    private static void migrate(HikariDataSource db, String target) {
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }
}
