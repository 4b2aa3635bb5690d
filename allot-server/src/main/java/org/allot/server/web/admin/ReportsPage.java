package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.allot.api.Amounts;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.report.CostReport;
import org.allot.core.report.ReportViews;
import org.allot.core.report.UsageHistory;
import org.allot.core.report.UsageSnapshot;
import org.allot.server.security.AdminPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Costs and reports: what the seats cost per month by product, department or group (per currency), a product's usage
 * history as a chart, the seats of products split into allotments by pool, and the downloads (costs, who holds what
 * through which group and from which allotment, usage) as CSV. An administrator whose roles are held over
 * administrative units sees the costs of their units' users and their units' pools (narrowed by the core) and the
 * products' usage, which is SKU totals.
 */
@Controller
public class ReportsPage {
    private final ReportViews views;
    private final JsonMapper json;

    public ReportsPage(ReportViews views, JsonMapper json) {
        this.views = views;
        this.json = json;
    }

    /** A cost sum as the table shows it: its amount written out, or a dash for seats without a price. */
    public record CostRow(String name, String currency, int seats, String amount) {
        static CostRow of(CostReport.Total t) {
            return new CostRow(
                    t.name(),
                    t.currency() == null ? "—" : t.currency(),
                    t.seats(),
                    ReportsPage.amount(t.monthlyAmount()));
        }
    }

    @GetMapping("/reports")
    public String show(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "by", defaultValue = "sku") String by,
            @RequestParam(name = "product", defaultValue = "") String product,
            @RequestParam(name = "days", defaultValue = "" + UsageHistory.DEFAULT_DAYS) int days,
            HttpServletRequest request,
            Model model) {
        CostReport.Dimension dimension = dimension(by);
        Outcome<ReportViews.Overview> outcome = views.overview(AdminPages.caller(admin, request), product, days);
        if (!outcome.isDone()) {
            if (outcome.rejection().code() == ErrorCode.NOT_FOUND) {
                throw new AdminPages.NotFound(product);
            }
            throw new AdminPages.BadInput(outcome.rejection().message());
        }
        ReportViews.Overview overview = outcome.value();
        model.addAttribute("by", dimension.key());
        model.addAttribute("days", days);
        model.addAttribute(
                "costs",
                overview.costs().by(dimension).stream().map(CostRow::of).toList());
        model.addAttribute(
                "totals", overview.costs().totals().stream().map(CostRow::of).toList());
        model.addAttribute("reportAt", overview.costs().at());
        model.addAttribute("products", overview.products());
        model.addAttribute("product", overview.product());
        model.addAttribute("from", overview.from());
        model.addAttribute("to", overview.to());
        model.addAttribute("usage", overview.usage());
        model.addAttribute("chart", json.writeValueAsString(chart(overview.usage())));
        model.addAttribute("allotments", overview.allotments());
        return "reports";
    }

    static CostReport.Dimension dimension(String by) {
        return CostReport.Dimension.of(by)
                .orElseThrow(() -> new AdminPages.BadInput("Costs are shown by product, department or group."));
    }

    static String amount(BigDecimal value) {
        return value == null ? "—" : Amounts.text(value);
    }

    /** A Chart.js configuration: one line per figure (assigned, available, waiting, seats), one point per day kept. */
    static Map<String, Object> chart(List<UsageSnapshot> usage) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", usage.stream().map(s -> s.day().toString()).toList());
        data.put(
                "datasets",
                List.of(
                        dataset("Assigned", "#0f6cbd", usage, UsageSnapshot::assigned),
                        dataset("Available", "#6bb700", usage, UsageSnapshot::available),
                        dataset("Waiting", "#d83b01", usage, UsageSnapshot::waiting),
                        dataset("Seats", "#605e5c", usage, UsageSnapshot::seats)));
        return Map.of(
                "type",
                "line",
                "data",
                data,
                "options",
                Map.of(
                        "maintainAspectRatio",
                        false,
                        "animation",
                        false,
                        "scales",
                        Map.of("y", Map.of("beginAtZero", true, "title", Map.of("display", true, "text", "users"))),
                        "plugins",
                        Map.of("legend", Map.of("position", "bottom"))));
    }

    private static Map<String, Object> dataset(
            String label, String colour, List<UsageSnapshot> usage, ToIntFunction<UsageSnapshot> figure) {
        return Map.of(
                "label",
                label,
                "borderColor",
                colour,
                "backgroundColor",
                colour,
                "data",
                usage.stream().map(figure::applyAsInt).toList());
    }
}
