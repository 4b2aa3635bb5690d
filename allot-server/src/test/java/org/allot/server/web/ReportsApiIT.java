package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.allot.core.report.UsageHistory;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Costs and reports through the API (docs/license-lifecycle.md, "Costs and reports"): the cost report charges each
 * seat once to the source that has held it longest, per currency; the holders export pages and streams who holds what
 * through which group; the usage snapshot is kept once per day and read back as JSON and CSV.
 */
class ReportsApiIT extends ApiIT {
    @Autowired
    private UsageHistory history;

    @Test
    void costsAreChargedToTheLongestHeldSourcePerDepartmentGroupAndCurrency() {
        Office office = office();

        JsonNode byGroup = office.admin.get("/allot/v1/reports/costs?by=group").body();
        assertThat(byGroup.path("by").asString()).isEqualTo("group");
        assertThat(rows(byGroup.path("value")))
                .containsExactlyInAnyOrder(
                        "Staff EUR 1 20",
                        "(direct) EUR 1 20",
                        "(seats nobody holds) EUR 1 20",
                        "(seats nobody holds) USD 1 30");
        assertThat(rows(office.admin
                        .get("/allot/v1/reports/costs?by=department")
                        .body()
                        .path("value")))
                .containsExactlyInAnyOrder(
                        "Sales EUR 1 20",
                        "IT EUR 1 20",
                        "(seats nobody holds) EUR 1 20",
                        "(seats nobody holds) USD 1 30");
        JsonNode bySku = office.admin.get("/allot/v1/reports/costs").body();
        assertThat(rows(bySku.path("value")))
                .containsExactlyInAnyOrder("ENTERPRISEPACK EUR 3 60", "ENTERPRISEPACK USD 1 30");
        assertThat(rows(bySku.path("totals"))).containsExactly("Total EUR 3 60", "Total USD 1 30");

        Response csv = office.admin.get("/allot/v1/reports/costs.csv?by=line");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = csv.raw().body().replace("\"", "").lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("skuId,skuPartNumber,department,source,assignedByGroup,groupName,currency,seats,"
                        + "monthlyAmount");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).contains(",Sales,direct,,,EUR,1,20.00"))
                .anySatisfy(l -> assertThat(l).contains(",IT,group," + office.staff + ",Staff,EUR,1,20.00"))
                .hasSize(5);
        assertThat(office.admin
                        .get("/allot/v1/reports/costs.csv?by=department")
                        .raw()
                        .body()
                        .replace("\"", "")
                        .lines())
                .as("the sums, then the totals, as the admin center's download")
                .contains("total,Total,EUR,3,60.00", "total,Total,USD,1,30.00")
                .hasSize(7);
    }

    @Test
    void theHoldersExportShowsEverySourceWithItsGroupPagedAndAsCsv() {
        Office office = office();

        JsonNode first =
                office.admin.get("/allot/v1/reports/licenseHolders?$top=2").body();
        assertThat(first.path("value")).hasSize(2);
        String next = first.path("@odata.nextLink").asString();
        assertThat(next).contains("$skiptoken=");
        JsonNode second =
                office.admin.get(next.substring(next.indexOf("/allot/v1"))).body();
        assertThat(second.path("value")).hasSize(1);
        assertThat(second.has("@odata.nextLink")).isFalse();
        List<String> holdings = new ArrayList<>();
        for (JsonNode page : List.of(first, second)) {
            for (JsonNode h : page.path("value")) {
                holdings.add(h.path("userPrincipalName").asString().replaceAll("@.*", "") + " "
                        + h.path("skuPartNumber").asString() + " "
                        + h.path("source").asString() + " "
                        + h.path("groupName").asString("-") + " "
                        + h.path("state").asString());
            }
        }
        assertThat(holdings)
                .containsExactlyInAnyOrder(
                        "ada ENTERPRISEPACK direct - Active",
                        "ada ENTERPRISEPACK group Staff Active",
                        "bob ENTERPRISEPACK group Staff Active");

        Response csv = office.admin.get("/allot/v1/reports/licenseHolders.csv");
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.raw().body().replace("\"", "").lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("userId,userPrincipalName,department,skuId,skuPartNumber,source,assignedByGroup,"
                        + "groupName,state,error,since,allotmentId,allotmentName");
        assertThat(lines).hasSize(4);
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .contains("bob@" + office.admin.domain + ",IT,")
                .contains(",group," + office.staff + ",Staff,Active,,"));
    }

    @Test
    void theUsageSnapshotIsKeptOncePerDayAndReadBackAsJsonAndCsv() {
        Office office = office();

        history.snapshot(office.admin.tenant);
        history.snapshot(office.admin.tenant);
        history.snapshotAll();

        assertThat(jdbc.sql("select count(*) from usage_snapshot where tenant_id = ?")
                        .param(office.admin.tenant.value())
                        .query(Integer.class)
                        .single())
                .as("one row per tenant, product and day, however often the step runs")
                .isEqualTo(1);
        JsonNode usage = office.admin
                .get("/allot/v1/reports/usage?sku=ENTERPRISEPACK")
                .body()
                .path("value");
        assertThat(usage).hasSize(1);
        JsonNode today = usage.get(0);
        assertThat(today.path("date").asString()).isEqualTo(history.today().toString());
        assertThat(today.path("seats").asInt()).isEqualTo(4);
        assertThat(today.path("assigned").asInt()).isEqualTo(2);
        assertThat(today.path("available").asInt()).isEqualTo(2);
        assertThat(today.path("waiting").asInt()).isZero();
        assertThat(today.path("reclaimable").isNull()
                        || today.path("reclaimable").isMissingNode())
                .as("filled by reclaim, none yet")
                .isTrue();

        Response csv = office.admin.get("/allot/v1/reports/usage.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().body().replace("\"", "").lines().toList())
                .containsExactly(
                        "date,skuId,skuPartNumber,seats,assigned,available,waiting,reclaimable",
                        history.today() + ","
                                + product("ENTERPRISEPACK").skuId().value() + ",ENTERPRISEPACK,4,2,2,0,");
    }

    @Test
    void badReportQueriesAreAnswered400WithGraphsErrorBody() {
        ApiClient admin = newTenant(Role.GLOBAL_READER);

        for (String query : List.of(
                "/allot/v1/reports/costs?by=colour",
                "/allot/v1/reports/costs.csv?by=colour",
                "/allot/v1/reports/licenseHolders?$top=0",
                "/allot/v1/reports/licenseHolders?$top=lots",
                "/allot/v1/reports/licenseHolders?$top=1000",
                "/allot/v1/reports/licenseHolders?$filter=true",
                "/allot/v1/reports/licenseHolders?$skiptoken=not-a-token",
                "/allot/v1/reports/usage?from=2026-12-31&to=2026-01-01",
                "/allot/v1/reports/usage?from=yesterday",
                "/allot/v1/reports/usage?from=2000-01-01&to=2026-01-01")) {
            Response answer = admin.get(query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.body().path("error").path("message").asString())
                    .as(query)
                    .isNotBlank();
        }
        assertThat(admin.get("/allot/v1/reports/usage?sku=NO_SUCH_PRODUCT").status())
                .isEqualTo(404);
    }

    @Test
    void oneTenantsFailingSnapshotDoesNotKeepTheOthersFromTheirs() {
        ApiClient first = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient second = newTenant(Role.GLOBAL_ADMINISTRATOR);
        for (ApiClient admin : List.of(first, second)) {
            assertThat(admin.post("/allot/v1/subscriptions", """
                            {"skuPartNumber":"ENTERPRISEPACK","seats":2}""").status()).isEqualTo(201);
        }
        // the first tenant of the round to keep a snapshot fails, whichever it is (a sequence is not rolled back)
        jdbc.sql("create sequence usage_snapshot_poison").update();
        jdbc.sql("""
                        create function usage_snapshot_poison() returns trigger language plpgsql as $$
                        begin
                            if nextval('usage_snapshot_poison') = 1 then
                                raise exception 'this tenant''s snapshot fails';
                            end if;
                            return new;
                        end $$""").update();
        jdbc.sql("""
                        create trigger usage_snapshot_poison before insert on usage_snapshot
                        for each row execute function usage_snapshot_poison()""").update();
        try {
            assertThatThrownBy(history::snapshotAll)
                    .as("the failure is not hidden")
                    .isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.sql("drop trigger usage_snapshot_poison on usage_snapshot").update();
            jdbc.sql("drop function usage_snapshot_poison()").update();
            jdbc.sql("drop sequence usage_snapshot_poison").update();
        }

        assertThat(jdbc.sql("select count(distinct tenant_id) from usage_snapshot where tenant_id in (?, ?)")
                        .params(first.tenant.value(), second.tenant.value())
                        .query(Integer.class)
                        .single())
                .as("the round went on past the tenant that failed")
                .isPositive();
    }

    /** Ada (Sales) holds E3 directly, then through Staff; Bob (IT) through Staff; 3 seats at 20 EUR, 1 at 30 USD. */
    private record Office(ApiClient admin, String staff) {}

    private Office office() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        assertThat(admin.post("/allot/v1/subscriptions", """
                        {"skuPartNumber":"ENTERPRISEPACK","seats":3,"unitPrice":20,"currency":"EUR"}""").status()).isEqualTo(201);
        assertThat(admin.post("/allot/v1/subscriptions", """
                        {"skuPartNumber":"ENTERPRISEPACK","seats":1,"unitPrice":30,"currency":"USD"}""").status()).isEqualTo(201);
        String sku = product("ENTERPRISEPACK").skuId().value().toString();
        String ada = user(admin, "ada", "Sales");
        String bob = user(admin, "bob", "IT");
        assertThat(assignLicense(admin, ada, sku).status()).isEqualTo(200);
        Response group = admin.post(
                "/v1.0/groups",
                "{\"displayName\":\"Staff\",\"mailEnabled\":false,\"mailNickname\":\"staff\",\"securityEnabled\":true}");
        String staff = group.body().path("id").asString();
        for (String member : List.of(ada, bob)) {
            assertThat(admin.post(
                                    "/v1.0/groups/" + staff + "/members/$ref",
                                    "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + member
                                            + "\"}")
                            .status())
                    .isEqualTo(204);
        }
        assertThat(admin.post("/v1.0/groups/" + staff + "/assignLicense", """
                        {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku))
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> admin.get("/allot/v1/reports/licenseHolders")
                                .body()
                                .path("value")
                                .size()
                        == 3);
        return new Office(admin, staff);
    }

    private static String user(ApiClient admin, String name, String department) {
        return admin.post("/v1.0/users", """
                        {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s@%s",
                         "usageLocation":"US","department":"%s"}""".formatted(name, name, name, admin.domain, department))
                .body()
                .path("id")
                .asString();
    }

    private static List<String> rows(JsonNode values) {
        List<String> rows = new ArrayList<>();
        for (JsonNode v : values) {
            rows.add(v.path("name").asString() + " " + v.path("currency").asString("-") + " "
                    + v.path("seats").asInt() + " "
                    + (v.path("monthlyAmount").isNull()
                            ? "-"
                            : v.path("monthlyAmount")
                                    .decimalValue()
                                    .stripTrailingZeros()
                                    .toPlainString()));
        }
        return rows;
    }
}
