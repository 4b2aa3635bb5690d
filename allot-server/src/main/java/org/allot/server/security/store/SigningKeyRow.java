package org.allot.server.security.store;

import java.time.Instant;

/**
 * A token-signing key as stored: its id, its JWK (sealed with the master key, or in the clear as an older version
 * stored it), and when it was made and retired (null: it signs).
 */
public record SigningKeyRow(String id, String jwk, Instant createdAt, Instant retiredAt) {}
