package org.allot.core.audit;

import java.util.Collection;

/** Port: where audit records are kept. Records are only ever appended. */
public interface AuditLog {
    void append(AuditEvent event);

    void appendAll(Collection<AuditEvent> events);
}
