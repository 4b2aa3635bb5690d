package org.allot.core.reclaim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.TenantRounds;
import org.allot.core.Transactions;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.catalog.AppliesTo;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.Subscriptions;

/**
 * Reclaim of unused licenses: policies per product, a report of the seats they list ({@link ReclaimSelection}), kept
 * before anything is done, then (when applied) the removal of the direct licenses it lists through the ordinary
 * direct-license path ({@link UserLicensing#assign}), each in its own unit of work under the user's lock, so every freed
 * seat goes to the waiting list at once. The scheduled run takes one slot per tenant and day: on any number of servers
 * and however often it is started, a tenant is reclaimed once a day.
 */
public final class Reclaim {
    /** Who the audit log says removed a license in a scheduled run. */
    public static final Actor RECLAIM = Actor.system("license reclaim");

    private static final int RECENT_RUNS = 20;

    /** How long a run's report is kept (the retention sweep forgets older ones). */
    public static final Duration RUNS_KEPT = Duration.ofDays(90);

    private final Transactions transactions;
    private final ReclaimPolicies policies;
    private final ReclaimCandidates candidates;
    private final Memberships memberships;
    private final ReclaimRuns runs;
    private final Subscriptions subscriptions;
    private final ProductCatalog catalog;
    private final UserLicensing licensing;
    private final AuditLog audit;
    private final Clock clock;

