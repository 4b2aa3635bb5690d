package org.allot.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The RSA key that signs access tokens, kept in the database so that every server process of an installation signs
 * and verifies with the same key. Created on first use by whichever process comes first.
 */
public final class SigningKeys implements JWKSource<SecurityContext> {
    private final JdbcClient jdbc;
    private volatile JWKSet keys;

    public SigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        JWKSet current = keys;
        if (current == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load(jdbc);
                }
                current = keys;
            }
        }
        return selector.select(current);
    }

    private static JWKSet load(JdbcClient jdbc) {
        List<String> stored = read(jdbc);
        if (stored.isEmpty()) {
            jdbc.sql("insert into signing_key (id, jwk, created_at) values ('current', ?, ?) on conflict do nothing")
                    .params(generate().toJSONString(), Instant.now().atOffset(ZoneOffset.UTC))
                    .update();
            stored = read(jdbc);
        }
        try {
            return new JWKSet(RSAKey.parse(stored.get(0)));
        } catch (ParseException e) {
            throw new IllegalStateException("the stored signing key cannot be read", e);
        }
    }

    private static List<String> read(JdbcClient jdbc) {
        return jdbc.sql("select jwk from signing_key order by created_at desc")
                .query(String.class)
                .list();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a signing key", e);
        }
    }
}
