package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.audit.Activity;
import org.allot.core.directory.GroupId;
import org.allot.server.security.store.Role;
import org.allot.server.testing.BulkDirectory;
import org.allot.server.testing.DatabaseCounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Dynamic groups in the admin center: a rule checked and previewed while it is typed, a group created from it, a
 * rule edit previewed with its seat impact and saved without touching the members who still match, pause and
 * resume, and what a Global Reader sees.
 */
class AdminCenterDynamicGroupsIT extends AdminCenterIT {
    private static final By PREVIEW = By.cssSelector("[data-test=rule-preview]");
    private static final By MEMBERS = By.cssSelector("[data-test=members] tbody tr");

    @Test
    void aDynamicGroupIsCreatedFromARulePreviewedWhileItIsTyped() {
        Site site = newSite(Role.GROUPS_ADMINISTRATOR);
        person(site, "sam", "Sales");
        person(site, "sue", "Sales");
        person(site, "eve", "Engineering");
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/groups/new");
        assertThat(b.find(By.id("membershipRule")).isDisplayed())
                .as("hidden until Dynamic is chosen")
                .isFalse();

        b.click(By.id("type-dynamic"));
        b.type(By.id("displayName"), "Sales people");
        b.type(By.id("membershipRule"), "user.department -eq");
        b.waitUntil(d -> b.has(By.cssSelector("[data-test=rule-problem]")));
        assertThat(b.text(By.cssSelector("[data-test=rule-problem]")))
                .contains("Expected a value after -eq")
                .contains("position");

        b.type(By.id("membershipRule"), "user.department -eq \"sales\"");
        b.waitUntil(d -> b.has(By.cssSelector("[data-test=rule-matching]")));
        assertThat(b.text(By.cssSelector("[data-test=rule-matching]"))).isEqualTo("2");
        assertThat(b.text(PREVIEW)).contains("Sam").contains("Sue").doesNotContain("Eve");

        b.click(By.cssSelector("#content form button[type=submit]"));
        b.waitUntil(d -> b.has(By.cssSelector("[data-test=rule-text]")));
        assertThat(b.text(By.cssSelector("[data-test=rule-text]"))).isEqualTo("user.department -eq \"sales\"");
        assertThat(b.text(By.cssSelector("[data-test=rule-state]"))).isEqualTo("On");
        assertThat(b.all(MEMBERS)).extracting(WebElement::getText).anyMatch(t -> t.contains("Sam"));
        assertThat(b.all(MEMBERS)).hasSize(2);
        assertThat(b.has(By.id("add-member-form")))
                .as("members follow the rule")
                .isFalse();
        assertThat(b.source()).doesNotContain(">Remove</button>");
        assertThat(jdbc.sql("select membership_rule from directory_group where tenant_id = ? and display_name = ?")
                        .params(site.tenant().value(), "Sales people")
                        .query(String.class)
                        .single())
                .isEqualTo("user.department -eq \"sales\"");
    }

