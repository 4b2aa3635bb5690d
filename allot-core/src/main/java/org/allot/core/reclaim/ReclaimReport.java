package org.allot.core.reclaim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a reclaim run found, and (once applied) what it did.
 *
 * @param id the run's id, null for a preview that was not kept
 * @param actor who ran it: an administrator, an app, or the schedule
 * @param applied whether the run removed what it could
 */
public record ReclaimReport(UUID id, Instant at, String actor, boolean applied, List<ReclaimItem> items) {
    public ReclaimReport {
        Objects.requireNonNull(at, "at");
        items = List.copyOf(items);
    }

    /** What freeing every listed seat saves per month, per currency (never converted); products without a price add nothing. */
    public Map<String, BigDecimal> monthlySavings() {
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (ReclaimItem i : items) {
            if (i.monthlySaving() != null) {
                totals.merge(i.monthlySaving().currency(), i.monthlySaving().amount(), BigDecimal::add);
            }
        }
        return totals;
    }

    /** How many licenses the run removed. */
    public long removed() {
        return count(ReclaimItem.Outcome.Removed);
    }

    public long count(ReclaimItem.Outcome outcome) {
        return items.stream().filter(i -> i.outcome() == outcome).count();
    }
}
