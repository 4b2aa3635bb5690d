package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.allot.cli.testing.TestLdap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code allot sync preview} (a dry run of connector settings not saved), {@code allot sync changes} and
 * {@code --staging} against an LDAP directory of two people of contoso.com: nothing either of them reads is applied.
 */
class SyncPreviewCommandsIT extends AgainstARealServer {

    @Test
    void aPreviewAndAStagingConnectorsRunListWhatTheyWouldDoAndApplyNothing() {
        try (TestLdap ldap = TestLdap.with(
                "preview-engineers", List.of(new String[] {"ada", "preview.ada@contoso.com"}, new String[] {
                    "grace", "preview.grace@contoso.com"
                }))) {
            Run configure = allot.input(TestLdap.PASSWORD + "\n")
                    .run(
                            "sync",
                            "configure",
                            "--preset",
                            "genericLdap",
                            "--url",
                            ldap.url(),
                            "--bind-dn",
                            TestLdap.BIND_DN,
                            "--password-stdin",
                            "--base-dn",
                            TestLdap.BASE,
                            "--no-schedule",
                            "--no-staging");
            assertThat(configure.exit()).as(configure.toString()).isZero();
            assertThat(configure.out()).containsPattern("staging +false");

            Run preview = allot.run("sync", "preview", "--map", "group.member=uniqueMember", "-o", "json");

            assertThat(preview.exit()).as(preview.toString()).isZero();
            JsonNode run = preview.json();
            assertThat(run.path("state").asString()).isEqualTo("PREVIEW");
            assertThat(run.path("added").asInt())
                    .as("two people and their group")
                    .isEqualTo(3);
            assertThat(preview.err()).contains("Nothing was applied and the connector was not saved.");
            assertThat(api.user("preview.ada@contoso.com", "id").path("id").isMissingNode())
                    .as("not added")
                    .isTrue();
            assertThat(allot.run("sync", "status", "-o", "json").json().path("mapping"))
                    .as("not saved")
                    .isEmpty();
            Run stored = allot.run("sync", "preview", "-o", "json");
            assertThat(stored.exit())
                    .as("the stored connector's next run: " + stored)
                    .isZero();
            assertThat(stored.json().path("state").asString()).isEqualTo("PREVIEW");
            assertThat(stored.json().path("added").asInt()).isEqualTo(3);
            Run changes = allot.run("sync", "changes", run.path("id").asString(), "-o", "csv");
            assertThat(changes.exit()).as(changes.toString()).isZero();
            assertThat(changes.csv())
                    .extracting(r -> r.get("action") + " " + r.get("objectType") + " " + r.get("displayName"))
                    .containsExactly(
                            "add user preview.ada@contoso.com",
                            "add user preview.grace@contoso.com",
                            "add group preview-engineers");

            Run staging = allot.run("sync", "configure", "--staging");
            assertThat(staging.exit()).as(staging.toString()).isZero();
            assertThat(staging.out()).containsPattern("staging +true");
            Run staged = allot.run("sync", "run", "--wait", "-o", "json");
            assertThat(staged.exit()).as(staged.toString()).isZero();
            assertThat(staged.json().path("state").asString()).isEqualTo("STAGED");
            assertThat(staged.json().path("added").asInt()).isEqualTo(3);
            assertThat(staged.err()).contains("Staging mode: nothing was applied.", "allot sync changes ");
            assertThat(api.user("preview.ada@contoso.com", "id").path("id").isMissingNode())
                    .isTrue();
            Run confirmStaged =
                    allot.run("sync", "confirm", staged.json().path("id").asString());
            assertThat(confirmStaged.exit()).as(confirmStaged.toString()).isEqualTo(4);
            assertThat(confirmStaged.err())
                    .contains("A run in staging mode applies nothing and cannot be confirmed: switch staging off");
            assertThat(allot.run("sync", "configure", "--no-staging").out()).containsPattern("staging +false");
            assertThat(allot.run("sync", "status").out()).containsPattern("deletionCheck +in full runs only");
            Run hourly = allot.run("sync", "configure", "--deletion-check-minutes", "60");
            assertThat(hourly.exit()).as(hourly.toString()).isZero();
            assertThat(hourly.out()).containsPattern("deletionCheck +every 60 minutes");
            Run wrong = allot.run("sync", "configure", "--deletion-check-minutes", "hourly");
            assertThat(wrong.exit()).isNotZero();
            assertThat(wrong.err()).contains("--deletion-check-minutes takes a number of minutes");
            assertThat(allot.run("sync", "configure", "--deletion-check-minutes", "off")
                            .out())
                    .containsPattern("deletionCheck +in full runs only");

            Run elsewhere = allot.run("sync", "preview", "--url", "ldap://localhost:1");
            assertThat(elsewhere.exit()).as(elsewhere.toString()).isNotZero();
            assertThat(elsewhere.err()).contains("Type the bind password to preview a sync from ldap://localhost:1");
        }
    }

    @Test
    void theTwoThresholdsAreShownAndSetFromTheCommandLine() {
        Run set = allot.run("sync", "thresholds", "--deletions", "120", "--license-losses", "7", "-o", "json");

        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.json().path("syncDeleteThreshold").asInt()).isEqualTo(120);
        assertThat(set.json().path("syncLicenseLossThreshold").asInt()).isEqualTo(7);
        Run one = allot.run("sync", "thresholds", "--license-losses", "9");
        assertThat(one.exit()).as(one.toString()).isZero();
        assertThat(one.out())
                .containsPattern("syncDeleteThreshold +120")
                .containsPattern("syncLicenseLossThreshold +9");
        assertThat(allot.run("sync", "thresholds", "--deletions", "-1").exit()).isEqualTo(2);
        assertThat(allot.run("sync", "thresholds", "-o", "json")
                        .json()
                        .path("syncDeleteThreshold")
                        .asInt())
                .isEqualTo(120);
        assertThat(allot.run("sync", "thresholds", "--deletions", "0", "--license-losses", "500")
                        .exit())
                .isZero();
    }
}
