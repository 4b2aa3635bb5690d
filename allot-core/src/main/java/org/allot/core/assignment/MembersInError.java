package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.query.Page;
import org.allot.core.query.Query;

/**
 * Read use case: the members of a group whose license from it is in error (Graph's membersWithLicenseErrors), a page
 * at a time with their total, counted by product, error and reason, each with the assignments in error and, for a
 * member waiting for a seat, their place in the waiting list. One unit of work per page. A caller whose role is
 * scoped to administrative units gets the members of its units only, narrowed in the query ({@link
 * ScopeGuard#restrict}), and no summary (which counts every member).
 */
public final class MembersInError {
    /** At most this many lines of the summary. */
    public static final int SUMMARY_LINES = 50;

    /** A member in error: the user, their assignments from the group in error, and waiting places by product. */
    public record Member(LicensedUser user, List<LicenseAssignment> errors, Map<SkuId, Integer> waitingPositions) {
        public Member {
            errors = List.copyOf(errors);
            waitingPositions = Map.copyOf(waitingPositions);
        }
    }

    /** A page of members in error (its count when the query asked for it), the summary and the catalogue. */
    public record View(Page<Member> members, List<LicenseQueries.ErrorCount> summary, Catalog catalog) {}

    private final Transactions transactions;
    private final LicensedDirectory reads;
    private final LicenseQueries licenses;
    private final ProductCatalog catalog;

    public MembersInError(
            Transactions transactions, LicensedDirectory reads, LicenseQueries licenses, ProductCatalog catalog) {
        this.transactions = Objects.requireNonNull(transactions);
        this.reads = Objects.requireNonNull(reads);
        this.licenses = Objects.requireNonNull(licenses);
        this.catalog = Objects.requireNonNull(catalog);
    }

    /**
     * A page of the group's members in error within the caller's scope, with the summary (when {@code summary} and the
     * caller is tenant-wide); empty: no such group.
     */
    public Optional<View> of(Caller caller, GroupId group, Query query, boolean summary) {
        TenantId tenant = caller.tenant();
        boolean counted = summary && caller.scope().tenantWide();
        return transactions.read(
                () -> reads.membersWithLicenseErrors(tenant, group, ScopeGuard.restrict(caller, query), true)
                        .map(page -> new View(
                                new Page<>(
                                        page.rows().stream()
                                                .map(u -> member(tenant, group, u))
                                                .toList(),
                                        page.count(),
                                        page.next()),
                                counted ? licenses.errorSummary(tenant, group, SUMMARY_LINES) : List.of(),
                                catalog.forTenant(tenant))));
    }

    private Member member(TenantId tenant, GroupId group, LicensedUser user) {
        List<LicenseAssignment> errors = new ArrayList<>();
        Map<SkuId, Integer> positions = new LinkedHashMap<>();
        for (LicenseAssignment a : user.licenses().assignments()) {
            if (group.equals(a.source().groupOrNull()) && a.error() != null) {
                errors.add(a);
                if (a.isWaiting()) {
                    licenses.waitingPosition(tenant, a.sku(), user.user().id())
                            .ifPresent(p -> positions.put(a.sku(), p));
                }
            }
        }
        return new Member(user, errors, positions);
    }
}
