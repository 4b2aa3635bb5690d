package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.directory.GroupId;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The admin center for an administrator whose roles are held over an administrative unit (docs/delegation.md), as
 * thorough as the tenant-isolation tests: North's administrator sees and changes North's users and groups only; South's
 * objects do not exist for them (404), a form naming one is refused with a message and changes nothing, the tenant's
 * pages are refused (403) and not offered, product pages show the totals read-only, and their own tenant-wide role is
 * set aside while they hold roles over units.
 */
class AdminCenterUnitScopeIT extends AdminCenterIT {

    /** Two business units of one tenant, and North's administrator (a User Administrator of the tenant before). */
    private final class Units {
        final Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        final AdminSession global = session(site);
        final String sku = subscribed();
        final UUID nora = user(site, "nora", "US");
        final UUID nick = user(site, "nick", "US");
        final UUID sam = user(site, "sam", "US");
        final UUID sue = user(site, "sue", "US");
        final UUID northTeam = group(site, "North team", List.of(nora, sam));
        final UUID southTeam = group(site, "South team", List.of(sam, nora));
        final String north = unit("North", nora, nick, northTeam);
        final String south = unit("South", sam, sue, southTeam);
        final String northAdmin = addAdmin(site, "north@" + site.domain(), Role.USER_ADMINISTRATOR);

        Units() {
            assignDirect(site, sam, "ENTERPRISEPACK");
        }

        private String subscribed() {
            subscribe(site, "ENTERPRISEPACK", 5);
            return product("ENTERPRISEPACK").skuId().toString();
        }

        String upn(String name) {
            return name + "@" + site.domain();
        }

        private String unit(String name, UUID... members) {
            String location = String.valueOf(
                    global.post("/units", List.of(Map.entry("name", name))).location());
            String path = location.substring(location.indexOf("/units/"));
            for (UUID member : members) {
                assertThat(global.post(path + "/members", List.of(Map.entry("member", member.toString())))
                                .status())
                        .isEqualTo(302);
            }
            return path;
        }

        void give(String unit, Role role, String username) {
            AdminSession.Page given = global.follow(global.post(
                    unit + "/roles", List.of(Map.entry("role", role.templateId()), Map.entry("app", username))));
            assertThat(given.body()).as("giving " + role).contains(role.displayName(), username);
        }

        AdminSession signIn() {
            return AdminSession.signIn("http://localhost:" + port, northAdmin, PASSWORD);
        }

        long count(String sql, UUID id) {
            return jdbc.sql(sql).param(id).query(Long.class).single();
        }
    }

