package org.allot.server.security.store;

import java.time.Instant;
import org.allot.core.TenantId;

/** Someone who signs in to the admin center, with one role; {@code passwordHash} is a one-way hash. */
public record AdminAccount(
        TenantId tenant, String username, String displayName, String passwordHash, Role role, Instant createdAt) {}
