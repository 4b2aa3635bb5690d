package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.directory.GroupId;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Licenses page's "License check" section, in Chromium: drift made behind the server's back by SQL is found by
 * "Check now", shown with the user it concerns, and gone after "Repair now"; roles that cannot start checks read the
 * section without its buttons.
 */
class LicenseCheckPageIT extends AdminCenterIT {
    private static final By SECTION = By.cssSelector("[data-test=license-check]");
    private static final By NOTICE = By.cssSelector("[data-test=notice]");

    @Test
    void anAdministratorChecksSeesTheDriftRepairsItAndSeesItGone() {
        Site site = newSite(Role.LICENSE_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 10);
        UUID ada = user(site, "ada", "US");
        UUID bob = user(site, "bob", "US");
        UUID staff = group(site, "Staff", List.of(ada, bob));
        work.run(() -> groupLicensing.assign(
                        site.setup(),
                        new GroupId(staff),
                        List.of(AssignedLicense.of(product("ENTERPRISEPACK").skuId())),
                        List.of()))
                .value();
        jdbc.sql("delete from license_assignment where tenant_id = ? and user_id = ?")
                .params(site.tenant().value(), ada)
                .update();
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);

        b.click(By.linkText("Licenses"));
        assertThat(b.text(SECTION)).contains("No license check has run yet.");
        b.click(By.cssSelector("[data-test=check-now]"));
        assertThat(b.text(NOTICE)).startsWith("A check was asked for");
        awaitRun(b, "Dry run (reports only)");

        assertThat(b.text(By.cssSelector("[data-test=run-status]"))).contains("Differences remain");
        assertThat(b.text(By.cssSelector("[data-test=differences-found]"))).isEqualTo("2");
        WebElement missing = b.find(By.cssSelector("[data-test=difference][data-kind=MissingAssignment]"));
        assertThat(missing.getDomAttribute("data-user")).isEqualTo(ada.toString());
        assertThat(missing.getText()).contains("ada@" + site.domain(), "Office 365 E3", "Staff", "Missing assignment");
        assertThat(missing.findElement(By.cssSelector("[data-test=expected]")).getText())
                .isEqualTo("Active");
        assertThat(missing.findElement(By.cssSelector("[data-test=stored]")).getText())
                .isEqualTo("absent");
        assertThat(b.find(By.cssSelector("[data-test=difference][data-kind=ConsumedUnits]"))
                        .getText())
                .contains("Seat figures", "Assigned seats miscounted");
        assertThat(missing.findElement(By.linkText("ada@" + site.domain())).getDomAttribute("href"))
                .isEqualTo("/users/" + ada);

        b.click(By.cssSelector("[data-test=repair-now]"));
        assertThat(b.text(NOTICE)).startsWith("A repair was asked for");
        awaitRun(b, "Repair");

        assertThat(b.text(By.cssSelector("[data-test=run-status]"))).contains("Every difference found was repaired.");
        assertThat(b.text(By.cssSelector("[data-test=differences-repaired]"))).isEqualTo("2");
        assertThat(b.all(By.cssSelector("[data-test=difference]")))
                .extracting(WebElement::getText)
                .allSatisfy(row -> assertThat(row).endsWith("Yes"));
        assertThat(site.api()
                        .get("/v1.0/users/" + ada + "/licenseDetails")
                        .body()
                        .path("value")
                        .size())
                .isEqualTo(1);
        b.screenshot("license-check");

        b.click(By.cssSelector("[data-test=check-now]"));
        awaitRun(b, "Dry run (reports only)");
        assertThat(b.text(By.cssSelector("[data-test=run-status]"))).contains("Everything is as the rules say.");
        assertThat(b.has(By.cssSelector("[data-test=difference]"))).isFalse();
    }

    @Test
    void rolesThatCannotStartChecksReadTheSectionWithoutItsButtons() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        assertThat(session(site).post("/licenses/check", List.of()).location()).endsWith("/licenses#license-check");
        for (Role role : List.of(Role.GLOBAL_READER, Role.USER_ADMINISTRATOR)) {
            String name = addAdmin(site, role.name().toLowerCase(java.util.Locale.ROOT) + "@" + site.domain(), role);
            AdminSession session = AdminSession.signIn("http://localhost:" + port, name, PASSWORD);
            String page = session.get("/licenses").body();
            assertThat(page).as(role.displayName()).contains("License check").doesNotContain("data-test=\"check-now\"");
            assertThat(session.post("/licenses/check", List.of()).status()).isEqualTo(403);
        }
    }

    /** Waits until the section shows a finished run of this kind (htmx refreshes it while the run is under way). */
    private static void awaitRun(Browser b, String kind) {
        b.waitUntil(d -> {
            try {
                WebElement section = d.findElement(SECTION);
                return "Succeeded".equals(section.getDomAttribute("data-state"))
                                && section.findElement(By.cssSelector("[data-test=run-kind]"))
                                        .getText()
                                        .equals(kind)
                        ? section
                        : null;
            } catch (org.openqa.selenium.StaleElementReferenceException
                    | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        });
    }
}
