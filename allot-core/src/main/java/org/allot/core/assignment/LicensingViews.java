package org.allot.core.assignment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditTrail;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.UserId;
import org.allot.core.query.Page;
import org.allot.core.query.Query;
import org.allot.core.subscription.SubscribedSku;
import org.allot.core.subscription.SubscriptionBook;

/**
 * Read use case: what the pages about licenses show, each read in one unit of work so that it is one consistent
 * view: the products the tenant subscribes to with their seats beside the license check's latest run and a page of
 * the differences it found (named from the catalogue and the groups they came through), beside the users who need
 * attention and the latest changes (the dashboard), or beside a user or a page of users.
 */
public final class LicensingViews {
    /**
     * The license check: its latest run (null before the first), a page of its differences, the catalogue that names
     * their products, and the names of the groups they came through (by group id).
     */
    public record Check(
            LicenseCheckRun run, List<LicenseDifference> differences, Catalog catalog, Map<UUID, String> groupNames) {}

    /** The products with their seats, and the license check. */
    public record Licenses(List<SubscribedSku> subscribed, Check check) {}

    /** Where licenses stand at a glance: the products, who needs attention, and the latest changes. */
    public record Dashboard(
            List<SubscribedSku> subscribed, LicensedDirectory.Attention attention, List<AuditEvent> latest) {}

    /** A user with their licenses and groups, and the products to assign from. */
    public record UserView(LicensedDirectory.UserDetail detail, List<SubscribedSku> subscribed) {}

    /** A page of users with their licenses, and the products to assign from. */
    public record UsersView(Page<LicensedUser> users, List<SubscribedSku> subscribed) {}

    private final Transactions transactions;
    private final SubscriptionBook subscriptions;
    private final LicenseCheck check;
    private final ProductCatalog catalog;
    private final LicensedDirectory reads;
    private final AuditTrail audits;

    public LicensingViews(
            Transactions transactions,
            SubscriptionBook subscriptions,
            LicenseCheck check,
            ProductCatalog catalog,
            LicensedDirectory reads,
            AuditTrail audits) {
        this.transactions = Objects.requireNonNull(transactions);
        this.subscriptions = Objects.requireNonNull(subscriptions);
        this.check = Objects.requireNonNull(check);
        this.catalog = Objects.requireNonNull(catalog);
        this.reads = Objects.requireNonNull(reads);
        this.audits = Objects.requireNonNull(audits);
    }

    /** The dashboard: at most {@code groupsShown} groups in error and the {@code latest} audit events. */
    public Dashboard dashboard(TenantId tenant, int groupsShown, int latest) {
        return transactions.read(() -> new Dashboard(
                subscriptions.subscribedSkus(tenant),
                reads.attention(tenant, groupsShown),
                audits.events(tenant, Query.firstPage(latest)).rows()));
    }

    /** A user's page; empty when there is no such user. */
    public Optional<UserView> user(TenantId tenant, UserId id) {
        return transactions.read(() ->
                reads.userDetail(tenant, id).map(detail -> new UserView(detail, subscriptions.subscribedSkus(tenant))));
    }

    /** A page of users, as {@link LicensedDirectory#users} reads them, with their licenses. */
    public UsersView users(TenantId tenant, Query query) {
        return transactions.read(
                () -> new UsersView(reads.users(tenant, query, false, true), subscriptions.subscribedSkus(tenant)));
    }

    /** The products and the license check, its differences from {@code skip}, at most {@code top}. */
    public Licenses licenses(TenantId tenant, int skip, int top) {
        return transactions.read(() -> new Licenses(subscriptions.subscribedSkus(tenant), check(tenant, skip, top)));
    }

    /** The license check, its differences from {@code skip}, at most {@code top}. */
    public Check check(TenantId tenant, int skip, int top) {
        return transactions.read(() -> {
            LicenseCheckRun run = check.latest(tenant).orElse(null);
            if (run == null) {
                return new Check(null, List.of(), catalog.forTenant(tenant), Map.of());
            }
            List<LicenseDifference> page = check.differences(tenant, run.id(), skip, top);
            Map<UUID, String> groups = reads.groupNames(
                    tenant,
                    page.stream()
                            .filter(d -> d.source() != null && !d.source().isDirect())
                            .map(d -> d.source().groupOrNull().value())
                            .distinct()
                            .toList());
            return new Check(run, page, catalog.forTenant(tenant), groups);
        });
    }
}
