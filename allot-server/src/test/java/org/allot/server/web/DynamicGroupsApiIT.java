package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.LicenseDetails;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.allot.server.security.store.Role;
import org.allot.server.testing.BulkDirectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Dynamic groups through the API: created and edited with Graph's SDK, previewed with Allot's extension before a
 * rule is saved, licenses following the rule, and every wrong request refused without changing anything.
 */
class DynamicGroupsApiIT extends ApiIT {
    private static final String SALES = "user.department -eq \"Sales\"";
    private static final String SALES_AND_MARKETING = "user.department -in [\"Sales\", \"Marketing\"]";

    @Test
    void aRuleIsPreviewedWithItsSeatImpactThenSavedAndLicensesFollowIt() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        subscribe(admin, "EMS", 4);
        UUID ems = product("EMS").skuId().value();
        for (String name : List.of("sam", "sue", "sid")) {
            user(admin, name, "Sales");
        }
        String mia = user(admin, "mia", "Marketing");
        String max = user(admin, "max", "Marketing");
        user(admin, "eve", "Engineering");

        Group created = graph.groups().post(dynamicGroup("Sales people", SALES));
        assertThat(created.getGroupTypes()).containsExactly("DynamicMembership");
        assertThat(created.getMembershipRule()).isEqualTo(SALES);
        String group = created.getId();
        assertThat(memberNames(graph, group)).containsExactlyInAnyOrder("sam", "sue", "sid");
        AssignedLicense license = new AssignedLicense();
        license.setSkuId(ems);
        license.setDisabledPlans(List.of());
        var assign = new com.microsoft.graph.groups.item.assignlicense.AssignLicensePostRequestBody();
        assign.setAddLicenses(List.of(license));
        assign.setRemoveLicenses(List.of());
        graph.groups().byGroupId(group).assignLicense().post(assign);
        ApiClient.Response processed = admin.get("/allot/v1/groups/" + group + "/licenseProcessing");
        assertThat(processed.status()).as(processed.body().toString()).isEqualTo(200);
        assertThat(processed.body().get("licenseProcessingState").asString()).isEqualTo("ProcessingComplete");
        assertThat(processed.body().hasNonNull("usersProcessed"))
                .as("applied within the request: no background run to count")
                .isFalse();
        assertThat(admin.get("/allot/v1/groups/" + UUID.randomUUID() + "/licenseProcessing")
                        .status())
                .isEqualTo(404);

        ApiClient.Response preview = admin.post(
                "/allot/v1/groups/" + group + "/membershipRulePreview?$top=1",
                "{\"membershipRule\":" + json(SALES_AND_MARKETING) + "}");
        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        JsonNode body = preview.body();
        assertThat(body.get("matchingCount").asLong()).isEqualTo(5);
        assertThat(body.get("matching")).hasSize(1);
        assertThat(body.get("joiningCount").asLong()).isEqualTo(2);
        assertThat(body.get("joining").get(0).get("id").asString()).isIn(mia, max);
        assertThat(body.get("leavingCount").asLong()).isZero();
        JsonNode seats = body.get("licenses").get(0);
        assertThat(seats.get("skuPartNumber").asString()).isEqualTo("EMS");
        assertThat(seats.get("seatsTaken").asLong()).isEqualTo(2);
        assertThat(seats.get("availableNow").asInt()).isEqualTo(1);
        assertThat(seats.get("wouldWait").asLong()).isEqualTo(1);
        assertThat(memberNames(graph, group)).as("a preview changes nothing").hasSize(3);

        Group edit = new Group();
        edit.setMembershipRule(SALES_AND_MARKETING);
        graph.groups().byGroupId(group).patch(edit);

        assertThat(memberNames(graph, group)).containsExactlyInAnyOrder("sam", "sue", "sid", "mia", "max");
        List<String> skus = List.of(mia, max).stream()
                .flatMap(id -> graph.users().byUserId(id).licenseDetails().get().getValue().stream())
                .map(LicenseDetails::getSkuPartNumber)
                .toList();
        assertThat(skus).as("one of the two joiners waits for the last seat").containsExactly("EMS");
        assertThat(jdbc.sql(
                                "select count(*) from license_assignment where source_group_id = ? and error = 'CountViolation'")
                        .param(UUID.fromString(group))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRuleAppliedInTheBackgroundReportsHowItStandsUntilComplete() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        BulkDirectory.addUsers(jdbc, admin.tenant, "bg" + UUID.randomUUID(), 400, "US");
        String group = admin.graph().groups().post(dynamicGroup("Sales", SALES)).getId();
        String processing = "/allot/v1/groups/" + group + "/membershipRuleProcessing";

        assertThat(admin.get(processing).body().get("status").asString()).isIn("Queued", "Running", "Complete");
        await().atMost(Duration.ofMinutes(2))
                .until(() ->
                        admin.get(processing).body().get("status").asString().equals("Complete"));

        JsonNode done = admin.get(processing).body();
        assertThat(done.get("usersProcessed").asInt()).isEqualTo(400);
        assertThat(done.get("joined").asInt())
                .as("every fifth user is in Sales")
                .isEqualTo(80);
        assertThat(done.get("left").asInt()).isZero();
        assertThat(done.get("membershipRuleProcessingState").asString()).isEqualTo("On");
        assertThat(done.has("finishedDateTime")).isTrue();
        assertThat(jdbc.sql("select count(*) from group_member_user where group_id = ?")
                        .param(UUID.fromString(group))
                        .query(Long.class)
                        .single())
                .isEqualTo(80);
        String assigned = admin.post("/v1.0/groups", """
                        {"displayName":"Plain","mailEnabled":false,"mailNickname":"plain","securityEnabled":true}""").body().get("id").asString();
        assertThat(admin.get("/allot/v1/groups/" + assigned + "/membershipRuleProcessing")
                        .errorMessage())
                .contains("not a dynamic group");
    }

