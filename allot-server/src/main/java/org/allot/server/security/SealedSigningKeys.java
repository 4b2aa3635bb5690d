package org.allot.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.allot.server.security.store.SigningKeyRow;
import org.allot.server.security.store.StoredSigningKeys;

/**
 * The token-signing keys in the database ({@link StoredSigningKeys}), shared by every server process of an
 * installation: one row per key id, the private key sealed with the {@link MasterKey}. The key that is not retired
 * signs; retired keys still verify the tokens they signed until those expire. Keys are generated and sealed here, and
 * opened when read.
 */
public final class SealedSigningKeys {
    /** A key and when it was made and retired (null: it signs). */
    public record StoredKey(RSAKey key, Instant createdAt, Instant retiredAt) {
        public String kid() {
            return key.getKeyID();
        }

        public boolean signs() {
            return retiredAt == null;
        }
    }

    private final StoredSigningKeys rows;
    private final MasterKey master;

    public SealedSigningKeys(StoredSigningKeys rows, MasterKey master) {
        this.rows = rows;
        this.master = master;
    }

    /** The key that signs and the retired keys retired after {@code since}, newest first. */
    public List<StoredKey> verifying(Instant since) {
        return rows.verifying(since).stream().map(this::open).toList();
    }

    /** Makes the first key unless another server made one first. */
    public void addFirst(Instant now) {
        RSAKey key = generate();
        rows.addFirst(key.getKeyID(), seal(key), now);
    }

    /**
     * Makes a new key the one that signs and retires the one before (in the caller's transaction, one rotation at
     * a time); forgets keys retired before {@code forgetBefore}.
     */
    public StoredKey rotate(Instant now, Instant forgetBefore) {
        RSAKey key = generate();
        rows.rotate(key.getKeyID(), seal(key), now, forgetBefore);
        return new StoredKey(key, now, null);
    }

    /** Seals keys an older version stored in the clear; returns how many. */
    public int sealKeysInTheClear() {
        int sealed = 0;
        for (SigningKeyRow plain : rows.inTheClear()) {
            if (rows.replace(plain.id(), plain.jwk(), seal(parse(plain.jwk())))) {
                sealed++;
            }
        }
        return sealed;
    }

    private String seal(RSAKey key) {
        return master.seal(context(key.getKeyID()), key.toJSONString());
    }

    private StoredKey open(SigningKeyRow row) {
        String id = row.id();
        String stored = row.jwk();
        String json = MasterKey.isSealed(stored)
                ? master.open(context(id), stored)
                        .orElseThrow(() -> new IllegalStateException("The token-signing key " + id
                                + " cannot be opened with this server's " + MasterKey.PROPERTY + " ("
                                + master.origin() + ")"))
                : stored;
        return new StoredKey(parse(json), row.createdAt(), row.retiredAt());
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
