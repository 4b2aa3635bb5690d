package org.allot.core.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.query.Page;
import org.allot.core.query.Query;

/** Reads the audit log for the API and the admin center: a page at a time, filtered, each read one unit of work. */
public final class AuditTrail {
    private final Transactions transactions;
    private final AuditQueries queries;

    public AuditTrail(Transactions transactions, AuditQueries queries) {
        this.transactions = Objects.requireNonNull(transactions);
        this.queries = Objects.requireNonNull(queries);
    }

    /** A page of the tenant's audit records, newest first unless the query orders them oldest first. */
    public Page<AuditEvent> events(TenantId tenant, Query query) {
        return transactions.read(() -> queries.events(tenant, query));
    }

    /**
     * A page of the audit records the caller may see: all of the tenant's, or, for a caller scoped to administrative
     * units, those with a user or group among their targets that is a member of one of its units now.
     */
    public Page<AuditEvent> events(Caller caller, Query query) {
        Query narrowed = caller.scope().tenantWide()
                ? query
                : query.withinUnits(caller.scope().units());
        return transactions.read(() -> queries.events(caller.tenant(), narrowed));
    }

    public Optional<AuditEvent> event(TenantId tenant, UUID id) {
        return transactions.read(() -> queries.event(tenant, id));
    }
}
