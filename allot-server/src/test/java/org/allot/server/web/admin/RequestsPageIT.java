package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/**
 * License requests in the admin center (docs/delegation.md#license-requests): an administrator who may not assign
 * licenses (a Groups Administrator) requests a license on a user's page; the Requests page lists it pending, and an
 * administrator who may assign licenses approves it (the user holds the license) or denies another with a reason; the
 * filer sees no decision forms and cannot decide. A Global Reader, who changes nothing, files no request. The approve
 * form grants fewer apps than asked (unticked) and picks the group to grant the license through from those that
 * assign the product; an approval from a later day reads "scheduled" until then.
 */
class RequestsPageIT extends AdminCenterIT {
    @Test
    void aGroupsAdministratorRequestsALicenseAndALicenseAdministratorApprovesOneAndDeniesAnother() {
        Site site = newSite(Role.GROUPS_ADMINISTRATOR);
        var e3 = site.api().post("/allot/v1/subscriptions", """
                {"skuPartNumber":"ENTERPRISEPACK","seats":5}""");
        assertThat(e3.status()).isEqualTo(201);
        String sku = e3.body().path("skuId").asString();
        UUID ada = user(site, "ada", "US");
        UUID bob = user(site, "bob", "US");
        AdminSession reader = session(site);
        String globalReader = addAdmin(site, "reader@" + site.domain(), Role.GLOBAL_READER);
        AdminSession readOnly = AdminSession.signIn("http://localhost:" + port, globalReader, PASSWORD);
        assertThat(readOnly.get("/users/" + ada).body()).doesNotContain("data-test=\"request-license\"");
        assertThat(readOnly.post(
                                "/users/" + ada + "/requests",
                                List.of(Map.entry("sku", sku), Map.entry("justification", "x")))
                        .status())
                .isEqualTo(403);

        AdminSession.Page empty = reader.post(
                "/users/" + ada + "/requests", List.of(Map.entry("sku", sku), Map.entry("justification", "")));
        assertThat(reader.follow(empty).body()).contains("A justification is required");
        for (UUID user : List.of(ada, bob)) {
            AdminSession.Page filed = reader.post(
                    "/users/" + user + "/requests",
                    List.of(Map.entry("sku", sku), Map.entry("justification", "Joins the sales team")));
            assertThat(filed.location()).endsWith("/users/" + user);
            assertThat(reader.follow(filed).body()).contains("License requested");
        }
        String readersView = reader.get("/requests").body();
        assertThat(readersView).contains("data-test=\"pending-requests\"", "Joins the sales team");
        assertThat(readersView).doesNotContain("data-test=\"approve\"");
        String adaRequest = site.api()
                .get("/allot/v1/licenseRequests?userId=" + ada)
                .body()
                .path("value")
                .get(0)
                .path("id")
                .asString();
        String bobRequest = site.api()
                .get("/allot/v1/licenseRequests?userId=" + bob)
                .body()
                .path("value")
                .get(0)
                .path("id")
                .asString();
        assertThat(reader.post("/requests/" + adaRequest + "/approve", List.of())
                        .status())
                .isEqualTo(403);

        String licenseAdmin = addAdmin(site, "licenses@" + site.domain(), Role.LICENSE_ADMINISTRATOR);
        AdminSession approver = AdminSession.signIn("http://localhost:" + port, licenseAdmin, PASSWORD);
        assertThat(approver.get("/requests").body()).contains("data-test=\"approve\"", "data-test=\"deny\"");

        AdminSession.Page approved = approver.post(
                "/requests/" + adaRequest + "/approve",
                List.of(Map.entry("through", "direct"), Map.entry("groupId", ""), Map.entry("end", "")));
        assertThat(approved.location()).endsWith("/requests");
        assertThat(approver.follow(approved).body()).contains("Request approved.");
        AdminSession.Page noReason =
                approver.post("/requests/" + bobRequest + "/deny", List.of(Map.entry("reason", " ")));
        assertThat(approver.follow(noReason).body()).contains("A reason is required");
        approver.post("/requests/" + bobRequest + "/deny", List.of(Map.entry("reason", "Use the shared mailbox")));

        String page = approver.get("/requests").body();
        assertThat(page).contains("No pending requests.", "Approved — granted", "Denied: Use the shared mailbox");
        assertThat(site.api()
                        .get("/v1.0/users/" + ada + "/licenseDetails")
                        .body()
                        .path("value")
                        .findValuesAsString("skuId"))
                .containsExactly(sku);
        assertThat(site.api()
                        .get("/v1.0/users/" + bob + "/licenseDetails")
                        .body()
                        .path("value"))
                .isEmpty();
    }

