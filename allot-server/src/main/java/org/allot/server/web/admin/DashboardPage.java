package org.allot.server.web.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.LicensingViews;
import org.allot.server.security.AdminPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/** Where licenses stand at a glance: seats per product, users who need attention, groups in error, latest changes. */
@Controller
public class DashboardPage {
    static final int LATEST = 8;

    private final LicensingViews views;
    private final JsonMapper json;

    public DashboardPage(LicensingViews views, JsonMapper json) {
        this.views = views;
        this.json = json;
    }

    @GetMapping("/")
    public String show(@AuthenticationPrincipal AdminPrincipal admin, Model model) {
        LicensingViews.Dashboard dashboard = views.dashboard(admin.tenant(), 5, LATEST);
        List<ProductChoices.Choice> subscribed = ProductChoices.choices(dashboard.subscribed());
        LicensedDirectory.Attention attention = dashboard.attention();
        model.addAttribute("products", subscribed);
        model.addAttribute("chart", json.writeValueAsString(chart(subscribed)));
        model.addAttribute("counts", attention.users());
        model.addAttribute("groupsInError", attention.groupsInError());
        model.addAttribute("latest", dashboard.latest());
        return "dashboard";
    }

    /** A Chart.js configuration: one stacked bar per product (assigned, available, waiting). */
    static Map<String, Object> chart(List<ProductChoices.Choice> products) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", products.stream().map(ProductChoices.Choice::name).toList());
        data.put(
                "datasets",
                List.of(
                        dataset(
                                "Assigned",
                                "#0f6cbd",
                                products.stream()
                                        .map(ProductChoices.Choice::assigned)
                                        .toList()),
                        dataset(
                                "Available",
                                "#6bb700",
                                products.stream()
                                        .map(ProductChoices.Choice::available)
                                        .toList()),
                        dataset(
                                "Waiting",
                                "#d83b01",
                                products.stream()
                                        .map(ProductChoices.Choice::waiting)
                                        .toList())));
        Map<String, Object> axis = Map.of("stacked", true, "beginAtZero", true);
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

    private static Map<String, Object> dataset(String label, String color, List<Integer> values) {
        return Map.of("label", label, "backgroundColor", color, "data", values);
    }
}