    @Test
    void aUnitAdministratorSeesOnlyTheUsersGroupsAuditAndRequestsOfTheirUnit() {
        Units t = new Units();
        AdminSession before = t.signIn();
        t.give(t.north, Role.LICENSE_ADMINISTRATOR, t.northAdmin);
        t.give(t.north, Role.GROUPS_ADMINISTRATOR, t.northAdmin);
        // a role held over a unit ends the session signed in with the tenant-wide role
        assertThat(before.get("/users").location()).endsWith("/login?ended");
        AdminSession north = t.signIn();

        assertThat(north.get("/").body())
                .contains("License Administrator, Groups Administrator (administrative units)", "Office 365 E3")
                .doesNotContain("Latest changes", "Users with license errors");
        assertThat(north.get("/users").body())
                .contains(t.upn("nora"), t.upn("nick"))
                .doesNotContain(t.upn("sam"));
        assertThat(north.get("/users?q=sam").body()).contains("No users match");
        assertThat(north.get("/users.csv").body()).contains(t.upn("nora")).doesNotContain(t.upn("sam"));
        assertThat(north.get("/users/picker?pick=s").body()).doesNotContain(t.upn("sam"), t.upn("sue"));
        assertThat(north.get("/groups/member-suggestions?member=s").body()).doesNotContain(t.upn("sam"), "South team");
        assertThat(north.get("/users/" + t.nora).body()).contains("North team").doesNotContain("South team");
        assertThat(north.get("/groups").body()).contains("North team").doesNotContain("South team");
        assertThat(north.get("/groups/" + t.northTeam).body())
                .contains(t.upn("nora"))
                .doesNotContain(t.upn("sam"));
        for (String path : List.of(
                "/users/" + t.sam,
                "/users/" + t.sam + "/timed",
                "/groups/" + t.southTeam,
                "/groups/" + t.southTeam + "/processing",
                t.south)) {
            assertThat(north.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(north.get("/units").body()).contains("North").doesNotContain(">South<");

        // the audit log: records with a user or group of North among their targets only (sue is South's alone; sam's
        // joining North's team names both, and is North's too)
        assertThat(north.post("/users/bulk", List.of(Map.entry("user", t.nora.toString()), Map.entry("sku", t.sku)))
                        .status())
                .isEqualTo(302);
        assertThat(t.count("select count(*) from license_assignment where user_id = ?", t.nora))
                .isEqualTo(1);
        String audit = north.get("/audit").body();
        assertThat(audit).contains(t.upn("nora"), "Change user license").doesNotContain(t.upn("sue"));
        assertThat(north.get("/audit?activity=Change+user+license").body())
                .contains(t.upn("nora"))
                .doesNotContain(t.upn("sam"));
        assertThat(north.get("/audit.csv").body()).contains(t.upn("nora")).doesNotContain(t.upn("sue"));

        // requests: those of North's users, decided by North's administrator; South's are neither shown nor decided
        for (UUID user : List.of(t.nick, t.sue)) {
            assertThat(t.global
                            .post(
                                    "/users/" + user + "/requests",
                                    List.of(Map.entry("sku", t.sku), Map.entry("justification", "New starter")))
                            .status())
                    .isEqualTo(302);
        }
        UUID sueRequest = requestOf(t.sue);
        AdminSession.Page requests = north.get("/requests");
        assertThat(requests.body()).contains(t.upn("nick")).doesNotContain(t.upn("sue"));
        AdminSession.Page refused = north.follow(north.post("/requests/" + sueRequest + "/deny", reason()));
        assertThat(refused.body()).contains("data-test=\"problem\"");
        assertThat(jdbc.sql("select state from license_request where id = ?")
                        .param(sueRequest)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        AdminSession.Page denied = north.follow(north.post("/requests/" + requestOf(t.nick) + "/deny", reason()));
        assertThat(denied.body()).contains("Request denied.");
    }

    @Test
    void aUnitAdministratorChangesNothingOutsideTheirUnitAndNoTenantPage() {
        Units t = new Units();
        t.give(t.north, Role.LICENSE_ADMINISTRATOR, t.northAdmin);
        t.give(t.north, Role.GROUPS_ADMINISTRATOR, t.northAdmin);
        AdminSession north = t.signIn();

        // South's objects in the path: as if they did not exist
        for (var request : List.of(
                Map.entry("/users/" + t.sam + "/usage-location", List.of(Map.entry("usageLocation", "FR"))),
                Map.entry("/users/" + t.sue + "/licenses", List.of(Map.entry("sku", t.sku))),
                Map.entry("/users/" + t.sam + "/licenses/" + t.sku + "/remove", List.<Map.Entry<String, String>>of()),
                Map.entry("/users/" + t.sue + "/requests", List.of(Map.entry("sku", t.sku))),
                Map.entry("/groups/" + t.southTeam + "/members", List.of(Map.entry("member", t.upn("nora")))),
                Map.entry("/groups/" + t.southTeam + "/licenses", List.of(Map.entry("sku", t.sku))),
                Map.entry("/groups/" + t.southTeam + "/delete", List.<Map.Entry<String, String>>of()))) {
            assertThat(north.post(request.getKey(), request.getValue()).status())
                    .as("POST " + request.getKey())
                    .isEqualTo(404);
        }
        // South's objects named in a form: refused with a message, nothing changed
        AdminSession.Page member = north.follow(
                north.post("/groups/" + t.northTeam + "/members", List.of(Map.entry("member", t.upn("sue")))));
        assertThat(member.body()).contains("data-test=\"problem\"", "No user signs in as " + t.upn("sue"));
        assertThat(north.post("/groups/" + t.northTeam + "/members/" + t.sam + "/remove", List.of())
                        .status())
                .as("a member of another unit is not found")
                .isEqualTo(404);
        AdminSession.Page bulk = north.follow(north.post(
                "/users/bulk",
                List.of(
                        Map.entry("user", t.nick.toString()),
                        Map.entry("user", t.sue.toString()),
                        Map.entry("sku", t.sku))));
        assertThat(bulk.body()).contains("data-test=\"problem\"").doesNotContain(t.upn("sue"));
        // the tenant's pages and changes: refused, as a role's limit is
        for (String path : List.of(
                "/administrators",
                "/sync",
                "/domains",
                "/alerts",
                "/reclaim",
                "/notifications",
                "/licenses/check",
                "/licenses/" + t.sku + "/migrate")) {
            AdminSession.Page page = north.get(path);
            assertThat(page.status()).as("GET " + path).isEqualTo(403);
            assertThat(page.body()).contains("Your role cannot do this");
        }
        for (var request : List.of(
                Map.entry("/groups", List.of(Map.entry("displayName", "Sneaky"))),
                Map.entry("/licenses/" + t.sku + "/users", List.of(Map.entry("user", t.nick.toString()))),
                Map.entry("/licenses/" + t.sku + "/group-only", List.of(Map.entry("groupOnly", "true"))),
                Map.entry(t.north + "/members", List.of(Map.entry("member", t.upn("sue")))),
                Map.entry("/groups/" + t.northTeam + "/rule", List.of(Map.entry("rule", "user.city -eq \"x\""))))) {
            assertThat(north.post(request.getKey(), request.getValue()).status())
                    .as("POST " + request.getKey())
                    .isEqualTo(403);
        }
        // the product page: the tenant's totals, read-only, nobody named
        assertThat(north.get("/licenses/" + t.sku).body())
                .contains("Office 365 E3", "read-only")
                .doesNotContain(t.upn("sam"), "assign-form", "unassign-form", "Seat holders");

        assertThat(t.count("select count(*) from license_assignment where user_id = ?", t.sue))
                .isZero();
        assertThat(t.count("select count(*) from license_assignment where user_id = ?", t.nick))
                .isZero();
        assertThat(t.count("select count(*) from license_assignment where user_id = ?", t.sam))
                .isEqualTo(1);
        assertThat(t.count("select count(*) from group_member_user where group_id = ?", t.northTeam))
                .isEqualTo(2);
        assertThat(t.count("select count(*) from group_member_user where group_id = ?", t.southTeam))
                .isEqualTo(2);
        assertThat(t.count("select count(*) from license_request where user_id = ?", t.sue))
                .isZero();
        assertThat(jdbc.sql("select usage_location from directory_user where id = ?")
                        .param(t.sam)
                        .query(String.class)
                        .single())
                .isEqualTo("US");
        assertThat(jdbc.sql("select count(*) from directory_group where tenant_id = ?")
                        .param(t.site.tenant().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // within the unit, the roles held over it work: a member added, a license assigned
        assertThat(north.follow(north.post(
                                "/groups/" + t.northTeam + "/members", List.of(Map.entry("member", t.upn("nick")))))
                        .body())
                .contains(t.upn("nick") + " added.");
        assertThat(north.post("/users/bulk", List.of(Map.entry("user", t.nick.toString()), Map.entry("sku", t.sku)))
                        .status())
                .isEqualTo(302);
        assertThat(t.count("select count(*) from license_assignment where user_id = ?", t.nick))
                .isEqualTo(1);
    }

    @Test
    void theNavigationOffersAUnitAdministratorOnlyWhatTheyCanUse() {
        Units t = new Units();
        t.give(t.north, Role.LICENSE_ADMINISTRATOR, t.northAdmin);
        Browser b = browser();
        b.signIn(t.northAdmin, PASSWORD);

        assertThat(b.text(By.cssSelector("[data-test=signed-in]"))).contains("License Administrator");
        for (String shown :
                List.of("Users", "Groups", "Licenses", "Administrative units", "Requests", "Audit log", "Reports")) {
            assertThat(b.has(By.linkText(shown))).as(shown).isTrue();
        }
        for (String hidden :
                List.of("Reclaim", "Directory sync", "Domains", "Notifications", "Alerts", "Administrators")) {
            assertThat(b.has(By.linkText(hidden))).as(hidden).isFalse();
        }
        b.click(By.linkText("Users"));
        assertThat(b.source()).contains(t.upn("nora")).doesNotContain(t.upn("sam"));
        b.click(By.linkText("Licenses"));
        b.click(By.linkText("Office 365 E3"));
        assertThat(b.all(By.cssSelector("main form"))).isEmpty();
        assertThat(b.text(By.cssSelector("[data-test=unit-scope]"))).contains("read-only");
    }

    @Test
    void aUnitAdministratorReadsTheReportsAndMembersInErrorOfTheirUnitOnly() {
        Units t = new Units();
        t.give(t.north, Role.LICENSE_ADMINISTRATOR, t.northAdmin);
        assignDirect(t.site, t.nora, "ENTERPRISEPACK");
        // EMS: its one seat held by South's sue, so North's team's members wait (nora of North, sam of South)
        subscribe(t.site, "EMS", 1);
        assignDirect(t.site, t.sue, "EMS");
        work.run(() -> groupLicensing.assign(
                        t.site.setup(),
                        new GroupId(t.northTeam),
                        List.of(AssignedLicense.of(product("EMS").skuId())),
                        List.of()))
                .value();
        for (String unit : List.of(t.north, t.south)) {
            String name = unit.equals(t.north) ? "North seats" : "South seats";
            assertThat(t.site.api()
                            .post("/allot/v1/subscribedSkus/" + t.sku + "/allotments", """
                                    {"displayName":"%s","ownerType":"administrativeUnit","ownerId":"%s","cap":1}""".formatted(
                                            name, unit.substring("/units/".length())))
                            .status())
                    .isEqualTo(201);
        }
        AdminSession north = t.signIn();

        // the seats by allotment: the pools of North's units only (the products' totals are the tenant's)
        assertThat(north.get("/reports").body()).contains("North seats").doesNotContain("South seats");
        assertThat(t.global.get("/reports").body()).contains("North seats", "South seats");

        // costs: North's seats only (nora's E3 and nothing of the waiting EMS), no seats nobody holds
        AdminSession.Page reports = north.get("/reports?by=group");
        assertThat(reports.status()).isEqualTo(200);
        assertThat(reports.body())
                .contains("data-test=\"unit-scope\"", "(direct)", "Usage history")
                .doesNotContain("(seats nobody holds)");
        assertThat(costSeats(reports.body())).containsExactly("1");
        assertThat(costSeats(t.global.get("/reports?by=group").body()))
                .as("the tenant's: sam's, nora's and sue's seats, and the seats nobody holds")
                .containsExactly("3", "3");
        assertThat(north.get("/reports/license-holders.csv").body())
                .contains(t.upn("nora"))
                .doesNotContain(t.upn("sam"), t.upn("sue"));
        assertThat(north.get("/reports/costs.csv?by=group").body()).doesNotContain("nobody holds");
        assertThat(north.get("/reports/usage.csv?product=ENTERPRISEPACK").status())
                .isEqualTo(200);

        // a group's members in error: those of North only, from the page and from the CSV
        assertThat(north.get("/groups/" + t.northTeam).body())
                .contains("Export those of your units as CSV")
                .contains(t.upn("nora"))
                .doesNotContain(t.upn("sam"));
        AdminSession.Page csv = north.get("/groups/" + t.northTeam + "/members-in-error.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(t.upn("nora")).doesNotContain(t.upn("sam"));
        assertThat(t.global
                        .get("/groups/" + t.northTeam + "/members-in-error.csv")
                        .body())
                .contains(t.upn("nora"), t.upn("sam"));
        assertThat(north.get("/groups/" + t.southTeam + "/members-in-error.csv").status())
                .isEqualTo(404);
    }

    /** The seats column of the costs table's rows. */
    private static List<String> costSeats(String page) {
        List<String> seats = new java.util.ArrayList<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                        "data-test=\"cost\">\\s*<td>[^<]*</td>\\s*<td>[^<]*</td>\\s*<td class=\"text-end\">(\\d+)</td>")
                .matcher(page);
        while (row.find()) {
            seats.add(row.group(1));
        }
        return seats;
    }

    private UUID requestOf(UUID user) {
        return jdbc.sql("select id from license_request where user_id = ?")
                .param(user)
                .query(UUID.class)
                .single();
    }

    private static List<Map.Entry<String, String>> reason() {
        return List.of(Map.entry("reason", "Not this quarter"));
    }
}
