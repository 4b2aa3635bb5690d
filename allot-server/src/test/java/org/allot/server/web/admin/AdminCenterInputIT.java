package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.allot.server.testing.LoopbackAddresses;
import org.allot.server.testing.LoopbackClient;
import org.junit.jupiter.api.Test;

/**
 * What administrators type and what hand-made requests send: lists page and filter as promised, bad input gets a
 * clear message or a 4xx page and changes nothing, markup and formulas stay text.
 */
class AdminCenterInputIT extends AdminCenterIT {

    @Test
    void theUserListPagesThroughEveryUserOnceInNameOrderAndFilters() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 200);
        List<UUID> everyone = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            everyone.add(user(site, String.format("person%03d", i), i % 10 == 0 ? null : "US"));
        }
        guest(site, "gail");
        for (int i = 0; i < 7; i++) {
            assignDirect(site, everyone.get(i + 1), "ENTERPRISEPACK");
        }
        AdminSession admin = session(site);

        List<String> seen = new ArrayList<>();
        String path = "/users";
        for (int page = 0; path != null && page < 10; page++) {
            AdminSession.Page list = admin.get(path);
            assertThat(list.status()).isEqualTo(200);
            seen.addAll(attributes(list.body(), "data-upn"));
            path = link(list.body(), "Next page");
        }
        assertThat(seen).hasSize(121).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 120)).isSorted();
        assertThat(count(admin.get("/users?show=licensed"))).isEqualTo(7);
        assertThat(count(admin.get("/users?show=unlicensed"))).isEqualTo(114);
        assertThat(count(admin.get("/users?show=no_location"))).isEqualTo(12);
        assertThat(count(admin.get("/users?show=guests"))).isEqualTo(1);
        assertThat(count(admin.get("/users?q=person11"))).isEqualTo(10);
        assertThat(count(admin.get("/users?q=PERSON11&show=no_location"))).isEqualTo(1);
        assertThat(admin.get("/users?q=%27%20or%201%3D1%20--").body()).contains("No users match");
        assertThat(admin.get("/users?q=person_%25").body()).contains("No users match");
        assertThat(admin.get("/users?show=everyone").status()).isEqualTo(400);
        assertThat(admin.get("/users?after=not-a-token").status()).isEqualTo(400);
        assertThat(admin.get("/users?q=" + "x".repeat(300)).status()).isEqualTo(400);
    }

    @Test
    void aBulkChangeAppliesToEverySelectedUserOrToNone() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 10);
        subscribe(site, "EMS", 10);
        UUID ann = user(site, "ann", "US");
        UUID bob = user(site, "bob", "US");
        UUID nowhere = user(site, "nowhere", null);
        assignDirect(site, bob, "ENTERPRISEPACK");
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        String ems = product("EMS").skuId().toString();
        AdminSession admin = session(site);

        AdminSession.Page refused = admin.follow(admin.post("/users/bulk", form("add", e3, ann, bob, nowhere)));
        assertThat(refused.body())
                .contains("Nothing was changed: 1 of the 3 selected users would be refused")
                .contains("nowhere@" + site.domain())
                .contains("No usage location is set");
        assertThat(directSkus(ann)).isEmpty();

        AdminSession.Page added = admin.follow(admin.post("/users/bulk", form("add", e3, ann, bob)));
        assertThat(added.body()).contains("Office 365 E3 added to 1 users (1 had nothing to change).");
        assertThat(directSkus(ann)).containsExactly(e3);

        admin.follow(admin.post("/users/bulk", form("replace", ems, ann, bob)));
        assertThat(directSkus(ann)).containsExactly(ems);
        assertThat(directSkus(bob)).containsExactly(ems);

        admin.follow(admin.post("/users/bulk", form("remove", ems, ann)));
        assertThat(directSkus(ann)).isEmpty();
        assertThat(directSkus(bob)).containsExactly(ems);

        assertThat(admin.post("/users/bulk", form("shuffle", ems, ann)).status())
                .isEqualTo(400);
        assertThat(admin.post("/users/bulk", form("add", "not-a-product", ann)).status())
                .isEqualTo(400);
        assertThat(admin.post("/users/bulk", List.of(Map.entry("user", "nobody"), Map.entry("sku", ems)))
                        .status())
                .isEqualTo(404);
        assertThat(admin.follow(admin.post("/users/bulk", List.of(Map.entry("sku", ems))))
                        .body())
                .contains("Select the users first.");
        assertThat(directSkus(bob)).containsExactly(ems);
    }

    @Test
    void handMadeRequestsGetA4xxPageAndChangeNothing() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 10);
        UUID ann = user(site, "ann", "US");
        UUID group = group(site, "Team", List.of(ann));
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        AdminSession admin = session(site);

        assertThat(admin.get("/users/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get("/users/not-an-id").status()).isEqualTo(404);
        assertThat(admin.get("/groups/%27%20or%201%3D1%20--").status()).isEqualTo(404);
        assertThat(admin.get("/groups/%27%3B%20drop%20table%20directory_user%3B--")
                        .status())
                .as("the firewall refuses encoded semicolons")
                .isEqualTo(400);
        assertThat(admin.get("/licenses/NOT_A_PRODUCT").status()).isEqualTo(404);
        assertThat(admin.get("/licenses/" + e3 + "?holders=-5").status()).isEqualTo(400);
        assertThat(admin.get("/licenses/" + e3 + "?holders=abc").status()).isEqualTo(400);
        assertThat(admin.get("/groups/" + group + "?view=everything").status()).isEqualTo(400);
        assertThat(admin.get("/no/such/page").body()).contains("This page does not exist");

        String sway = product("ENTERPRISEPACK").servicePlans().get(0).id().toString();
        String notAnApp = UUID.randomUUID().toString();
        AdminSession.Page tampered =
                admin.post("/users/" + ann + "/licenses", List.of(Map.entry("sku", e3), Map.entry("app", notAnApp)));
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.body()).contains("is not part of Office 365 E3");
        assertThat(admin.post(
                                "/groups/" + group + "/licenses",
                                List.of(Map.entry("sku", e3), Map.entry("app-" + e3, "x")))
                        .status())
                .isEqualTo(400);
        assertThat(admin.follow(admin.post(
                                "/users/" + ann + "/usage-location", List.of(Map.entry("usageLocation", "XX"))))
                        .body())
                .contains("is-invalid");
        assertThat(admin.follow(admin.post("/groups/" + group + "/priority", List.of(Map.entry("priority", "high"))))
                        .body())
                .contains("Enter the priority as a whole number");
        assertThat(admin.follow(admin.post("/groups/" + group + "/priority", List.of(Map.entry("priority", "5000"))))
                        .body())
                .contains("between -1000 and 1000");
        assertThat(admin.follow(admin.post(
                                "/groups/" + group + "/members", List.of(Map.entry("member", "nobody@nowhere"))))
                        .body())
                .contains("No user signs in as nobody@nowhere");
        assertThat(admin.follow(admin.post("/licenses/" + e3 + "/subscriptions", List.of(Map.entry("seats", "-3"))))
                        .body())
                .contains("Enter a number of seats from 0 to");
        assertThat(admin.post("/users/" + ann + "/licenses", List.of(Map.entry("sku", e3), Map.entry("app", sway)))
                        .status())
                .isEqualTo(302);

        assertThat(jdbc.sql("select usage_location from directory_user where id = ?")
                        .param(ann)
                        .query(String.class)
                        .single())
                .isEqualTo("US");
        assertThat(jdbc.sql("select license_priority from directory_group where id = ?")
                        .param(group)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from subscription where tenant_id = ?")
                        .param(site.tenant().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void namesWithMarkupAreShownAsTextAndTheCsvExportDefusesFormulas() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        AdminSession admin = session(site);
        admin.follow(admin.post(
                "/administrators",
                List.of(
                        Map.entry("username", "formula@" + site.domain()),
                        Map.entry("displayName", "=HYPERLINK(\"http://evil.example\")"),
                        Map.entry("role", "Global Administrator"),
                        Map.entry("password", PASSWORD))));
        AdminSession formula = AdminSession.signIn("http://localhost:" + port, "formula@" + site.domain(), PASSWORD);

        AdminSession.Page created =
                formula.follow(formula.post("/groups", List.of(Map.entry("displayName", "<script>alert(1)</script>"))));

        assertThat(created.body())
                .doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        AdminSession.Page csv = admin.get("/audit.csv?activity=Add%20group");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().split("\n");
        assertThat(lines[0]).startsWith("time,activity,category,actor");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("Add group", "\"'=HYPERLINK(").doesNotContain(",\"=HYPERLINK");
        assertThat(admin.follow(admin.post("/groups", List.of(Map.entry("displayName", " "))))
                        .body())
                .contains("Enter the group&#39;s name.");
    }

    @Test
    void theAuditLogFiltersByActorActivityTargetAndDates() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        UUID ann = user(site, "ann", "US");
        user(site, "bob", "US");
        AdminSession admin = session(site);
        admin.post("/users/" + ann + "/usage-location", List.of(Map.entry("usageLocation", "NO")));

        assertThat(rows(admin.get("/audit?activity=Add%20user"))).isEqualTo(2);
        assertThat(rows(admin.get("/audit?activity=Add%20user&target=bob"))).isEqualTo(1);
        assertThat(rows(admin.get("/audit?actor=Global%20Administrator"))).isEqualTo(1);
        assertThat(rows(admin.get("/audit?target=" + ann))).isEqualTo(2);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(rows(admin.get("/audit?from=" + today + "&to=" + today + "&target=ann")))
                .isEqualTo(2);
        assertThat(rows(admin.get("/audit?to=2000-01-01&target=ann"))).isZero();
        AdminSession.Page bad = admin.get("/audit?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Enter dates as YYYY-MM-DD.");
        assertThat(admin.get("/audit?from=2026-02-01&to=2026-01-01").body())
                .contains("The end date is before the start date.");
        assertThat(admin.get("/audit?activity=Launch%20rockets").status()).isEqualTo(400);
        assertThat(admin.get("/audit.csv?from=yesterday").status()).isEqualTo(400);
    }

    private List<String> directSkus(UUID user) {
        return jdbc.sql("select sku_id::text from license_assignment where user_id = ? and source_group_id ="
                        + " '00000000-0000-0000-0000-000000000000' order by sku_id")
                .param(user)
                .query(String.class)
                .list();
    }

    private static List<Map.Entry<String, String>> form(String mode, String sku, UUID... users) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("mode", mode));
        fields.add(Map.entry("sku", sku));
        for (UUID u : users) {
            fields.add(Map.entry("user", u.toString()));
        }
        return fields;
    }

    private static int count(AdminSession.Page page) {
        var m = java.util.regex.Pattern.compile("data-test=\"count\">(\\d+)<").matcher(page.body());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static int rows(AdminSession.Page page) {
        return attributes(page.body(), "data-activity").size();
    }

    static List<String> attributes(String html, String name) {
        List<String> values = new ArrayList<>();
        var m = java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** The address of a link with this text, unescaped, or null. */
    static String link(String html, String text) {
        var m = java.util.regex.Pattern.compile("href=\"([^\"]+)\">" + java.util.regex.Pattern.quote(text) + "<")
                .matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    @Test
    void repeatedWrongPasswordsMakeTheGuesserWaitButNeitherTheOwnerElsewhereNorOtherAccounts() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        String other = addAdmin(site, "reader@" + site.domain(), Role.GLOBAL_READER);
        LoopbackClient guesser = new LoopbackClient(LoopbackAddresses.next(), port);
        for (int i = 1; i <= 3; i++) {
            assertThat(guesser.signIn(site.admin(), "guess " + i).location()).endsWith("/login?error");
        }
        assertThat(guesser.signIn(site.admin(), "guess 4").location()).endsWith("/login?wait=1");

        assertThat(guesser.signIn(site.admin(), PASSWORD).location())
                .as("even the right password waits, from the guesser's address")
                .endsWith("/login?wait=1");
        assertThat(guesser.get("/login?wait=1").body())
                .contains("Too many failed sign-ins")
                .contains("Try again in <span>1</span> seconds");
        assertThat(guesser.signIn(other, PASSWORD).location())
                .as("another account signs in from there")
                .endsWith("/");
        assertThat(new LoopbackClient(LoopbackAddresses.next(), port)
                        .signIn(site.admin(), PASSWORD)
                        .location())
                .as("the owner signs in from elsewhere")
                .endsWith("/");
    }
}
