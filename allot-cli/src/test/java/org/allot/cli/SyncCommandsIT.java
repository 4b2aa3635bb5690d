package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.allot.cli.testing.TestLdap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Directory sync from the command line, against an LDAP directory of three people of contoso.com and one of another
 * domain. The demo tenant already has users synced from a directory of its own, which this one does not hold: the
 * tenant's deletion threshold is 0 first, so that every run holds those deletions back (blocked, exit code 4) instead
 * of deleting the demo's people.
 */
class SyncCommandsIT extends AgainstARealServer {

    @Test
    void anAdministratorConnectsTheDirectoryTestsItAndSyncsItFromTheCommandLine() throws Exception {
        api.patch("/allot/v1/settings", "{\"syncDeleteThreshold\":0}");
        try (TestLdap ldap = TestLdap.with(
                "ldap-engineers",
                List.of(
                        new String[] {"ada", "ldap.ada@contoso.com"},
                        new String[] {"grace", "ldap.grace@contoso.com"},
                        new String[] {"linus", "ldap.linus@contoso.com"},
                        new String[] {"eve", "eve outsider@fabrikam.example"}))) {
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
                            "--no-schedule");
            assertThat(configure.exit()).as(configure.toString()).isZero();
            assertThat(configure.out())
                    .containsPattern("url +" + ldap.url())
                    .containsPattern("passwordSet +true")
                    .containsPattern("schedule +false")
                    .doesNotContain(TestLdap.PASSWORD);
            assertThat(configure.err()).contains("Connector saved.").doesNotContain(TestLdap.PASSWORD);

            Run test = allot.run("sync", "test", "-o", "csv");
            assertThat(test.exit()).as(test.toString()).isZero();
            assertThat(test.csv())
                    .extracting(r -> r.get("step"))
                    .containsExactly("DNS", "CONNECT", "TLS", "BIND", "BASE_DN", "USER_FILTER", "GROUP_FILTER");
            assertThat(test.csv()).allMatch(r -> r.get("passed").equals("true"));

            Run wrongPassword = allot.with("ALLOT_SYNC_PASSWORD", "not the password")
                    .run("sync", "test", "--bind-dn", TestLdap.BIND_DN);
            assertThat(wrongPassword.exit()).as(wrongPassword.toString()).isEqualTo(1);
            assertThat(wrongPassword.err())
                    .startsWith("error: ConnectionFailed: BIND: the directory refused the bind as " + TestLdap.BIND_DN);
            assertThat(allot.run("sync", "test").exit())
                    .as("the stored password is kept")
                    .isZero();

            Run blocked = allot.run("sync", "run", "--wait", "-o", "json");
            assertThat(blocked.exit()).as(blocked.toString()).isEqualTo(4);
            JsonNode run = blocked.json();
            String firstRun = run.path("id").asString();
            assertThat(run.path("state").asString()).isEqualTo("BLOCKED");
            assertThat(run.path("added").asInt())
                    .as("three people and their group")
                    .isEqualTo(4);
            assertThat(run.path("errors").asInt())
                    .as("eve's name is no principal name")
                    .isEqualTo(1);
            assertThat(run.path("deleted").asInt()).isZero();
            assertThat(blocked.err())
                    .contains("error: SyncBlocked: ", "threshold of 0", "allot sync confirm " + firstRun);
            assertThat(api.user("ldap.ada@contoso.com", "onPremisesSyncEnabled,usageLocation")
                            .path("onPremisesSyncEnabled")
                            .asBoolean())
                    .isTrue();
            JsonNode ada = allot.run("user", "show", "ldap.ada@contoso.com", "-o", "json")
                    .json();
            assertThat(ada.path("onPremisesDistinguishedName").asString()).containsIgnoringCase("uid=ada,");
            assertThat(ada.path("onPremisesLastSyncDateTime").asString()).isNotBlank();
            assertThat(ada.path("onPremisesUserPrincipalName").asString())
                    .as("the name in the directory, which differs from the one here for a domain the tenant lacks")
                    .isEqualTo("ldap.ada@contoso.com");
            assertThat(ada.path("onPremisesSamAccountName").asString()).isEqualTo("ada");

            Run errors = allot.run("sync", "errors", "latest", "-o", "csv");
            assertThat(errors.exit()).as(errors.toString()).isZero();
            assertThat(errors.csv()).singleElement().satisfies(e -> {
                assertThat(e.get("objectType")).isEqualTo("user");
                assertThat(e.get("distinguishedName")).startsWith("uid=eve,");
                assertThat(e.get("message")).isEqualTo("Property userPrincipalName is invalid.");
            });
            Run deletions = allot.run("sync", "deletions", firstRun, "-o", "json");
            assertThat(deletions.exit()).as(deletions.toString()).isZero();
            List<String> names = new ArrayList<>();
            List<String> users = new ArrayList<>();
            deletions.json().forEach(d -> {
                names.add(d.path("displayName").asString());
                if (d.path("objectType").asString().equals("user")) {
                    users.add(d.path("displayName").asString());
                }
            });
            assertThat(names)
                    .as("the demo's synced people, which this directory does not hold")
                    .hasSize(run.path("pendingDeletions").asInt())
                    .isNotEmpty()
                    .noneMatch(n -> n.startsWith("ldap."));
            assertThat(users).isNotEmpty();
            assertThat(api.user(users.get(0), "id").isMissingNode())
                    .as("nothing deleted")
                    .isFalse();

            Run asked = allot.run("sync", "run");
            assertThat(asked.exit()).as(asked.toString()).isZero();
            assertThat(asked.out()).containsPattern("requestedDateTime +20");
            assertThat(asked.err()).contains("A sync was asked for");
            Run full = allot.run("sync", "run", "--full", "--wait", "--timeout", "2m", "-o", "json");
            assertThat(full.exit()).as(full.toString()).isEqualTo(4);
            assertThat(full.json().path("mode").asString()).isEqualTo("FULL");
            assertThat(full.json().path("unchanged").asInt())
                    .as("nothing changed in the directory")
                    .isEqualTo(4);

            Run superseded = allot.run("sync", "confirm", firstRun);
            assertThat(superseded.exit()).as(superseded.toString()).isEqualTo(4);
            assertThat(superseded.err()).contains("A later run replaced this one");
            assertThat(allot.run("sync", "confirm", UUID.randomUUID().toString())
                            .exit())
                    .isEqualTo(3);

            Run runs = allot.run("sync", "runs", "-o", "csv");
            assertThat(runs.exit()).as(runs.toString()).isZero();
            List<Map<String, String>> rows = runs.csv();
            assertThat(rows.get(0).get("id")).isEqualTo(full.json().path("id").asString());
            assertThat(rows)
                    .filteredOn(r -> r.get("id").equals(firstRun))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("state")).isEqualTo("SUPERSEDED"));

            Run status = allot.run("sync", "status", "-o", "json");
            assertThat(status.exit()).as(status.toString()).isZero();
            assertThat(status.json().path("url").asString()).isEqualTo(ldap.url());
            assertThat(status.json().path("passwordSet").asBoolean()).isTrue();
            assertThat(status.json().path("runs").get(0).path("state").asString())
                    .isEqualTo("BLOCKED");
            assertThat(status.out()).doesNotContain(TestLdap.PASSWORD);

            Run moved = allot.run("sync", "configure", "--url", "ldap://localhost:" + closedPort());
            assertThat(moved.exit()).as(moved.toString()).isZero();
            assertThat(moved.out())
                    .as("only the URL changed")
                    .containsPattern("passwordSet +true")
                    .containsPattern("bindDn +" + TestLdap.BIND_DN);
            Run failed = allot.run("sync", "run", "--wait");
            assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.out()).containsPattern("state +FAILED");
            assertThat(failed.err()).startsWith("error: SyncFailed: ");
        }
    }

    @Test
    void aBlockedRunListsTheMembershipsOfLicensedGroupsAndTheLicensesItWouldRemove() throws Exception {
        api.patch("/allot/v1/settings", "{\"syncDeleteThreshold\":0}");
        try (TestLdap ldap = TestLdap.with(
                "ldap-licensed", List.of(new String[] {"rem.ada", "ldap.rem.ada@contoso.com"}, new String[] {
                    "rem.bob", "ldap.rem.bob@contoso.com"
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
                            "--clear-mapping",
                            "--no-schedule");
            assertThat(configure.exit()).as(configure.toString()).isZero();
            // a full run: a generic directory's deltas leave deletions to full runs
            Run first = allot.run("sync", "run", "--full", "--wait");
            assertThat(first.exit())
                    .as("the demo's synced people would be deleted: held, the memberships made")
                    .isEqualTo(4);
            for (String upn : List.of("ldap.rem.ada@contoso.com", "ldap.rem.bob@contoso.com")) {
                api.patch("/v1.0/users/" + upn, "{\"usageLocation\":\"US\"}");
            }
            assertThat(allot.run("subscription", "add", "--sku", "VISIOONLINE_PLAN1", "--seats", "5")
                            .exit())
                    .isZero();
            Run licensed =
                    allot.run("group", "license", "add", "ldap-licensed", "--sku", "VISIOONLINE_PLAN1", "--wait");
            assertThat(licensed.exit()).as(licensed.toString()).isZero();

            ldap.removeMember("rem.bob");
            Run blocked = allot.run("sync", "run", "--wait", "-o", "json");

            assertThat(blocked.exit()).as(blocked.toString()).isEqualTo(4);
            String id = blocked.json().path("id").asString();
            assertThat(blocked.json().path("pendingRemovals").asInt()).isEqualTo(1);
            assertThat(blocked.err()).contains("allot sync removals " + id, "allot sync license-losses " + id);
            Run removals = allot.run("sync", "removals", "latest", "-o", "csv");
            assertThat(removals.exit()).as(removals.toString()).isZero();
            assertThat(removals.csv()).singleElement().satisfies(r -> {
                assertThat(r.get("groupDisplayName")).isEqualTo("ldap-licensed");
                assertThat(r.get("memberType")).isEqualTo("user");
                assertThat(r.get("memberName")).isEqualTo("ldap.rem.bob@contoso.com");
            });
            Run losses = allot.run("sync", "license-losses", id, "-o", "csv");
            assertThat(losses.exit()).as(losses.toString()).isZero();
            assertThat(losses.csv())
                    .filteredOn(r -> r.get("userPrincipalName").startsWith("ldap.rem."))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.get("userPrincipalName")).isEqualTo("ldap.rem.bob@contoso.com");
                        assertThat(r.get("skuPartNumber")).isEqualTo("VISIOONLINE_PLAN1");
                        assertThat(r.get("cause")).isEqualTo("leaves ldap-licensed");
                    });
            assertThat(allot.run("sync", "removals", UUID.randomUUID().toString())
                            .exit())
                    .isEqualTo(3);
        }
    }

    @Test
    void groupsMemberAttributesAreAnOptionOfTheirOwn() throws Exception {
        Run configure = configureGenericLdap(
                "--member-attribute", "member", "--member-attribute", "memberUid:uid", "--no-schedule", "-o", "json");
        try {
            assertThat(configure.exit()).as(configure.toString()).isZero();
            assertThat(configure.json().path("mapping").toString()).contains("group.member=member, memberUid:uid");

            Run wrong = allot.run("sync", "configure", "--member-attribute", "memberUid:");
            assertThat(wrong.exit()).as(wrong.toString()).isNotZero();
            assertThat(wrong.err()).contains("'memberUid:' is not a member attribute (mapping of group.member)");
        } finally {
            allot.run("sync", "configure", "--clear-mapping");
        }
    }

    @Test
    void aMappingGivenAgainInAnotherCaseReplacesTheStoredOne() throws Exception {
        Run configure = configureGenericLdap(
                "--map", "department=departmentNumber", "--member-attribute", "member", "--no-schedule");
        try {
            assertThat(configure.exit()).as(configure.toString()).isZero();

            Run again = allot.run(
                    "sync", "configure", "--map", "Department=ou", "--map", "Group.Member=uniqueMember", "-o", "json");

            assertThat(again.exit()).as(again.toString()).isZero();
            String mapping = again.json().path("mapping").toString();
            assertThat(mapping).contains("Department=ou", "Group.Member=uniqueMember");
            assertThat(mapping).doesNotContain("departmentNumber", "group.member=member");
            Run bad = allot.run("sync", "configure", "--url", "ldap://" + "h".repeat(300));
            assertThat(bad.exit()).as(bad.toString()).isEqualTo(4);
            assertThat(bad.err()).contains("url must be ldap://host[:port]");
        } finally {
            allot.run("sync", "configure", "--clear-mapping");
        }
    }

    @Test
    void thePasswordIsNeverAnArgument() {
        Run plain = allot.run("sync", "configure", "--url", "ldap://dc1.contoso.com", "--password", "secret");
        assertThat(plain.exit()).isEqualTo(2);
        assertThat(plain.err()).contains("error: InvalidArgument: Unknown option", "'--password'");

        Run empty = allot.input("").run("sync", "configure", "--url", "ldap://dc1.contoso.com", "--password-stdin");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("standard input has no password");

        Run nothing = allot.run("sync", "configure");
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).contains("Give the settings to change");
    }

    /** {@code sync configure} of a generic LDAP connector, anonymous, on a port nothing listens on, and {@code more}. */
    private Run configureGenericLdap(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "sync",
                "configure",
                "--preset",
                "genericLdap",
                "--url",
                "ldap://localhost:" + closedPort(),
                "--bind-dn",
                "",
                "--base-dn",
                "dc=contoso,dc=com"));
        args.addAll(List.of(more));
        return allot.run(args.toArray(String[]::new));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aFailedConnectionTestNamesTheStepThatFailedEvenWhenALaterServerPasses() throws Exception {
        try (TestLdap ldap =
                        TestLdap.with("ldap-failover", List.<String[]>of(new String[] {"ada", "ada@contoso.com"}));
                ServerSocket closed = new ServerSocket(0)) {
            String down = "ldap://127.0.0.1:" + closed.getLocalPort();
            closed.close();

            Run test = allot.with("ALLOT_SYNC_PASSWORD", TestLdap.PASSWORD)
                    .run(
                            "sync",
                            "test",
                            "--preset",
                            "genericLdap",
                            "--url",
                            down + " " + ldap.url(),
                            "--bind-dn",
                            TestLdap.BIND_DN,
                            "--base-dn",
                            TestLdap.BASE);

            assertThat(test.exit()).as(test.toString()).isEqualTo(1);
            assertThat(test.err())
                    .as("with several servers, each step names its URL")
                    .startsWith("error: ConnectionFailed: CONNECT: " + down + ": nothing accepts connections on");
        }
    }
}
