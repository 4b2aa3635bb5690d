package org.allot.core.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The products a tenant can subscribe to, built-in and custom, with the plan rules in force. */
public final class Catalog {
    private final Map<SkuId, Product> bySku = new LinkedHashMap<>();
    private final Map<String, Product> byPartNumber = new LinkedHashMap<>();
    private final Map<ServicePlanId, ServicePlan> plans = new LinkedHashMap<>();
    private final PlanRuleSet rules;

    public Catalog(Collection<Product> products, PlanRuleSet rules) {
        for (Product product : products) {
            if (bySku.putIfAbsent(product.skuId(), product) != null) {
                throw new IllegalArgumentException("duplicate SKU " + product.skuId());
            }
            if (byPartNumber.putIfAbsent(fold(product.skuPartNumber()), product) != null) {
                throw new IllegalArgumentException("duplicate part number " + product.skuPartNumber());
            }
            product.servicePlans().forEach(p -> plans.putIfAbsent(p.id(), p));
        }
        this.rules = rules;
    }

    public Optional<Product> find(SkuId sku) {
        return Optional.ofNullable(bySku.get(sku));
    }

    /** The product with this part number, in any case. */
    public Optional<Product> findByPartNumber(String partNumber) {
        return Optional.ofNullable(partNumber == null ? null : byPartNumber.get(fold(partNumber)));
    }

    /** The product named as people name it: by its SKU id (a GUID) or its part number, in any case. */
    public Optional<Product> lookup(String skuIdOrPartNumber) {
        if (skuIdOrPartNumber == null) {
            return Optional.empty();
        }
        try {
            Optional<Product> byId = find(new SkuId(UUID.fromString(skuIdOrPartNumber)));
            if (byId.isPresent()) {
                return byId;
            }
        } catch (IllegalArgumentException notAGuid) {
            // a part number
        }
        return findByPartNumber(skuIdOrPartNumber);
    }

    public Optional<ServicePlan> plan(ServicePlanId id) {
        return Optional.ofNullable(plans.get(id));
    }

    /** A readable name for a plan, or its id when no product has it. */
    public String planLabel(ServicePlanId id) {
        return plan(id).map(ServicePlan::label).orElse(id.toString());
    }

    public String productLabel(SkuId sku) {
        return find(sku).map(Product::label).orElse(sku.toString());
    }

    public Collection<Product> products() {
        return Collections.unmodifiableCollection(bySku.values());
    }

    public PlanRuleSet rules() {
        return rules;
    }

    public int size() {
        return bySku.size();
    }

    /** This catalogue with a tenant's custom products and rules added. */
    public Catalog with(Collection<Product> customProducts, Collection<PlanRule> customRules) {
        if (customProducts.isEmpty() && customRules.isEmpty()) {
            return this;
        }
        List<Product> all = new ArrayList<>(bySku.values());
        all.addAll(customProducts);
        return new Catalog(all, rules.plus(customRules));
    }

    private static String fold(String partNumber) {
        return partNumber.toLowerCase(Locale.ROOT);
    }
}
