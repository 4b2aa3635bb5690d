package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Products and subscriptions: seat figures, buying seats, the catalogue, plans and waiting lists. */
class ProductCommandsIT extends AgainstARealServer {

    @Test
    void seatFiguresAreThoseOfTheSubscribedSkus() {
        Run list = allot.run("product", "list", "-o", "json");
        assertThat(list.exit()).as(list.toString()).isZero();
        JsonNode skus = api.get("/v1.0/subscribedSkus").path("value");
        assertThat(list.json().size()).isEqualTo(skus.size());
        for (JsonNode sku : skus) {
            JsonNode row = find(list.json(), sku.path("skuPartNumber").asString());
            int enabled = sku.path("prepaidUnits").path("enabled").asInt();
            int consumed = sku.path("consumedUnits").asInt();
            assertThat(row.path("total").asInt())
                    .isEqualTo(
                            enabled + sku.path("prepaidUnits").path("warning").asInt());
            assertThat(row.path("assigned").asInt()).isEqualTo(consumed);
            assertThat(row.path("available").asInt()).isEqualTo(Math.max(0, enabled - consumed));
            assertThat(row.path("waiting").asInt())
                    .isEqualTo(sku.path("waitingUnits").asInt());
        }
    }

    @Test
    void buyingSeatsAddsToTheTotalAndASubscriptionCanBeResized() {
        Run added = allot.run("subscription", "add", "--sku", "WINDOWS_STORE", "--seats", "7", "-o", "json");
        assertThat(added.exit()).as(added.toString()).isZero();
        String id = added.json().path("id").asString();
        assertThat(total("WINDOWS_STORE")).isEqualTo(7);

        Run resized = allot.run("subscription", "update", id, "--seats", "9");
        assertThat(resized.exit()).as(resized.toString()).isZero();
        assertThat(total("WINDOWS_STORE")).isEqualTo(9);
        assertThat(allot.run("subscription", "list", "-o", "csv").csv())
                .filteredOn(r -> r.get("id").equals(id))
                .singleElement()
                .satisfies(r -> assertThat(r.get("totalLicenses")).isEqualTo("9"));

        Run unknown = allot.run("subscription", "update", "8d1f6c2e-0000-4000-8000-000000000000", "--seats", "3");
        assertThat(unknown.exit()).isEqualTo(3);
    }

    @Test
    void aSubscriptionIsBoughtOnTermsShownAndRenewed() {
        Run added = allot.run(
                "subscription",
                "add",
                "--sku",
                "PROJECTPROFESSIONAL",
                "--seats",
                "3",
                "--end",
                "2020-01-31",
                "--price",
                "25.50",
                "--currency",
                "eur",
                "-o",
                "json");
        assertThat(added.exit()).as(added.toString()).isZero();
        String id = added.json().path("id").asString();
        assertThat(added.json().path("status").asString())
                .as("ended long ago: the calendar has deleted it")
                .isEqualTo("Deleted");
        Run fresh = allot.run(
                "subscription",
                "add",
                "--sku",
                "PROJECTPROFESSIONAL",
                "--seats",
                "2",
                "--end",
                "2099-12-31",
                "--price",
                "25.50",
                "--currency",
                "EUR",
                "-o",
                "json");
        String freshId = fresh.json().path("id").asString();

        Run shown = allot.run("subscription", "show", freshId, "-o", "json");
        assertThat(shown.exit()).as(shown.toString()).isZero();
        assertThat(shown.json().path("status").asString()).isEqualTo("Enabled");
        assertThat(shown.json().path("endDateTime").asString()).startsWith("2099-12-31T00:00");
        assertThat(shown.json().path("nextLifecycleDateTime").asString()).startsWith("2099-12-31T00:00");
        assertThat(shown.json().path("unitPrice").asString()).isEqualTo("25.5");
        assertThat(shown.json().path("currency").asString()).isEqualTo("EUR");

        Run renewed = allot.run("subscription", "update", freshId, "--auto-renew", "true", "-o", "json");
        assertThat(renewed.exit()).as(renewed.toString()).isZero();
        assertThat(allot.run("subscription", "list", "-o", "csv").csv())
                .filteredOn(r -> r.get("id").equals(freshId))
                .singleElement()
                .satisfies(r -> assertThat(r.get("autoRenew")).isEqualTo("true"));
        assertThat(allot.run("subscription", "list", "-o", "csv").csv())
                .filteredOn(r -> r.get("id").equals(id))
                .singleElement()
                .satisfies(r -> assertThat(r.get("status")).isEqualTo("Deleted"));

        Run open = allot.run("subscription", "update", freshId, "--no-end", "-o", "json");
        assertThat(open.exit()).as(open.toString()).isZero();
        assertThat(open.json().path("endDateTime").isMissingNode()
                        || open.json().path("endDateTime").isNull())
                .as("the end of term is removed")
                .isTrue();
        assertThat(open.json().path("status").asString()).isEqualTo("Enabled");

        Run bad = allot.run(
                "subscription",
                "add",
                "--sku",
                "PROJECTPROFESSIONAL",
                "--seats",
                "2",
                "--price",
                "-1",
                "--currency",
                "EUR");
        assertThat(bad.exit()).as(bad.toString()).isNotZero();
        assertThat(bad.toString()).contains("unitPrice");
        Run badDate = allot.run("subscription", "add", "--sku", "PROJECTPROFESSIONAL", "--seats", "2", "--end", "soon");
        assertThat(badDate.exit()).isEqualTo(2);
    }

