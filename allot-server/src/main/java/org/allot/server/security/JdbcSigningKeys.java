package org.allot.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The token-signing keys in the database, shared by every server process of an installation: one row per key id,
 * the private key sealed with the {@link MasterKey}. The key that is not retired signs; retired keys still verify
 * the tokens they signed until those expire.
 */
public final class JdbcSigningKeys {
    /** A key and when it was made and retired (null: it signs). */
    public record StoredKey(RSAKey key, Instant createdAt, Instant retiredAt) {
        public String kid() {
            return key.getKeyID();
        }

        public boolean signs() {
            return retiredAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final MasterKey master;

    public JdbcSigningKeys(JdbcClient jdbc, MasterKey master) {
        this.jdbc = jdbc;
        this.master = master;
    }

    /** The key that signs and the retired keys retired after {@code since}, newest first. */
    public List<StoredKey> verifying(Instant since) {
        return jdbc.sql("""
                        select id, jwk, created_at, retired_at from signing_key
                         where retired_at is null or retired_at > ? order by created_at desc, id""")
                .param(since.atOffset(ZoneOffset.UTC))
                .query(this::map)
                .list();
    }

    /** Makes the first key unless another server made one first. */
    public void addFirst(Instant now) {
        RSAKey key = generate();
        jdbc.sql("insert into signing_key (id, jwk, created_at) values (?, ?, ?) on conflict do nothing")
                .params(key.getKeyID(), seal(key), now.atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Makes a new key the one that signs and retires the one before (in the caller's transaction, one rotation at
     * a time); forgets keys retired before {@code forgetBefore}.
     */
    public StoredKey rotate(Instant now, Instant forgetBefore) {
        RSAKey key = generate();
        jdbc.sql("lock table signing_key in share row exclusive mode").update();
        jdbc.sql("update signing_key set retired_at = ? where retired_at is null")
                .param(now.atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("insert into signing_key (id, jwk, created_at) values (?, ?, ?)")
                .params(key.getKeyID(), seal(key), now.atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("delete from signing_key where retired_at < ?")
                .param(forgetBefore.atOffset(ZoneOffset.UTC))
                .update();
        return new StoredKey(key, now, null);
    }

    /** Seals keys an older version stored in the clear; returns how many. */
    public int sealKeysInTheClear() {
        record Plain(String id, String jwk) {}
        int sealed = 0;
        for (Plain plain : jdbc.sql("select id, jwk from signing_key where jwk like '{%'")
                .query((rs, i) -> new Plain(rs.getString("id"), rs.getString("jwk")))
                .list()) {
            sealed += jdbc.sql("update signing_key set jwk = ? where id = ? and jwk = ?")
                    .params(seal(parse(plain.jwk())), plain.id(), plain.jwk())
                    .update();
        }
        return sealed;
    }

    private String seal(RSAKey key) {
        return master.seal(context(key.getKeyID()), key.toJSONString());
    }

    private StoredKey map(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        String stored = rs.getString("jwk");
        String json = MasterKey.isSealed(stored)
                ? master.open(context(id), stored)
                        .orElseThrow(() -> new IllegalStateException("The token-signing key " + id
                                + " cannot be opened with this server's " + MasterKey.PROPERTY + " ("
                                + master.origin() + ")"))
                : stored;
        OffsetDateTime retired = rs.getObject("retired_at", OffsetDateTime.class);
        return new StoredKey(
                parse(json),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                retired == null ? null : retired.toInstant());
    }

    private static String context(String kid) {
        return "signing-key:" + kid;
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored token-signing key cannot be read", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a signing key", e);
        }
    }
}
