package org.allot.core.report;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.allot.core.Caller;
import org.allot.core.Transactions;
import org.allot.core.directory.ScopeGuard;

/**
 * Who holds what and through which group (what Graph cannot give in one list): every license assignment of a tenant
 * with its user, product, source, group name, state and since when, by product then user. Read a page at a time, each
 * page in its own unit of work, so that a tenant of any size is never held in memory at once, nor a unit of work held
 * open while a slow client reads: an assignment that changes while an export runs appears as it was or as it is. A
 * caller whose role is scoped to administrative units reads the assignments of its units' users only, narrowed in the
 * query ({@link ScopeGuard#unitsToNarrowTo}), so that its pages are full and its cursor is right.
 */
public final class HolderExport {
    /** The most holdings one page holds. */
    public static final int MAX_PAGE = 5_000;

    static final int EXPORT_PAGE = 2_000;

    private final Transactions transactions;
    private final Holdings holdings;

    public HolderExport(Transactions transactions, Holdings holdings) {
        this.transactions = Objects.requireNonNull(transactions);
        this.holdings = Objects.requireNonNull(holdings);
    }

    /**
     * A page of holdings after {@code after} (null: from the first).
     *
     * @param next where the next page starts; null when this is the last page
     */
    public record Page(List<Holding> holdings, Holding.Key next) {
        public Page {
            holdings = List.copyOf(holdings);
        }
    }

    /** At most {@code limit} (1 to {@link #MAX_PAGE}) holdings after {@code after}, within the caller's scope. */
    public Page page(Caller caller, Holding.Key after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        Set<UUID> units = ScopeGuard.unitsToNarrowTo(caller);
        List<Holding> rows = transactions.read(() -> holdings.page(caller.tenant(), after, size + 1, false, units));
        if (rows.size() <= size) {
            return new Page(rows, null);
        }
        List<Holding> shown = rows.subList(0, size);
        return new Page(shown, shown.get(size - 1).key());
    }

    /** Hands every holding within the caller's scope to {@code sink}, page by page; returns how many. */
    public long export(Caller caller, Consumer<Holding> sink) {
        long count = 0;
        Holding.Key after = null;
        do {
            Page page = page(caller, after, EXPORT_PAGE);
            page.holdings().forEach(sink);
            count += page.holdings().size();
            after = page.next();
        } while (after != null);
        return count;
    }
}
