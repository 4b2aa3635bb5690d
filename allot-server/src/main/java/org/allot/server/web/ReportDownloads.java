package org.allot.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.allot.api.extensions.CostLineResource;
import org.allot.api.extensions.CostTotal;
import org.allot.api.extensions.LicenseHolding;
import org.allot.api.extensions.UsageSnapshotResource;
import org.allot.core.Caller;
import org.allot.core.catalog.Catalog;
import org.allot.core.report.CostReport;
import org.allot.core.report.HolderExport;
import org.allot.core.report.UsageSnapshot;

/**
 * The reports' CSV downloads, one way for the API ({@code /allot/v1/reports/*.csv}) and the admin center's reports
 * page: the costs, who holds what through which group (written as it is read, a page at a time), the usage history.
 */
public final class ReportDownloads {
    private ReportDownloads() {}

    /**
     * The costs summed by {@code dimension}, then the totals per currency; line by line (product, department, source)
     * when {@code dimension} is null.
     */
    public static void costs(HttpServletResponse response, CostReport report, CostReport.Dimension dimension)
            throws IOException {
        if (dimension == null) {
            try (CsvDownload csv = CsvDownload.start(response, "costs.csv", CostLineResource.class)) {
                report.lines().forEach(l -> csv.write(ReportResources.line(l, true)));
            }
            return;
        }
        try (CsvDownload csv = CsvDownload.start(response, "costs-by-" + dimension.key() + ".csv", CostTotal.class)) {
            report.by(dimension).forEach(t -> csv.write(ReportResources.total(t, true)));
            report.totals().forEach(t -> csv.write(ReportResources.total(t, true)));
        }
    }

    /** Every license holding within the caller's scope, by product then user. */
    public static void holders(HttpServletResponse response, HolderExport holders, Caller caller, Catalog products)
            throws IOException {
        try (CsvDownload csv = CsvDownload.start(response, "license-holders.csv", LicenseHolding.class)) {
            holders.export(caller, h -> csv.write(ReportResources.holding(h, products, true)));
        }
    }

    /** Daily usage snapshots. */
    public static void usage(HttpServletResponse response, List<UsageSnapshot> snapshots, Catalog products)
            throws IOException {
        try (CsvDownload csv = CsvDownload.start(response, "usage.csv", UsageSnapshotResource.class)) {
            snapshots.forEach(s -> csv.write(ReportResources.usage(s, products, true)));
        }
    }
}