    @Test
    void aLaterStartChosenOnApprovalSchedulesTheLicenseToWaitForASeatAtItsStart() {
        Site site = newSite(Role.LICENSE_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 5);
        String sku = product("ENTERPRISEPACK").skuId().toString();
        UUID ada = user(site, "ada", "US");
        AdminSession admin = session(site);
        admin.post(
                "/users/" + ada + "/requests", List.of(Map.entry("sku", sku), Map.entry("justification", "Contract")));
        String id = site.api()
                .get("/allot/v1/licenseRequests?userId=" + ada)
                .body()
                .path("value")
                .get(0)
                .path("id")
                .asString();
        java.time.Instant now = java.time.Instant.now();
        String from = java.time.LocalDate.ofInstant(now.plus(java.time.Duration.ofDays(10)), java.time.ZoneOffset.UTC)
                .toString();
        String until = java.time.LocalDate.ofInstant(now.plus(java.time.Duration.ofDays(40)), java.time.ZoneOffset.UTC)
                .toString();
        assertThat(admin.get("/requests").body()).contains("name=\"start\"");

        AdminSession.Page approved = admin.follow(admin.post(
                "/requests/" + id + "/approve",
                List.of(Map.entry("through", "direct"), Map.entry("start", from), Map.entry("end", until))));

        assertThat(approved.body()).contains("Request approved.", "Approved — scheduled to start on " + from);
        assertThat(site.api()
                        .get("/allot/v1/licenseRequests/" + id)
                        .body()
                        .path("grantStatus")
                        .asString())
                .as("nothing is granted before the start, but the request is not 'removed'")
                .isEqualTo("scheduled");
        assertThat(site.api()
                        .get("/v1.0/users/" + ada + "/licenseDetails")
                        .body()
                        .path("value"))
                .as("as in Graph, a license that starts later is not in licenseDetails yet")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from license_assignment where user_id = ?")
                        .param(ada)
                        .query(Long.class)
                        .single())
                .as("nothing is assigned before the start")
                .isZero();
        assertThat(jdbc.sql("select waits and not started from timed_grant where user_id = ?")
                        .param(ada)
                        .query(Boolean.class)
                        .single())
                .as("a scheduled license that waits for a seat at its start")
                .isTrue();
    }

    @Test
    void anApproverGrantsFewerAppsAndPicksTheGroupToGrantThroughFromThoseThatAssignTheProduct() {
        Site site = newSite(Role.LICENSE_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 5);
        var e3 = product("ENTERPRISEPACK");
        String sku = e3.skuId().toString();
        UUID ada = user(site, "ada", "US");
        UUID bob = user(site, "bob", "US");
        UUID sales = group(site, "Sales", List.of());
        group(site, "Unlicensed", List.of());
        assertThat(site.api()
                        .post("/v1.0/groups/" + sales + "/assignLicense", """
                                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku))
                        .status())
                .isEqualTo(202);
        AdminSession admin = session(site);
        for (UUID user : List.of(ada, bob)) {
            admin.follow(admin.post(
                    "/users/" + user + "/requests", List.of(Map.entry("sku", sku), Map.entry("justification", "x"))));
        }
        String adaRequest = requestOf(site, ada);
        String bobRequest = requestOf(site, bob);
        String page = admin.get("/requests").body();
        assertThat(page)
                .contains("data-test=\"grant-plans\"", ">As a member of Sales</option>")
                .doesNotContain("As a member of Unlicensed");
        List<String> plans =
                e3.servicePlans().stream().map(p -> p.id().value().toString()).toList();
        String sway = e3.servicePlans().stream()
                .filter(p -> p.name().equals("SWAY"))
                .findFirst()
                .orElse(e3.servicePlans().get(e3.servicePlans().size() - 1))
                .id()
                .value()
                .toString();

        String none = admin.follow(admin.post(
                        "/requests/" + adaRequest + "/approve",
                        List.of(Map.entry("groupId", ""), Map.entry("plansOffered", String.valueOf(plans.size())))))
                .body();
        assertThat(none).contains("Tick at least one app to grant");
        List<Map.Entry<String, String>> fewer = new java.util.ArrayList<>(
                List.of(Map.entry("groupId", ""), Map.entry("plansOffered", String.valueOf(plans.size()))));
        plans.stream().filter(p -> !p.equals(sway)).forEach(p -> fewer.add(Map.entry("plan", p)));
        assertThat(admin.follow(admin.post("/requests/" + adaRequest + "/approve", fewer))
                        .body())
                .contains("Request approved.");
        var adaView = site.api().get("/allot/v1/licenseRequests/" + adaRequest).body();
        assertThat(adaView.path("grantedServicePlanIds")).hasSize(plans.size() - 1);
        assertThat(site.api()
                        .get("/v1.0/users/" + ada + "?$select=assignedLicenses")
                        .body()
                        .path("assignedLicenses")
                        .get(0)
                        .path("disabledPlans")
                        .get(0)
                        .asString())
                .as("the app left unticked is switched off")
                .isEqualTo(sway);

        List<Map.Entry<String, String>> throughSales = new java.util.ArrayList<>(List.of(
                Map.entry("groupId", sales.toString()), Map.entry("plansOffered", String.valueOf(plans.size()))));
        plans.forEach(p -> throughSales.add(Map.entry("plan", p)));
        assertThat(admin.follow(admin.post("/requests/" + bobRequest + "/approve", throughSales))
                        .body())
                .contains("Request approved.", "Approved — granted");
        var bobView = site.api().get("/allot/v1/licenseRequests/" + bobRequest).body();
        assertThat(bobView.path("grantedThrough").asString()).isEqualTo("group");
        assertThat(bobView.path("grantGroupId").asString()).isEqualTo(sales.toString());
        assertThat(bobView.path("grantedServicePlanIds"))
                .as("every app ticked grants what was asked for")
                .isEmpty();
    }

    private static String requestOf(Site site, UUID user) {
        return site.api()
                .get("/allot/v1/licenseRequests?userId=" + user)
                .body()
                .path("value")
                .get(0)
                .path("id")
                .asString();
    }
}
