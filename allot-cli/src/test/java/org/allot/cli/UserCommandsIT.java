package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Users: create, show, update, delete and restore them, and list them the way Graph filters them. */
class UserCommandsIT extends AgainstARealServer {

    @Test
    void anAdminCreatesAUserAndSetsItsUsageLocation() {
        Run created = allot.run(
                "user", "create", "grace.hopper@contoso.com", "--name", "Grace Hopper", "--department", "Navy");
        assertThat(created.exit()).as(created.toString()).isZero();
        assertThat(created.out()).contains("grace.hopper@contoso.com", "Grace Hopper");

        Run updated = allot.run("user", "update", "grace.hopper@contoso.com", "--usage-location", "us");
        assertThat(updated.exit()).as(updated.toString()).isZero();
        JsonNode user = api.user("grace.hopper@contoso.com", "usageLocation,department,displayName");
        assertThat(user.path("usageLocation").asString()).isEqualTo("US");
        assertThat(user.path("department").asString()).isEqualTo("Navy");

        Run cleared = allot.run("user", "update", "grace.hopper@contoso.com", "--department", "");
        assertThat(cleared.exit()).as(cleared.toString()).isZero();
        assertThat(api.user("grace.hopper@contoso.com", "department")
                        .path("department")
                        .isNull())
                .isTrue();

        Run shown = allot.run("user", "show", "grace.hopper@contoso.com", "-o", "json");
        assertThat(shown.json().path("usageLocation").asString()).isEqualTo("US");
        assertThat(shown.json().path("licenses").isEmpty()).isTrue();
    }

    @Test
    void aUserPrincipalNameThatIsTakenIsRefused() {
        allot.run("user", "create", "taken@contoso.com", "--name", "First");
        Run again = allot.run("user", "create", "taken@contoso.com", "--name", "Second");
        assertThat(again.exit()).isEqualTo(4);
        assertThat(again.err()).startsWith("error: Request_BadRequest: Another object with the same value");
        assertThat(api.user("taken@contoso.com", "displayName")
                        .path("displayName")
                        .asString())
                .isEqualTo("First");
    }

    @Test
    void aUserThatDoesNotExistIsNotFound() {
        Run show = allot.run("user", "show", "nobody@contoso.com");
        assertThat(show.exit()).isEqualTo(3);
        assertThat(show.err()).isEqualTo("error: NotFound: No user 'nobody@contoso.com'.\n");
        assertThat(show.out()).isEmpty();
    }

