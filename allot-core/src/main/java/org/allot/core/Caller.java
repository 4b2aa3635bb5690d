package org.allot.core;

import java.util.Objects;
import java.util.UUID;

/** The tenant a command acts in, who asked for it, and the id that ties its audit records together. */
public record Caller(TenantId tenant, Actor actor, String correlationId) {
    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    public static Caller of(TenantId tenant, Actor actor) {
        return new Caller(tenant, actor, UUID.randomUUID().toString());
    }

    /** The same request carried on by one of Allot's own processes (for example group-based licensing). */
    public Caller as(Actor other) {
        return new Caller(tenant, other, correlationId);
    }
}
