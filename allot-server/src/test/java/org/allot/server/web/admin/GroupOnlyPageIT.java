package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/**
 * Group-only licensing in the admin center (docs/admin-center.md): a Global Administrator forbids direct assignment of
 * a product on its page and of every product on Licenses; a License Administrator sees the policy, is refused a
 * direct assignment with the reason, and has no override; the Global Administrator's override is audited. The
 * migration page previews the direct holders and moves them, the seats unchanged.
 */
class GroupOnlyPageIT extends AdminCenterIT {
    private static Map.Entry<String, String> field(String name, String value) {
        return Map.entry(name, value);
    }

    @Test
    void aGlobalAdministratorSetsThePolicyALicenseAdministratorIsRefusedAndTheOverrideIsTheGlobalAdministrators() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 5);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        UUID ada = user(site, "ada", "US");
        AdminSession admin = session(site);
        String licenses = addAdmin(site, "licenses@" + site.domain(), Role.LICENSE_ADMINISTRATOR);
        AdminSession licenseAdmin = AdminSession.signIn("http://localhost:" + port, licenses, PASSWORD);

        assertThat(admin.get("/licenses/" + e3).body())
                .contains(
                        "This product can be assigned directly and through groups.", "data-test=\"group-only-toggle\"");
        assertThat(licenseAdmin
                        .post("/licenses/" + e3 + "/group-only", List.of(field("groupOnly", "true")))
                        .status())
                .isEqualTo(403);
        String set = admin.follow(admin.post("/licenses/" + e3 + "/group-only", List.of(field("groupOnly", "true"))))
                .body();
        assertThat(set)
                .contains("Direct assignment of Office 365 E3 is now forbidden", "Allow direct assignment again");
        assertThat(admin.get("/licenses").body()).contains("Products licensed through groups only:", "Office 365 E3");

        String page = licenseAdmin.get("/licenses/" + e3).body();
        assertThat(page)
                .contains("Direct assignment of this product is forbidden")
                .doesNotContain("data-test=\"group-only-toggle\"")
                .doesNotContain("name=\"overrideGroupOnly\"");
        String refused = licenseAdmin
                .follow(licenseAdmin.post("/users/" + ada + "/licenses", List.of(field("sku", e3))))
                .body();
        assertThat(refused).contains("group-only policy", "Nothing was saved.");
        assertThat(licenseAdmin
                        .post(
                                "/users/" + ada + "/licenses",
                                List.of(field("sku", e3), field("overrideGroupOnly", "true")))
                        .status())
                .isEqualTo(403);

        assertThat(admin.get("/licenses/" + e3).body()).contains("name=\"overrideGroupOnly\"");
        String overridden = admin.follow(admin.post(
                        "/licenses/" + e3 + "/users",
                        List.of(
                                field("user", ada.toString()),
                                field("mode", "add"),
                                field("overrideGroupOnly", "true"))))
                .body();
        assertThat(overridden).contains("Office 365 E3 assigned to 1 users");
        assertThat(admin.get("/audit").body()).contains("Override group-only license policy");
    }

    @Test
    void theMigrationPagePreviewsAndMovesTheDirectHolders() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 3);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        UUID ada = user(site, "ada", "US");
        UUID bob = user(site, "bob", "US");
        assignDirect(site, ada, "ENTERPRISEPACK");
        assignDirect(site, bob, "ENTERPRISEPACK");
        UUID licensed = group(site, "Licensed", List.of());
        assertThat(site.api()
                        .post("/v1.0/groups/" + licensed + "/assignLicense", """
                                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(e3))
                        .status())
                .isEqualTo(202);
        AdminSession admin = session(site);

        assertThat(admin.get("/licenses/" + e3).body()).contains("Move direct holders to group licensing");
        String preview = admin.get("/licenses/" + e3 + "/migrate").body();
        assertThat(preview).contains("inherits it from no group").doesNotContain("data-test=\"start-migration\"");
        String toGroup =
                admin.get("/licenses/" + e3 + "/migrate?group=" + licensed).body();
        assertThat(toGroup).contains("Move 2 users", "2 (2 join Licensed first)", "2 before, 2 after");

        AdminSession.Page started = admin.post(
                "/licenses/" + e3 + "/migrate",
                List.of(field("group", licensed.toString()), field("acceptPlanChanges", "false")));
        assertThat(started.location()).contains("/licenses/migrations/");
        String path = started.location().substring(started.location().indexOf("/licenses/"));
        String run = await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get(path).body(), body -> body.contains(">Completed<"));
        assertThat(run).contains("2 (2 joined the group first)");
        assertThat(site.api()
                        .get("/v1.0/subscribedSkus")
                        .body()
                        .path("value")
                        .get(0)
                        .path("consumedUnits")
                        .asInt())
                .isEqualTo(2);
        assertThat(site.api()
                        .get("/v1.0/users/" + ada + "?$select=licenseAssignmentStates")
                        .body()
                        .path("licenseAssignmentStates")
                        .get(0)
                        .path("assignedByGroup")
                        .asString())
                .isEqualTo(licensed.toString());
    }
}
