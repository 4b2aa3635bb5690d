package org.allot.server.web.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.allot.core.alert.AlertWatch;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.LicensingViews;
import org.allot.server.security.AdminPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/** Where licenses stand at a glance: open alerts, seats per product, users who need attention, groups in error, latest changes. */
@Controller
public class DashboardPage {
    static final int LATEST = 8;

    /** Open alerts shown at most; the Alerts page has them all. */
    static final int ALERTS = 5;

    private final LicensingViews views;
    private final AlertWatch alerts;
    private final JsonMapper json;

    public DashboardPage(LicensingViews views, AlertWatch alerts, JsonMapper json) {
        this.views = views;
        this.alerts = alerts;
        this.json = json;
    }

    @GetMapping("/")
    public String show(@AuthenticationPrincipal AdminPrincipal admin, Model model) {
        LicensingViews.Dashboard dashboard = views.dashboard(admin.tenant(), 5, LATEST);
        List<ProductChoices.Choice> subscribed = ProductChoices.choices(dashboard.subscribed());
        model.addAttribute("products", subscribed);
        model.addAttribute("chart", json.writeValueAsString(chart(subscribed)));
        if (admin.scoped()) {
            // a unit administrator: the tenant's product totals only (docs/delegation.md), no tenant-wide figures
            model.addAttribute("alerts", List.of());
            return "dashboard";
        }
        LicensedDirectory.Attention attention = dashboard.attention();
        model.addAttribute("counts", attention.users());
        model.addAttribute("groupsInError", attention.groupsInError());
        model.addAttribute("latest", dashboard.latest());
        model.addAttribute("alerts", alerts.list(admin.tenant(), true, ALERTS));
        return "dashboard";
    }

    /**
     * A Chart.js configuration: one bar per product, its seats as 100% (assigned within the seats, available,
     * waiting, over), so that a product with a hundred times the seats of another is as readable; the labels carry
     * the seat counts and the table under the chart the figures.
     */
    static Map<String, Object> chart(List<ProductChoices.Choice> products) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "labels",
                products.stream()
                        .map(p -> p.name() + " (" + p.total() + " seats)")
                        .toList());
        data.put(
                "datasets",
                List.of(
                        dataset("Assigned %", "#0f6cbd", share(products, p -> p.assigned() - p.overage())),
                        dataset("Available %", "#6bb700", share(products, ProductChoices.Choice::available)),
                        dataset("Waiting %", "#d83b01", share(products, ProductChoices.Choice::waiting)),
                        dataset("Over %", "#a4262c", share(products, ProductChoices.Choice::overage))));
        Map<String, Object> axis = Map.of(
                "stacked", true, "min", 0, "max", 100, "title", Map.of("display", true, "text", "% of the product"));
        return Map.of(
                "type",
                "bar",
                "data",
                data,
                "options",
                Map.of(
                        "indexAxis",
                        "y",
                        "maintainAspectRatio",
                        false,
                        "animation",
                        false,
                        "scales",
                        Map.of("x", axis, "y", Map.of("stacked", true)),
                        "plugins",
                        Map.of("legend", Map.of("position", "bottom"))));
    }

    /** Each product's part, in percent of its assigned, available and waiting seats together. */
    static List<Double> share(List<ProductChoices.Choice> products, ToIntFunction<ProductChoices.Choice> part) {
        return products.stream()
                .map(p -> {
                    long whole = (long) p.assigned() + p.available() + p.waiting();
                    return whole == 0 ? 0.0 : Math.round(part.applyAsInt(p) * 1000.0 / whole) / 10.0;
                })
                .toList();
    }

    private static Map<String, Object> dataset(String label, String color, List<Double> values) {
        return Map.of("label", label, "backgroundColor", color, "data", values);
    }
}
