package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A user's licenses: assign with plans off, replace in one step, show per source, and the rules that refuse. */
class LicenseCommandsIT extends AgainstARealServer {

    @Test
    void anAdminAssignsAProductWithSomeAppsSwitchedOff() {
        seats("STANDARDPACK", 1);
        user("e1.user@contoso.com", "GB");

        Run assign = allot.run(
                "license",
                "assign",
                "--user",
                "e1.user@contoso.com",
                "--sku",
                "standardpack",
                "--disable-plan",
                "SWAY,FORMS_PLAN_E1");
        assertThat(assign.exit()).as(assign.toString()).isZero();
        assertThat(assign.out()).containsPattern("STANDARDPACK +Direct +Active +None +FORMS_PLAN_E1,SWAY");

        JsonNode license = api.user("e1.user@contoso.com", "assignedLicenses")
                .path("assignedLicenses")
                .get(0);
        assertThat(license.path("skuId").asString()).isEqualTo(api.skuId("STANDARDPACK"));
        assertThat(strings(license.path("disabledPlans")))
                .containsExactlyInAnyOrder(
                        "a23b959c-7ce8-4e57-9140-b90eb88a9e97", "159f4cd6-e380-449f-a816-af1a9ef76344");

        Run plans = allot.run("license", "show", "--user", "e1.user@contoso.com", "--plans", "-o", "csv");
        assertThat(plans.csv())
                .filteredOn(r -> r.get("servicePlanName").equals("SWAY"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("provisioningStatus")).isEqualTo("Disabled"));
    }

    @Test
    void replacingAProductHappensInOneStepWithNoGapInService() {
        seats("STANDARDPACK", 1);
        seats("DESKLESSPACK", 1);
        user("moving.up@contoso.com", "US");
        allot.run("license", "assign", "--user", "moving.up@contoso.com", "--sku", "STANDARDPACK");

        Run both = allot.run("license", "assign", "--user", "moving.up@contoso.com", "--sku", "DESKLESSPACK");
        assertThat(both.exit())
                .as("E1 and F3 mailboxes exclude each other: " + both)
                .isEqualTo(4);
        assertThat(both.err()).startsWith("error: Request_BadRequest: ");

        Run replace = allot.run(
                "license",
                "replace",
                "--user",
                "moving.up@contoso.com",
                "--from",
                "STANDARDPACK",
                "--to",
                "DESKLESSPACK");
        assertThat(replace.exit()).as(replace.toString()).isZero();
        assertThat(skuIds("moving.up@contoso.com")).containsExactly(api.skuId("DESKLESSPACK"));
    }

    @Test
    void aProductOrPlanThatDoesNotExistIsNotFoundAndNothingChanges() {
        user("typo@contoso.com", "US");
        Run product = allot.run("license", "assign", "--user", "typo@contoso.com", "--sku", "E7");
        assertThat(product.exit()).isEqualTo(3);
        assertThat(product.err()).startsWith("error: NotFound: No product 'E7'");

        Run plan = allot.run(
                "license",
                "assign",
                "--user",
                "typo@contoso.com",
                "--sku",
                "ENTERPRISEPACK",
                "--disable-plan",
                "SWAYY");
        assertThat(plan.exit()).isEqualTo(3);
        assertThat(plan.err())
                .isEqualTo("error: NotFound: ENTERPRISEPACK has no service plan 'SWAYY': see 'allot product plans"
                        + " ENTERPRISEPACK'.\n");
        assertThat(skuIds("typo@contoso.com")).isEmpty();
    }

    @Test
    void aUserWithoutAUsageLocationIsRefusedADirectLicense() {
        seats("POWER_BI_STANDARD", 1);
        allot.run("user", "create", "nowhere@contoso.com", "--name", "No Location");
        Run assign = allot.run("license", "assign", "--user", "nowhere@contoso.com", "--sku", "POWER_BI_STANDARD");
        assertThat(assign.exit()).isEqualTo(4);
        assertThat(assign.err()).contains("invalid usage location");

        allot.run("user", "update", "nowhere@contoso.com", "--usage-location", "DE");
        assertThat(allot.run("license", "assign", "--user", "nowhere@contoso.com", "--sku", "POWER_BI_STANDARD")
                        .exit())
                .isZero();
    }

    @Test
    void withNoFreeSeatAnAssignmentIsRefused() {
        user("no.seat@contoso.com", "US");
        allot.run("subscription", "add", "--sku", "PROJECTPROFESSIONAL", "--seats", "1");
        user("first.come@contoso.com", "US");
        allot.run("license", "assign", "--user", "first.come@contoso.com", "--sku", "PROJECTPROFESSIONAL");

        Run assign = allot.run("license", "assign", "--user", "no.seat@contoso.com", "--sku", "PROJECTPROFESSIONAL");
        assertThat(assign.exit()).isEqualTo(4);
        assertThat(assign.err()).contains("does not have any available licenses");
        assertThat(skuIds("no.seat@contoso.com")).isEmpty();
    }

    @Test
    void eachSourceOfALicenseIsShownAndOnlyTheDirectOneCanBeRemovedOnTheUser() {
        seats("FLOW_FREE", 2);
        user("two.sources@contoso.com", "SE");
        allot.run("group", "create", "--name", "Flow users");
        allot.run("group", "members", "add", "Flow users", "two.sources@contoso.com");
        Run grouped = allot.run("group", "license", "add", "Flow users", "--sku", "FLOW_FREE", "--wait");
        assertThat(grouped.exit()).as(grouped.toString()).isZero();
        allot.run("license", "assign", "--user", "two.sources@contoso.com", "--sku", "FLOW_FREE");

        Run show = allot.run("license", "show", "--user", "two.sources@contoso.com", "-o", "csv");
        assertThat(show.csv())
                .extracting(r -> r.get("skuPartNumber") + " from " + r.get("source") + ": " + r.get("state"))
                .containsExactlyInAnyOrder("FLOW_FREE from Direct: Active", "FLOW_FREE from Flow users: Active");

        assertThat(allot.run("license", "remove", "--user", "two.sources@contoso.com", "--sku", "FLOW_FREE")
                        .exit())
                .isZero();
        Run inherited = allot.run("license", "remove", "--user", "two.sources@contoso.com", "--sku", "FLOW_FREE");
        assertThat(inherited.exit()).isEqualTo(4);
        assertThat(inherited.err()).contains("inherited from a group membership");
        assertThat(skuIds("two.sources@contoso.com")).containsExactly(api.skuId("FLOW_FREE"));

        Run reprocess = allot.run("license", "reprocess", "--user", "two.sources@contoso.com");
        assertThat(reprocess.exit()).as(reprocess.toString()).isZero();
        assertThat(reprocess.out()).contains("Flow users");
    }

    private void seats(String sku, int seats) {
        Run added = allot.run("subscription", "add", "--sku", sku, "--seats", String.valueOf(seats));
        assertThat(added.exit()).as(added.toString()).isZero();
    }

    private void user(String upn, String location) {
        Run created = allot.run("user", "create", upn, "--name", upn, "--usage-location", location);
        assertThat(created.exit()).as(created.toString()).isZero();
    }

    private List<String> skuIds(String upn) {
        List<String> ids = new java.util.ArrayList<>();
        api.user(upn, "assignedLicenses")
                .path("assignedLicenses")
                .forEach(l -> ids.add(l.path("skuId").asString()));
        return ids;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
