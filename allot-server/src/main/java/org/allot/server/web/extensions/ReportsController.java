package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.allot.api.extensions.CostLineResource;
import org.allot.api.extensions.CostTotal;
import org.allot.api.extensions.LicenseHolding;
import org.allot.api.extensions.UsageSnapshotResource;
import org.allot.core.Rejection;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.report.Chargeback;
import org.allot.core.report.CostReport;
import org.allot.core.report.HolderExport;
import org.allot.core.report.Holding;
import org.allot.core.report.UsageHistory;
import org.allot.core.report.UsageSnapshot;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.CsvDownload;
import org.allot.server.web.ReportResources;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.Responses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Costs and reports (docs/license-lifecycle.md): the cost report by product, department or source, who holds what
 * through which group, and each product's usage history; each as JSON and as a CSV download.
 */
@RestController
@RequestMapping(path = "/allot/v1/reports", produces = "application/json")
public class ReportsController {
    static final int DEFAULT_DAYS = 30;
    private static final String CSV = "text/csv";

    private final Chargeback chargeback;
    private final HolderExport holders;
    private final UsageHistory history;
    private final ProductCatalog catalog;
    private final Responses responses;

    public ReportsController(
            Chargeback chargeback,
            HolderExport holders,
            UsageHistory history,
            ProductCatalog catalog,
            Responses responses) {
        this.chargeback = chargeback;
        this.holders = holders;
        this.history = history;
        this.catalog = catalog;
        this.responses = responses;
    }

    /** What the seats cost per month, summed by {@code sku}, {@code department} or {@code group}, or {@code line} by line. */
    @GetMapping("/costs")
    public ObjectNode costs(
            ApiCaller caller, @RequestParam(defaultValue = "sku") String by, HttpServletRequest request) {
        CostReport.Dimension dimension = dimension(by);
        CostReport report = chargeback.report(caller.tenant());
        List<?> values = dimension == null
                ? report.lines().stream()
                        .map(l -> ReportResources.line(l, false))
                        .toList()
                : report.by(dimension).stream()
                        .map(t -> ReportResources.total(t, false))
                        .toList();
        ObjectNode body = responses.list(request, "reports/costs", values);
        body.put("reportDateTime", report.at().toString());
        body.put("by", dimension == null ? "line" : dimension.key());
        body.putPOJO(
                "totals",
                report.totals().stream()
                        .map(t -> ReportResources.total(t, false))
                        .toList());
        return body;
    }

    @GetMapping(path = "/costs.csv", produces = CSV)
    public void costsCsv(ApiCaller caller, @RequestParam(defaultValue = "sku") String by, HttpServletResponse response)
            throws IOException {
        CostReport.Dimension dimension = dimension(by);
        CostReport report = chargeback.report(caller.tenant());
        if (dimension == null) {
            try (CsvDownload csv = CsvDownload.start(response, "costs.csv", CostLineResource.class)) {
                report.lines().forEach(l -> csv.write(ReportResources.line(l, true)));
            }
        } else {
            try (CsvDownload csv =
                    CsvDownload.start(response, "costs-by-" + dimension.key() + ".csv", CostTotal.class)) {
                report.by(dimension).forEach(t -> csv.write(ReportResources.total(t, true)));
            }
        }
    }

    /** A page of who holds what through which group, by product then user; {@code @odata.nextLink} to the next. */
    @GetMapping("/licenseHolders")
    public ObjectNode licenseHolders(
            ApiCaller caller,
            @RequestParam(name = "$top", defaultValue = "999") int top,
            @RequestParam(name = "$skiptoken", required = false) String skipToken,
            HttpServletRequest request) {
        if (top < 1 || top > HolderExport.MAX_PAGE) {
            throw new BadRequest("BadRequest", "'$top' must be between 1 and " + HolderExport.MAX_PAGE + ".");
        }
        Holding.Key after = skipToken == null
                ? null
                : ReportResources.key(skipToken)
                        .orElseThrow(
                                () -> new BadRequest("BadRequest", "This '$skiptoken' is not one this server gave."));
        HolderExport.Page page = holders.page(caller.tenant(), after, top);
        Catalog products = catalog.forTenant(caller.tenant());
        ObjectNode body = responses.list(
                request,
                "reports/licenseHolders",
                page.holdings().stream()
                        .map(h -> ReportResources.holding(h, products, false))
                        .toList());
        if (page.next() != null) {
            body.put(
                    "@odata.nextLink",
                    responses.url(request) + "?$top=" + top + "&$skiptoken=" + ReportResources.token(page.next()));
        }
        return body;
    }

    /** Every license holding of the tenant as CSV, written as it is read, a page at a time. */
    @GetMapping(path = "/licenseHolders.csv", produces = CSV)
    public void licenseHoldersCsv(ApiCaller caller, HttpServletResponse response) throws IOException {
        Catalog products = catalog.forTenant(caller.tenant());
        try (CsvDownload csv = CsvDownload.start(response, "license-holders.csv", LicenseHolding.class)) {
            holders.export(caller.tenant(), h -> csv.write(ReportResources.holding(h, products, true)));
        }
    }

    /** The daily usage snapshots of one product ({@code sku}: id or part number) or all, {@code from} to {@code to}. */
    @GetMapping("/usage")
    public ObjectNode usage(
            ApiCaller caller,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletRequest request) {
        Catalog products = catalog.forTenant(caller.tenant());
        return responses.list(
                request,
                "reports/usage",
                snapshots(caller, products, sku, from, to).stream()
                        .map(s -> ReportResources.usage(s, products, false))
                        .toList());
    }

    @GetMapping(path = "/usage.csv", produces = CSV)
    public void usageCsv(
            ApiCaller caller,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletResponse response)
            throws IOException {
        Catalog products = catalog.forTenant(caller.tenant());
        List<UsageSnapshot> snapshots = snapshots(caller, products, sku, from, to);
        try (CsvDownload csv = CsvDownload.start(response, "usage.csv", UsageSnapshotResource.class)) {
            snapshots.forEach(s -> csv.write(ReportResources.usage(s, products, true)));
        }
    }

    private List<UsageSnapshot> snapshots(ApiCaller caller, Catalog products, String sku, String from, String to) {
        SkuId product = sku == null || sku.isBlank()
                ? null
                : products.lookup(sku.strip())
                        .orElseThrow(() -> new Refused(Rejection.notFound(sku)))
                        .skuId();
        LocalDate last = to == null ? history.today() : date("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1L) : date("from", from);
        return Refused.orRefuse(history.between(caller.tenant(), product, first, last));
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(
                    "BadRequest", "'" + name + "' must be a date such as 2026-12-31, not '" + value + "'.");
        }
    }

    /** A dimension, or null for {@code line}. */
    private static CostReport.Dimension dimension(String by) {
        if ("line".equalsIgnoreCase(by.strip())) {
            return null;
        }
        return CostReport.Dimension.of(by)
                .orElseThrow(() ->
                        new BadRequest("BadRequest", "'by' must be sku, department, group or line, not '" + by + "'."));
    }
}
