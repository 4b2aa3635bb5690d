package org.allot.server.security.store;

import java.time.Instant;
import java.util.List;

/**
 * Port: the token-signing keys of the installation, shared by every server process, one row per key id; what a row
 * holds is sealed (and opened) by security, not here.
 */
public interface StoredSigningKeys {
    /** The key that signs and the keys retired after {@code since}, newest first. */
    List<SigningKeyRow> verifying(Instant since);

    /** Adds the first key unless another server added one first. */
    void addFirst(String id, String jwk, Instant now);

    /**
     * Makes a new key the one that signs and retires the one before (in the caller's transaction, one rotation at a
     * time); forgets keys retired before {@code forgetBefore}.
     */
    void rotate(String id, String jwk, Instant now, Instant forgetBefore);

    /** The keys an older version stored in the clear (their times left out). */
    List<SigningKeyRow> inTheClear();

    /** Replaces a key's stored JWK if it is still {@code expected}; whether it was. */
    boolean replace(String id, String expected, String jwk);
}
