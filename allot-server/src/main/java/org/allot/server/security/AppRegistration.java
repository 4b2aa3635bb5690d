package org.allot.server.security;

import java.time.Instant;
import java.util.UUID;
import org.allot.core.TenantId;

/** An app allowed to call the API: its client id, the tenant it acts in, and its role. */
public record AppRegistration(
        TenantId tenant,
        UUID clientId,
        String displayName,
        String secretHash,
        Role role,
        Instant createdAt,
        String createdBy) {}