    @Test
    void aDeletedUserIsListedAndRestoredWithItsLicenses() {
        allot.run("subscription", "add", "--sku", "STREAM", "--seats", "1");
        allot.run("user", "create", "leaving@contoso.com", "--name", "Leaving Soon", "--usage-location", "SE");
        allot.run("license", "assign", "--user", "leaving@contoso.com", "--sku", "STREAM");

        Run deleted = allot.run("user", "delete", "leaving@contoso.com");
        assertThat(deleted.exit()).as(deleted.toString()).isZero();
        assertThat(deleted.err()).contains("allot user restore leaving@contoso.com");
        assertThat(api.user("leaving@contoso.com", "id").isMissingNode()).isTrue();
        assertThat(allot.run("user", "list", "--deleted", "-o", "csv").csv())
                .extracting(r -> r.get("userPrincipalName"))
                .contains("leaving@contoso.com");

        Run restored = allot.run("user", "restore", "leaving@contoso.com");
        assertThat(restored.exit()).as(restored.toString()).isZero();
        assertThat(api.user("leaving@contoso.com", "assignedLicenses")
                        .path("assignedLicenses")
                        .size())
                .isEqualTo(1);

        Run again = allot.run("user", "restore", "leaving@contoso.com");
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.err()).contains("No deleted user 'leaving@contoso.com'");
    }

    @Test
    void guestsAreListedAsGraphFiltersThem() {
        Run guests = allot.run("user", "list", "--guests", "-o", "csv");
        assertThat(guests.exit()).as(guests.toString()).isZero();
        assertThat(guests.csv()).isNotEmpty().allMatch(r -> r.get("userType").equals("Guest"));
        assertThat(upns(guests.csv())).isEqualTo(apiUpns("userType eq 'Guest'"));
    }

    @Test
    void syncedAndUnlicensedUsersAreListedAsGraphFiltersThem() {
        Run synced = allot.run("user", "list", "--synced", "--unlicensed", "-o", "csv");
        assertThat(synced.exit()).as(synced.toString()).isZero();
        assertThat(synced.csv())
                .isNotEmpty()
                .allMatch(
                        r -> r.get("synced").equals("true") && r.get("licenses").isEmpty());
        assertThat(upns(synced.csv()))
                .isEqualTo(apiUpns("onPremisesSyncEnabled eq true and assignedLicenses/$count eq 0"));
    }

    @Test
    void usersOfAProductAreListedByAWordOfItsPartNumber() {
        Run e5 = allot.run("user", "list", "--sku", "E5", "-o", "json");
        assertThat(e5.exit()).as(e5.toString()).isZero();
        String e5Id = api.skuId("SPE_E5");
        Set<String> listed = new HashSet<>();
        e5.json().forEach(u -> {
            assertThat(u.path("licenses").toString()).contains("SPE_E5");
            listed.add(u.path("userPrincipalName").asString());
        });
        assertThat(listed).isNotEmpty().isEqualTo(apiUpns("assignedLicenses/any(x:x/skuId eq " + e5Id + ")"));
    }

    @Test
    void usersWithLicenseErrorsShowWhichAndWhy() {
        Run errors = allot.run("user", "list", "--errors", "-o", "json");
        assertThat(errors.exit()).as(errors.toString()).isZero();
        assertThat(errors.json()).isNotEmpty().allSatisfy(u -> assertThat(u.path("licenseErrors"))
                .isNotEmpty());
        assertThat(errors.out()).contains("erin_fabrikam.com#EXT#@contoso.onmicrosoft.com", "EMS:Other");
    }

    @Test
    void aRawODataFilterIsPassedOnAndABadOneIsAUsageError() {
        Run legal = allot.run("user", "list", "--filter", "department eq 'Legal'", "-o", "csv");
        assertThat(legal.exit()).as(legal.toString()).isZero();
        assertThat(upns(legal.csv())).isNotEmpty().isEqualTo(apiUpns("department eq 'Legal'"));

        Run bad = allot.run("user", "list", "--filter", "shoeSize eq 44");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err())
                .startsWith("error: Request_BadRequest: The server refused the filter: ")
                .contains("shoeSize");
    }

    @Test
    void theListShowsTheUserPropertiesNamedByFields() {
        Run created = allot.run(
                "user",
                "create",
                "ada.fields@contoso.com",
                "--name",
                "Ada Fields",
                "--department",
                "Research",
                "--job-title",
                "Analyst");
        assertThat(created.exit()).as(created.toString()).isZero();

        Run listed = allot.run(
                "user",
                "list",
                "--filter",
                "userPrincipalName eq 'ada.fields@contoso.com'",
                "--fields",
                "userPrincipalName,department,jobTitle,licenses",
                "-o",
                "csv");
        assertThat(listed.exit()).as(listed.toString()).isZero();
        assertThat(listed.out()).startsWith("userPrincipalName,department,jobTitle,licenses\n");
        assertThat(listed.csv()).singleElement().satisfies(u -> assertThat(u)
                .containsEntry("department", "Research")
                .containsEntry("jobTitle", "Analyst"));

        Run json = allot.run(
                "user",
                "list",
                "--filter",
                "department eq 'Research'",
                "--fields",
                "department,userPrincipalName,accountEnabled,createdDateTime",
                "-o",
                "json");
        assertThat(json.exit()).as(json.toString()).isZero();
        assertThat(json.json()).isNotEmpty().allSatisfy(u -> {
            assertThat(u.path("department").asString()).isEqualTo("Research");
            assertThat(u.path("accountEnabled").isBoolean()).as(u.toString()).isTrue();
            assertThat(u.path("createdDateTime").asString()).isNotEmpty();
        });

        Run bad = allot.run("user", "list", "--fields", "userPrincipalName,shoeSize");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("shoeSize", "department", "jobTitle");
    }

    private static Set<String> upns(List<Map<String, String>> rows) {
        Set<String> upns = new HashSet<>();
        rows.forEach(r -> upns.add(r.get("userPrincipalName")));
        return upns;
    }

    private Set<String> apiUpns(String filter) {
        Set<String> upns = new HashSet<>();
        JsonNode page = api.get("/v1.0/users", "$filter", filter, "$select", "userPrincipalName", "$top", "999");
        while (true) {
            page.path("value").forEach(u -> upns.add(u.path("userPrincipalName").asString()));
            if (!page.hasNonNull("@odata.nextLink")) {
                return upns;
            }
            String next = page.path("@odata.nextLink").asString();
            page = api.get(next.substring(next.indexOf("/v1.0")));
        }
    }
}