    @Test
    void aRuleForAGroupNotCreatedYetIsPreviewedAndAnyReaderMayPreview() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        user(admin, "sam", "Sales");
        user(admin, "eve", "Engineering");
        ApiClient reader = as(admin, Role.GLOBAL_READER);

        ApiClient.Response preview =
                reader.post("/allot/v1/groups/membershipRulePreview", "{\"membershipRule\":" + json(SALES) + "}");

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().has("groupId")).isFalse();
        assertThat(preview.body().get("matchingCount").asLong()).isEqualTo(1);
        assertThat(preview.body()
                        .get("matching")
                        .get(0)
                        .get("userPrincipalName")
                        .asString())
                .startsWith("sam@");
        assertThat(preview.body().get("joiningCount").asLong()).isEqualTo(1);
        assertThat(preview.body().get("licenses")).isEmpty();
    }

    @Test
    void aPausedGroupStaysAsItIsUntilItIsSwitchedBackOn() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        user(admin, "sam", "Sales");
        String mia = user(admin, "mia", "Marketing");
        String group = graph.groups().post(dynamicGroup("Sales", SALES)).getId();

        assertThat(admin.patch("/v1.0/groups/" + group, "{\"membershipRuleProcessingState\":\"Paused\"}")
                        .status())
                .isEqualTo(204);
        admin.patch("/v1.0/users/" + mia, "{\"department\":\"Sales\"}");
        assertThat(memberNames(graph, group)).containsExactly("sam");
        assertThat(admin.post("/allot/v1/groups/" + group + "/recomputeMembership", "")
                        .status())
                .as("a paused group is not recomputed")
                .isEqualTo(400);

        admin.patch("/v1.0/groups/" + group, "{\"membershipRuleProcessingState\":\"On\"}");
        assertThat(memberNames(graph, group)).containsExactlyInAnyOrder("sam", "mia");
        ApiClient.Response recompute = admin.post("/allot/v1/groups/" + group + "/recomputeMembership", "");
        assertThat(recompute.status()).isEqualTo(202);
        assertThat(recompute.body().get("membershipRuleProcessingState").asString())
                .isEqualTo("On");
    }

    @Test
    void wrongRequestsAreRefusedWithGraphErrorsAndChangeNothing() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient other = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String sam = user(admin, "sam", "Sales");
        String group = admin.graph().groups().post(dynamicGroup("Sales", SALES)).getId();
        String rules = "/allot/v1/groups/" + group + "/membershipRulePreview";

        ApiClient.Response unparsable = admin.post(rules, "{\"membershipRule\":\"user.department -eq\"}");
        assertThat(unparsable.status()).isEqualTo(400);
        assertThat(unparsable.errorMessage()).contains("position").contains("Expected a value");
        assertThat(admin.post(rules, "{\"membershipRule\":\"user.shoeSize -eq 9\"}")
                        .errorMessage())
                .contains("Unknown property 'user.shoeSize'");
        assertThat(admin.post(rules, "{}").errorMessage()).contains("membershipRule");
        assertThat(admin.post(rules, "{\"membershipRule\":").status()).isEqualTo(400);
        assertThat(admin.post(rules, "{\"membershipRule\":[1]}").errorMessage()).contains("'membershipRule'");
        assertThat(admin.post(rules, "{\"membershipRule\":\"user.city -eq null\",\"extra\":1}")
                        .errorMessage())
                .contains("Property 'extra' does not exist");
        assertThat(admin.post(rules + "?$top=1000", "{\"membershipRule\":" + json(SALES) + "}")
                        .status())
                .isEqualTo(400);
        assertThat(admin.post(
                                "/allot/v1/groups/" + UUID.randomUUID() + "/membershipRulePreview",
                                "{\"membershipRule\":" + json(SALES) + "}")
                        .status())
                .isEqualTo(404);
        assertThat(other.post(rules, "{\"membershipRule\":" + json(SALES) + "}").status())
                .as("another tenant's group")
                .isEqualTo(404);
        assertThat(admin.post("/allot/v1/groups/not-an-id/recomputeMembership", "")
                        .status())
                .isEqualTo(404);

        ApiClient.Response badRule =
                admin.patch("/v1.0/groups/" + group, "{\"membershipRule\":\"(user.city -eq \\\"x\\\"\"}");
        assertThat(badRule.status()).isEqualTo(400);
        assertThat(badRule.errorMessage()).contains("Expected ')'");
        ApiClient.Response handMade = admin.post(
                "/v1.0/groups/" + group + "/members/$ref",
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + sam + "\"}");
        assertThat(handMade.status()).isEqualTo(400);
        assertThat(handMade.errorMessage()).contains("membership rule");
        ApiClient reader = as(admin, Role.GLOBAL_READER);
        assertThat(reader.patch("/v1.0/groups/" + group, "{\"membershipRule\":" + json(SALES_AND_MARKETING) + "}")
                        .status())
                .isEqualTo(403);
        assertThat(reader.post("/allot/v1/groups/" + group + "/recomputeMembership", "")
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/v1.0/groups/" + group + "?$select=membershipRule")
                        .body()
                        .get("membershipRule")
                        .asString())
                .as("nothing was changed by the refused requests")
                .isEqualTo(SALES);
    }

    @Test
    void aFloodOfCatastrophicRulePreviewsIsRefusedQuicklyAndOtherRequestsStayFast() throws Exception {
        ApiClient reader = newTenant(Role.GLOBAL_READER);
        ApiClient admin = as(reader, Role.GLOBAL_ADMINISTRATOR);
        BulkDirectory.addUsers(jdbc, reader.tenant, "cost" + UUID.randomUUID(), 230, "US");
        String clause = "user.displayName -match \"" + ".*".repeat(19) + "x\"";
        String rule = String.join(" -or ", java.util.Collections.nCopies(20, clause));
        String body = "{\"membershipRule\":" + json(rule) + "}";
        List<Long> quiet = organizationTimes(reader, 7);

        ExecutorService flood = Executors.newFixedThreadPool(4);
        try {
            List<Future<ApiClient.Response>> previews = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                previews.add(flood.submit(() -> reader.post("/allot/v1/groups/membershipRulePreview", body)));
            }
            List<Long> busy = organizationTimes(reader, 7);
            for (Future<ApiClient.Response> preview : previews) {
                ApiClient.Response refused = preview.get(20, TimeUnit.SECONDS);
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.errorCode()).isEqualTo("Request_BadRequest");
                assertThat(refused.errorMessage())
                        .startsWith("Invalid membership rule: The membership rule is too costly to evaluate: at the"
                                + " condition at position 1 (user.displayName -match \".*.*");
            }
            assertThat(median(busy))
                    .as("/v1.0/organization during the flood (ms), against %s quiet", quiet)
                    .isLessThan(Math.max(10 * median(quiet), 250));
        } finally {
            flood.shutdownNow();
        }

        Group costly = dynamicGroup("Costly", clause);
        ApiClient.Response saved = admin.post("/v1.0/groups", """
                {"displayName":"Costly","mailEnabled":false,"mailNickname":"costly","securityEnabled":true,
                 "groupTypes":["DynamicMembership"],"membershipRule":%s,"membershipRuleProcessingState":"On"}""".formatted(json(costly.getMembershipRule())));
        assertThat(saved.status()).as("saving is refused as the preview is").isEqualTo(400);
        assertThat(saved.errorMessage()).contains("too costly to evaluate");
    }

    private static List<Long> organizationTimes(ApiClient client, int times) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            assertThat(client.get("/v1.0/organization").status()).isEqualTo(200);
            millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        return millis;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static Group dynamicGroup(String name, String rule) {
        Group group = new Group();
        group.setDisplayName(name);
        group.setMailEnabled(false);
        group.setMailNickname(name.replace(" ", "").toLowerCase(java.util.Locale.ROOT));
        group.setSecurityEnabled(true);
        group.setGroupTypes(List.of("DynamicMembership"));
        group.setMembershipRule(rule);
        group.setMembershipRuleProcessingState("On");
        return group;
    }

    private static String user(ApiClient admin, String name, String department) {
        return admin.post("/v1.0/users", """
                        {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s@%s",
                         "usageLocation":"US","department":"%s"}""".formatted(name, name, name, admin.domain, department))
                .body()
                .get("id")
                .asString();
    }

    private static List<String> memberNames(GraphServiceClient graph, String group) {
        return graph.groups().byGroupId(group).members().get().getValue().stream()
                .map(DirectoryObject.class::cast)
                .map(o -> ((User) o).getDisplayName())
                .toList();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