    @Test
    void aRuleEditShowsItsSeatImpactAndChangesOnlyTheDifference() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "EMS", 3);
        person(site, "sam", "Sales");
        person(site, "sue", "Sales");
        person(site, "mia", "Marketing");
        person(site, "max", "Marketing");
        UUID group = dynamicGroup(site, "Go-to-market", "user.department -eq \"Sales\"");
        work.run(() -> groupLicensing.assign(
                        site.setup(),
                        new GroupId(group),
                        List.of(AssignedLicense.of(product("EMS").skuId())),
                        List.of()))
                .value();
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/groups/" + group);
        assertThat(b.all(MEMBERS)).hasSize(2);

        b.click(By.cssSelector("[data-test=rule-editor] summary"));
        b.type(By.id("membershipRule"), "user.department -in [\"Sales\", \"Marketing\"]");
        b.waitUntil(d -> b.has(By.cssSelector("[data-test=rule-joining]")));
        assertThat(b.text(By.cssSelector("[data-test=rule-joining]"))).isEqualTo("2");
        assertThat(b.text(By.cssSelector("[data-test=rule-leaving]"))).isEqualTo("0");
        assertThat(b.text(By.cssSelector("[data-test=rule-joiners]")))
                .contains("Mia")
                .contains("Max");
        assertThat(b.text(By.cssSelector("[data-test=rule-would-wait]")))
                .as("one seat is left for two joiners")
                .isEqualTo("1");
        assertThat(memberCount(group)).as("nothing changes before saving").isEqualTo(2);

        b.click(By.cssSelector("[data-test=rule-save]"));
        b.waitUntil(d -> b.text(By.cssSelector("[data-test=rule-text]")).contains("Marketing"));
        assertThat(b.all(MEMBERS)).hasSize(4);
        assertThat(memberCount(group)).isEqualTo(4);
        assertThat(DatabaseCounts.auditActivities(jdbc, site.tenant()))
                .as("members who still match were not removed and added again")
                .doesNotContainKey(Activity.REMOVE_MEMBER.name())
                .containsEntry(Activity.ADD_MEMBER.name(), 4L)
                .containsEntry(Activity.CHANGE_USER_LICENSE.name(), 4L);
        assertThat(jdbc.sql(
                                "select count(*) from license_assignment where source_group_id = ? and error = 'CountViolation'")
                        .param(group)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        b.clickAndConfirm(By.cssSelector("[data-test=rule-toggle]"));
        b.waitUntil(d -> b.text(By.cssSelector("[data-test=rule-state]")).equals("Paused"));
        assertThat(ruleState(group)).isEqualTo("Paused");
        b.clickAndConfirm(By.cssSelector("[data-test=rule-toggle]"));
        b.waitUntil(d -> b.text(By.cssSelector("[data-test=rule-state]")).equals("On"));
        assertThat(ruleState(group)).isEqualTo("On");
    }

    @Test
    void aRuleAppliedInTheBackgroundShowsItsProgressAndThePageReloadsWhenItIsDone() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        BulkDirectory.addUsers(jdbc, site.tenant(), "bg" + UUID.randomUUID(), 400, "US");
        UUID group = dynamicGroup(site, "Sales", "user.department -eq \"Sales\"");
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/groups/" + group);

        b.waitUntil(d -> b.attribute(By.cssSelector("[data-test=rule-run]"), "data-status")
                .equals("Complete"));
        assertThat(b.text(By.cssSelector("[data-test=rule-run]")))
                .contains("Last applied to every user")
                .contains("80 joined, 0 left");
        assertThat(memberCount(group)).isEqualTo(80);
    }

    @Test
    void aBadRuleIsRefusedWithWhereItIsWrongAndWhatWasTypedIsKept() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        person(site, "sam", "Sales");
        UUID group = dynamicGroup(site, "Sales", "user.department -eq \"Sales\"");
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/groups/" + group);
        b.click(By.cssSelector("[data-test=rule-editor] summary"));
        b.type(By.id("membershipRule"), "(user.city -eq \"Oslo\"");
        b.click(By.cssSelector("[data-test=rule-save]"));

        b.waitUntil(d -> b.has(By.id("rule-problem")));
        assertThat(b.text(By.id("rule-problem"))).contains("Expected ')'");
        assertThat(b.find(By.id("membershipRule")).getDomProperty("value")).isEqualTo("(user.city -eq \"Oslo\"");
        assertThat(b.text(By.cssSelector("[data-test=rule-text]"))).isEqualTo("user.department -eq \"Sales\"");
        AdminSession http = session(site);
        assertThat(http.post("/groups/" + group + "/rule-processing", List.of(Map.entry("state", "Sideways")))
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/groups/new-group-id/rule", List.of(Map.entry("membershipRule", "user.city -eq null")))
                        .status())
                .isEqualTo(404);
        assertThat(ruleState(group)).isEqualTo("On");
    }

    @Test
    void aGlobalReaderSeesTheRuleAndItsPreviewButCannotChangeIt() {
        Site site = newSite(Role.GLOBAL_READER);
        person(site, "sam", "Sales");
        UUID group = dynamicGroup(site, "Sales", "user.department -eq \"Sales\"");
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/groups/" + group);

        assertThat(b.text(By.cssSelector("[data-test=rule-text]"))).isEqualTo("user.department -eq \"Sales\"");
        assertThat(b.has(By.cssSelector("[data-test=rule-editor]"))).isFalse();
        assertThat(b.has(By.cssSelector("[data-test=rule-toggle]"))).isFalse();
        AdminSession http = session(site);
        assertThat(http.post("/groups/" + group + "/rule", List.of(Map.entry("membershipRule", "user.city -eq null")))
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/groups/" + group + "/rule-processing", List.of(Map.entry("state", "Paused")))
                        .status())
                .isEqualTo(403);
        assertThat(ruleState(group)).isEqualTo("On");
    }

    private UUID person(Site site, String name, String department) {
        return UUID.fromString(site.api()
                .post("/v1.0/users", """
                        {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s@%s",
                         "usageLocation":"US","department":"%s"}""".formatted(displayName(name), name, name, site.domain(), department))
                .body()
                .get("id")
                .asString());
    }

    private UUID dynamicGroup(Site site, String name, String rule) {
        return UUID.fromString(site.api()
                .post("/v1.0/groups", """
                        {"displayName":"%s","mailEnabled":false,"mailNickname":"g%s","securityEnabled":true,
                         "groupTypes":["DynamicMembership"],"membershipRule":%s}""".formatted(
                                name, UUID.randomUUID().toString().substring(0, 8), json(rule)))
                .body()
                .get("id")
                .asString());
    }

    private long memberCount(UUID group) {
        return jdbc.sql("select count(*) from group_member_user where group_id = ?")
                .param(group)
                .query(Long.class)
                .single();
    }

    private String ruleState(UUID group) {
        return jdbc.sql("select membership_rule_processing_state from directory_group where id = ?")
                .param(group)
                .query(String.class)
                .single();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
