package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The product page's subscription forms (docs/admin-center.md): buying on terms, and changing a subscription's terms;
 * a refusal says why in plain words in the form, keeps what was typed, and changes nothing.
 */
class SubscriptionFormsPageIT extends AdminCenterIT {
    @Test
    void buyingOnTermsShowsTheTermsOnThePageAndInTheApi() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 1);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        AdminSession admin = session(site);

        AdminSession.Page bought = admin.post(
                "/licenses/" + e3 + "/subscriptions", buy("5", "2026-01-01", "2099-06-30", "23,10", "chf", true));

        String page = admin.follow(bought).body();
        assertThat(page).contains("Trial subscription of 5 seats of", "ending 2099-06-30");
        assertThat(page).contains("2026-01-01", "(trial)", "2099-06-30", "23.1 CHF");
        JsonNode added = termsOf(site.api(), 5);
        assertThat(added.path("endDateTime").asString()).startsWith("2099-06-30T00:00");
        assertThat(added.path("currency").asString()).isEqualTo("CHF");
        assertThat(added.path("isTrial").asBoolean()).isTrue();
    }

    @Test
    void aBadPriceOrDateIsToldInPlainWordsKeepsWhatWasTypedAndAddsNothing() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 1);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        AdminSession admin = session(site);

        String badPrice = admin.follow(admin.post(
                        "/licenses/" + e3 + "/subscriptions", buy("7", "", "2099-06-30", "twelve", "EUR", true)))
                .body();
        assertThat(badPrice)
                .contains("Enter the price per seat and month as a number", "data-test=\"subscription-problem\"");
        assertThat(badPrice).contains("value=\"twelve\"", "value=\"2099-06-30\"", "value=\"7\"", "value=\"EUR\"");
        assertThat(badPrice).containsPattern(invalid("new-price"));
        assertThat(badPrice).containsPattern("id=\"new-trial\"[^>]*checked");

        String badDates = admin.follow(admin.post(
                        "/licenses/" + e3 + "/subscriptions", buy("7", "2027-01-01", "2026-12-31", "", "", false)))
                .body();
        assertThat(badDates).contains("The end date must be after the start date.", "value=\"2026-12-31\"");
        assertThat(badDates).containsPattern(invalid("new-end"));

        String badCurrency = admin.follow(
                        admin.post("/licenses/" + e3 + "/subscriptions", buy("7", "", "", "12", "", false)))
                .body();
        assertThat(badCurrency).contains("Enter the price and its currency together");

        String notADay = admin.follow(
                        admin.post("/licenses/" + e3 + "/subscriptions", buy("7", "", "30/06/2099", "", "", false)))
                .body();
        assertThat(notADay).contains("Enter the end date as year-month-day", "value=\"30/06/2099\"");

        assertThat(site.api().get("/allot/v1/subscriptions").body().path("value"))
                .hasSize(1);
    }

    @Test
    void theTermsOfASubscriptionChangeAndABadChangeChangesNothing() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        String id = subscribe(site, "ENTERPRISEPACK", 3).toString();
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        AdminSession admin = session(site);
        String path = "/licenses/" + e3 + "/subscriptions/" + id + "/terms";

        String changed = admin.follow(admin.post(
                        path,
                        List.of(
                                Map.entry("end", "2099-12-31"),
                                Map.entry("autoRenew", "true"),
                                Map.entry("price", "30"),
                                Map.entry("currency", "EUR"))))
                .body();
        assertThat(changed).contains("ending 2099-12-31 and renewing by itself", "(renews by itself)", "30 EUR");

        String refused = admin.follow(admin.post(
                        path, List.of(Map.entry("end", ""), Map.entry("price", "-3"), Map.entry("currency", "usd"))))
                .body();
        assertThat(refused).contains("The price cannot be negative.", "value=\"-3\"", "value=\"usd\"");
        assertThat(refused).containsPattern(invalid("price-" + id));
        JsonNode kept = termsOf(site.api(), 3);
        assertThat(kept.path("endDateTime").asString()).startsWith("2099-12-31");
        assertThat(kept.path("autoRenew").asBoolean()).isTrue();
        assertThat(kept.path("currency").asString()).isEqualTo("EUR");

        String noEnd = admin.follow(admin.post(path, List.of(Map.entry("end", ""), Map.entry("price", ""))))
                .body();
        assertThat(noEnd).contains("without end, without price");
        JsonNode open = termsOf(site.api(), 3).path("endDateTime");
        assertThat(open.isNull() || open.isMissingNode()).isTrue();
    }

    @Test
    void aReaderSeesTheTermsButCannotBuyOrChangeThem() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        String id = subscribe(site, "ENTERPRISEPACK", 3).toString();
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        String reader = addAdmin(site, "reader@" + site.api().domain, Role.GLOBAL_READER);
        AdminSession session = AdminSession.signIn("http://localhost:" + port, reader, PASSWORD);

        assertThat(session.get("/licenses/" + e3).body()).doesNotContain("subscription-form", "Change terms");
        assertThat(session.post("/licenses/" + e3 + "/subscriptions", buy("5", "", "", "", "", false))
                        .status())
                .isEqualTo(403);
        assertThat(session.post(
                                "/licenses/" + e3 + "/subscriptions/" + id + "/terms",
                                List.of(Map.entry("end", "2099-12-31")))
                        .status())
                .isEqualTo(403);
        assertThat(site.api().get("/allot/v1/subscriptions").body().path("value"))
                .hasSize(1);
    }

    private static List<Map.Entry<String, String>> buy(
            String seats, String start, String end, String price, String currency, boolean trial) {
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(List.of(
                Map.entry("seats", seats),
                Map.entry("start", start),
                Map.entry("end", end),
                Map.entry("price", price),
                Map.entry("currency", currency)));
        if (trial) {
            fields.add(Map.entry("trial", "true"));
        }
        return fields;
    }

    /** The subscription of the tenant with this many seats, as the API shows it. */
    private static JsonNode termsOf(ApiClient api, int seats) {
        for (JsonNode s : api.get("/allot/v1/subscriptions").body().path("value")) {
            if (s.path("totalLicenses").asInt() == seats) {
                return s;
            }
        }
        throw new AssertionError("no subscription of " + seats + " seats");
    }

    /** A field marked invalid, whatever the order of its attributes. */
    private static String invalid(String id) {
        String named = "id=\"" + java.util.regex.Pattern.quote(id) + "\"";
        return "<input[^>]*(?:is-invalid[^>]*" + named + "|" + named + "[^>]*is-invalid)";
    }
}
