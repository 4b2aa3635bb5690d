package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Reclaim page's policy form (docs/admin-center.md): a product's policy set with its exemptions and mode, shown on
 * the page and in the API, changed, and removed; a refused form says why and keeps what was typed; a reader cannot
 * post.
 */
class ReclaimPolicyPageIT extends AdminCenterIT {
    @Test
    void aPolicySetOnThePageShowsThereAndInTheApiAndIsRemoved() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 3);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        UUID bob = user(site, "bob", "CH");
        UUID staff = group(site, "Staff", List.of());
        AdminSession admin = session(site);
        assertThat(admin.get("/reclaim").body()).contains("No product has a reclaim policy.", "policy-form");

        String set = admin.follow(admin.post(
                        "/reclaim/policies",
                        policy(e3, "60", "", "7", "Act", "bob@" + site.api().domain + "\nStaff\n")))
                .body();

        assertThat(set).contains("Reclaim policy of", "saved: its daily run removes what it lists.");
        String row = set.substring(set.indexOf("data-test=\"policy\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(">60<", ">7<", "removes", "bob@" + site.api().domain, "Staff (" + staff + ")");
        JsonNode api =
                site.api().get("/allot/v1/reclaim/policies/ENTERPRISEPACK").body();
        assertThat(api.path("inactiveDays").asInt()).isEqualTo(60);
        assertThat(api.path("recentDays").asInt()).isEqualTo(7);
        assertThat(api.path("mode").asString()).isEqualTo("Act");
        assertThat(api.path("exemptUserIds").toString()).contains(bob.toString());
        assertThat(api.path("exemptGroupIds").toString()).contains(staff.toString());

        String edit = admin.get("/reclaim?policy=" + e3).body();
        assertThat(edit).contains("value=\"60\"", "Staff (" + staff + ")");
        String changed = admin.follow(admin.post(
                        "/reclaim/policies", policy(e3, "", "30", "0", "ReportOnly", "Staff (" + staff + ")")))
                .body();
        assertThat(changed).contains("saved: report only.");
        api = site.api().get("/allot/v1/reclaim/policies/ENTERPRISEPACK").body();
        assertThat(api.path("disabledDays").asInt()).isEqualTo(30);
        assertThat(api.path("mode").asString()).isEqualTo("ReportOnly");
        assertThat(api.path("exemptUserIds")).isEmpty();

        String removed = admin.follow(admin.post("/reclaim/policies/" + e3 + "/remove", List.of()))
                .body();
        assertThat(removed).contains("removed: its seats are no longer listed.", "No product has a reclaim policy.");
        assertThat(site.api().get("/allot/v1/reclaim/policies/ENTERPRISEPACK").status())
                .isEqualTo(404);
    }

    @Test
    void aRefusedPolicyIsToldAndKeptAndNothingIsSet() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 3);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        AdminSession admin = session(site);

        String unknown = admin.follow(admin.post("/reclaim/policies", policy(e3, "45", "", "3", "Act", "nobody-here")))
                .body();
        assertThat(unknown).contains("data-test=\"policy-problem\"", "No user signs in as nobody-here");
        assertThat(unknown).contains("value=\"45\"", ">nobody-here</textarea>");
        assertThat(unknown).containsPattern("id=\"policy-act\"[^>]*checked");

        String neither = admin.follow(admin.post("/reclaim/policies", policy(e3, "", "", "0", "ReportOnly", "")))
                .body();
        assertThat(neither).contains("A reclaim policy needs inactive days, disabled days or both.");

        assertThat(site.api().get("/allot/v1/reclaim/policies").body().path("value"))
                .isEmpty();
    }

    @Test
    void aReaderSeesPoliciesButCannotSetOrRemoveThem() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 3);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        assertThat(site.api()
                        .send("PUT", "/allot/v1/reclaim/policies/ENTERPRISEPACK", "{\"inactiveDays\":90}", Map.of())
                        .status())
                .isEqualTo(200);
        String reader = addAdmin(site, "reader@" + site.api().domain, Role.GLOBAL_READER);
        AdminSession session = AdminSession.signIn("http://localhost:" + port, reader, PASSWORD);

        assertThat(session.get("/reclaim").body())
                .contains("data-test=\"policy\"")
                .doesNotContain("policy-form", "remove-policy");
        assertThat(session.post("/reclaim/policies", policy(e3, "10", "", "0", "Act", ""))
                        .status())
                .isEqualTo(403);
        assertThat(session.post("/reclaim/policies/" + e3 + "/remove", List.of())
                        .status())
                .isEqualTo(403);
        assertThat(site.api()
                        .get("/allot/v1/reclaim/policies/ENTERPRISEPACK")
                        .body()
                        .path("inactiveDays")
                        .asInt())
                .isEqualTo(90);
    }

    private static List<Map.Entry<String, String>> policy(
            String sku, String inactive, String disabled, String recent, String mode, String exemptions) {
        return List.of(
                Map.entry("sku", sku),
                Map.entry("inactiveDays", inactive),
                Map.entry("disabledDays", disabled),
                Map.entry("recentDays", recent),
                Map.entry("mode", mode),
                Map.entry("exemptions", exemptions));
    }
}
