package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Groups: members, group licenses with their seat-impact warnings, waiting for processing, members in error. */
class GroupCommandsIT extends AgainstARealServer {
    private static final String ERIN = "erin_fabrikam.com#EXT#@contoso.onmicrosoft.com";

    @Test
    void licensingAGroupWithAGuestWarnsAndWaitsUntilEveryMemberIsProcessed() {
        allot.run("subscription", "add", "--sku", "VISIOCLIENT", "--seats", "50");
        allot.run("group", "create", "--name", "Visio partners");
        Run members = allot.run("group", "members", "add", "Visio partners", ERIN, "Sales EMEA");
        assertThat(members.exit()).as(members.toString()).isZero();

        Run add =
                allot.run("group", "license", "add", "Visio partners", "--sku", "VISIOCLIENT", "--wait", "-o", "json");
        assertThat(add.exit()).as(add.toString()).isZero();
        assertThat(add.err())
                .contains("warning: Visio partners has 1 guest member(s): guests are not licensed through groups");
        assertThat(add.json().path("licenseProcessingState").asString()).isEqualTo("ProcessingComplete");
        assertThat(add.json().path("membersInError").asInt()).isEqualTo(1);

        String salesMember = api.get("/v1.0/groups/" + groupId("Sales EMEA") + "/members")
                .path("value")
                .get(0)
                .path("userPrincipalName")
                .asString();
        assertThat(api.user(salesMember, "assignedLicenses")
                        .path("assignedLicenses")
                        .toString())
                .contains(api.skuId("VISIOCLIENT"));

        Run errors = allot.run("group", "errors", "Visio partners", "-o", "csv");
        assertThat(errors.csv()).singleElement().satisfies(row -> {
            assertThat(row.get("userPrincipalName")).isEqualTo(ERIN);
            assertThat(row.get("skuPartNumber")).isEqualTo("VISIOCLIENT");
            assertThat(row.get("error")).isEqualTo("Other");
            assertThat(row.get("reason")).isEqualTo("guest accounts are not licensed through groups");
        });

        Run status = allot.run("group", "status", "Visio partners", "--wait", "--progress");
        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("licenseProcessingState +ProcessingComplete");
    }

    @Test
    void aPreviewTellsWhoWouldWaitAndChangesNothing() {
        allot.run("subscription", "add", "--sku", "POWERAPPS_VIRAL", "--seats", "2");
        allot.run("group", "create", "--name", "Apps preview");
        allot.run("group", "members", "add", "Apps preview", "Sales Americas");

        Run preview = allot.run(
                "group", "license", "add", "Apps preview", "--sku", "POWERAPPS_VIRAL", "--preview", "-o", "json");
        assertThat(preview.exit()).as(preview.toString()).isZero();
        JsonNode sku = preview.json().get(0);
        assertThat(sku.path("skuPartNumber").asString()).isEqualTo("POWERAPPS_VIRAL");
        assertThat(sku.path("availableNow").asInt()).isEqualTo(2);
        assertThat(sku.path("wouldWait").asInt()).isEqualTo(sku.path("members").asInt() - 2);
        assertThat(preview.err()).contains("member(s) will wait for a POWERAPPS_VIRAL seat (2 available now)");

        assertThat(api.get("/v1.0/groups/" + groupId("Apps preview"), "$select", "assignedLicenses")
                        .path("assignedLicenses"))
                .isEmpty();
    }

    @Test
    void membersAreAddedAndRemovedByNameAndAnUnknownOneIsNamed() {
        allot.run("user", "create", "joiner@contoso.com", "--name", "Joiner");
        allot.run("group", "create", "--name", "Joiners");
        Run add = allot.run("group", "members", "add", "Joiners", "joiner@contoso.com", "nobody@contoso.com");
        assertThat(add.exit()).isEqualTo(3);
        assertThat(add.err()).contains("error: NotFound: No user 'nobody@contoso.com'.");
        assertThat(add.out()).contains("joiner@contoso.com").contains("added");

        Run list = allot.run("group", "members", "list", "Joiners", "-o", "csv");
        assertThat(list.csv()).extracting(r -> r.get("userPrincipalName")).containsExactly("joiner@contoso.com");

        Run again = allot.run("group", "members", "add", "Joiners", "joiner@contoso.com");
        assertThat(again.exit()).isEqualTo(4);

        assertThat(allot.run("group", "members", "remove", "Joiners", "joiner@contoso.com")
                        .exit())
                .isZero();
        assertThat(api.get("/v1.0/groups/" + groupId("Joiners") + "/members").path("value"))
                .isEmpty();
    }

    @Test
    void removingMembersWhoWouldLoseALicenseNeedsConfirmationAndWhatIfChangesNothing() {
        allot.run("subscription", "add", "--sku", "POWER_BI_STANDARD", "--seats", "10");
        for (String who : new String[] {"leaver1", "leaver2", "keeper"}) {
            allot.run("user", "create", who + "@contoso.com", "--name", who, "--usage-location", "US");
        }
        allot.run("group", "create", "--name", "BI readers");
        allot.run(
                "group",
                "members",
                "add",
                "BI readers",
                "leaver1@contoso.com",
                "leaver2@contoso.com",
                "keeper@contoso.com");
        Run add = allot.run("group", "license", "add", "BI readers", "--sku", "POWER_BI_STANDARD", "--wait");
        assertThat(add.exit()).as(add.toString()).isZero();
        // keeper also has it directly: taking keeper out of the group costs nothing
        Run direct = allot.run("license", "assign", "--user", "keeper@contoso.com", "--sku", "POWER_BI_STANDARD");
        assertThat(direct.exit()).as(direct.toString()).isZero();

        Run refused = allot.run(
                "group",
                "members",
                "remove",
                "BI readers",
                "leaver1@contoso.com",
                "leaver2@contoso.com",
                "keeper@contoso.com");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err())
                .contains("error: ConfirmationRequired: 2 member(s) would lose POWER_BI_STANDARD of BI readers:")
                .contains("--confirm");
        assertThat(members("BI readers")).hasSize(3);

