package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code allot report}: the costs as the server charges them, who holds what through which group streamed as CSV or
 * JSON lines, and the usage history as the API shows it.
 */
class ReportCommandsIT extends AgainstARealServer {

    @Test
    void costsAreChargedPerDepartmentAndSourceInTheSubscriptionsCurrency() {
        api.post("/allot/v1/products", """
                {"skuPartNumber": "REPORTS_IT", "displayName": "Reports IT",
                 "servicePlans": [{"servicePlanName": "REPORTS_IT_PLAN", "displayName": "Reports IT plan"}]}""");
        run("subscription", "add", "--sku", "REPORTS_IT", "--seats", "3", "--price", "12.5", "--currency", "CHF");
        run(
                "user",
                "create",
                "mira@contoso.com",
                "--name",
                "Mira",
                "--usage-location",
                "CH",
                "--department",
                "Payroll");
        run("license", "assign", "--user", "mira@contoso.com", "--sku", "REPORTS_IT");

        Run lines = run("report", "costs", "--by", "line", "-o", "json");
        List<JsonNode> reports = stream(lines.json()).stream()
                .filter(l -> l.path("skuPartNumber").asString().equals("REPORTS_IT"))
                .toList();
        assertThat(reports)
                .extracting(l -> l.path("department").asString("-") + " "
                        + l.path("source").asString() + " "
                        + l.path("currency").asString() + " " + l.path("seats").asInt() + " "
                        + l.path("monthlyAmount").asString())
                .containsExactlyInAnyOrder("Payroll direct CHF 1 12.50", "- unassigned CHF 2 25.00");

        List<Map<String, String>> byDepartment =
                run("report", "costs", "--by", "department", "-o", "csv").csv();
        assertThat(byDepartment)
                .filteredOn(r -> r.get("name").equals("Payroll"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.get("currency")).isEqualTo("CHF");
                    assertThat(r.get("seats")).isEqualTo("1");
                    assertThat(r.get("monthlyAmount")).isEqualTo("12.50");
                });
        assertThat(byDepartment).anySatisfy(r -> assertThat(r.get("name")).isEqualTo("Total"));

        Run wrong = allot.run("report", "costs", "--by", "colour");
        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(2);
        assertThat(wrong.err()).contains("'by' must be sku, department, group or line");
    }

    @Test
    void theHoldersExportListsEveryAssignmentWithItsGroupAsCsvAndJsonLines() {
        Run csv = run("report", "holders");
        List<Map<String, String>> rows = csv.csv();
        int total = 0;
        JsonNode page = api.get("/allot/v1/reports/licenseHolders", "$top", "999");
        total += page.path("value").size();
        while (page.hasNonNull("@odata.nextLink")) {
            page = api.get(relative(page.path("@odata.nextLink").asString()));
            total += page.path("value").size();
        }
        assertThat(rows).hasSize(total);
        assertThat(rows).isNotEmpty();
        assertThat(rows)
                .filteredOn(r -> r.get("source").equals("group"))
                .isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.get("assignedByGroup")).isNotBlank();
                    assertThat(r.get("groupName")).isNotBlank();
                });
        assertThat(rows.get(0).keySet())
                .containsExactly(
                        "userId",
                        "userPrincipalName",
                        "department",
                        "skuId",
                        "skuPartNumber",
                        "source",
                        "assignedByGroup",
                        "groupName",
                        "state",
                        "error",
                        "since",
                        "allotmentId",
                        "allotmentName");

        assertThat(csv.out())
                .as("the server's export as it is, not a CSV rebuilt from pages")
                .isEqualTo(api.text("/allot/v1/reports/licenseHolders.csv"));

        Run json = run("report", "holders", "-o", "json");
        assertThat(json.out().lines()).hasSize(total).allSatisfy(l -> assertThat(l)
                .startsWith("{\"userId\":"));
    }

    @Test
    void usageIsWhatTheApiShows() {
        Run usage = run("report", "usage", "-o", "json");
        assertThat(usage.json().size())
                .isEqualTo(api.get("/allot/v1/reports/usage").path("value").size());

        Run unknown = allot.run("report", "usage", "--sku", "NO_SUCH_PRODUCT");
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(3);
        Run backwards = allot.run("report", "usage", "--from", "2026-12-31", "--to", "2026-01-01");
        assertThat(backwards.exit()).as(backwards.toString()).isNotZero();
        assertThat(backwards.err()).contains("before it starts");
    }

    private Run run(String... args) {
        Run result = allot.run(args);
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    private static List<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static String relative(String link) {
        return link.substring(link.indexOf("/allot/v1"));
    }
}