    public Reclaim(
            Transactions transactions,
            ReclaimPolicies policies,
            ReclaimCandidates candidates,
            Memberships memberships,
            ReclaimRuns runs,
            Subscriptions subscriptions,
            ProductCatalog catalog,
            UserLicensing licensing,
            AuditLog audit,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.policies = Objects.requireNonNull(policies);
        this.candidates = Objects.requireNonNull(candidates);
        this.memberships = Objects.requireNonNull(memberships);
        this.runs = Objects.requireNonNull(runs);
        this.subscriptions = Objects.requireNonNull(subscriptions);
        this.catalog = Objects.requireNonNull(catalog);
        this.licensing = Objects.requireNonNull(licensing);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Sets (adds or replaces) a product's policy, audited with the policy before and after. */
    public Outcome<ReclaimPolicy> setPolicy(Caller caller, ReclaimPolicy policy) {
        Optional<Rejection> problem = policy.problem();
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        return transactions.run(() -> {
            Optional<Product> product =
                    catalog.forTenant(caller.tenant()).find(policy.sku()).filter(p -> p.appliesTo() == AppliesTo.User);
            if (product.isEmpty()) {
                return Outcome.refused(
                        ErrorCode.INVALID_LICENSE,
                        "License %s does not correspond to a valid company License.",
                        policy.sku());
            }
            Optional<ReclaimPolicy> before = policies.find(caller.tenant(), policy.sku());
            policies.save(caller.tenant(), policy);
            audited(
                    caller,
                    Activity.SET_RECLAIM_POLICY,
                    policy.sku(),
                    product.get().skuPartNumber(),
                    before.orElse(null),
                    policy);
            return Outcome.done(policy);
        });
    }

    public List<ReclaimPolicy> policies(TenantId tenant) {
        return transactions.read(() -> policies.all(tenant));
    }

    public Optional<ReclaimPolicy> policy(TenantId tenant, SkuId sku) {
        return transactions.read(() -> policies.find(tenant, sku));
    }

    /** Removes a product's policy, audited with the policy removed. */
    public Outcome<SkuId> removePolicy(Caller caller, SkuId sku) {
        return transactions.run(() -> {
            Optional<ReclaimPolicy> before = policies.find(caller.tenant(), sku);
            if (before.isEmpty() || !policies.remove(caller.tenant(), sku)) {
                return Outcome.refused(Rejection.notFound(sku));
            }
            // a custom product removed since keeps its policy removable, audited under its id
            String name = catalog.forTenant(caller.tenant())
                    .find(sku)
                    .map(Product::skuPartNumber)
                    .orElse(sku.value().toString());
            audited(caller, Activity.REMOVE_RECLAIM_POLICY, sku, name, before.get(), null);
            return Outcome.done(sku);
        });
    }

    private void audited(
            Caller caller, Activity activity, SkuId sku, String name, ReclaimPolicy before, ReclaimPolicy after) {
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                activity,
                AuditTarget.other("Product", sku, name),
                List.of(PropertyChange.of(
                        "reclaimPolicy", before == null ? null : text(before), after == null ? null : text(after)))));
    }

    /** A policy as the audit log shows it. */
    private static String text(ReclaimPolicy p) {
        return "inactiveDays=" + p.inactiveDays() + ", disabledDays=" + p.disabledDays() + ", recentDays="
                + p.recentDays() + ", exemptUsers=" + p.exemptUsers().size() + ", exemptGroups="
                + p.exemptGroups().size() + ", mode=" + p.mode();
    }

    /** What a run would list now, for one product's policy or all of them; nothing is kept. */
    public Outcome<ReclaimReport> preview(TenantId tenant, Optional<SkuId> sku) {
        return transactions.read(
                () -> select(tenant, sku).map(items -> new ReclaimReport(null, clock.instant(), null, false, items)));
    }

    /**
     * How many seats each product's policy lists now, as a report-only run would report them (its rules, its
     * exemptions); products without a policy are left out. Read with each product's holders at once, never user by
     * user; part of the caller's unit of work when there is one (the daily usage snapshot's {@code reclaimable}).
     */
    public Map<SkuId, Integer> reclaimable(TenantId tenant) {
        return transactions.read(() -> {
            Map<SkuId, Integer> counts = new HashMap<>();
            policies.all(tenant).forEach(p -> counts.put(p.sku(), 0));
            select(tenant, Optional.empty()).value().forEach(i -> counts.merge(i.sku(), 1, Integer::sum));
            return counts;
        });
    }

    /**
     * Runs reclaim on demand: keeps the report, then with {@code apply} removes what it lists as removable, whatever
     * the policies' modes (the administrator asked for it). Answers the report with what was done to each seat.
     */
    public Outcome<ReclaimReport> run(Caller caller, Optional<SkuId> sku, boolean apply) {
        Outcome<ReclaimReport> reported =
                transactions.run(() -> select(caller.tenant(), sku).map(items -> {
                    ReclaimReport report = new ReclaimReport(
                            UUID.randomUUID(), clock.instant(), caller.actor().displayName(), apply, items);
                    runs.record(caller.tenant(), report, null);
                    return report;
                }));
        return reported.map(report -> apply ? apply(caller, report) : report);
    }

    /** Applies a kept report: removes what it lists as removable, and keeps what was done to each item. */
    private ReclaimReport apply(Caller caller, ReclaimReport report) {
        List<ReclaimItem> done = new ArrayList<>(report.items().size());
        for (ReclaimItem item : report.items()) {
            done.add(applyOne(caller, item));
        }
        ReclaimReport applied = new ReclaimReport(report.id(), report.at(), report.actor(), true, done);
        transactions.run(() -> {
            runs.applied(caller.tenant(), applied);
            return null;
        });
        return applied;
    }

    private ReclaimItem applyOne(Caller caller, ReclaimItem item) {
        if (item.action() != ReclaimAction.RemoveDirect) {
            return item.withOutcome(ReclaimItem.Outcome.Left, null);
        }
        Outcome<?> removed = licensing.assign(caller, item.user(), List.of(), List.of(item.sku()), false);
        if (removed.isDone()) {
            return item.withOutcome(ReclaimItem.Outcome.Removed, null);
        }
        Rejection why = removed.rejection();
        return switch (why.code()) {
            case NOT_FOUND, LICENSE_NOT_ASSIGNED -> item.withOutcome(ReclaimItem.Outcome.AlreadyGone, null);
            case INHERITED_LICENSE -> item.withOutcome(ReclaimItem.Outcome.Left, why.message());
            default -> item.withOutcome(ReclaimItem.Outcome.Refused, why.message());
        };
    }

    /**
     * The scheduled run: for every tenant with policies whose slot of the day is free, keeps the report of all its
     * policies and removes what the policies in {@link ReclaimMode#Act} list. Returns how many licenses were removed.
     */
    public int runScheduled() {
        String slot = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        // one tenant's failure does not keep the others from their run; its slot stays free for the next turn
        return TenantRounds.sum(transactions.read(policies::tenants), tenant -> runScheduled(tenant, slot));
    }

    /** One tenant's scheduled run, unless its slot of the day is taken: how many licenses it removed. */
    private int runScheduled(TenantId tenant, String slot) {
        Caller caller = Caller.of(tenant, RECLAIM);
        Optional<ReclaimReport> taken = transactions.run(() -> {
            ReclaimReport report = new ReclaimReport(
                    UUID.randomUUID(),
                    clock.instant(),
                    RECLAIM.displayName(),
                    false,
                    select(tenant, Optional.empty()).value());
            return runs.record(tenant, report, slot) ? Optional.of(report) : Optional.empty();
        });
        if (taken.isEmpty()) {
            return 0;
        }
        Set<SkuId> acting = transactions.read(() -> policies.all(tenant).stream()
                .filter(p -> p.mode() == ReclaimMode.Act)
                .map(ReclaimPolicy::sku)
                .collect(Collectors.toSet()));
        if (acting.isEmpty()) {
            return 0;
        }
        List<ReclaimItem> done = new ArrayList<>();
        for (ReclaimItem item : taken.get().items()) {
            done.add(acting.contains(item.sku()) ? applyOne(caller, item) : item);
        }
        ReclaimReport applied = new ReclaimReport(
                taken.get().id(), taken.get().at(), taken.get().actor(), true, done);
        transactions.run(() -> {
            runs.applied(tenant, applied);
            return null;
        });
        return (int) applied.removed();
    }

    public Optional<ReclaimReport> report(TenantId tenant, UUID run) {
        return transactions.read(() -> runs.find(tenant, run));
    }

    public List<ReclaimReport> recentRuns(TenantId tenant) {
        return transactions.read(() -> runs.recent(tenant, RECENT_RUNS));
    }

    /** Forgets the reports of runs made longer ago than {@link #RUNS_KEPT}, every tenant's: how many runs. */
    public int forgetOldRuns() {
        Instant cutoff = clock.instant().minus(RUNS_KEPT);
        return transactions.run(() -> runs.forgetBefore(cutoff));
    }

    /** The seats the policies list now: one product's (refused when it has no policy) or every product's. */
    private Outcome<List<ReclaimItem>> select(TenantId tenant, Optional<SkuId> sku) {
        List<ReclaimPolicy> chosen;
        if (sku.isPresent()) {
            Optional<ReclaimPolicy> one = policies.find(tenant, sku.get());
            if (one.isEmpty()) {
                return Outcome.refused(Rejection.notFound(sku.get()));
            }
            chosen = List.of(one.get());
        } else {
            chosen = policies.all(tenant);
        }
        Instant now = clock.instant();
        List<ReclaimItem> items = new ArrayList<>();
        for (ReclaimPolicy p : chosen) {
            List<Holder> holders = candidates.holders(tenant, p.sku());
            items.addAll(ReclaimSelection.select(
                    p,
                    holders,
                    exemptByGroup(tenant, p, holders),
                    now,
                    MonthlyPrice.of(subscriptions.ofSku(tenant, p.sku()), now)));
        }
        return Outcome.done(items);
    }

    /** The holders who belong to one of the policy's exempt groups, directly or through nested groups. */
    private Set<UserId> exemptByGroup(TenantId tenant, ReclaimPolicy policy, List<Holder> holders) {
        if (policy.exemptGroups().isEmpty() || holders.isEmpty()) {
            return Set.of();
        }
        return memberships
                .groupsOfUsers(tenant, holders.stream().map(Holder::id).toList())
                .entrySet()
                .stream()
                .filter(e -> e.getValue().keySet().stream().anyMatch(policy.exemptGroups()::contains))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