        Run whatIf = allot.run(
                "group",
                "members",
                "remove",
                "BI readers",
                "leaver1@contoso.com",
                "leaver2@contoso.com",
                "keeper@contoso.com",
                "--what-if",
                "-o",
                "json");
        assertThat(whatIf.exit()).as(whatIf.toString()).isZero();
        assertThat(whatIf.json()).hasSize(2);
        assertThat(whatIf.json().get(0).path("userPrincipalName").asString()).isEqualTo("leaver1@contoso.com");
        assertThat(whatIf.json().get(0).path("wouldLose").toString()).contains("POWER_BI_STANDARD");
        assertThat(members("BI readers")).hasSize(3);

        Run keeper = allot.run("group", "members", "remove", "BI readers", "keeper@contoso.com");
        assertThat(keeper.exit()).as(keeper.toString()).isZero();

        Run confirmed = allot.run(
                "group", "members", "remove", "BI readers", "leaver1@contoso.com", "leaver2@contoso.com", "--confirm");
        assertThat(confirmed.exit()).as(confirmed.toString()).isZero();
        assertThat(members("BI readers")).isEmpty();
    }

    private JsonNode members(String group) {
        return api.get("/v1.0/groups/" + groupId(group) + "/members").path("value");
    }

    @Test
    void aGroupThatStillAssignsLicensesCannotBeDeleted() {
        allot.run("subscription", "add", "--sku", "VISIOCLIENT", "--seats", "1");
        allot.run("group", "create", "--name", "Short lived");
        allot.run("group", "license", "add", "Short lived", "--sku", "VISIOCLIENT");

        Run delete = allot.run("group", "delete", "Short lived");
        assertThat(delete.exit()).isEqualTo(4);
        assertThat(delete.err()).startsWith("error: Request_BadRequest: ");

        assertThat(allot.run("group", "license", "remove", "Short lived", "--sku", "VISIOCLIENT", "--wait")
                        .exit())
                .isZero();
        assertThat(allot.run("group", "delete", "Short lived").exit()).isZero();
        assertThat(allot.run("group", "show", "Short lived").exit()).isEqualTo(3);
    }

    @Test
    void aNameTwoGroupsShareIsAmbiguous() {
        allot.run("group", "create", "--name", "Twins");
        allot.run("group", "create", "--name", "Twins");
        Run show = allot.run("group", "show", "Twins");
        assertThat(show.exit()).isEqualTo(2);
        assertThat(show.err()).contains("2 groups are named 'Twins': give the id of one");
    }

    @Test
    void licensedGroupsAreListedWithTheirProducts() {
        Run list = allot.run("group", "list", "--licensed", "-o", "csv");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.csv())
                .filteredOn(r -> r.get("displayName").equals("Sales-E3"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("licenses")).isEqualTo("ENTERPRISEPACK,EMS"));
        assertThat(list.csv()).allMatch(r -> !r.get("licenses").isEmpty());
    }

    @Test
    void theListShowsTheGroupPropertiesNamedByFields() {
        Run created = allot.run(
                "group",
                "create",
                "--name",
                "Fields dynamic",
                "--description",
                "Everyone in research",
                "--rule",
                "user.department -eq \"Research\"");
        assertThat(created.exit()).as(created.toString()).isZero();

        Run listed = allot.run(
                "group",
                "list",
                "--filter",
                "displayName eq 'Fields dynamic'",
                "--fields",
                "displayName,description",
                "-o",
                "csv");
        assertThat(listed.exit()).as(listed.toString()).isZero();
        assertThat(listed.out()).startsWith("displayName,description\n");
        assertThat(listed.csv()).singleElement().satisfies(g -> assertThat(g)
                .containsEntry("description", "Everyone in research"));

        Run json = allot.run(
                "group",
                "list",
                "--filter",
                "displayName eq 'Fields dynamic'",
                "--fields",
                "displayName,membershipRule,groupTypes,securityEnabled,createdDateTime",
                "-o",
                "json");
        assertThat(json.exit()).as(json.toString()).isZero();
        assertThat(json.json()).singleElement().satisfies(g -> {
            assertThat(g.path("membershipRule").asString()).isEqualTo("user.department -eq \"Research\"");
            assertThat(g.path("groupTypes").get(0).asString()).isEqualTo("DynamicMembership");
            assertThat(g.path("securityEnabled").isBoolean()).as(g.toString()).isTrue();
            assertThat(g.path("createdDateTime").asString()).isNotEmpty();
        });

        Run bad = allot.run("group", "list", "--fields", "displayName,shoeSize");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("shoeSize", "licenseProcessingState", "mailNickname", "membershipRule");
    }

    private String groupId(String name) {
        return api.get("/v1.0/groups", "$filter", "displayName eq '" + name + "'")
                .path("value")
                .get(0)
                .path("id")
                .asString();
    }
}
