package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/**
 * Time-bound grants in the admin center (docs/delegation.md): the user's assign form takes an end ("until …") and
 * refuses one before the start under the form, the end is removed from the user's page; the group's add-member form
 * takes a start, so the user is listed "from …" but is no member yet, and the scheduled membership is cancelled; an
 * end is set again on the license held without one.
 */
class TimedGrantsPageIT extends AdminCenterIT {
    private static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }

    @Test
    void anAdminAssignsForATimeRemovesTheEndAndSchedulesAMembership() {
        Site site = newSite(Role.USER_ADMINISTRATOR);
        subscribe(site.api(), "ENTERPRISEPACK", 2);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        UUID ada = user(site, "ada", "US");
        UUID bob = user(site, "bob", "US");
        AdminSession admin = session(site);

        // every app on, as the form sends them
        List<Map.Entry<String, String>> form = new ArrayList<>(
                List.of(Map.entry("sku", e3), Map.entry("usageLocation", "US"), Map.entry("end", inDays(30))));
        product("ENTERPRISEPACK").servicePlans().forEach(p -> form.add(Map.entry("app", p.id().toString())));
        AdminSession.Page assigned = admin.post("/users/" + ada + "/licenses", form);
        assertThat(admin.follow(assigned).body()).contains("assigned until " + inDays(30));
        assertThat(site.api()
                        .get("/allot/v1/users/" + ada + "/timedLicenses")
                        .body()
                        .path("value"))
                .hasSize(1);
        String timed = admin.get("/users/" + ada + "/timed").body();
        assertThat(timed).contains("data-test=\"timed-license\"", "until " + inDays(30), "Remove end");

        AdminSession.Page backwards = admin.post(
                "/users/" + bob + "/licenses",
                List.of(Map.entry("sku", e3), Map.entry("start", inDays(9)), Map.entry("end", inDays(3))));
        assertThat(admin.follow(backwards).body())
                .contains("endDateTime must be after startDateTime")
                .contains("data-test=\"assign-problem\"");
        assertThat(site.api()
                        .get("/v1.0/users/" + bob + "?$select=assignedLicenses")
                        .body()
                        .path("assignedLicenses"))
                .isEmpty();

        admin.post("/users/" + ada + "/timed/" + e3 + "/end", List.of(Map.entry("remove", "true")));
        assertThat(admin.get("/users/" + ada + "/timed").body()).contains("No license of this user starts or ends");
        assertThat(site.api()
                        .get("/v1.0/users/" + ada + "?$select=assignedLicenses")
                        .body()
                        .path("assignedLicenses"))
                .as("no end left: the license stays")
                .hasSize(1);

        assertThat(admin.get("/users/" + ada).body()).contains("data-test=\"set-end\"");
        admin.post("/users/" + ada + "/timed/" + e3 + "/end", List.of(Map.entry("end", inDays(5))));
        assertThat(admin.get("/users/" + ada + "/timed").body())
                .as("an end set on the license held without one")
                .contains("until " + inDays(5));

        String staff = site.api().post("/v1.0/groups", """
                        {"displayName":"Staff","mailEnabled":false,"mailNickname":"staff","securityEnabled":true}""").body().path("id").asString();
        AdminSession.Page scheduled = admin.post(
                "/groups/" + staff + "/members",
                List.of(Map.entry("member", "bob@" + site.domain()), Map.entry("start", inDays(3))));
        assertThat(admin.follow(scheduled).body()).contains("scheduled to join");
        assertThat(admin.get("/groups/" + staff + "/timed").body())
                .contains("data-test=\"timed-member\"", "bob@" + site.domain(), "from " + inDays(3));
        assertThat(site.api().get("/v1.0/groups/" + staff + "/members").body().path("value"))
                .as("not a member before the start")
                .isEmpty();

        admin.post("/groups/" + staff + "/timed/" + bob + "/cancel", List.of());
        assertThat(admin.get("/groups/" + staff + "/timed").body())
                .contains("No member of this group joins or leaves on a date.");
    }
}
