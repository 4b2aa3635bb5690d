package org.allot.core.assignment;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.User;

/**
 * The group-only policy (docs/delegation.md): a tenant, or one of its products, can forbid direct assignment, so that
 * licenses are given through groups only. The rule is {@link #refusal}, which every direct assignment runs through
 * ({@link UserLicensing}: Graph's assignLicense, the admin center, bulk changes, their validate-only rehearsals and the
 * undoing of a pending removal). Removing a direct license stays allowed, so that administrators can move its holders
 * to groups; changing the plans of a direct license the user already has is no new direct assignment and is allowed
 * too. An administrator with the break-glass permission can override the policy for one request, which is audited.
 */
public final class GroupOnly {
    private final Transactions transactions;
    private final TenantLocks locks;
    private final GroupOnlyPolicies policies;
    private final ProductCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;

    GroupOnly(
            Transactions transactions,
            TenantLocks locks,
            GroupOnlyPolicies policies,
            ProductCatalog catalog,
            AuditLog audit,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.locks = Objects.requireNonNull(locks);
        this.policies = Objects.requireNonNull(policies);
        this.catalog = Objects.requireNonNull(catalog);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A product and whether it is group-only: by its own setting, or because the whole tenant is. */
    public record ProductPolicy(Product product, boolean productSetting, boolean tenantWide) {
        /** Whether direct assignment of the product is forbidden. */
        public boolean groupOnly() {
            return productSetting || tenantWide;
        }
    }

    /** The tenant's policy, with the products forbidden one by one (those still in its catalogue, by name). */
    public record Overview(boolean tenantWide, List<Product> products) {
        public Overview {
            products = List.copyOf(products);
        }
    }

    /** The tenant's policy. */
    public GroupOnlyPolicy policy(TenantId tenant) {
        return transactions.read(() -> policies.of(tenant));
    }

    /** The tenant's policy with its products. */
    public Overview overview(TenantId tenant) {
        return transactions.read(() -> overviewRead(tenant));
    }

    private Overview overviewRead(TenantId tenant) {
        GroupOnlyPolicy policy = policies.of(tenant);
        Catalog products = catalog.forTenant(tenant);
        return new Overview(
                policy.tenantWide(),
                policy.products().stream()
                        .map(products::find)
                        .flatMap(Optional::stream)
                        .sorted(java.util.Comparator.comparing(Product::displayName))
                        .toList());
    }

    /** The policy of a product named by SKU id or part number; empty when the tenant has no such product. */
    public Optional<ProductPolicy> ofProduct(TenantId tenant, String skuIdOrPartNumber) {
        return transactions.read(() -> productRead(tenant, skuIdOrPartNumber));
    }

    /** {@link #ofProduct} in the caller's unit of work. */
    Optional<ProductPolicy> productRead(TenantId tenant, String skuIdOrPartNumber) {
        GroupOnlyPolicy policy = policies.of(tenant);
        return catalog.forTenant(tenant)
                .lookup(skuIdOrPartNumber)
                .map(p -> new ProductPolicy(p, policy.products().contains(p.skuId()), policy.tenantWide()));
    }

    /** Forbids (or allows again) direct assignment of every product of the tenant, audited when it changes. */
    public Outcome<Overview> setTenantWide(Caller caller, boolean groupOnly) {
        return transactions.run(() -> {
            locks.exclusive(caller.tenant());
            GroupOnlyPolicy before = policies.of(caller.tenant());
            if (before.tenantWide() != groupOnly) {
                policies.setTenantWide(caller.tenant(), groupOnly);
                audit.append(AuditEvent.of(
                        caller,
                        clock.instant(),
                        Activity.SET_GROUP_ONLY_POLICY,
                        AuditTarget.other("Company", caller.tenant(), "Group-only licensing"),
                        List.of(PropertyChange.of("groupOnly", before.tenantWide(), groupOnly))));
            }
            return Outcome.done(overviewRead(caller.tenant()));
        });
    }

    /** Forbids (or allows again) direct assignment of one product, audited when it changes. */
    public Outcome<ProductPolicy> setProduct(Caller caller, String skuIdOrPartNumber, boolean groupOnly) {
        return transactions.run(() -> {
            locks.exclusive(caller.tenant());
            Optional<ProductPolicy> before = productRead(caller.tenant(), skuIdOrPartNumber);
            if (before.isEmpty()) {
                return Outcome.refused(Rejection.notFound(skuIdOrPartNumber));
            }
            Product product = before.get().product();
            if (before.get().productSetting() != groupOnly) {
                policies.setProduct(caller.tenant(), product.skuId(), groupOnly);
                audit.append(AuditEvent.of(
                        caller,
                        clock.instant(),
                        Activity.SET_GROUP_ONLY_POLICY,
                        AuditTarget.other("Product", product.skuId(), product.skuPartNumber()),
                        List.of(PropertyChange.of("groupOnly", before.get().productSetting(), groupOnly))));
            }
            return Outcome.done(
                    productRead(caller.tenant(), product.skuId().toString()).orElseThrow());
        });
    }

    /**
     * The rule: the refusal of a direct assignment the policy forbids. Each license added is refused when its product
     * is group-only and the user has no direct license of it yet (changing the plans of one they have is allowed).
     */
    static Optional<Rejection> refusal(
            GroupOnlyPolicy policy, Catalog products, UserLicenses current, List<AssignedLicense> add) {
        for (AssignedLicense license : add) {
            if (policy.forbids(license.skuId())
                    && current.find(license.skuId(), AssignmentSource.DIRECT).isEmpty()) {
                return Optional.of(Rejection.of(
                        ErrorCode.INVALID_REQUEST,
                        "Direct assignment of %s is not allowed: the group-only policy of %s requires it to be"
                                + " assigned through a group. Add the user to a group that has it; a Global"
                                + " Administrator can override the policy for one request.",
                        products.productLabel(license.skuId()),
                        policy.tenantWide() ? "this tenant" : "this product"));
            }
        }
        return Optional.empty();
    }

    /** The policy of the caller's tenant, read in the caller's unit of work. */
    GroupOnlyPolicy read(TenantId tenant) {
        return policies.of(tenant);
    }

    /**
     * Audits a direct assignment that the policy forbids and that was made with the break-glass override, in the
     * caller's unit of work: one record per product.
     */
    void overridden(Caller caller, User user, GroupOnlyPolicy policy, UserLicenses current, List<AssignedLicense> add) {
        Catalog products = catalog.forTenant(caller.tenant());
        for (AssignedLicense license : add) {
            if (policy.forbids(license.skuId())
                    && current.find(license.skuId(), AssignmentSource.DIRECT).isEmpty()) {
                audit.append(AuditEvent.of(
                        caller,
                        clock.instant(),
                        Activity.OVERRIDE_GROUP_ONLY_POLICY,
                        List.of(
                                AuditTarget.user(user.id(), user.userPrincipalName()),
                                AuditTarget.other("Product", license.skuId(), products.productLabel(license.skuId()))),
                        List.of(PropertyChange.of("groupOnlyOverride", null, "true"))));
            }
        }
    }
}
