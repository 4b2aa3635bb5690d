package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.report.Chargeback;
import org.allot.core.report.CostReport;
import org.allot.core.report.HolderExport;
import org.allot.core.report.ReportViews;
import org.allot.core.report.UsageHistory;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.web.ReportDownloads;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reports page's downloads, as CSV ({@link ReportDownloads}, as the API writes them): the costs by product,
 * department or group; who holds what through which group; a product's usage history. An administrator whose roles
 * are held over administrative units downloads the costs and holders of their units' users (narrowed by the core).
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
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        CostReport.Dimension dimension = ReportsPage.dimension(by);
        ReportDownloads.costs(response, chargeback.report(AdminPages.caller(admin, request)), dimension);
    }

    @GetMapping("/reports/license-holders.csv")
    public void licenseHolders(
            @AuthenticationPrincipal AdminPrincipal admin, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ReportDownloads.holders(
                response, holders, AdminPages.caller(admin, request), catalog.forTenant(admin.tenant()));
    }

    @GetMapping("/reports/usage.csv")
    public void usage(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "product", defaultValue = "") String product,
            @RequestParam(name = "days", defaultValue = "" + UsageHistory.DEFAULT_DAYS) int days,
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
        ReportDownloads.usage(response, usage.value(), products);
    }
}
