package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.allot.api.extensions.CostTotal;
import org.allot.api.extensions.LicenseHolding;
import org.allot.api.extensions.UsageSnapshotResource;
import org.allot.core.TenantId;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.report.Chargeback;
import org.allot.core.report.CostReport;
import org.allot.core.report.HolderExport;
import org.allot.core.report.ReportViews;
import org.allot.core.report.UsageHistory;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.web.CsvDownload;
import org.allot.server.web.ReportResources;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reports page's downloads, as CSV: the costs by product, department or group; who holds what through which group
 * (written as it is read, a page at a time); a product's usage history.
 */
@Controller
public class ReportExports {
    private final Chargeback chargeback;
    private final HolderExport holders;
    private final UsageHistory history;
    private final ProductCatalog catalog;

    public ReportExports(Chargeback chargeback, HolderExport holders, UsageHistory history, ProductCatalog catalog) {
        this.chargeback = chargeback;
        this.holders = holders;
        this.history = history;
        this.catalog = catalog;
    }

    @GetMapping("/reports/costs.csv")
    public void costs(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "by", defaultValue = "sku") String by,
            HttpServletResponse response)
            throws IOException {
        CostReport.Dimension dimension = ReportsPage.dimension(by);
        CostReport report = chargeback.report(admin.tenant());
        try (CsvDownload csv = CsvDownload.start(response, "costs-by-" + dimension.key() + ".csv", CostTotal.class)) {
            report.by(dimension).forEach(t -> csv.write(ReportResources.total(t, true)));
            report.totals().forEach(t -> csv.write(ReportResources.total(t, true)));
        }
    }

    @GetMapping("/reports/license-holders.csv")
    public void licenseHolders(@AuthenticationPrincipal AdminPrincipal admin, HttpServletResponse response)
            throws IOException {
        TenantId tenant = admin.tenant();
        Catalog products = catalog.forTenant(tenant);
        try (CsvDownload csv = CsvDownload.start(response, "license-holders.csv", LicenseHolding.class)) {
            holders.export(tenant, h -> csv.write(ReportResources.holding(h, products, true)));
        }
    }

    @GetMapping("/reports/usage.csv")
    public void usage(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "product", defaultValue = "") String product,
            @RequestParam(name = "days", defaultValue = "" + ReportsPage.DEFAULT_DAYS) int days,
            HttpServletResponse response)
            throws IOException {
        if (days < ReportViews.MIN_DAYS || days > ReportViews.MAX_DAYS) {
            throw new AdminPages.BadInput(
                    "Show " + ReportViews.MIN_DAYS + " to " + ReportViews.MAX_DAYS + " days, not " + days + ".");
        }
        Catalog products = catalog.forTenant(admin.tenant());
        SkuId sku = product.isBlank()
                ? null
                : products.lookup(product.strip())
                        .orElseThrow(() -> new AdminPages.NotFound(product))
                        .skuId();
        LocalDate to = history.today();
        var usage = history.between(admin.tenant(), sku, to.minusDays(days - 1L), to);
        if (!usage.isDone()) {
            throw new AdminPages.BadInput(usage.rejection().message());
        }
        try (CsvDownload csv = CsvDownload.start(response, "usage.csv", UsageSnapshotResource.class)) {
            usage.value().forEach(s -> csv.write(ReportResources.usage(s, products, true)));
        }
    }
}
