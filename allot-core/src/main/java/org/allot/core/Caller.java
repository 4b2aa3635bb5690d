package org.allot.core;

import java.util.Objects;
import java.util.UUID;

/**
 * The tenant a command acts in, who asked for it, the id that ties its audit records together, and how far the
 * asker's role reaches ({@link Scope}: the whole tenant, or some administrative units).
 */
public record Caller(TenantId tenant, Actor actor, String correlationId, Scope scope) {
    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(scope, "scope");
    }

    /** A caller whose role reaches the whole tenant. */
    public Caller(TenantId tenant, Actor actor, String correlationId) {
        this(tenant, actor, correlationId, Scope.TENANT);
    }

    /** The same caller, its role reaching only as far as {@code other}. */
    public Caller within(Scope other) {
        return new Caller(tenant, actor, correlationId, other);
    }

    public static Caller of(TenantId tenant, Actor actor) {
        return new Caller(tenant, actor, UUID.randomUUID().toString());
    }

    /** The same request carried on by one of Allot's own processes (for example group-based licensing). */
    public Caller as(Actor other) {
        return new Caller(tenant, other, correlationId, scope);
    }
}
