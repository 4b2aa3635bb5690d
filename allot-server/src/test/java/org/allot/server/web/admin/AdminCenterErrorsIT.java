package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserAttribute;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin center in error, as an administrator meets it: a refused bulk change names every refused user and keeps
 * what was chosen, refusals are in plain words with the product's name and the next step, the usage location is set
 * with the license in one step (or neither), and guests are warned about at once.
 */
class AdminCenterErrorsIT extends AdminCenterIT {
    private static final By NOTICE = By.cssSelector("[data-test=notice]");
    private static final By PROBLEM = By.cssSelector("[data-test=problem]");

    @Test
    void aRefusedBulkChangeNamesEveryRefusedUserKeepsTheSelectionAndOffersTheFixes() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 20);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        List<UUID> located = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            located.add(user(site, "placed" + i, "US"));
        }
        UUID nowhere1 = user(site, "nowhere1", null);
        UUID nowhere2 = user(site, "nowhere2", null);
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);

        b.open("/users");
        b.click(By.cssSelector("input[data-select-all]"));
        b.selectByValue(By.id("bulk-sku"), e3);
        // warned before sending: two of the ticked users have no usage location
        assertThat(b.find(By.cssSelector("[data-test=bulk-location-warning]")).isDisplayed())
                .isTrue();
        assertThat(b.text(By.cssSelector("[data-test=bulk-location-warning]"))).startsWith("2 of the ticked users");
        b.clickAndConfirm(By.cssSelector("#bulk button[type=submit]"));

        assertThat(b.text(PROBLEM)).contains("2 of the 5 selected users would be refused");
        assertThat(b.all(By.cssSelector("[data-test=bulk-refusal]")))
                .extracting(WebElement::getText)
                .containsExactlyInAnyOrder(
                        "nowhere1@" + site.domain() + " No usage location is set, and a license needs one.",
                        "nowhere2@" + site.domain() + " No usage location is set, and a license needs one.");
        assertThat(b.all(By.cssSelector("#bulk input[name=user]:checked"))).hasSize(5);
        assertThat(new Select(b.find(By.id("bulk-sku")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo(e3);
        assertThat(b.attribute(By.id("bulk-sku"), "class")).doesNotContain("is-invalid");
        assertThat(b.source()).doesNotContain("invalid usage location");
        assertThat(directCount(site)).isZero();

        // the others only
        b.click(By.cssSelector("[data-test=bulk-fix-others] button"));
        assertThat(b.text(NOTICE)).startsWith("Office 365 E3 added to 3 users.");
        assertThat(directCount(site)).isEqualTo(3);

        // again, then set a usage location for those without one, in the same step
        b.click(By.cssSelector("input[data-select-all]"));
        b.selectByValue(By.id("bulk-sku"), e3);
        b.clickAndConfirm(By.cssSelector("#bulk button[type=submit]"));
        assertThat(b.all(By.cssSelector("[data-test=bulk-refusal]"))).hasSize(2);
        b.selectByValue(By.id("bulk-fix-location-code"), "DE");
        b.click(By.cssSelector("[data-test=bulk-fix-location] button"));
        assertThat(b.text(NOTICE))
                .isEqualTo("Office 365 E3 added to 2 users (3 had nothing to change). Usage location set to"
                        + " Germany (DE) for 2 users.");
        assertThat(directCount(site)).isEqualTo(5);
        assertThat(location(nowhere1)).isEqualTo("DE");
        assertThat(location(nowhere2)).isEqualTo("DE");
        assertThat(location(located.get(0))).isEqualTo("US");
    }

    @Test
    void aBulkRemovalOfALicenseHeldOnlyThroughAGroupSaysWhyNothingChanged() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 5);
        UUID ann = user(site, "ann", "US");
        UUID group = group(site, "Sales", List.of(ann));
        work.run(() -> groupLicensing.assign(
                        site.setup(),
                        new GroupId(group),
                        List.of(AssignedLicense.of(product("ENTERPRISEPACK").skuId())),
                        List.of()))
                .value();
        AdminSession admin = session(site);
        AdminSession.Page page = admin.follow(admin.post(
                "/users/bulk",
                List.of(
                        Map.entry("user", ann.toString()),
                        Map.entry("sku", product("ENTERPRISEPACK").skuId().toString()),
                        Map.entry("mode", "remove"))));
        assertThat(page.body())
                .contains("Office 365 E3 removed from 0 users (1 had nothing to change). 1 of them hold Office 365 E3"
                        + " only through a group");
    }

    @Test
    void theLicensesPaneSetsTheUsageLocationAndTheLicenseInOneStepAndSpeaksPlainly() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 5);
        subscribe(site, "EMS", 1);
        UUID taken = user(site, "taken", "US");
        assignDirect(site, taken, "EMS");
        UUID kim = user(site, "kim", null);
        Product e3 = product("ENTERPRISEPACK");
        UUID sway = plan(e3, "SWAY");
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);

        b.open("/users/" + kim);
        assertThat(b.text(By.cssSelector("[data-test=location-warning]"))).startsWith("No usage location is set");
        b.selectByValue(By.id("assign-sku"), e3.skuId().toString());
        b.click(By.id("app-" + sway));
        b.click(By.cssSelector("[data-test=assign]"));
        assertThat(b.text(PROBLEM))
                .startsWith("No usage location is set, and a license needs one")
                .doesNotContain("invalid usage location");
        // the choices are kept: the product, and the app switched off
        assertThat(new Select(b.find(By.id("assign-sku")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo(e3.skuId().toString());
        assertThat(b.find(By.id("app-" + sway)).isSelected()).isFalse();
        assertThat(b.attribute(By.id("assign-sku"), "class")).doesNotContain("is-invalid");

        // no seat: the product's name and the next step, not the SKU's id; the location is not half-saved
        b.selectByValue(By.id("assign-location"), "FR");
        b.selectByValue(By.id("assign-sku"), product("EMS").skuId().toString());
        b.find(By.cssSelector("#assign-apps [data-test=apps]"));
        b.click(By.cssSelector("[data-test=assign]"));
        assertThat(b.text(PROBLEM))
                .contains("No seat of Enterprise Mobility + Security E3 is free")
                .contains("Add seats")
                .contains("Nothing was saved")
                .doesNotContain(product("EMS").skuId().toString());
        assertThat(location(kim)).isNull();

        // one Save: usage location and license together
        b.selectByValue(By.id("assign-location"), "DE");
        b.selectByValue(By.id("assign-sku"), e3.skuId().toString());
        b.find(By.id("app-" + sway));
        b.click(By.id("app-" + sway));
        b.click(By.cssSelector("[data-test=assign]"));
        int on = e3.servicePlans().size() - 1;
        assertThat(b.text(NOTICE))
                .isEqualTo("Usage location set to Germany (DE); Office 365 E3 saved: " + on + " of "
                        + e3.servicePlans().size() + " apps on.");
        assertThat(location(kim)).isEqualTo("DE");
        assertThat(b.has(By.cssSelector("[data-test=location-warning]"))).isFalse();
    }

    @Test
    void addingAGuestToALicensedGroupWarnsAtOnceAndTheErrorRowAdvisesADirectAssignment() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 5);
        UUID group = group(site, "Partners", List.of());
        work.run(() -> groupLicensing.assign(
                        site.setup(),
                        new GroupId(group),
                        List.of(AssignedLicense.of(product("ENTERPRISEPACK").skuId())),
                        List.of()))
                .value();
        UUID gail = guest(site, "gail");
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);

        // suggested as a guest before being added
        assertThat(session(site).get("/groups/member-suggestions?member=gail").body())
                .contains("Gail (Partner) (guest)");
        b.open("/groups/" + group);
        b.type(By.id("member"), gail.toString());
        b.click(By.cssSelector("#add-member-form button[type=submit]"));
        assertThat(b.text(NOTICE)).contains("is a guest").contains("Assign the license to them directly");

        b.open("/users/" + gail);
        assertThat(b.text(By.cssSelector("[data-test=problem-detail]")))
                .contains("assign the license to the guest directly")
                .doesNotContain("Correct the cause, then reprocess");
    }

    @Test
    void theGroupPageSaysWhatIsSoAndAsksOnlyWhatTheServerWillDo() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "EMS", 1);
        UUID ann = user(site, "ann", "US");
        UUID bob = user(site, "bob", "US");
        UUID empty = group(site, "Nothing yet", List.of(ann));
        UUID licensed = group(site, "Mobile", List.of(ann, bob));
        work.run(() -> groupLicensing.assign(
                        site.setup(),
                        new GroupId(licensed),
                        List.of(AssignedLicense.of(product("EMS").skuId())),
                        List.of()))
                .value();
        AdminSession admin = session(site);

        String none = admin.get("/groups/" + empty).body();
        assertThat(none).contains("No licenses to apply").doesNotContain("Processing complete");
        assertThat(none).contains("Delete the group Nothing yet?");

        String mobile = admin.get("/groups/" + licensed).body();
        // one of the two waits, and the badge says for what
        assertThat(mobile).contains("Waiting for a seat of Enterprise Mobility + Security E3");
        // its deletion would be refused (it assigns licenses): no confirmation is asked, the reason is shown
        assertThat(mobile)
                .doesNotContain("Delete the group Mobile?")
                .contains("It assigns licenses: remove them first.");

        // the banner says what the processing panel says
        AdminSession.Page reprocessed = admin.follow(admin.post("/groups/" + licensed + "/reprocess", List.of()));
        boolean complete = reprocessed.body().contains("data-state=\"ProcessingComplete\"");
        assertThat(reprocessed.body())
                .contains(complete ? "were applied to its members again" : "are being applied to its members again");

        // the audit log's target filter matches a user's display name, as its placeholder says
        Map<UserAttribute, Object> adele = new HashMap<>();
        adele.put(UserAttribute.USER_PRINCIPAL_NAME, "av123@" + site.domain());
        adele.put(UserAttribute.DISPLAY_NAME, "Adele Vance");
        adele.put(UserAttribute.USAGE_LOCATION, "US");
        work.run(() -> users.create(site.setup(), adele)).value();
        assertThat(admin.get("/audit?target=adele%20v").body()).contains("av123@" + site.domain());

        // the sign-in form's example is on the tenant's domain, not Microsoft's
        assertThat(AdminSession.anonymous("http://localhost:" + port)
                        .get("/login")
                        .body())
                .doesNotContain("onmicrosoft.com")
                .contains("placeholder=\"admin@");
    }

    private int directCount(Site site) {
        return jdbc.sql("select count(*) from license_assignment a join directory_user u on u.id = a.user_id"
                        + " where u.tenant_id = ? and a.source_group_id = '00000000-0000-0000-0000-000000000000'")
                .param(site.tenant().value())
                .query(Integer.class)
                .single();
    }

    private String location(UUID user) {
        return jdbc.sql("select usage_location from directory_user where id = ?")
                .param(user)
                .query((rs, i) -> rs.getString(1))
                .list()
                .get(0);
    }

    private static UUID plan(Product product, String name) {
        return product.servicePlans().stream()
                .filter(p -> p.name().equals(name))
                .map(ServicePlan::id)
                .findFirst()
                .orElseThrow()
                .value();
    }
}
