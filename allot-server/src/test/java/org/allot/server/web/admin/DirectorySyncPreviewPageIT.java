package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.server.ldap.TestDirectory;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Directory sync page's connector previews, staging switch and thresholds form, in Chromium, against an in-memory
 * LDAP directory (Contoso's people under contoso.com). {@link DirectorySyncPageIT} covers the rest of the page.
 */
class DirectorySyncPreviewPageIT extends AdminCenterIT {
    private static final By NOTICE = By.cssSelector("[data-test=notice]");

    private final TestDirectory directory = TestDirectory.genericLdap();

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

    @Test
    void previewingAMemberAttributeTheGroupsLackShowsWhoWouldLoseWhatAndChangesNothing() {
        Site site = newSite("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(site.api(), directory);
        syncNow(site.api());
        licenseResearch(site);
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);

        b.open("/sync");
        b.type(By.id("mapping"), "group.member = uniqueMember");
        b.click(By.cssSelector("[data-test=preview]"));

        assertThat(b.path()).startsWith("/sync/runs/");
        assertThat(b.text(NOTICE)).startsWith("Preview done: nothing was applied and the connector was not saved.");
        assertThat(b.attribute(By.cssSelector("[data-test=run-state]"), "data-state"))
                .isEqualTo("PREVIEW");
        assertThat(b.text(By.cssSelector("[data-test=dry-summary]")))
                .startsWith("Nothing was applied.")
                .contains("remove 4 memberships and take a license from 2 users");
        assertThat(b.all(By.cssSelector("[data-test=license-loss]")))
                .extracting(e -> e.getDomAttribute("data-name"))
                .containsExactly("barbara.liskov@contoso.com", "hedy.lamarr@contoso.com");
        assertThat(b.all(By.cssSelector("[data-test=pending-removal]"))).hasSize(4);
        assertThat(b.text(By.cssSelector("[data-test=run-message]")))
                .contains("remove 2 memberships of licensed groups (and 2 of groups that give no license)");
        assertThat(b.has(By.cssSelector("[data-test=confirm]"))).isFalse();
        b.screenshot("directory-sync-preview");
        assertThat(site.api()
                        .get("/allot/v1/directorySync/connector")
                        .body()
                        .path("mapping")
                        .isEmpty())
                .as("not saved")
                .isTrue();
        assertThat(site.api()
                        .get("/v1.0/users/barbara.liskov@contoso.com/licenseDetails")
                        .body()
                        .path("value"))
                .as("still licensed")
                .hasSize(1);

        b.open("/sync");
        assertThat(b.find(By.id("mapping")).getDomProperty("value")).isEmpty();
        assertThat(b.all(By.cssSelector("[data-test=run][data-state=PREVIEW]")))
                .singleElement()
                .satisfies(run -> assertThat(run.getText()).contains("Preview by", "Preview: nothing applied"));
    }

    @Test
    void aConnectorSwitchedToStagingRunsWithoutApplyingAndAPreviewElsewhereAsksForThePassword() {
        Site site = newSite("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/sync");
        b.selectByValue(By.id("preset"), "genericLdap");
        b.type(By.id("url"), directory.url());
        b.type(By.id("bindDn"), TestDirectory.BIND_DN);
        b.type(By.id("password"), TestDirectory.PASSWORD);
        b.type(By.id("baseDns"), TestDirectory.BASE);
        b.click(By.id("enabled"));
        b.click(By.id("staging"));

        b.click(By.cssSelector("[data-test=save]"));
        assertThat(b.text(NOTICE))
                .startsWith("Connector saved.")
                .contains("Staging mode is on: runs report what they would do and apply nothing.")
                .as("the schedule is off: no run comes by itself")
                .doesNotContain("wait for the schedule");
        assertThat(b.find(By.id("staging")).isSelected()).isTrue();
        assertThat(b.text(By.cssSelector("[data-test=staging-on]")))
                .as("said where the run is asked for")
                .isEqualTo("Staging mode is on: the run applies nothing.");
        assertThat(site.api()
                        .get("/allot/v1/directorySync/connector")
                        .body()
                        .path("staging")
                        .asBoolean())
                .isTrue();
        b.click(By.cssSelector("[data-test=sync-now]"));
        b.waitUntil(d -> d.findElements(By.cssSelector("[data-test=run][data-state=STAGED]")).stream()
                .findFirst()
                .orElse(null));
        b.click(By.cssSelector("[data-test=run][data-state=STAGED] a"));
        assertThat(b.all(By.cssSelector("[data-test=planned-change][data-action=ADD]")))
                .hasSize(5);
        assertThat(site.api().get("/v1.0/users/hedy.lamarr@contoso.com").status())
                .isEqualTo(404);

        b.open("/sync");
        b.type(By.id("url"), "ldap://localhost:1");
        b.click(By.cssSelector("[data-test=preview]"));
        assertThat(b.path()).isEqualTo("/sync");
        assertThat(b.text(By.cssSelector("[data-test=connector-problem]")))
                .startsWith("Type the bind password to preview a sync from ldap://localhost:1")
                .endsWith("Nothing was previewed.");
        assertThat(b.find(By.id("url")).getDomProperty("value")).isEqualTo("ldap://localhost:1");
    }

    @Test
    void theTwoThresholdsAreSetOnTheSyncPageAndAReaderOnlySeesThem() {
        Site site = newSite("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/sync");
        assertThat(b.find(By.id("syncDeleteThreshold")).getDomProperty("value")).isEqualTo("500");
        assertThat(b.find(By.id("syncLicenseLossThreshold")).getDomProperty("value"))
                .isEqualTo("500");

        b.type(By.id("syncDeleteThreshold"), "25");
        b.type(By.id("syncLicenseLossThreshold"), "3");
        b.click(By.cssSelector("[data-test=save-thresholds]"));

        assertThat(b.text(NOTICE))
                .isEqualTo("Thresholds saved: a run that would delete more than 25 objects or take a license from more"
                        + " than 3 users is held for confirmation.");
        assertThat(site.api()
                        .get("/allot/v1/settings")
                        .body()
                        .path("syncDeleteThreshold")
                        .asInt())
                .isEqualTo(25);
        assertThat(site.api()
                        .get("/allot/v1/settings")
                        .body()
                        .path("syncLicenseLossThreshold")
                        .asInt())
                .isEqualTo(3);
        assertThat(b.find(By.id("syncLicenseLossThreshold")).getDomProperty("value"))
                .isEqualTo("3");

        AdminSession admin = session(site);
        for (String typed : List.of("-1", "ten", "99999999999")) {
            AdminSession.Page refused = admin.follow(admin.post(
                    "/sync/thresholds",
                    List.of(Map.entry("syncDeleteThreshold", typed), Map.entry("syncLicenseLossThreshold", "3"))));
            assertThat(refused.body()).as(typed).contains("data-test=\"thresholds-problem\"");
        }
        b.open("/sync");
        b.script("document.getElementById('thresholds-form').noValidate = true;");
        b.type(By.id("syncDeleteThreshold"), "99999999999");
        b.type(By.id("syncLicenseLossThreshold"), "7");
        b.click(By.cssSelector("[data-test=save-thresholds]"));
        assertThat(b.text(By.cssSelector("[data-test=thresholds-problem]"))).startsWith("Each threshold is a whole");
        assertThat(b.find(By.id("syncDeleteThreshold")).getDomProperty("value"))
                .as("what was typed is kept, to be corrected")
                .isEqualTo("99999999999");
        assertThat(b.find(By.id("syncLicenseLossThreshold")).getDomProperty("value"))
                .isEqualTo("7");
        assertThat(b.find(By.id("syncDeleteThreshold")).getDomAttribute("class"))
                .contains("is-invalid");
        assertThat(site.api()
                        .get("/allot/v1/settings")
                        .body()
                        .path("syncDeleteThreshold")
                        .asInt())
                .isEqualTo(25);

        String reader = addAdmin(
                site,
                "reader-" + site.tenant().value().toString().substring(0, 8) + "@contoso.com",
                Role.GLOBAL_READER);
        AdminSession readerSession = AdminSession.signIn("http://localhost:" + port, reader, PASSWORD);
        assertThat(readerSession.get("/sync").body())
                .contains("data-test=\"thresholds-summary\"")
                .doesNotContain("thresholds-form");
        assertThat(readerSession
                        .post(
                                "/sync/thresholds",
                                List.of(
                                        Map.entry("syncDeleteThreshold", "0"),
                                        Map.entry("syncLicenseLossThreshold", "0")))
                        .status())
                .isEqualTo(403);
        assertThat(site.api()
                        .get("/allot/v1/settings")
                        .body()
                        .path("syncDeleteThreshold")
                        .asInt())
                .isEqualTo(25);
    }

    private void licenseResearch(Site site) {
        subscribe(site, "ENTERPRISEPACK", 10);
        String research = null;
        for (var group : site.api().get("/v1.0/groups").body().path("value")) {
            if (group.path("displayName").asString().equals("research")) {
                research = group.path("id").asString();
            }
        }
        assertThat(site.api()
                        .post(
                                "/v1.0/groups/" + research + "/assignLicense",
                                "{\"addLicenses\":[{\"skuId\":\""
                                        + product("ENTERPRISEPACK").skuId()
                                        + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}")
                        .status())
                .isIn(200, 202);
    }
}
