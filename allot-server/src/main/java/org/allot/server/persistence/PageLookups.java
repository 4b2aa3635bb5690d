package org.allot.server.persistence;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lookups of a page of keys at once (a directory sync's 5,000 immutable ids, principal names or ids, as an unnested
 * array joined with the table), planned so that each key is looked up in its index. Planned with the page's values, as
 * PostgreSQL plans a statement's first executions on each connection, the join of thousands of keys can be a merge join
 * over the tenant's whole index: in a first import, where no key is found, every page read every user's entry (80,000
 * at 100,000 users: 350 ms a page against 50 ms). So a large page is planned without its values (PostgreSQL's generic
 * plan, which takes an array for a few keys: {@link PlanCacheMode#GENERIC}); a few keys are planned with them.
 */
final class PageLookups {
    /** From how many keys a lookup is planned without its values (a sync's page; a delta's few are planned with). */
    static final int GENERIC_FROM = 100;

    private PageLookups() {}

    /** {@code lookup} of {@code keys} keys, in the caller's transaction. */
    static <T> T run(JdbcClient jdbc, int keys, Supplier<T> lookup) {
        if (keys < GENERIC_FROM) {
            return lookup.get();
        }
        return PlanCacheMode.GENERIC.around(setting -> jdbc.sql(setting).update(), lookup);
    }
}
