package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;

/** Dynamic groups from the command line: preview a rule, create the group, change, pause and resume its rule. */
class GroupRuleIT extends AgainstARealServer {
    private static final String PILOTS = "user.department -eq \"Rule Pilots\"";
    private static final String PILOTS_AND_CREW = "user.department -in [\"Rule Pilots\", \"Rule Crew\"]";

    @Test
    void aRuleIsPreviewedThenTheGroupFollowsItAndAnEditChangesOnlyTheDifference() {
        allot.run("user", "create", "pia@contoso.com", "--name", "Pia", "--department", "Rule Pilots");
        allot.run("user", "create", "pat@contoso.com", "--name", "Pat", "--department", "Rule Pilots");
        allot.run("user", "create", "cy@contoso.com", "--name", "Cy", "--department", "Rule Crew");

        Run preview = allot.run("group", "rule", "preview", "--rule", PILOTS, "-o", "json");
        assertThat(preview.exit()).as(preview.toString()).isZero();
        assertThat(preview.json().path("matching").asLong()).isEqualTo(2);
        assertThat(preview.json().path("firstMatching").isArray())
                .as("JSON is data: a list of names")
                .isTrue();
        assertThat(preview.json().path("firstMatching").toString())
                .contains("\"pia@contoso.com\"", "\"pat@contoso.com\"");

        Run create = allot.run("group", "create", "--name", "Rule pilots", "--rule", PILOTS);
        assertThat(create.exit()).as(create.toString()).isZero();
        assertThat(create.out()).contains("DynamicMembership");
        Run applied = allot.run("group", "rule", "show", "Rule pilots", "--wait", "-o", "json");
        assertThat(applied.exit()).as(applied.toString()).isZero();
        assertThat(applied.json().path("ruleProcessing").asString()).isEqualTo("Complete");
        assertThat(members("Rule pilots")).isEqualTo(2);

        Run edit = allot.run("group", "rule", "preview", "Rule pilots", "--rule", PILOTS_AND_CREW, "-o", "json");
        assertThat(edit.json().path("joining").asLong()).isEqualTo(1);
        assertThat(edit.json().path("firstJoining").get(0).asString()).isEqualTo("cy@contoso.com");
        assertThat(edit.json().path("licenses").isArray())
                .as("the seat impact as objects, not prose")
                .isTrue();
        assertThat(edit.json().path("leaving").asLong()).isZero();
        assertThat(members("Rule pilots")).as("a preview changes nothing").isEqualTo(2);

        Run set = allot.run("group", "rule", "set", "Rule pilots", "--rule", PILOTS_AND_CREW, "--wait", "-o", "json");
        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.json().path("ruleProcessing").asString()).isEqualTo("Complete");
        assertThat(members("Rule pilots")).isEqualTo(3);

        Run pause = allot.run("group", "rule", "pause", "Rule pilots", "-o", "json");
        assertThat(pause.json().path("membershipRuleProcessingState").asString())
                .isEqualTo("Paused");
        allot.run("user", "create", "cam@contoso.com", "--name", "Cam", "--department", "Rule Crew");
        assertThat(members("Rule pilots")).as("paused: nobody joins").isEqualTo(3);
        assertThat(allot.run("group", "rule", "apply", "Rule pilots").exit())
                .as("a paused rule is not applied")
                .isEqualTo(4);

        Run resume = allot.run("group", "rule", "resume", "Rule pilots", "--wait", "-o", "json");
        assertThat(resume.json().path("membershipRuleProcessingState").asString())
                .isEqualTo("On");
        assertThat(members("Rule pilots")).isEqualTo(4);
    }

    @Test
    void aRuleThatDoesNotParseIsRefusedWithWhereAndNothingIsCreated() {
        Run bad = allot.run("group", "create", "--name", "Broken rule", "--rule", "user.department -eq");
        assertThat(bad.exit()).isEqualTo(4);
        assertThat(bad.err())
                .startsWith("error: ")
                .contains("Expected a value after -eq")
                .contains("position");
        assertThat(api.get("/v1.0/groups", "$filter", "displayName eq 'Broken rule'")
                        .path("value"))
                .isEmpty();

        Run preview = allot.run("group", "rule", "preview", "--rule", "user.shoeSize -eq 9");
        assertThat(preview.exit()).isEqualTo(4);
        assertThat(preview.err()).contains("Unknown property 'user.shoeSize'");

        Run paused = allot.run("group", "create", "--name", "No rule", "--paused");
        assertThat(paused.exit()).isEqualTo(2);
        assertThat(paused.err()).contains("--paused needs --rule");

        Run unknown = allot.run("group", "rule", "show", "No such group");
        assertThat(unknown.exit()).isEqualTo(3);
    }

    private long members(String group) {
        String id = api.get("/v1.0/groups", "$filter", "displayName eq '" + group + "'")
                .path("value")
                .get(0)
                .path("id")
                .asString();
        return api.get("/v1.0/groups/" + id + "/members", "$top", "999")
                .path("value")
                .size();
    }
}
