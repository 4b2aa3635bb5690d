package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.core.report.UsageHistory;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reports page (docs/license-lifecycle.md, "Costs and reports"): the costs by product, department and group per
 * currency, the usage chart drawn from the daily snapshot, and the CSV downloads.
 */
class ReportsPageIT extends AdminCenterIT {
    @Autowired
    private UsageHistory history;

    @Test
    void theReportsPageShowsCostsPerCurrencyTheUsageChartAndTheDownloads() {
        Site site = newSite(Role.GLOBAL_READER);
        assertThat(site.api().post("/allot/v1/subscriptions", """
                                {"skuPartNumber":"ENTERPRISEPACK","seats":4,"unitPrice":23.10,"currency":"CHF"}""").status()).isEqualTo(201);
        String e3 = product("ENTERPRISEPACK").skuId().value().toString();
        String ada = site.api()
                .post("/v1.0/users", """
                        {"accountEnabled":true,"displayName":"Ada","mailNickname":"ada","userPrincipalName":"ada@%s",
                         "usageLocation":"CH","department":"Finance"}""".formatted(site.domain()))
                .body()
                .path("id")
                .asString();
        assertThat(site.api()
                        .post("/v1.0/users/" + ada + "/assignLicense", """
                                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(e3))
                        .status())
                .isEqualTo(200);
        history.snapshot(site.tenant());
        AdminSession session = session(site);

        String byProduct = session.get("/reports").body();
        assertThat(byProduct).contains("Costs per month", "ENTERPRISEPACK", "CHF", "92.40", "Usage history");
        String byDepartment = session.get("/reports?by=department").body();
        assertThat(byDepartment).contains("Finance", "23.10", "(seats nobody holds)", "69.30");
        String byGroup = session.get("/reports?by=group").body();
        assertThat(byGroup).contains("(direct)", "23.10");
        assertThat(session.get("/reports?by=colour").status()).isEqualTo(400);
        assertThat(session.get("/reports?days=3").status()).isEqualTo(400);
        assertThat(session.get("/reports?product=NO_SUCH_THING").status()).isEqualTo(404);

        assertThat(session.get("/reports/costs.csv?by=department")
                        .body()
                        .replace("\"", "")
                        .lines())
                .contains(
                        "id,name,currency,seats,monthlyAmount",
                        "Finance,Finance,CHF,1,23.10",
                        "total,Total,CHF,4,92.40");
        assertThat(session.get("/reports/license-holders.csv").body().replace("\"", ""))
                .contains("ada@" + site.domain() + ",Finance," + e3 + ",ENTERPRISEPACK,direct,,,Active,,");
        assertThat(session.get("/reports/usage.csv?product=ENTERPRISEPACK")
                        .body()
                        .replace("\"", "")
                        .lines())
                .contains(history.today() + "," + e3 + ",ENTERPRISEPACK,4,1,3,0,");

        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/reports");
        assertThat(b.all(By.cssSelector("[data-test=cost]"))).hasSize(1);
        assertThat(b.script("return window.Chart.getChart(document.querySelector('[data-test=usage-chart]')) != null;"))
                .as("the usage chart is drawn")
                .isEqualTo(true);
        b.screenshot("reports");
    }
}
