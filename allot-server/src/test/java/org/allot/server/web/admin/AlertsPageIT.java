package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/**
 * Alerts in the admin center (docs/alerts.md): rules set on the Alerts page, open alerts on the dashboard in plain
 * words with the product's name and the next step, and resolved ones listed once their condition ends.
 */
class AlertsPageIT extends AdminCenterIT {
    @Test
    void theDashboardShowsAnOpenAlertWithItsNextStepUntilItIsResolved() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        var e3 = site.api().post("/allot/v1/subscriptions", """
                {"skuPartNumber":"ENTERPRISEPACK","seats":2}""");
        assertThat(e3.status()).isEqualTo(201);
        AdminSession admin = session(site);
        assertThat(admin.get("/").body()).doesNotContain("data-test=\"dashboard-alerts\"");

        assertThat(admin.post("/alerts/rules", rules("30", "many", "0")).location())
                .endsWith("/alerts");
        assertThat(admin.get("/alerts").body()).contains("Enter each threshold as a whole number");
        AdminSession.Page set = admin.post("/alerts/rules", rules("30", "3", "0"));
        assertThat(set.location()).endsWith("/alerts");

        String dashboard = admin.get("/").body();
        assertThat(dashboard)
                .contains(
                        "data-test=\"dashboard-alerts\"",
                        "1 open alert",
                        "Office 365 E3 has 2 free seats left (the alert is set below 3).",
                        "Next step:",
                        "Add seats to a subscription, or reclaim unused licenses.");
        String page = admin.get("/alerts").body();
        assertThat(page).contains("data-kind=\"freeSeatsLow\"").contains("value=\"3\"");

        assertThat(site.api()
                        .patch("/allot/v1/subscriptions/" + e3.body().path("id").asString(), "{\"seats\":10}")
                        .status())
                .isEqualTo(200);
        assertThat(admin.post("/alerts/rules", rules("30", "4", "0")).location())
                .endsWith("/alerts");

        assertThat(admin.get("/").body()).doesNotContain("data-test=\"dashboard-alerts\"");
        assertThat(admin.get("/alerts").body())
                .contains("No open alerts.", "data-test=\"resolved-alerts\"", "Office 365 E3 has 2 free seats left");
    }

    private static List<Map.Entry<String, String>> rules(String days, String freeSeats, String waiting) {
        return List.of(
                Map.entry("expiringWithinDays", days),
                Map.entry("freeSeatsBelow", freeSeats),
                Map.entry("waitingAtLeast", waiting),
                Map.entry("lapsed", "true"));
    }
}
