package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
import org.allot.server.web.ReportDownloads;
import org.allot.server.web.ReportResources;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.ODataQuery;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.Responses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Costs and reports (docs/license-lifecycle.md): the cost report by product, department or source, who holds what
 * through which group, and each product's usage history; each as JSON and as a CSV download. For an app whose roles
 * are held over administrative units the core narrows the costs and the holders to its units' users; the usage
 * history is SKU totals (docs/delegation.md).
 */
@RestController
@RequestMapping(path = "/allot/v1/reports", produces = "application/json")
public class ReportsController {
    private static final Set<ODataQuery.Option> PAGED = EnumSet.of(ODataQuery.Option.TOP, ODataQuery.Option.SKIPTOKEN);
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
        CostReport report = chargeback.report(caller.caller());
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
        ReportDownloads.costs(response, chargeback.report(caller.caller()), dimension);
    }

    /**
     * A page of who holds what through which group, by product then user; paged as every list ({@code $top}, and an
     * {@code @odata.nextLink} with a {@code $skiptoken} to the next page).
     */
    @GetMapping("/licenseHolders")
    public ObjectNode licenseHolders(ApiCaller caller, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, null, Set.of(), PAGED);
        Holding.Key after = query.after() == null
                ? null
                : ReportResources.key(query.after())
                        .orElseThrow(() -> new BadRequest("Invalid $skiptoken: use the @odata.nextLink of the previous"
                                + " page of this collection as it is."));
        HolderExport.Page page = holders.page(caller.caller(), after, query.top());
        Catalog products = catalog.forTenant(caller.tenant());
        return responses.page(
                request,
                "reports/licenseHolders",
                page.holdings().stream()
                        .map(h -> ReportResources.holding(h, products, false))
                        .toList(),
                query,
                null,
                null,
                page.next() == null ? null : ReportResources.cursor(page.next()));
    }

    /** Every license holding of the tenant as CSV, written as it is read, a page at a time. */
    @GetMapping(path = "/licenseHolders.csv", produces = CSV)
    public void licenseHoldersCsv(ApiCaller caller, HttpServletResponse response) throws IOException {
        ReportDownloads.holders(response, holders, caller.caller(), catalog.forTenant(caller.tenant()));
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
        ReportDownloads.usage(response, snapshots(caller, products, sku, from, to), products);
    }

    private List<UsageSnapshot> snapshots(ApiCaller caller, Catalog products, String sku, String from, String to) {
        SkuId product = sku == null || sku.isBlank()
                ? null
                : products.lookup(sku.strip())
                        .orElseThrow(() -> new Refused(Rejection.notFound(sku)))
                        .skuId();
        LocalDate last = to == null ? history.today() : date("to", to);
        LocalDate first = from == null ? last.minusDays(UsageHistory.DEFAULT_DAYS - 1L) : date("from", from);
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
