package org.allot.server.security.store;

import java.time.Instant;
import java.util.UUID;
import org.allot.core.TenantId;

/**
 * An app allowed to call the API: its client id, the tenant it acts in, and its role; its secret (kept as a one-way
 * hash), named by {@code secretId} in the tokens issued for it, and when that secret expires.
 */
public record AppRegistration(
        TenantId tenant,
        UUID clientId,
        String displayName,
        String secretHash,
        Role role,
        Instant createdAt,
        String createdBy,
        UUID secretId,
        Instant secretExpiresAt) {}
