package org.allot.core.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the tenant's seats cost per month, at one moment: the cost lines of every product ({@link ChargedSeats}), and
 * their sums by product, department or source. Amounts are per currency; nothing is converted.
 */
public record CostReport(Instant at, List<CostLine> lines) {
    /** The name of seats nobody holds, in sums by department or source. */
    public static final String UNASSIGNED = "(seats nobody holds)";

    /** The name of holders without a department, in sums by department. */
    public static final String NO_DEPARTMENT = "(no department)";

    /** The name of direct assignments, in sums by source. */
    public static final String DIRECT = "(direct)";

    /** What costs are summed by. */
    public enum Dimension {
        SKU,
        DEPARTMENT,
        GROUP;

        /** A dimension by its name in any case ({@code sku}, {@code department}, {@code group}). */
        public static java.util.Optional<Dimension> of(String name) {
            for (Dimension d : values()) {
                if (d.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return java.util.Optional.of(d);
                }
            }
            return java.util.Optional.empty();
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The seats and monthly amount of one product, department or source in one currency.
     *
     * @param id the product's SKU id, the group's id, {@code direct}, {@code unassigned}, or the department's name
     *     ({@code ""} for none)
     * @param name what a person reads: the product's part number, the group's or department's name, or one of {@link
     *     #UNASSIGNED}, {@link #NO_DEPARTMENT}, {@link #DIRECT}
     * @param currency null for seats without a price, whose amount is null
     */
    public record Total(String id, String name, String currency, int seats, BigDecimal monthlyAmount) {}

    public CostReport {
        Objects.requireNonNull(at, "at");
        lines = List.copyOf(lines);
    }

    /** The lines summed by a dimension and currency, by name then currency (seats without a price last). */
    public List<Total> by(Dimension dimension) {
        Map<List<String>, Total> sums = new LinkedHashMap<>();
        for (CostLine line : lines) {
            String id = id(line, dimension);
            String name = name(line, dimension);
            sums.merge(
                    java.util.Arrays.asList(id, line.currency()),
                    new Total(id, name, line.currency(), line.seats(), line.monthlyAmount()),
                    CostReport::plus);
        }
        return sums.values().stream()
                .sorted(Comparator.comparing((Total t) -> t.name().startsWith("(") ? 1 : 0)
                        .thenComparing(t -> t.name().toLowerCase(Locale.ROOT))
                        .thenComparing(Total::currency, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Every line summed per currency: what the seats cost per month in all (seats without a price last). */
    public List<Total> totals() {
        Map<String, Total> sums = new LinkedHashMap<>();
        for (CostLine line : lines) {
            sums.merge(
                    String.valueOf(line.currency()),
                    new Total("total", "Total", line.currency(), line.seats(), line.monthlyAmount()),
                    CostReport::plus);
        }
        return sums.values().stream()
                .sorted(Comparator.comparing(Total::currency, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static Total plus(Total a, Total b) {
        BigDecimal amount = a.monthlyAmount() == null ? null : a.monthlyAmount().add(b.monthlyAmount());
        return new Total(a.id(), a.name(), a.currency(), a.seats() + b.seats(), amount);
    }

    private static String id(CostLine line, Dimension dimension) {
        return switch (dimension) {
            case SKU -> line.product().skuId().value().toString();
            case DEPARTMENT -> line.unassigned() ? "unassigned" : line.department() == null ? "" : line.department();
            case GROUP ->
                line.unassigned()
                        ? "unassigned"
                        : line.source().isDirect()
                                ? "direct"
                                : line.source().groupOrNull().value().toString();
        };
    }

    private static String name(CostLine line, Dimension dimension) {
        return switch (dimension) {
            case SKU -> line.product().skuPartNumber();
            case DEPARTMENT ->
                line.unassigned() ? UNASSIGNED : line.department() == null ? NO_DEPARTMENT : line.department();
            case GROUP ->
                line.unassigned()
                        ? UNASSIGNED
                        : line.source().isDirect()
                                ? DIRECT
                                : line.groupName() == null
                                        ? line.source().groupOrNull().value().toString()
                                        : line.groupName();
        };
    }
}
