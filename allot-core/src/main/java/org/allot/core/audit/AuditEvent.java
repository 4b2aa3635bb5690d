package org.allot.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;

/** A record of one change: who did what to which object, with the old and new values. */
public record AuditEvent(
        UUID id,
        TenantId tenant,
        Instant time,
        Activity activity,
        Actor actor,
        List<AuditTarget> targets,
        List<PropertyChange> changes,
        String correlationId,
        String result) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(actor, "actor");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("an audit event needs a target");
        }
        changes = List.copyOf(changes);
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(result, "result");
    }

    public static AuditEvent of(
            Caller caller, Instant time, Activity activity, AuditTarget target, List<PropertyChange> changes) {
        return of(caller, time, activity, List.of(target), changes);
    }

    public static AuditEvent of(
            Caller caller, Instant time, Activity activity, List<AuditTarget> targets, List<PropertyChange> changes) {
        return new AuditEvent(
                timeOrderedId(time),
                caller.tenant(),
                time,
                activity,
                caller.actor(),
                targets,
                changes,
                caller.correlationId(),
                SUCCESS);
    }

    /**
     * A version 7 UUID: the time in its first 48 bits, random bits after, so records sort by time and are appended
     * to indexes in order.
     */
    static UUID timeOrderedId(Instant time) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (time.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** The same record of a request that was refused. */
    public AuditEvent failed() {
        return new AuditEvent(id, tenant, time, activity, actor, targets, changes, correlationId, FAILURE);
    }

    /** The first target: the object the change was made to. */
    public AuditTarget target() {
        return targets.get(0);
    }
}
