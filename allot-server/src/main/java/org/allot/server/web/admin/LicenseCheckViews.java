package org.allot.server.web.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicenseCheckRun;
import org.allot.core.assignment.LicenseDifference;
import org.allot.core.assignment.LicensingViews;
import org.allot.core.catalog.Catalog;

/** Builds the Licenses page's "License check" section: the latest run, live while it runs, and its differences. */
public final class LicenseCheckViews {
    static final int PAGE = 50;

    /**
     * The section: the latest run (null before the first), one page of its differences from {@code from}, and where
     * the previous and next pages start (null: none).
     */
    public record Section(LicenseCheckRun run, List<Row> differences, int from, Integer previous, Integer next) {
        /** Whether the section changes by itself soon: the run is queued or running. */
        public boolean active() {
            return run != null && run.state().underWay();
        }
    }

    /** A difference with the names the table shows: the product's, and the group's for an inherited assignment. */
    public record Row(LicenseDifference difference, String product, String group) {
        public boolean ofUser() {
            return difference.user() != null;
        }

        /** What differs, in words. */
        public String kind() {
            return switch (difference.kind()) {
                case MissingAssignment -> "Missing assignment";
                case UnexpectedAssignment -> "Assignment that should not exist";
                case DisabledPlans -> "Apps switched off differ";
                case State -> "State differs";
                case ConsumedUnits -> "Assigned seats miscounted";
                case WaitingUnits -> "Waiting users miscounted";
                case WaitingWhileSeatsFree ->
                    difference.allotment() == null
                            ? "Users wait while seats are free"
                            : "Users wait while their allotment " + difference.allotmentName() + " has seats free";
                case AllotmentConsumedUnits ->
                    "Assigned seats of allotment " + difference.allotmentName() + " miscounted";
                case AllotmentWaitingUnits ->
                    "Waiting users of allotment " + difference.allotmentName() + " miscounted";
            };
        }

        public String groupId() {
            return difference.source() == null || difference.source().isDirect()
                    ? null
                    : difference.source().groupOrNull().toString();
        }
    }

    private final LicensingViews views;

    public LicenseCheckViews(LicensingViews views) {
        this.views = views;
    }

    Section section(TenantId tenant, int from) {
        return section(views.check(tenant, from, PAGE + 1), from);
    }

    /** The section of a license check read with differences from {@code from}, one more than a page. */
    static Section section(LicensingViews.Check check, int from) {
        LicenseCheckRun run = check.run();
        if (run == null) {
            return new Section(null, List.of(), 0, null, null);
        }
        List<LicenseDifference> page = check.differences();
        Catalog products = check.catalog();
        Map<UUID, String> groups = check.groupNames();
        List<Row> rows = page.stream()
                .limit(PAGE)
                .map(d -> new Row(
                        d,
                        products.productLabel(d.sku()),
                        d.source() == null || d.source().isDirect()
                                ? null
                                : groups.getOrDefault(
                                        d.source().groupOrNull().value(),
                                        d.source().groupOrNull().toString())))
                .toList();
        return new Section(
                run, rows, from, from == 0 ? null : Math.max(0, from - PAGE), page.size() > PAGE ? from + PAGE : null);
    }
}
