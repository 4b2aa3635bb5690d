package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * Allotments on the product page (docs/delegation.md#allotments): a License Administrator adds a unit's pool, sees it
 * with its figures, is refused on the form when the caps would exceed the seats (nothing changed, the form as typed),
 * changes the cap, and deletes the pool; a Global Reader, and a License Administrator of a unit, see the pools but no
 * form, and are refused when posting. A pool's owner is changed on the product's page, and the pool a group's license
 * draws from is named on the group's page, through the same use cases as the API.
 */
class AllotmentsPageIT extends AdminCenterIT {
    @Test
    void aLicenseAdministratorAddsChangesAndDeletesAPoolAndAGlobalReaderOnlyReadsThem() {
        Site site = newSite(Role.LICENSE_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 4);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        String north = unit(site.api(), "North");
        for (String name : List.of("n1", "n2")) {
            UUID user = user(site, name, "US");
            assertThat(site.api()
                            .post(
                                    "/v1.0/directory/administrativeUnits/" + north + "/members/$ref",
                                    "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + user
                                            + "\"}")
                            .status())
                    .isEqualTo(204);
            assignDirect(site, user, "ENTERPRISEPACK");
        }
        group(site, "Sales", List.of());
        AdminSession admin = session(site);
        String page = "/licenses/" + e3;
        assertThat(admin.get(page).body()).contains("id=\"pool-new-form\"", ">North</option>");

        AdminSession.Page created = admin.post(page + "/allotments", pool("North seats", north, "", "2", ""));
        assertThat(created.location()).endsWith(page);
        String shown = admin.follow(created).body();
        assertThat(shown).contains("Pool North seats added: up to 2 seats of");
        assertThat(row(shown, "North seats")).isEqualTo("cap 2 seats 2 used 2 waiting 0");
        assertThat(row(shown, "Unallotted")).isEqualTo("cap - seats 2 used 0 waiting 0");

        String refused = admin.follow(admin.post(page + "/allotments", pool("Sales seats", "", "Sales", "3", "")))
                .body();
        assertThat(refused)
                .as("the caps would be 5 of 4 seats: refused on the form, as typed")
                .contains("data-test=\"pool-problem\"", "more than its 4 enabled seats", "value=\"Sales seats\"")
                .doesNotContain("data-pool=\"Sales seats\"");
        assertThat(site.api()
                        .get("/allot/v1/subscribedSkus/" + e3 + "/allotments")
                        .body()
                        .path("value"))
                .hasSize(1);

        String id = site.api()
                .get("/allot/v1/subscribedSkus/" + e3 + "/allotments")
                .body()
                .path("value")
                .get(0)
                .path("id")
                .asString();
        String tooBig = admin.follow(admin.post(
                        page + "/allotments/" + id,
                        List.of(Map.entry("name", "North seats"), Map.entry("cap", "5"), Map.entry("position", "1"))))
                .body();
        assertThat(tooBig).contains("more than its 4 enabled seats", "value=\"5\"");
        assertThat(row(tooBig, "North seats")).isEqualTo("cap 2 seats 2 used 2 waiting 0");
        String changed = admin.follow(admin.post(
                        page + "/allotments/" + id,
                        List.of(Map.entry("name", "North seats"), Map.entry("cap", "3"), Map.entry("position", "1"))))
                .body();
        assertThat(changed).contains("Pool North seats now has a cap of 3 seats");
        assertThat(row(changed, "North seats")).isEqualTo("cap 3 seats 3 used 2 waiting 0");

        String reader = addAdmin(site, "reader@" + site.domain(), Role.GLOBAL_READER);
        AdminSession readOnly = AdminSession.signIn("http://localhost:" + port, reader, PASSWORD);
        assertThat(readOnly.get(page).body())
                .contains("data-pool=\"North seats\"")
                .doesNotContain("pool-new-form", "data-test=\"pool-form\"", "pool-delete");
        assertThat(readOnly.post(page + "/allotments", pool("Reader seats", north, "", "1", ""))
                        .status())
                .isEqualTo(403);
        assertThat(readOnly.post(page + "/allotments/" + id + "/delete", List.of())
                        .status())
                .isEqualTo(403);

        String deleted = admin.follow(admin.post(page + "/allotments/" + id + "/delete", List.of()))
                .body();
        assertThat(deleted).contains("Pool North seats deleted").doesNotContain("data-pool=\"North seats\"");
        assertThat(site.api()
                        .get("/allot/v1/subscribedSkus/" + e3 + "/allotments")
                        .body()
                        .path("value"))
                .isEmpty();
    }

    @Test
    void aUnitsLicenseAdministratorReadsThePoolsAndChangesNone() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 4);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        String north = unit(site.api(), "North");
        assertThat(site.api()
                        .post("/allot/v1/subscribedSkus/" + e3 + "/allotments", """
                                {"displayName":"North seats","ownerType":"administrativeUnit","ownerId":"%s","cap":2}""".formatted(north))
                        .status())
                .isEqualTo(201);
        String northAdmin = addAdmin(site, "north@" + site.domain(), Role.USER_ADMINISTRATOR);
        AdminSession global = session(site);
        AdminSession.Page given = global.follow(global.post(
                "/units/" + north + "/roles",
                List.of(Map.entry("role", Role.LICENSE_ADMINISTRATOR.templateId()), Map.entry("app", northAdmin))));
        assertThat(given.body()).contains(Role.LICENSE_ADMINISTRATOR.displayName(), northAdmin);

        AdminSession unitAdmin = AdminSession.signIn("http://localhost:" + port, northAdmin, PASSWORD);
        String page = "/licenses/" + e3;
        assertThat(unitAdmin.get(page).body())
                .contains("data-pool=\"North seats\"")
                .doesNotContain("pool-new-form", "data-test=\"pool-form\"", "pool-delete");
        assertThat(unitAdmin
                        .post(page + "/allotments", pool("Mine", north, "", "1", ""))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aLicenseAdministratorChangesAPoolsOwnerAndNamesThePoolAGroupsLicenseDrawsFrom() {
        Site site = newSite(Role.LICENSE_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 4);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        String north = unit(site.api(), "North");
        String south = unit(site.api(), "South");
        UUID ada = user(site, "ada", "US");
        UUID sales = group(site, "Sales", List.of(ada));
        assertThat(site.api()
                        .post("/v1.0/groups/" + sales + "/assignLicense", """
                                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(e3))
                        .status())
                .isEqualTo(202);
        AdminSession admin = session(site);
        String page = "/licenses/" + e3;
        admin.follow(admin.post(page + "/allotments", pool("North seats", north, "", "2", "")));
        admin.follow(admin.post(page + "/allotments", pool("South seats", south, "", "1", "")));
        String northPool = poolId(site, e3, "North seats");
        String southPool = poolId(site, e3, "South seats");
        assertThat(owner(admin.get(page).body(), "North seats")).isEqualTo("Administrative unit North");

        String both = admin.follow(admin.post(page + "/allotments/" + northPool, change("North seats", north, "Sales")))
                .body();
        assertThat(both).contains("data-test=\"pool-problem\"", "one of them");
        assertThat(owner(both, "North seats")).isEqualTo("Administrative unit North");
        String toGroup = admin.follow(admin.post(page + "/allotments/" + northPool, change("North seats", "", "Sales")))
                .body();
        assertThat(toGroup).contains("Pool North seats now has a cap of 2 seats");
        assertThat(owner(toGroup, "North seats")).isEqualTo("Group Sales");
        assertThat(site.api()
                        .get("/allot/v1/allotments/" + northPool)
                        .body()
                        .path("ownerId")
                        .asString())
                .isEqualTo(sales.toString());
        String taken = admin.follow(admin.post(page + "/allotments/" + southPool, change("South seats", "", "Sales")))
                .body();
        assertThat(taken).contains("That owner has an allotment of this product already");
        assertThat(owner(taken, "South seats")).isEqualTo("Administrative unit South");

        String groupPage = admin.get("/groups/" + sales).body();
        assertThat(groupPage).contains("data-test=\"group-pool-form\"", ">South seats</option>");
        assertThat(groupPage).contains("None named (by the members&#39; units)");
        String named = admin.follow(admin.post(
                        "/groups/" + sales + "/licenses/" + e3 + "/allotment", List.of(Map.entry("pool", southPool))))
                .body();
        assertThat(named).contains("licenses draw from the pool South seats now");
        assertThat(site.api()
                        .get("/allot/v1/groups/" + sales + "/licenseAllotments/" + e3)
                        .body()
                        .path("allotmentId")
                        .asString())
                .isEqualTo(southPool);
        assertThat(jdbc.sql("select allotment_id::text from license_assignment where user_id = ?")
                        .param(ada)
                        .query(String.class)
                        .single())
                .as("ada's seat is drawn from the pool named on the group's license")
                .isEqualTo(southPool);
        String wrong = admin.follow(admin.post(
                        "/groups/" + sales + "/licenses/" + e3 + "/allotment", List.of(Map.entry("pool", "x"))))
                .body();
        assertThat(wrong).contains("data-test=\"group-pool-problem\"", "Pick one of the product", "pools, or none.");
        String none = admin.follow(admin.post(
                        "/groups/" + sales + "/licenses/" + e3 + "/allotment", List.of(Map.entry("pool", ""))))
                .body();
        assertThat(none).contains("licenses name no pool now");
        assertThat(site.api()
                        .get("/allot/v1/groups/" + sales + "/licenseAllotments/" + e3)
                        .body()
                        .hasNonNull("allotmentId"))
                .as("no pool named")
                .isFalse();

        String reader = addAdmin(site, "reader@" + site.domain(), Role.GLOBAL_READER);
        AdminSession readOnly = AdminSession.signIn("http://localhost:" + port, reader, PASSWORD);
        assertThat(readOnly.get("/groups/" + sales).body())
                .contains("data-test=\"group-pool\"")
                .doesNotContain("group-pool-form");
        assertThat(readOnly.post(
                                "/groups/" + sales + "/licenses/" + e3 + "/allotment",
                                List.of(Map.entry("pool", southPool)))
                        .status())
                .isEqualTo(403);
    }

    private static List<Map.Entry<String, String>> change(String name, String unit, String group) {
        return List.of(
                Map.entry("name", name),
                Map.entry("unit", unit),
                Map.entry("group", group),
                Map.entry("cap", name.startsWith("North") ? "2" : "1"),
                Map.entry("position", name.startsWith("North") ? "1" : "2"));
    }

    private static String poolId(Site site, String sku, String name) {
        for (var pool : site.api()
                .get("/allot/v1/subscribedSkus/" + sku + "/allotments")
                .body()
                .path("value")) {
            if (pool.path("displayName").asString().equals(name)) {
                return pool.path("id").asString();
            }
        }
        throw new AssertionError("no pool " + name);
    }

    /** The owner a pool's row shows. */
    private static String owner(String page, String pool) {
        int start = page.indexOf("data-pool=\"" + pool + "\"");
        assertThat(start).as(pool + " on the page").isNotNegative();
        java.util.regex.Matcher cell = java.util.regex.Pattern.compile("data-test=\"pool-owner\">([^<]*)<")
                .matcher(page.substring(start, page.indexOf("</tr>", start)));
        assertThat(cell.find()).isTrue();
        return cell.group(1).strip();
    }

    private static List<Map.Entry<String, String>> pool(
            String name, String unit, String group, String cap, String position) {
        return List.of(
                Map.entry("name", name),
                Map.entry("unit", unit),
                Map.entry("group", group),
                Map.entry("cap", cap),
                Map.entry("position", position));
    }

    /** A pool's row on the page, as its figures. */
    private static String row(String page, String pool) {
        int start = page.indexOf("data-pool=\"" + pool + "\"");
        assertThat(start).as(pool + " on the page").isNotNegative();
        String row = page.substring(start, page.indexOf("</tr>", start));
        return "cap " + cell(row, "pool-cap", 3) + " seats " + cell(row, "pool-seats", 4) + " used "
                + cell(row, "pool-used", 5) + " waiting " + cell(row, "pool-waiting", 6);
    }

    /** The cell marked {@code test}, or else the {@code nth} cell (the unallotted row marks none). */
    private static String cell(String row, String test, int nth) {
        java.util.regex.Matcher marked = java.util.regex.Pattern.compile("data-test=\"" + test + "\">([^<]*)<")
                .matcher(row);
        if (marked.find()) {
            return marked.group(1).strip();
        }
        java.util.regex.Matcher cells =
                java.util.regex.Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row);
        for (int i = 1; cells.find(); i++) {
            if (i == nth) {
                return cells.group(1).isBlank() ? "-" : cells.group(1).strip();
            }
        }
        return "?";
    }

    private static String unit(ApiClient api, String name) {
        ApiClient.Response created =
                api.post("/v1.0/directory/administrativeUnits", "{\"displayName\":\"" + name + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("id").asString();
    }
}
