package org.allot.cli.lookup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.allot.api.graph.ServicePlanInfo;
import org.allot.api.graph.SubscribedSkuResource;
import org.allot.cli.process.Failure;

/**
 * The products a command may name, by part number or GUID: the tenant's subscribed SKUs first, then the catalogue.
 * A word of a subscribed part number also names it when only one has it ({@code E5} for {@code SPE_E5}).
 */
public final class Products {
    private final List<Sku> subscribed;
    private final Function<String, Optional<Sku>> catalogue;
    private final Map<String, Optional<Sku>> looked = new HashMap<>();

    /** A product and its service plans. */
    public record Sku(UUID skuId, String partNumber, List<ServicePlanInfo> plans) {

        public static Sku of(SubscribedSkuResource sku) {
            return new Sku(
                    sku.skuId(), sku.skuPartNumber(), sku.servicePlans() == null ? List.of() : sku.servicePlans());
        }

        /** The ids of the plans named (by servicePlanName or GUID); unknown names are a not-found failure. */
        public List<UUID> plans(List<String> names) {
            LinkedHashSet<UUID> ids = new LinkedHashSet<>();
            for (String name : names) {
                ids.add(plans.stream()
                        .filter(p -> p.servicePlanId().toString().equalsIgnoreCase(name)
                                || name.equalsIgnoreCase(p.servicePlanName()))
                        .map(ServicePlanInfo::servicePlanId)
                        .findFirst()
                        .orElseThrow(() -> Failure.notFound(partNumber + " has no service plan '" + name
                                + "': see 'allot product plans " + partNumber + "'.")));
            }
            return List.copyOf(ids);
        }

        /** Whether the product has a plan of this name or id. */
        public boolean has(String name) {
            return plans.stream()
                    .anyMatch(p -> p.servicePlanId().toString().equalsIgnoreCase(name)
                            || name.equalsIgnoreCase(p.servicePlanName()));
        }

        /** The name of a plan of this product, or its id when the product does not have it. */
        public String planName(String id) {
            return plans.stream()
                    .filter(p -> p.servicePlanId().toString().equalsIgnoreCase(id))
                    .map(ServicePlanInfo::servicePlanName)
                    .findFirst()
                    .orElse(id);
        }
    }

    public Products(List<SubscribedSkuResource> subscribed, Function<String, Optional<Sku>> catalogue) {
        this.subscribed = subscribed.stream().map(Sku::of).toList();
        this.catalogue = catalogue;
    }

    /** The product a part number, GUID or unambiguous word names. */
    public Sku find(String name) {
        String term = name.strip();
        Optional<Sku> exact = subscribed.stream()
                .filter(s -> s.skuId().toString().equalsIgnoreCase(term)
                        || s.partNumber().equalsIgnoreCase(term))
                .findFirst()
                .or(() -> fromCatalogue(term));
        if (exact.isPresent()) {
            return exact.get();
        }
        List<Sku> partly = subscribed.stream()
                .filter(s -> Arrays.stream(s.partNumber().split("_")).anyMatch(w -> w.equalsIgnoreCase(term)))
                .toList();
        if (partly.size() == 1) {
            return partly.get(0);
        }
        if (partly.size() > 1) {
            throw Failure.usage("'" + term + "' could mean "
                    + partly.stream().map(Sku::partNumber).collect(Collectors.joining(", "))
                    + ": give the part number.");
        }
        throw Failure.notFound("No product '" + term + "': see 'allot product list' for the subscribed ones and"
                + " 'allot product catalog --search " + term + "' for the catalogue.");
    }

    /** The part number of a SKU id, or the id itself when no product has it. */
    public String partNumber(Object skuId) {
        String id = String.valueOf(skuId);
        return subscribed.stream()
                .filter(s -> s.skuId().toString().equalsIgnoreCase(id))
                .findFirst()
                .or(() -> fromCatalogue(id))
                .map(Sku::partNumber)
                .orElse(id);
    }

    /** The SKU a known id names, or empty. */
    public Optional<Sku> byId(Object skuId) {
        String id = String.valueOf(skuId);
        return subscribed.stream()
                .filter(s -> s.skuId().toString().equalsIgnoreCase(id))
                .findFirst()
                .or(() -> fromCatalogue(id));
    }

    /** Names given as one list ({@code SWAY,FORMS_PLAN_E3}, also separated by semicolons or spaces). */
    public static List<String> names(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.strip().split("[,;\\s]+"))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private synchronized Optional<Sku> fromCatalogue(String term) {
        return looked.computeIfAbsent(term.toLowerCase(Locale.ROOT), t -> catalogue.apply(term));
    }
}
