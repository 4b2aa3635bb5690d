package org.allot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.subscription.SubscribedSku;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.server.demo.DemoTenant;
import org.allot.server.testing.TestDatabase;
import org.allot.server.web.admin.AdminSession;
import org.allot.server.web.admin.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application, wired as it runs, on an external database: it migrates, starts and creates Contoso. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DemoTenantIT {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.newDatabase();
        registry.add("allot.tls.enabled", () -> "false");
        registry.add("allot.database.url", () -> url);
        registry.add("allot.database.username", () -> "postgres");
        registry.add("allot.demo.enabled", () -> "true");
        registry.add("allot.processing.workers", () -> "1");
        registry.add("allot.bootstrap.admin-password", () -> ADMIN_PASSWORD);
    }

    private static final String ADMIN = "admin@contoso.com";
    private static final String ADMIN_PASSWORD = "contoso demo password";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubscriptionBook subscriptions;

    @Autowired
    ProductCatalog catalog;

    @LocalServerPort
    int port;

    @Test
    void contosoHasItsPeopleGroupsAndSubscriptions() {
        Map<String, Object> people =
                jdbc.sql("""
                        select count(*) as users,
                               count(*) filter (where on_premises_sync_enabled and usage_location is null) as synced,
                               count(*) filter (where user_type = 'Guest') as guests,
                               count(distinct department) as departments
                        from directory_user where tenant_id = ?""").param(DemoTenant.CONTOSO.value()).query().singleRow();
        assertThat((Long) people.get("users")).isBetween(190L, 210L);
        assertThat((Long) people.get("synced")).isGreaterThan(20L);
        assertThat(people.get("guests")).isEqualTo(2L);
        assertThat((Long) people.get("departments")).isGreaterThanOrEqualTo(5L);

        Catalog products = catalog.forTenant(DemoTenant.CONTOSO);
        List<SubscribedSku> skus = subscriptions.subscribedSkus(DemoTenant.CONTOSO);
        assertThat(skus)
                .extracting(
                        s -> s.product().skuPartNumber(),
                        s -> s.seats().prepaid().enabled())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ENTERPRISEPACK", 25),
                        org.assertj.core.groups.Tuple.tuple("EMS", 25),
                        org.assertj.core.groups.Tuple.tuple("SPE_E5", 10),
                        org.assertj.core.groups.Tuple.tuple("POWER_BI_PRO", 5));
        assertThat(skus)
                .allMatch(s -> s.seats().consumed() <= s.seats().prepaid().enabled());
        assertThat(skus).anyMatch(s -> s.seats().waiting() > 0);
        assertThat(products.size()).isGreaterThan(500);

        long groups = jdbc.sql("select count(*) from directory_group where tenant_id = ?")
                .param(DemoTenant.CONTOSO.value())
                .query(Long.class)
                .single();
        long nested = jdbc.sql("select count(*) from group_member_group where tenant_id = ?")
                .param(DemoTenant.CONTOSO.value())
                .query(Long.class)
                .single();
        assertThat(groups).isGreaterThanOrEqualTo(4);
        assertThat(nested).isGreaterThanOrEqualTo(1);
    }

    @Test
    void reportsHealthy() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"UP\"");
    }

    /** Every page the admin center links to, for the whole demo tenant, opens without an error. */
    @Test
    void everyPageOfTheAdminCenterOpensForContoso() {
        String base = "http://localhost:" + port;
        AdminSession admin = AdminSession.signIn(base, ADMIN, ADMIN_PASSWORD);
        java.util.Deque<String> queue = new java.util.ArrayDeque<>(List.of("/", "/audit.csv"));
        java.util.Set<String> seen = new java.util.HashSet<>(queue);
        java.util.regex.Pattern links = java.util.regex.Pattern.compile(
                "href=\"(/(?:users|groups|licenses|audit|administrators|sync)[^\"#]*)\"");
        int pages = 0;
        while (!queue.isEmpty() && pages < 2000) {
            String path = queue.poll();
            AdminSession.Page page = admin.get(path);
            pages++;
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("Something went wrong");
            java.util.regex.Matcher m = links.matcher(page.body());
            while (m.find()) {
                String link = m.group(1).replace("&amp;", "&");
                if (seen.add(link)) {
                    queue.add(link);
                }
            }
        }
        assertThat(queue).as("pages left unvisited").isEmpty();
        assertThat(seen)
                .anyMatch(p -> p.startsWith("/users/"))
                .anyMatch(p -> p.startsWith("/groups/"))
                .anyMatch(p -> p.startsWith("/licenses/"))
                .anyMatch(p -> p.startsWith("/audit?after="))
                .contains("/sync");
    }

    /** The README's screenshots: the dashboard, a user waiting for a seat, and a licensed group, of Contoso. */
    @Test
    void screenshotsOfTheAdminCenter() {
        String waiting = jdbc.sql("""
                        select a.user_id::text from license_assignment a join directory_user u on u.id = a.user_id
                        where a.tenant_id = ? and a.error = 'CountViolation' order by u.display_name limit 1""")
                .param(DemoTenant.CONTOSO.value())
                .query(String.class)
                .single();
        String sales = jdbc.sql(
                        "select id::text from directory_group where tenant_id = ? and display_name = 'Sales-E3'")
                .param(DemoTenant.CONTOSO.value())
                .query(String.class)
                .single();
        try (Browser browser = Browser.start("http://localhost:" + port)) {
            browser.signIn(ADMIN, ADMIN_PASSWORD);
            browser.find(By.cssSelector("canvas[data-chart]"));
            browser.waitUntil(d -> browser.script("return window.Chart && window.Chart.getChart(document.querySelector("
                            + "'canvas[data-chart]')) != null;")
                    .equals(true));
            assertThat(browser.screenshot("dashboard")).exists();
            browser.open("/users/" + waiting);
            assertThat(browser.text(By.cssSelector("[data-test=license-status]")))
                    .isNotBlank();
            assertThat(browser.source()).contains("Waiting for a seat");
            assertThat(browser.screenshot("user")).exists();
            browser.open("/groups/" + sales);
            assertThat(browser.text(By.cssSelector("[data-test=group-licenses]")))
                    .contains("Office 365 E3");
            assertThat(browser.screenshot("group")).exists();
        }
    }
}
