package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.server.ldap.TestDirectory;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Directory sync page, in Chromium, against an in-memory LDAP directory (Contoso's people under contoso.com):
 * connecting, testing step by step, syncing now and watching the run, confirming a blocked run's deletions; a Global
 * Reader sees everything and no button; a refused connector keeps what was typed.
 */
class DirectorySyncPageIT extends AdminCenterIT {
    private static final By NOTICE = By.cssSelector("[data-test=notice]");
    private static final By CHECKS = By.cssSelector("[data-test=check]");
    private static final String PEOPLE = "ou=people," + TestDirectory.BASE;

    private final TestDirectory directory = TestDirectory.genericLdap();

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

    @Test
    void anAdministratorConnectsTheDirectoryTestsItAndSyncsNow() {
        Site site = newSite("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);

        b.click(By.linkText("Directory sync"));
        assertThat(b.path()).isEqualTo("/sync");
        assertThat(b.text(By.cssSelector("[data-test=runs]"))).contains("No runs yet.");
        b.selectByValue(By.id("preset"), "genericLdap");
        b.type(By.id("url"), directory.url());
        b.type(By.id("bindDn"), TestDirectory.BIND_DN);
        b.type(By.id("password"), TestDirectory.PASSWORD);
        b.type(By.id("baseDns"), TestDirectory.BASE);
        b.click(By.id("enabled"));

        b.click(By.cssSelector("[data-test=test-connection]"));
        assertEveryStepPassed(b);
        assertThat(b.text(By.cssSelector("[data-test=check][data-step=BIND]")))
                .contains("bound as " + TestDirectory.BIND_DN);
        assertThat(site.api().get("/allot/v1/directorySync/connector").status())
                .as("testing saves nothing")
                .isEqualTo(404);

        b.click(By.cssSelector("[data-test=save]"));
        assertThat(b.text(NOTICE)).startsWith("Connector saved.");
        assertThat(b.find(By.id("password")).getDomProperty("value")).isEmpty();
        assertThat(b.source()).doesNotContain(TestDirectory.PASSWORD);
        assertThat(b.text(By.cssSelector("[data-test=password-help]")))
                .isEqualTo("A password is stored. Leave empty to keep the stored password.");
        assertThat(b.find(By.id("url")).getDomProperty("value")).isEqualTo(directory.url());
        assertThat(b.find(By.id("enabled")).isSelected()).isFalse();
        b.click(By.cssSelector("[data-test=test-connection]"));
        assertEveryStepPassed(b);

        b.click(By.cssSelector("[data-test=sync-now]"));
        assertThat(b.text(NOTICE)).startsWith("A sync was asked for");
        WebElement run =
                b.waitUntil(d -> d.findElements(By.cssSelector("[data-test=run][data-state=SUCCEEDED]")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(run.findElement(By.cssSelector("[data-test=added]")).getText())
                .isEqualTo("5");
        assertThat(run.findElement(By.cssSelector("[data-test=errors]")).getText())
                .isEqualTo("0");
        assertThat(run.getText()).contains("Sync now by", "Full", "Succeeded");
        assertThat(b.attribute(By.cssSelector("[data-test=runs]"), "data-active"))
                .isEqualTo("false");
        b.click(By.cssSelector("[data-test=test-connection]"));
        assertEveryStepPassed(b);
        b.screenshot("directory-sync");

        b.open("/users?q=hedy");
        WebElement hedy = b.find(By.cssSelector("tr[data-upn='hedy.lamarr@contoso.com']"));
        assertThat(hedy.getText()).contains("Hedy Lamarr", "Synced");
        hedy.findElement(By.cssSelector("a")).click();
        assertThat(b.text(By.cssSelector("[data-test=on-premises-dn]"))).isEqualToIgnoringCase("uid=hedy," + PEOPLE);
        assertThat(b.text(By.cssSelector("[data-test=on-premises-last-sync]"))).isNotEqualTo("—");
    }

    @Test
    void aBlockedRunIsConfirmedFromItsPage() throws Exception {
        Site site = newSite("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(site.api(), directory);
        syncNow(site.api());
        String frances = site.api()
                .get("/v1.0/users/frances.allen@contoso.com")
                .body()
                .path("id")
                .asString();
        site.api().patch("/allot/v1/settings", "{\"syncDeleteThreshold\":0}");
        directory.delete("uid=frances," + PEOPLE);
        assertThat(fullSyncNow(site.api()).path("state").asString()).isEqualTo("BLOCKED");
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);

        b.open("/sync");
        assertThat(b.text(By.cssSelector("[data-test=run][data-state=BLOCKED] [data-test=message]")))
                .contains("threshold of 0");
        assertThat(b.text(By.cssSelector("[data-test=run][data-state=BLOCKED] [data-test=held-deletions]")))
                .as("the deletions column says what is held, not only the 0 done")
                .isEqualTo("1 held");
        b.click(By.cssSelector("[data-test=run][data-state=BLOCKED] a"));
        assertThat(b.text(By.cssSelector("#deletions-title"))).isEqualTo("1 deletion waits for your confirmation");
        assertThat(b.text(By.cssSelector("[data-test=run-state]"))).isEqualTo("Blocked: waiting for confirmation");
        assertThat(b.text(By.cssSelector("[data-test=counts]"))).contains("0 deleted (1 held for confirmation)");
        assertThat(b.text(By.cssSelector("[data-test=held-explained]")))
                .startsWith("The users and groups listed are no longer in the directory's scope.");
        assertThat(b.text(By.cssSelector("[data-test=confirm]"))).isEqualTo("Confirm deletions");
        assertThat(b.attribute(By.cssSelector("form[data-confirm]"), "data-confirm"))
                .isEqualTo("Delete the 1 user or group listed here? Users can be restored during the retention"
                        + " period.");
        assertThat(b.all(By.cssSelector("[data-test=pending-deletion]")))
                .extracting(e -> e.getDomAttribute("data-name"))
                .containsExactly("frances.allen@contoso.com");
        assertThat(site.api().get("/v1.0/users/" + frances).status())
                .as("nothing deleted yet")
                .isEqualTo(200);
        b.screenshot("directory-sync-blocked-run");

        b.clickAndConfirm(By.cssSelector("[data-test=confirm]"));

        assertThat(b.text(NOTICE)).endsWith(": 1 deleted.");
        assertThat(b.attribute(By.cssSelector("[data-test=run-state]"), "data-state"))
                .isEqualTo("CONFIRMED");
        assertThat(b.text(By.cssSelector("[data-test=run-state]"))).isEqualTo("Confirmed");
        assertThat(b.has(By.cssSelector("[data-test=confirm]"))).isFalse();
        assertThat(site.api().get("/v1.0/users/" + frances).status()).isEqualTo(404);
    }

    @Test
    void aRunThatWouldTakeLicensesAwayShowsWhoWouldLoseWhatAndIsConfirmedFromItsPage() throws Exception {
        Site site = newSite("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(site.api(), directory);
        syncNow(site.api());
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
        site.api().patch("/allot/v1/settings", "{\"syncLicenseLossThreshold\":0}");
        directory.replace("cn=research,ou=groups," + TestDirectory.BASE, "member", "uid=hedy," + PEOPLE);
        assertThat(syncNow(site.api()).path("state").asString()).isEqualTo("BLOCKED");
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);

        b.open("/sync");
        b.click(By.cssSelector("[data-test=run][data-state=BLOCKED] a"));
        assertThat(b.text(By.cssSelector("#deletions-title")))
                .as("nothing would be deleted: the page speaks of the removal it holds")
                .isEqualTo("1 membership removal waits for your confirmation");
        assertThat(b.text(By.cssSelector("[data-test=run-state]"))).isEqualTo("Blocked: waiting for confirmation");
        assertThat(b.text(By.cssSelector("[data-test=held-summary]")))
                .startsWith("The run holds back 1 membership of licensed groups;")
                .contains("a license from 1 user.");
        assertThat(b.text(By.cssSelector("[data-test=held-explained]")))
                .doesNotContain("users and groups listed")
                .startsWith("Nothing was removed:");
        assertThat(b.text(By.cssSelector("#losses-title"))).isEqualTo("1 user would lose a license");
        assertThat(b.text(By.cssSelector("#removals-title"))).isEqualTo("1 membership of licensed groups would go");
        assertThat(b.text(By.cssSelector("[data-test=confirm]"))).isEqualTo("Confirm removals");
        assertThat(b.attribute(By.cssSelector("form[data-confirm]"), "data-confirm"))
                .isEqualTo("Remove the 1 membership of licensed groups listed here? 1 user would lose a license.");
        assertThat(b.all(By.cssSelector("[data-test=license-loss]")))
                .extracting(e -> e.getDomAttribute("data-name"))
                .containsExactly("barbara.liskov@contoso.com");
        assertThat(b.text(By.cssSelector("[data-test=license-loss]"))).contains("ENTERPRISEPACK", "leaves research");
        assertThat(b.all(By.cssSelector("[data-test=pending-removal]")))
                .extracting(e -> e.getDomAttribute("data-name"))
                .containsExactly("barbara.liskov@contoso.com");
        assertThat(b.has(By.cssSelector("[data-test=pending-deletions]"))).isFalse();
        b.screenshot("directory-sync-license-losses");

        b.clickAndConfirm(By.cssSelector("[data-test=confirm]"));

        assertThat(b.text(NOTICE)).endsWith(": 0 deleted, 1 membership removed.");
        assertThat(b.attribute(By.cssSelector("[data-test=run-state]"), "data-state"))
                .isEqualTo("CONFIRMED");
        assertThat(b.text(By.cssSelector("[data-test=run-state]"))).isEqualTo("Confirmed");
    }

    @Test
    void aGlobalReaderSeesTheConnectorAndTheRunsButNoButton() throws Exception {
        Site site = newSite("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(site.api(), directory);
        syncNow(site.api());
        site.api().patch("/allot/v1/settings", "{\"syncDeleteThreshold\":0}");
        directory.delete("uid=frances," + PEOPLE);
        String blocked = fullSyncNow(site.api()).path("id").asString();
        String reader = addAdmin(
                site,
                "reader-" + site.tenant().value().toString().substring(0, 8) + "@contoso.com",
                Role.GLOBAL_READER);
        Browser b = browser();
        b.signIn(reader, PASSWORD);

        b.click(By.linkText("Directory sync"));
        assertThat(b.text(By.cssSelector("[data-test=summary-url]"))).isEqualTo(directory.url());
        assertThat(b.text(By.cssSelector("[data-test=connector-summary]")))
                .contains(TestDirectory.BIND_DN, "Stored")
                .doesNotContain(TestDirectory.PASSWORD);
        assertThat(b.all(By.cssSelector("[data-test=run]"))).hasSize(2);
        assertThat(b.all(By.cssSelector("main form"))).isEmpty();
        assertThat(b.all(By.cssSelector("main button"))).isEmpty();
        b.click(By.cssSelector("[data-test=run][data-state=BLOCKED] a"));
        assertThat(b.all(By.cssSelector("[data-test=pending-deletion]"))).hasSize(1);
        assertThat(b.all(By.cssSelector("main form"))).isEmpty();

        AdminSession byHand = AdminSession.signIn("http://localhost:" + port, reader, PASSWORD);
        for (String path :
                List.of("/sync/connector", "/sync/test", "/sync/run", "/sync/runs/" + blocked + "/confirm")) {
            AdminSession.Page page = byHand.post(path, List.of(Map.entry("url", "ldap://elsewhere.example")));
            assertThat(page.status()).as(path).isEqualTo(403);
        }
        assertThat(site.api()
                        .get("/allot/v1/directorySync/runs/" + blocked)
                        .body()
                        .path("state")
                        .asString())
                .isEqualTo("BLOCKED");
        assertThat(site.api()
                        .get("/allot/v1/directorySync/connector")
                        .body()
                        .path("url")
                        .asString())
                .isEqualTo(directory.url());
        assertThat(site.api().get("/allot/v1/directorySync/connector").body().has("requestedRun"))
                .isFalse();
    }

    @Test
    void aRefusedConnectorIsExplainedOnTheFormWhichKeepsWhatWasTyped() {
        Site site = newSite("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/sync");
        b.selectByValue(By.id("preset"), "genericLdap");
        b.type(By.id("url"), "http://dc1.contoso.com");
        b.type(By.id("bindDn"), TestDirectory.BIND_DN);
        b.type(By.id("password"), TestDirectory.PASSWORD);
        b.type(By.id("baseDns"), "OU=Staff,DC=contoso,DC=com\nOU=Admins,DC=contoso,DC=com");
        b.type(By.id("mapping"), "department = departmentNumber");

        b.click(By.cssSelector("[data-test=test-connection]"));
        assertThat(b.text(By.cssSelector("[data-test=test-problem]"))).startsWith("url must be ldap://");
        b.click(By.cssSelector("[data-test=save]"));

        assertThat(b.text(By.cssSelector("[data-test=connector-problem]")))
                .startsWith("url must be ldap://host[:port] or ldaps://host[:port]")
                .endsWith("Nothing was saved: type the password again.");
        assertThat(b.find(By.id("url")).getDomProperty("value")).isEqualTo("http://dc1.contoso.com");
        assertThat(b.find(By.id("url")).getDomAttribute("class")).contains("is-invalid");
        assertThat(b.find(By.id("bindDn")).getDomProperty("value")).isEqualTo(TestDirectory.BIND_DN);
        assertThat(b.find(By.id("baseDns")).getDomProperty("value"))
                .isEqualTo("OU=Staff,DC=contoso,DC=com\nOU=Admins,DC=contoso,DC=com");
        assertThat(b.find(By.id("mapping")).getDomProperty("value")).isEqualTo("department = departmentNumber");
        assertThat(b.find(By.id("preset")).getDomProperty("value")).isEqualTo("genericLdap");
        assertThat(b.find(By.id("password")).getDomProperty("value")).isEmpty();
        assertThat(site.api().get("/allot/v1/directorySync/connector").status()).isEqualTo(404);

        b.type(By.id("url"), directory.url());
        b.type(By.id("mapping"), "department");
        b.click(By.cssSelector("[data-test=save]"));
        assertThat(b.text(By.cssSelector("[data-test=connector-problem]")))
                .startsWith("Line 1 of the attribute mapping is not 'name = attribute'");
        assertThat(b.find(By.id("url")).getDomProperty("value")).isEqualTo(directory.url());
        assertThat(site.api().get("/allot/v1/directorySync/connector").status()).isEqualTo(404);
    }

    @Test
    void aMappingThatNamesAnAttributeTwiceInAnyCaseOrAnOverlongHostIsRefusedAndNothingIsSavedOrPreviewed() {
        Site site = newSite("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        AdminSession admin = session(site);

        for (List<Map.Entry<String, String>> form : List.of(
                connectorForm(directory.url(), "department = departmentNumber\nDepartment = ou"),
                connectorForm("ldap://" + "h".repeat(10_000), ""))) {
            for (String path : List.of("/sync/connector", "/sync/preview")) {
                AdminSession.Page refused = admin.follow(admin.post(path, form));
                assertThat(refused.status()).as(path).isEqualTo(200);
                assertThat(refused.body())
                        .as(path)
                        .containsAnyOf("mapping names Department twice", "url must be ldap://host[:port]");
            }
        }
        assertThat(site.api().get("/allot/v1/directorySync/connector").status()).isEqualTo(404);
        assertThat(site.api().get("/allot/v1/directorySync/runs").body().path("value"))
                .isEmpty();
    }

    private static List<Map.Entry<String, String>> connectorForm(String url, String mapping) {
        return List.of(
                Map.entry("preset", "genericLdap"),
                Map.entry("url", url),
                Map.entry("bindDn", TestDirectory.BIND_DN),
                Map.entry("password", TestDirectory.PASSWORD),
                Map.entry("baseDns", TestDirectory.BASE),
                Map.entry("mapping", mapping));
    }

    @Test
    void theTestFormAsksForThePasswordAgainBeforeTestingAnotherTarget() {
        Site site = newSite("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        connect(site.api(), directory);
        AdminSession admin = session(site);
        List<Map.Entry<String, String>> elsewhere = List.of(
                Map.entry("preset", "genericLdap"),
                Map.entry("url", "ldap://localhost:1"),
                Map.entry("bindDn", TestDirectory.BIND_DN),
                Map.entry("password", ""),
                Map.entry("baseDns", TestDirectory.BASE));

        AdminSession.Page refused = admin.post("/sync/test", elsewhere);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("data-test=\"test-problem\"")
                .contains("Type the bind password to test ldap://localhost:1 as " + TestDirectory.BIND_DN);
        List<Map.Entry<String, String>> saved = new java.util.ArrayList<>(elsewhere);
        saved.set(1, Map.entry("url", directory.url()));
        assertThat(admin.post("/sync/test", saved).body())
                .as("the saved target: the saved password")
                .contains("bound as " + TestDirectory.BIND_DN);
        assertThat(site.api()
                        .get("/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20"
                                + "'Test%20directory%20synchronization%20connection'")
                        .body()
                        .path("value"))
                .hasSize(2);
    }

    @Test
    void aServerThatIsDownIsMarkedWhileTheDirectoryIsReadThroughTheNext() {
        Site site = newSite("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/sync");
        b.selectByValue(By.id("preset"), "genericLdap");
        b.type(By.id("url"), "ldap://localhost:1 " + directory.url());
        b.type(By.id("bindDn"), TestDirectory.BIND_DN);
        b.type(By.id("password"), TestDirectory.PASSWORD);
        b.type(By.id("baseDns"), TestDirectory.BASE);

        b.click(By.cssSelector("[data-test=test-connection]"));

        b.waitUntil(d -> "false"
                .equals(d.findElement(By.cssSelector("[data-test=connection-report]"))
                        .getDomAttribute("data-ok")));
        assertThat(b.all(CHECKS)).last().satisfies(c -> assertThat(c.getDomAttribute("data-step"))
                .isEqualTo("GROUP_FILTER"));
        assertThat(b.text(By.cssSelector("[data-test=report-verdict]")))
                .as("the test went on to the next server, which passed: it did not stop")
                .isEqualTo("Allot can read the directory, but not through every server: runs skip a server that"
                        + " fails a step (marked ✗) for the next one.");
        assertThat(b.accessibilityViolations(true)).isEmpty();
    }

    private static void assertEveryStepPassed(Browser b) {
        b.waitUntil(d -> "true"
                .equals(d.findElement(By.cssSelector("[data-test=connection-report]"))
                        .getDomAttribute("data-ok")));
        assertThat(b.all(CHECKS))
                .extracting(e -> e.getDomAttribute("data-step"))
                .containsExactly("DNS", "CONNECT", "TLS", "BIND", "BASE_DN", "USER_FILTER", "GROUP_FILTER");
        assertThat(b.all(CHECKS)).allMatch(e -> "true".equals(e.getDomAttribute("data-passed")));
    }
}
