package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * The Administrative units page: a Global Administrator creates a unit, adds a user by principal name, gives an app
 * License Administrator over it (which then sees only that unit's users through the API), takes it back and deletes
 * the unit; other roles read the units and are refused the changes.
 */
class UnitsPageIT extends AdminCenterIT {
    private static final Pattern UNIT_URL = Pattern.compile("/units/([0-9a-f-]{36})");

    @Test
    void aGlobalAdministratorCreatesFillsDelegatesAndDeletesAUnit() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        AdminSession admin = session(site);
        UUID ada = user(site, "ada", "US");
        user(site, "bob", "US");

        AdminSession.Page created = admin.post(
                "/units", List.of(Map.entry("name", "North"), Map.entry("description", "North business unit")));
        Matcher url = UNIT_URL.matcher(String.valueOf(created.location()));
        assertThat(url.find()).as(created.toString()).isTrue();
        String unit = "/units/" + url.group(1);
        assertThat(admin.follow(created).body()).contains("North was created", "North business unit", "No members.");

        AdminSession.Page added =
                admin.follow(admin.post(unit + "/members", List.of(Map.entry("member", "ada@" + site.domain()))));
        assertThat(added.body()).contains("data-member=\"" + ada + "\"", "ada@" + site.domain());
        AdminSession.Page nobody =
                admin.follow(admin.post(unit + "/members", List.of(Map.entry("member", "nobody@" + site.domain()))));
        assertThat(nobody.body()).contains("data-test=\"problem\"");

        ApiClient app = as(site.api(), Role.GLOBAL_READER);
        AdminSession.Page granted = admin.follow(admin.post(
                unit + "/roles",
                List.of(Map.entry("role", Role.LICENSE_ADMINISTRATOR.templateId()), Map.entry("app", app.clientId))));
        assertThat(granted.body()).contains("License Administrator", app.clientId);
        assertThat(app.get("/v1.0/users").body().path("value").findValuesAsString("id"))
                .containsExactly(ada.toString());
        AdminSession.Page global = admin.follow(admin.post(
                unit + "/roles",
                List.of(
                        Map.entry("role", Role.USER_ADMINISTRATOR.templateId()),
                        Map.entry("app", site.api().clientId))));
        assertThat(global.body()).contains("reaches every administrative unit already");

        Matcher assignment =
                Pattern.compile("name=\"assignment\" value=\"([0-9a-f-]{36})\"").matcher(granted.body());
        assertThat(assignment.find()).isTrue();
        AdminSession.Page takenBack =
                admin.follow(admin.post(unit + "/roles/remove", List.of(Map.entry("assignment", assignment.group(1)))));
        assertThat(takenBack.body()).contains("No roles are held over this unit.");
        assertThat(app.get("/v1.0/users").body().path("value").findValuesAsString("id"))
                .hasSize(2);

        AdminSession.Page deleted = admin.follow(admin.post(unit + "/delete", List.of()));
        assertThat(deleted.body()).contains("The unit was deleted").doesNotContain("data-unit=\"" + url.group(1));
    }

    @Test
    void otherRolesReadTheUnitsAndAreRefusedChanges() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        AdminSession admin = session(site);
        String unit = String.valueOf(
                admin.post("/units", List.of(Map.entry("name", "South"))).location());
        AdminSession users = AdminSession.signIn(
                "http://localhost:" + port,
                addAdmin(site, "users@" + site.domain(), Role.USER_ADMINISTRATOR),
                PASSWORD);

        assertThat(users.get("/units").body()).contains("South").doesNotContain("Create a unit");
        String path = unit.substring(unit.indexOf("/units/"));
        assertThat(users.get(path).body()).contains("South").doesNotContain("Add member", "Give role");
        for (String post : List.of("/units", path + "/members", path + "/roles", path + "/delete", path + "/rule")) {
            AdminSession.Page refused = users.post(post, List.of(Map.entry("name", "x"), Map.entry("member", "x")));
            assertThat(refused.status()).as(post).isEqualTo(403);
        }
    }
}
