package org.allot.core.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.directory.UsageLocation;

/** The built-in catalogue plus each tenant's custom products and plan rules. */
public final class ProductCatalog {
    private static final Pattern PART_NUMBER = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,63}$");

    private final Transactions transactions;
    private final Catalog builtIn;
    private final Products products;
    private final PlanRules planRules;
    private final ProductUsage usage;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<TenantId, Merged> merged = new ConcurrentHashMap<>();

    public ProductCatalog(
            Transactions transactions,
            Catalog builtIn,
            Products products,
            PlanRules planRules,
            ProductUsage usage,
            AuditLog audit,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.builtIn = Objects.requireNonNull(builtIn);
        this.products = Objects.requireNonNull(products);
        this.planRules = Objects.requireNonNull(planRules);
        this.usage = Objects.requireNonNull(usage);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Everything a tenant can subscribe to, and every rule that applies to its users. */
    public Catalog forTenant(TenantId tenant) {
        return transactions.read(() -> forTenantRead(tenant));
    }

    @SuppressWarnings("ReferenceEquality") // the same lists, not equal ones: what the ports remembered
    private Catalog forTenantRead(TenantId tenant) {
        List<Product> custom = products.custom(tenant);
        List<PlanRule> rules = planRules.custom(tenant);
        if (custom.isEmpty() && rules.isEmpty()) {
            return builtIn;
        }
        Merged last = merged.get(tenant);
        if (last != null && last.products() == custom && last.rules() == rules) {
            return last.catalog();
        }
        Catalog catalog = builtIn.with(custom, rules);
        merged.put(tenant, new Merged(custom, rules, catalog));
        return catalog;
    }

    /**
     * A tenant's catalogue as last merged, with the very lists it was merged from: when the ports answer with the
     * same lists again (they remember them while nothing changed), the merge is not made again.
     */
    private record Merged(List<Product> products, List<PlanRule> rules, Catalog catalog) {}

    /** Defines a custom product; plans without an id get a new one. */
    public Outcome<Product> addProduct(Caller caller, String partNumber, String displayName, List<PlanSpec> planSpecs) {
        return transactions.run(() -> addProductNow(caller, partNumber, displayName, planSpecs));
    }

    private Outcome<Product> addProductNow(
            Caller caller, String partNumber, String displayName, List<PlanSpec> planSpecs) {
        if (partNumber == null || !PART_NUMBER.matcher(partNumber).matches()) {
            return Outcome.refused(Rejection.invalid(
                    "skuPartNumber must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter,"
                            + " digit or '_'."));
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 256) {
            return Outcome.refused(Rejection.invalid("displayName must be 1 to 256 characters."));
        }
        if (planSpecs.isEmpty() || planSpecs.size() > 200) {
            return Outcome.refused(Rejection.invalid("A product needs 1 to 200 service plans."));
        }
        Catalog catalog = forTenant(caller.tenant());
        if (catalog.findByPartNumber(partNumber).isPresent()) {
            return Outcome.refused(Rejection.of(
                    ErrorCode.ALREADY_EXISTS, "A product with skuPartNumber '%s' already exists.", partNumber));
        }
        List<ServicePlan> plans = new ArrayList<>();
        Set<ServicePlanId> seen = new HashSet<>();
        for (PlanSpec spec : planSpecs) {
            if (spec.name() == null || !PART_NUMBER.matcher(spec.name()).matches()) {
                return Outcome.refused(Rejection.invalid(
                        "Service plan name '%s' must be 1 to 64 letters, digits, '_', '.' or '-'.", spec.name()));
            }
            if (spec.displayName() != null && spec.displayName().length() > 256) {
                return Outcome.refused(Rejection.invalid("Service plan displayName is at most 256 characters."));
            }
            ServicePlanId id = spec.id() == null ? new ServicePlanId(UUID.randomUUID()) : spec.id();
            if (!seen.add(id)) {
                return Outcome.refused(Rejection.invalid("Service plan %s is listed twice.", id));
            }
            String planDisplay =
                    spec.displayName() == null || spec.displayName().isBlank()
                            ? spec.name()
                            : spec.displayName().strip();
            plans.add(new ServicePlan(id, spec.name(), planDisplay, AppliesTo.User));
        }
        Product product =
                new Product(new SkuId(UUID.randomUUID()), partNumber, displayName.strip(), AppliesTo.User, plans, true);
        products.add(caller.tenant(), product);
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.ADD_PRODUCT,
                target(product),
                List.of(PropertyChange.of("skuPartNumber", null, partNumber))));
        return Outcome.done(product);
    }

    public Outcome<Product> removeProduct(Caller caller, SkuId sku) {
        return transactions.run(() -> removeProductNow(caller, sku));
    }

    private Outcome<Product> removeProductNow(Caller caller, SkuId sku) {
        Product product = products.custom(caller.tenant()).stream()
                .filter(p -> p.skuId().equals(sku))
                .findFirst()
                .orElse(null);
        if (product == null) {
            return Outcome.refused(
                    builtIn.find(sku).isPresent()
                            ? Rejection.invalid("%s is a built-in product and cannot be removed.", sku)
                            : Rejection.notFound(sku));
        }
        if (usage.inUse(caller.tenant(), sku)) {
            return Outcome.refused(Rejection.of(
                    ErrorCode.CONFLICT,
                    "%s still has subscriptions: delete them before removing the product.",
                    product.label()));
        }
        products.remove(caller.tenant(), sku);
        audit.append(AuditEvent.of(caller, clock.instant(), Activity.DELETE_PRODUCT, target(product), List.of()));
        return Outcome.done(product);
    }

    /** Adds a tenant rule; every plan it names must exist in the tenant's catalogue. */
    public Outcome<PlanRule> addRule(
            Caller caller,
            PlanRule.Kind kind,
            ServicePlanId plan,
            Set<ServicePlanId> plans,
            Set<UsageLocation> locations,
            String note) {
        return transactions.run(() -> addRuleNow(caller, kind, plan, plans, locations, note));
    }

    private Outcome<PlanRule> addRuleNow(
            Caller caller,
            PlanRule.Kind kind,
            ServicePlanId plan,
            Set<ServicePlanId> plans,
            Set<UsageLocation> locations,
            String note) {
        if (kind == null || plan == null) {
            return Outcome.refused(Rejection.invalid("A rule needs a kind and a servicePlanId."));
        }
        Catalog catalog = forTenant(caller.tenant());
        Set<ServicePlanId> named = new HashSet<>(plans);
        named.add(plan);
        for (ServicePlanId id : named) {
            if (catalog.plan(id).isEmpty()) {
                return Outcome.refused(Rejection.invalid("Service plan %s is not in any product.", id));
            }
        }
        boolean locationRule = kind == PlanRule.Kind.PROHIBITED_IN;
        if (locationRule ? locations.isEmpty() || !plans.isEmpty() : plans.isEmpty() || !locations.isEmpty()) {
            return Outcome.refused(Rejection.invalid(
                    locationRule
                            ? "A PROHIBITED_IN rule names usage locations and no other plans."
                            : "A %s rule names other service plans and no usage locations.",
                    kind));
        }
        if (plans.contains(plan)) {
            return Outcome.refused(Rejection.invalid("A plan cannot require or exclude itself."));
        }
        if (note != null && note.length() > 1024) {
            return Outcome.refused(Rejection.invalid("A rule's note is at most 1024 characters."));
        }
        PlanRule rule = new PlanRule(UUID.randomUUID(), kind, plan, plans, locations, note, false);
        planRules.add(caller.tenant(), rule);
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.ADD_PLAN_RULE,
                AuditTarget.other("ServicePlanRule", rule.id(), catalog.planLabel(plan)),
                List.of(PropertyChange.of("rule", null, describe(rule, catalog)))));
        return Outcome.done(rule);
    }

    public Outcome<UUID> removeRule(Caller caller, UUID id) {
        return transactions.run(() -> removeRuleNow(caller, id));
    }

    private Outcome<UUID> removeRuleNow(Caller caller, UUID id) {
        if (builtIn.rules().rules().stream().anyMatch(r -> r.id().equals(id))) {
            return Outcome.refused(Rejection.invalid("Rule %s is built in and cannot be removed.", id));
        }
        if (!planRules.remove(caller.tenant(), id)) {
            return Outcome.refused(Rejection.notFound(id));
        }
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.DELETE_PLAN_RULE,
                AuditTarget.other("ServicePlanRule", id, id.toString()),
                List.of()));
        return Outcome.done(id);
    }

    /** "Plan A requires one of B, C" and the like, for people. */
    public static String describe(PlanRule rule, Catalog catalog) {
        String plan = catalog.planLabel(rule.plan());
        List<String> others =
                rule.plans().stream().map(catalog::planLabel).sorted().toList();
        return switch (rule.kind()) {
            case REQUIRES -> plan + " requires one of " + String.join(", ", others);
            case EXCLUDES -> plan + " cannot be combined with " + String.join(", ", others);
            case PROHIBITED_IN ->
                plan + " is not available in "
                        + String.join(
                                ", ",
                                rule.locations().stream()
                                        .map(UsageLocation::code)
                                        .sorted()
                                        .toList());
        };
    }

    private static AuditTarget target(Product product) {
        return AuditTarget.other("Product", product.skuId(), product.skuPartNumber());
    }

    /** A plan of a new custom product; a null id gets a fresh one. */
    public record PlanSpec(ServicePlanId id, String name, String displayName) {
        public PlanSpec {
            if (name != null) {
                name = name.strip();
            }
        }

        public static PlanSpec named(String name) {
            return new PlanSpec(null, name, name);
        }
    }
}
