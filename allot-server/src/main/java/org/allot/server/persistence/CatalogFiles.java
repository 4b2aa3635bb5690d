package org.allot.server.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.catalog.AppliesTo;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.PlanRule;
import org.allot.core.catalog.PlanRuleSet;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UsageLocation;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads the built-in catalogue shipped in {@code catalog/}: the Microsoft 365 products and service plans (CC BY 4.0,
 * see {@code catalog/SOURCE.md}) and Allot's curated plan rules.
 */
public final class CatalogFiles {
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema HEADER = CsvSchema.emptySchema().withHeader();

    private CatalogFiles() {}

    public static Catalog builtIn() {
        Map<String, List<ServicePlan>> plans = new LinkedHashMap<>();
        for (Map<String, String> row : read("catalog/sku_service_plans.csv")) {
            plans.computeIfAbsent(row.get("sku_part_number"), k -> new ArrayList<>())
                    .add(new ServicePlan(
                            ServicePlanId.of(row.get("service_plan_id")),
                            row.get("service_plan_name"),
                            row.get("service_plan_display_name"),
                            AppliesTo.User));
        }
        List<Product> products = new ArrayList<>();
        for (Map<String, String> row : read("catalog/skus.csv")) {
            String partNumber = row.get("sku_part_number");
            products.add(new Product(
                    SkuId.of(row.get("sku_id")),
                    partNumber,
                    row.get("product_display_name"),
                    AppliesTo.User,
                    plans.getOrDefault(partNumber, List.of()),
                    false));
        }
        return new Catalog(products, new PlanRuleSet(curatedRules()));
    }

    static List<PlanRule> curatedRules() {
        List<PlanRule> rules = new ArrayList<>();
        for (Map<String, String> row : read("catalog/plan_rules.csv")) {
            Set<ServicePlanId> others = new HashSet<>();
            for (String id : split(row.get("plans"))) {
                others.add(ServicePlanId.of(id));
            }
            Set<UsageLocation> locations = new HashSet<>();
            for (String code : split(row.get("locations"))) {
                locations.add(UsageLocation.of(code));
            }
            ServicePlanId plan = ServicePlanId.of(row.get("service_plan_id"));
            rules.add(new PlanRule(
                    UUID.nameUUIDFromBytes(
                            ("allot-rule:" + row.get("kind") + ":" + plan).getBytes(StandardCharsets.UTF_8)),
                    PlanRule.Kind.valueOf(row.get("kind")),
                    plan,
                    others,
                    locations,
                    row.get("note"),
                    true));
        }
        return rules;
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(";")) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return parts;
    }

    private static List<Map<String, String>> read(String resource) {
        try (InputStream in = CatalogFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            try (MappingIterator<Map<String, String>> it =
                    CSV.readerFor(Map.class).with(HEADER).readValues(in)) {
                while (it.hasNext()) {
                    rows.add(it.next());
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }
}
