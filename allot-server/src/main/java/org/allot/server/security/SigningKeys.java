package org.allot.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.allot.core.Caller;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys that sign and verify access tokens, each named by its {@code kid}: the newest signs; the ones it replaced
 * still verify (and are published) until every token they signed has expired, so replacing the key ends nobody's
 * token. Each server reads the keys again when what it read is {@link #FRESH} seconds old, or at once when a token
 * names a key it does not know, so a key made by any server signs and verifies everywhere within seconds.
 *
 * <p>Tokens are checked with the public keys alone, read from the stored keys once per reading ({@link
 * #selectJWSKeys}): a request costs one signature check, never the conversion of a stored key into Java keys.
 */
public final class SigningKeys implements JWKSource<SecurityContext>, JWSKeySelector<SecurityContext> {
    /** How long a server signs with what it read before it reads the keys again. */
    public static final Duration FRESH = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final Duration UNKNOWN_KEY_RELOAD = Duration.ofSeconds(1);

    private final SealedSigningKeys store;
    private final Transactions work;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration retention;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Snapshot snapshot;

    private record Snapshot(
            List<SealedSigningKeys.StoredKey> keys, JWKSet set, Map<String, RSAPublicKey> verifying, Instant loadedAt) {
        Optional<SealedSigningKeys.StoredKey> signing() {
            return keys.stream().filter(SealedSigningKeys.StoredKey::signs).findFirst();
        }
    }

    /**
     * @param tokenLifetime how long tokens are valid: a replaced key verifies that long (and a few minutes of clock
     *     skew) after it was replaced
     */
    public SigningKeys(
            SealedSigningKeys store, Transactions work, AuditLog audit, Clock clock, Duration tokenLifetime) {
        this.store = store;
        this.work = work;
        this.audit = audit;
        this.clock = clock;
        this.retention = tokenLifetime.plus(SKEW);
    }

    /** At start: seals keys an older version kept in the clear, and makes the first key if there is none. */
    public void prepare() {
        int sealed = store.sealKeysInTheClear();
        if (sealed > 0) {
            log.info("Sealed {} token-signing key(s) that were stored in the clear", sealed);
        }
        reload();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Snapshot current = current();
        List<JWK> found = selector.select(current.set());
        if (found.isEmpty()
                && !selector.getMatcher().getKeyIDs().isEmpty()
                && current.loadedAt().isBefore(clock.instant().minus(UNKNOWN_KEY_RELOAD))) {
            found = selector.select(readIfOlderThan(UNKNOWN_KEY_RELOAD).set());
        }
        return found;
    }

    /**
     * The public key a token's header names ({@code kid}, RS256 only), read again at once when the key is unknown
     * and the keys were read more than a second ago; without a {@code kid}, every key that verifies.
     */
    @Override
    public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) {
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            return List.of();
        }
        Snapshot current = current();
        String kid = header.getKeyID();
        if (kid == null) {
            return List.copyOf(current.verifying().values());
        }
        RSAPublicKey key = current.verifying().get(kid);
        if (key == null && current.loadedAt().isBefore(clock.instant().minus(UNKNOWN_KEY_RELOAD))) {
            key = readIfOlderThan(UNKNOWN_KEY_RELOAD).verifying().get(kid);
        }
        return key == null ? List.of() : List.of(key);
    }

    /** Whether the key named {@code kid} still verifies tokens, as of the last reading. */
    public boolean verifies(String kid) {
        return current().verifying().containsKey(kid);
    }

    /** Of the keys the token encoder may sign with, the one that signs now. */
    public JWK signingKey(List<JWK> candidates) {
        String kid = current()
                .signing()
                .orElseGet(() -> reload().signing().orElseThrow())
                .kid();
        return candidates.stream()
                .filter(k -> kid.equals(k.getKeyID()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the signing key " + kid + " is not among the keys"));
    }

    /** The key that signs and the replaced keys that still verify, newest first. */
    public List<SealedSigningKeys.StoredKey> keys() {
        return current().keys();
    }

    /** Makes a new key the one that signs, on every server within {@link #FRESH}; audited in the caller's tenant. */
    public SealedSigningKeys.StoredKey rotate(Caller caller) {
        Instant now = clock.instant();
        SealedSigningKeys.StoredKey key = work.run(() -> {
            SealedSigningKeys.StoredKey made = store.rotate(now, now.minus(retention));
            audit.append(AuditEvent.of(
                    caller,
                    now,
                    Activity.ROTATE_SIGNING_KEY,
                    AuditTarget.other("Token signing key", made.kid(), made.kid()),
                    List.of()));
            return made;
        });
        log.info(
                "A new token-signing key {} signs from now on (asked by {})",
                key.kid(),
                caller.actor().displayName());
        reload();
        return key;
    }

    /**
     * What was read, read again when it is {@link #FRESH} old: by one request while the others go on with what was
     * read (a few milliseconds older), so that they never queue behind the database.
     */
    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            return reload();
        }
        if (current.loadedAt().isBefore(clock.instant().minus(FRESH)) && reading.tryLock()) {
            try {
                Snapshot again = snapshot;
                return again.loadedAt().isBefore(clock.instant().minus(FRESH)) ? read() : again;
            } finally {
                reading.unlock();
            }
        }
        return current;
    }

    private Snapshot reload() {
        reading.lock();
        try {
            return read();
        } finally {
            reading.unlock();
        }
    }

    /** Reads the keys again unless another request did while this one waited. */
    private Snapshot readIfOlderThan(Duration age) {
        reading.lock();
        try {
            Snapshot current = snapshot;
            return current != null
                            && !current.loadedAt().isBefore(clock.instant().minus(age))
                    ? current
                    : read();
        } finally {
            reading.unlock();
        }
    }

    private Snapshot read() {
        Instant now = clock.instant();
        List<SealedSigningKeys.StoredKey> keys = store.verifying(now.minus(retention));
        if (keys.stream().noneMatch(SealedSigningKeys.StoredKey::signs)) {
            store.addFirst(now);
            keys = store.verifying(now.minus(retention));
        }
        Map<String, RSAPublicKey> verifying = new LinkedHashMap<>();
        for (SealedSigningKeys.StoredKey key : keys) {
            try {
                verifying.put(key.kid(), key.key().toRSAPublicKey());
            } catch (JOSEException e) {
                throw new IllegalStateException("the token-signing key " + key.kid() + " has no usable public key", e);
            }
        }
        Snapshot loaded = new Snapshot(
                keys,
                new JWKSet(keys.stream().map(k -> (JWK) k.key()).toList()),
                Collections.unmodifiableMap(verifying),
                now);
        snapshot = loaded;
        return loaded;
    }
}
