package org.allot.core.unit;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.allot.core.Actor;

/**
 * A role held over one administrative unit (Graph's {@code scopedRoleMembership}): {@code role} names the role as the
 * server knows it (the core does not interpret it), {@code member} is the administrator or app holding it.
 */
public record ScopedRoleMember(UUID id, UnitId unit, String role, Actor member, Instant createdAt)
        implements Serializable {
    public ScopedRoleMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(createdAt, "createdAt");
        if (member.kind() == Actor.Kind.SYSTEM) {
            throw new IllegalArgumentException("a role is held by an administrator or an app");
        }
    }
}
