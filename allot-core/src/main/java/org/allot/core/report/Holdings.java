package org.allot.core.report;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;

/** Port: every license assignment of a tenant, page by page, for reports. */
public interface Holdings {

    /**
     * The assignments after {@code after} (null: from the first) by product, then user, then source ({@link Holding.Key}), at most {@code limit};
     * only those holding a seat when {@code seatsOnly}; only those of users who are members of one of {@code units}
     * when given (null: every user's).
     */
    List<Holding> page(TenantId tenant, Holding.Key after, int limit, boolean seatsOnly, Set<UUID> units);
}
