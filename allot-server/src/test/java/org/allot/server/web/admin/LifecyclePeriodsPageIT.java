package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/**
 * The tenant's lifecycle periods on the Licenses page (docs/admin-center.md): shown with their defaults, saved by a
 * Global Administrator, refused in plain words with what was typed kept, and not changed by anyone else.
 */
class LifecyclePeriodsPageIT extends AdminCenterIT {
    @Test
    void aGlobalAdministratorSavesThePeriodsAndThePageAndTheApiShowThem() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        AdminSession admin = session(site);
        assertThat(admin.get("/licenses").body())
                .contains("Subscription lifecycle", "30 days (default 30)", "90 days (default 90)", "lifecycle-form");

        String saved = admin.follow(admin.post("/licenses/lifecycle", periods("10", "60", "5")))
                .body();

        assertThat(saved).contains("Lifecycle periods saved", "10 days (default 30)", "60 days (default 90)");
        assertThat(saved).contains("5 days (default 30)");
        var api = site.api().get("/allot/v1/settings/lifecycle").body();
        assertThat(api.path("warningDays").asInt()).isEqualTo(10);
        assertThat(api.path("suspendedDays").asInt()).isEqualTo(60);
        assertThat(api.path("overageGraceDays").asInt()).isEqualTo(5);
    }

    @Test
    void badPeriodsAreToldKeptAndChangeNothing() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        AdminSession admin = session(site);

        String notANumber = admin.follow(admin.post("/licenses/lifecycle", periods("ten", "60", "5")))
                .body();
        assertThat(notANumber).contains("Enter each period as a whole number of days from 0 to 3650.");
        assertThat(notANumber).contains("value=\"ten\"", "value=\"60\"", "value=\"5\"");
        assertThat(notANumber).containsPattern(invalid("warning-days"));

        String tooLong = admin.follow(admin.post("/licenses/lifecycle", periods("10", "5000", "5")))
                .body();
        assertThat(tooLong).contains("Lifecycle periods are 0 to 3650 days", "value=\"5000\"");

        assertThat(site.api()
                        .get("/allot/v1/settings/lifecycle")
                        .body()
                        .path("warningDays")
                        .asInt())
                .isEqualTo(30);
    }

    @Test
    void onlyAGlobalAdministratorChangesThePeriods() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        for (Role role : List.of(Role.GLOBAL_READER, Role.LICENSE_ADMINISTRATOR)) {
            String name = addAdmin(
                    site,
                    role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "@" + site.api().domain,
                    role);
            AdminSession other = AdminSession.signIn("http://localhost:" + port, name, PASSWORD);
            assertThat(other.get("/licenses").body())
                    .contains("30 days (default 30)", "Only a Global Administrator changes these periods.")
                    .doesNotContain("lifecycle-form");
            assertThat(other.post("/licenses/lifecycle", periods("1", "1", "1")).status())
                    .as(role.name())
                    .isEqualTo(403);
        }
        assertThat(site.api()
                        .get("/allot/v1/settings/lifecycle")
                        .body()
                        .path("warningDays")
                        .asInt())
                .isEqualTo(30);
    }

    private static List<Map.Entry<String, String>> periods(String warning, String suspended, String overage) {
        return List.of(
                Map.entry("warningDays", warning),
                Map.entry("suspendedDays", suspended),
                Map.entry("overageGraceDays", overage));
    }

    /** A field marked invalid, whatever the order of its attributes. */
    private static String invalid(String id) {
        String named = "id=\"" + java.util.regex.Pattern.quote(id) + "\"";
        return "<input[^>]*(?:is-invalid[^>]*" + named + "|" + named + "[^>]*is-invalid)";
    }
}