    @Test
    void theWaitingListComesInTheOrderUsersWillBeServed() {
        Run waiting = allot.run("product", "waiting", "SPE_E5", "-o", "json");
        assertThat(waiting.exit()).as(waiting.toString()).isZero();
        List<String> expected = new ArrayList<>();
        api.get("/allot/v1/subscribedSkus/SPE_E5/waitingList")
                .path("value")
                .forEach(e -> expected.add(e.path("userPrincipalName").asString()));
        List<String> listed = new ArrayList<>();
        waiting.json().forEach(e -> listed.add(e.path("userPrincipalName").asString()));
        assertThat(listed).isNotEmpty().isEqualTo(expected);
        assertThat(waiting.json().get(0).path("position").asInt()).isEqualTo(1);
        assertThat(waiting.json().get(0).path("group").asString()).isEqualTo("Engineering-E5");
    }

    @Test
    void theLifecyclePeriodsAndAProductsOverageAreShown() {
        Run periods = allot.run("subscription", "periods", "-o", "json");
        assertThat(periods.exit()).as(periods.toString()).isZero();
        assertThat(periods.json().path("warningDays").asInt()).isEqualTo(30);
        assertThat(periods.json().path("suspendedDays").asInt()).isEqualTo(90);
        Run changed = allot.run("subscription", "periods", "--overage-grace-days", "45", "-o", "json");
        assertThat(changed.exit()).as(changed.toString()).isZero();
        assertThat(changed.json().path("overageGraceDays").asInt()).isEqualTo(45);
        assertThat(allot.run("subscription", "periods", "--overage-grace-days", "30")
                        .exit())
                .isZero();
        Run refused = allot.run("subscription", "periods", "--warning-days", "-1");
        assertThat(refused.exit()).as(refused.toString()).isNotZero();

        Run overage = allot.run("product", "overage", "ENTERPRISEPACK", "-o", "json");
        assertThat(overage.exit()).as(overage.toString()).isZero();
        assertThat(overage.json().path("skuPartNumber").asString()).isEqualTo("ENTERPRISEPACK");
        assertThat(overage.json().path("capacityUnits").asInt()).isPositive();
        assertThat(overage.json().path("takenBack").isArray()).isTrue();
        assertThat(overage.json().has("anySource"))
                .as("whether a deleted subscription's holders go at once")
                .isTrue();
        assertThat(overage.json().path("anySource").asBoolean()).isFalse();
    }

    @Test
    void theCatalogueAndAProductsPlansCanBeSearched() {
        Run catalog = allot.run("product", "catalog", "--search", "visio", "-o", "csv");
        assertThat(catalog.exit()).as(catalog.toString()).isZero();
        assertThat(catalog.csv()).extracting(r -> r.get("skuPartNumber")).contains("VISIOCLIENT");

        Run plans = allot.run("product", "plans", "ENTERPRISEPACK", "-o", "csv");
        assertThat(plans.csv()).extracting(r -> r.get("servicePlanName")).contains("SWAY", "FORMS_PLAN_E3");

        Run unknown = allot.run("product", "plans", "NOT_A_PRODUCT");
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.err()).startsWith("error: NotFound: No product 'NOT_A_PRODUCT'");
    }

    private int total(String partNumber) {
        List<Map<String, String>> rows =
                allot.run("product", "list", "-o", "csv").csv();
        return rows.stream()
                .filter(r -> r.get("skuPartNumber").equals(partNumber))
                .mapToInt(r -> Integer.parseInt(r.get("total")))
                .findFirst()
                .orElse(0);
    }

    private static JsonNode find(JsonNode rows, String partNumber) {
        for (JsonNode row : rows) {
            if (row.path("skuPartNumber").asString().equals(partNumber)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + partNumber + " in " + rows);
    }
}
