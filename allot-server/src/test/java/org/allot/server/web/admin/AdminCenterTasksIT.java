package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.directory.GroupId;
import org.allot.server.persistence.JdbcGroupLicenses;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tasks of the seed documents, done the way an administrator does them: in the browser, each checked in the page
 * and in the database.
 */
class AdminCenterTasksIT extends AdminCenterIT {
    private static final By NOTICE = By.cssSelector("[data-test=notice]");
    private static final By PROBLEM = By.cssSelector("[data-test=problem]");

    @Autowired
    JdbcGroupLicenses groupLicenses;

    @Test
    void anAdministratorSetsAUsageLocationThenAssignsALicenseWithTwoAppsOff() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 10);
        UUID sam = synced(site, "sam.synced");
        Product e3 = product("ENTERPRISEPACK");
        UUID sway = plan(e3, "SWAY");
        UUID bookings = plan(e3, "MICROSOFTBOOKINGS");
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);

        b.open("/users?q=sam");
        b.click(By.linkText("sam.synced"));
        assertThat(b.path()).isEqualTo("/users/" + sam);

        // Without a usage location, Graph's refusal is shown in plain words and nothing is assigned.
        b.selectByValue(By.id("assign-sku"), e3.skuId().toString());
        b.find(By.id("app-" + sway));
        b.click(By.cssSelector("[data-test=assign]"));
        assertThat(b.text(PROBLEM)).contains("No usage location is set");
        assertThat(directLicenses(sam)).isZero();

        b.selectByValue(By.id("usageLocation"), "DE");
        b.click(By.cssSelector("#usage-location-form button"));
        assertThat(b.text(NOTICE)).isEqualTo("Usage location set to Germany (DE).");
        assertThat(jdbc.sql("select usage_location from directory_user where id = ?")
                        .param(sam)
                        .query(String.class)
                        .single())
                .isEqualTo("DE");

        b.selectByValue(By.id("assign-sku"), e3.skuId().toString());
        b.click(By.id("app-" + sway));
        b.click(By.id("app-" + bookings));
        b.click(By.cssSelector("[data-test=assign]"));
        int on = e3.servicePlans().size() - 2;
        assertThat(b.text(NOTICE))
                .isEqualTo("Office 365 E3 saved: " + on + " of "
                        + e3.servicePlans().size() + " apps on.");
        WebElement card = b.find(By.cssSelector("[data-test=license][data-sku=ENTERPRISEPACK]"));
        assertThat(card.findElement(By.cssSelector("[data-test=license-status]"))
                        .getText())
                .isEqualTo("Active");
        assertThat(card.findElement(By.id("app-" + sway)).isSelected()).isFalse();
        assertThat(card.findElement(By.id("app-" + bookings)).isSelected()).isFalse();
        assertThat(card.findElements(By.cssSelector("input[name=app]:checked"))).hasSize(on);
        var row = jdbc.sql("""
                        select state, disabled_plans from license_assignment
                        where user_id = ? and sku_id = ? and source_group_id = '00000000-0000-0000-0000-000000000000'""")
                .params(sam, e3.skuId().value())
                .query((rs, i) -> java.util.Map.entry(rs.getString(1), java.util.Arrays.asList((Object[])
                        rs.getArray(2).getArray())))
                .single();
        assertThat(row.getKey()).isEqualTo("Active");
        assertThat(row.getValue()).containsExactlyInAnyOrder(sway, bookings);
    }

    @Test
    void aGroupGetsE3AndEmsAndTheAdministratorWatchesItsMembersGetThem() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 50);
        subscribe(site, "EMS", 50);
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            members.add(user(site, "seller" + i, "US"));
        }
        UUID group = group(site, "Sales-E3", members);
        Product e3 = product("ENTERPRISEPACK");
        Product ems = product("EMS");
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);

        b.open("/groups");
        b.click(By.linkText("Sales-E3"));
        b.click(By.cssSelector("[data-test=license-editor] summary"));
        b.click(By.id("sku-" + e3.skuId()));
        b.click(By.id("sku-" + ems.skuId()));
        b.click(By.cssSelector("[data-test=preview]"));

        assertThat(b.text(By.cssSelector("[data-test=impact-members]"))).isEqualTo("30");
        assertThat(b.all(By.cssSelector("[data-test=would-wait]")))
                .extracting(WebElement::getText)
                .containsExactly("0", "0");
        assertThat(licensesFrom(group)).as("nothing changes before Apply").isZero();
        b.click(By.cssSelector("[data-test=apply]"));

        assertThat(b.text(NOTICE)).startsWith("Licenses saved");
        b.waitUntil(d -> "ProcessingComplete"
                .equals(d.findElement(By.cssSelector("[data-test=processing]")).getDomAttribute("data-state")));
        b.waitUntil(d -> d.findElements(By.cssSelector("[data-test=member-state]")).stream()
                .allMatch(e -> e.getText().equals("Licensed")));
        assertThat(b.all(By.cssSelector("[data-test=member-state]"))).hasSize(30);
        assertThat(b.all(By.cssSelector("[data-test=group-licenses] tbody tr")))
                .extracting(r -> r.getDomAttribute("data-sku"))
                .containsExactlyInAnyOrder("ENTERPRISEPACK", "EMS");
        b.screenshot("tasks-group");
        assertThat(jdbc.sql("select count(*) from license_assignment where source_group_id = ? and state = 'Active'")
                        .param(group)
                        .query(Long.class)
                        .single())
                .isEqualTo(60);
    }

    @Test
    void theProcessingStateUpdatesLiveWhileTheGroupIsProcessed() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "EMS", 10);
        UUID group = group(site, "Mobility", List.of(user(site, "ann", "US"), user(site, "bob", "US")));
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        work.execute(() -> {
            groupLicenses.setState(
                    site.tenant(), new GroupId(group), org.allot.core.assignment.ProcessingState.QueuedForProcessing);
            return null;
        });
        b.open("/groups/" + group);
        assertThat(b.attribute(By.cssSelector("[data-test=processing]"), "data-state"))
                .isEqualTo("QueuedForProcessing");
        b.script("window.allotLoadedBefore = true;");

        work.run(() -> groupLicensing.assign(
                        site.setup(),
                        new GroupId(group),
                        List.of(org.allot.core.assignment.AssignedLicense.of(
                                product("EMS").skuId())),
                        List.of()))
                .value();

        b.waitUntil(
                d -> b.script("return window.allotLoadedBefore === undefined;").equals(true));
        assertThat(b.attribute(By.cssSelector("[data-test=processing]"), "data-state"))
                .isEqualTo("ProcessingComplete");
        assertThat(b.all(By.cssSelector("[data-test=member-state]")))
                .extracting(WebElement::getText)
                .containsOnly("Licensed");
    }

    @Test
    void aMemberWaitsForASeatGetsOneWhenAnotherUserLosesTheirsAndTheAuditLogTellsWhoDidIt() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "EMS", 3);
        subscribe(site, "ENTERPRISEPACK", 5);
        Product ems = product("EMS");
        UUID early = user(site, "early.bird", "US");
        assignDirect(site, early, "EMS");
        assignDirect(site, early, "ENTERPRISEPACK");
        UUID ann = user(site, "ann", "US");
        UUID bob = user(site, "bob", "US");
        UUID third = user(site, "cat", "US");
        UUID group = group(site, "Mobility", List.of(ann, bob, third));
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);

        b.open("/groups/" + group);
        b.click(By.cssSelector("[data-test=license-editor] summary"));
        b.click(By.id("sku-" + ems.skuId()));
        b.click(By.cssSelector("[data-test=preview]"));
        assertThat(b.text(By.cssSelector("[data-test=would-wait]"))).isEqualTo("1");
        b.click(By.cssSelector("[data-test=apply]"));

        b.waitUntil(d -> "ProcessingComplete"
                .equals(d.findElement(By.cssSelector("[data-test=processing]")).getDomAttribute("data-state")));
        List<WebElement> errors = b.all(By.cssSelector("[data-test=errors] tbody tr"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getText()).contains("Waiting for a seat");
        String upn = errors.get(0).getDomAttribute("data-upn");
        UUID cat = jdbc.sql("select id from directory_user where user_principal_name = ?")
                .param(upn)
                .query(UUID.class)
                .single();
        assertThat(cat).isIn(ann, bob, third);

        b.open("/users/" + cat);
        WebElement card = b.find(By.cssSelector("[data-test=license][data-sku=EMS]"));
        assertThat(card.findElement(By.cssSelector("[data-test=license-status]"))
                        .getText())
                .isEqualTo("Waiting for a seat");
        assertThat(card.findElement(By.cssSelector("[data-test=error]")).getText())
                .isEqualTo("CountViolation");
        assertThat(card.getText()).contains("Number 1 in the waiting list");
        b.screenshot("tasks-user");
        assertThat(state(cat, group)).isEqualTo("Error CountViolation");

        b.open("/users/" + early);
        b.clickAndConfirm(By.cssSelector("[data-test=license][data-sku=EMS] [data-test=remove-license]"));
        assertThat(b.text(NOTICE)).isEqualTo("Enterprise Mobility + Security E3 removed.");
        assertThat(directLicenses(early)).isEqualTo(1);

        b.open("/users/" + cat);
        b.waitUntil(d -> {
            d.navigate().refresh();
            return d.findElement(By.cssSelector("[data-test=license][data-sku=EMS] [data-test=license-status]"))
                    .getText()
                    .equals("Active");
        });
        assertThat(state(cat, group)).isEqualTo("Active null");

        b.open("/audit");
        b.selectByText(By.id("activity"), "Change user license");
        b.type(By.id("actor"), "Global Administrator");
        b.type(By.id("target"), "early.bird");
        b.click(By.cssSelector("#audit-filters button[type=submit]"));
        List<WebElement> rows = b.all(By.cssSelector("[data-test=audit] tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("Change user license", "Global Administrator admin", "early.bird@");
        assertThat(rows.get(0).findElement(By.cssSelector("[data-test=change]")).getText())
                .isEqualTo("AssignedLicense: [ENTERPRISEPACK, EMS] → [ENTERPRISEPACK]");
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where tenant_id = ? and activity = 'CHANGE_USER_LICENSE'
                        and actor_id = ? and target_id = ?""")
                        .params(site.tenant().value(), site.admin(), early.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theDashboardShowsSeatsPerProductAsTheDatabaseCountsThem() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 4);
        subscribe(site, "EMS", 2);
        List<UUID> staff = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            staff.add(user(site, "staff" + i, "US"));
        }
        UUID group = group(site, "Everyone", staff);
        synced(site, "no.location");
        work.run(() -> groupLicensing.assign(
                        site.setup(),
                        new GroupId(group),
                        List.of(org.allot.core.assignment.AssignedLicense.of(
                                product("ENTERPRISEPACK").skuId())),
                        List.of()))
                .value();
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/");

        WebElement e3 = b.find(By.cssSelector("[data-test=seats] tr[data-sku=ENTERPRISEPACK]"));
        assertThat(cells(e3)).isEqualTo("4 4 0 1 0");
        assertThat(cells(b.find(By.cssSelector("[data-test=seats] tr[data-sku=EMS]"))))
                .isEqualTo("2 0 2 0 0");
        assertThat(b.text(By.cssSelector("[data-test=users-in-error]"))).isEqualTo("1");
        assertThat(b.text(By.cssSelector("[data-test=no-location]"))).isEqualTo("1");
        assertThat(b.text(By.cssSelector("[data-test=unlicensed]"))).isEqualTo("2");
        assertThat(b.script("return window.Chart.getChart(document.querySelector('canvas[data-chart]')) != null;"))
                .as("the seat chart is drawn")
                .isEqualTo(true);
        b.screenshot("tasks-dashboard");
        assertThat(jdbc.sql("select consumed from seat_count where tenant_id = ? and sku_id = ?")
                        .params(
                                site.tenant().value(),
                                product("ENTERPRISEPACK").skuId().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void signingInNeedsTheRightPasswordAndSigningOutEndsTheSession() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        Browser b = browser();
        b.signIn(site.admin(), "not the password");
        assertThat(b.text(PROBLEM)).isEqualTo("Incorrect sign-in name or password.");
        b.open("/users");
        assertThat(b.path()).isEqualTo("/login");

        b.signIn(site.admin(), PASSWORD);
        assertThat(b.path()).isEqualTo("/");
        assertThat(b.text(By.cssSelector("[data-test=signed-in]"))).contains("Global Administrator");
        b.click(By.xpath("//button[text()='Sign out']"));
        assertThat(b.source()).contains("You are signed out.");
        b.open("/users");
        assertThat(b.path()).isEqualTo("/login");
    }

    private static String cells(WebElement row) {
        return row.findElements(By.cssSelector("td.text-end")).stream()
                .map(WebElement::getText)
                .collect(Collectors.joining(" "));
    }

    private static UUID plan(Product product, String name) {
        return product.servicePlans().stream()
                .filter(p -> p.name().equals(name))
                .map(ServicePlan::id)
                .findFirst()
                .orElseThrow()
                .value();
    }

    private long directLicenses(UUID user) {
        return jdbc.sql("select count(*) from license_assignment where user_id = ? and source_group_id ="
                        + " '00000000-0000-0000-0000-000000000000'")
                .param(user)
                .query(Long.class)
                .single();
    }

    private long licensesFrom(UUID group) {
        return jdbc.sql("select count(*) from license_assignment where source_group_id = ?")
                .param(group)
                .query(Long.class)
                .single();
    }

    private String state(UUID user, UUID group) {
        return jdbc.sql("select state || ' ' || coalesce(error, 'null') from license_assignment where user_id = ? and"
                        + " source_group_id = ?")
                .params(user, group)
                .query(String.class)
                .single();
    }
}
