package org.allot.core.audit;

import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.query.Page;
import org.allot.core.query.Query;

/** Port: reads the audit log a page at a time, newest first unless asked otherwise, filtered. */
public interface AuditQueries {
    Page<AuditEvent> events(TenantId tenant, Query query);

    Optional<AuditEvent> event(TenantId tenant, UUID id);
}
