package org.allot.cli.bulk;

import static org.allot.cli.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.api.graph.UserResource;
import org.junit.jupiter.api.Test;

/** Planning a users file: create what is missing, update only what differs, leave the rest, reject bad rows. */
class UserImportTest {
    private static final UserResource ADA = aUser("ada@contoso.com")
            .withId("1")
            .named("Ada Lovelace")
            .inDepartment("Math")
            .locatedIn("GB")
            .build();

    @Test
    void aMissingUserIsCreatedWithTheValuesOfItsRow() {
        Step step = plan("userPrincipalName,displayName,usageLocation\ngrace@contoso.com,Grace Hopper,us\n", Map.of())
                .get(0);
        assertThat(step.action()).isEqualTo(Step.Action.CREATE);
        assertThat(step.request().method()).isEqualTo("POST");
        assertThat(step.request().path()).isEqualTo("/v1.0/users");
        assertThat(step.request().body())
                .isEqualTo(Map.of(
                        "userPrincipalName",
                        "grace@contoso.com",
                        "displayName",
                        "Grace Hopper",
                        "usageLocation",
                        "US"));
    }

    @Test
    void anExistingUserIsUpdatedInTheCellsThatDifferOnly() {
        Step step = plan("userPrincipalName,displayName,department\nADA@contoso.com,Ada Lovelace,Computing\n")
                .get(0);
        assertThat(step.action()).isEqualTo(Step.Action.UPDATE);
        assertThat(step.request().method()).isEqualTo("PATCH");
        assertThat(step.request().path()).isEqualTo("/v1.0/users/1");
        assertThat(step.request().body()).isEqualTo(Map.of("department", "Computing"));
        assertThat(step.detail()).isEqualTo("department: Math -> Computing");
    }

    @Test
    void aRowThatMatchesChangesNothing() {
        Step step = plan("userPrincipalName,displayName,usageLocation\nada@contoso.com,Ada Lovelace,gb\n")
                .get(0);
        assertThat(step.action()).isEqualTo(Step.Action.UNCHANGED);
        assertThat(step.request()).isNull();
    }

    @Test
    void badRowsAreInvalidWithTheirLineAndNeverSent() {
        List<Step> steps = plan("""
                userPrincipalName,displayName,usageLocation,accountEnabled,userType
                no-at-sign,X,US,true,Member
                b@contoso.com,B,USA,true,Member
                c@contoso.com,C,US,maybe,Member
                d@contoso.com,D,US,true,Robot
                e@contoso.com,,US,true,Member
                f@contoso.com,F,US,true,Member
                F@contoso.com,F again,US,true,Member
                g@contoso.com,G,US
                """);
        assertThat(steps)
                .extracting(Step::line, Step::action, Step::detail)
                .containsExactly(
                        row(2, Step.Action.INVALID, "'no-at-sign' is not a userPrincipalName (name@domain)"),
                        row(3, Step.Action.INVALID, "usageLocation 'USA' is not a two-letter country code"),
                        row(4, Step.Action.INVALID, "accountEnabled 'maybe' is neither true nor false"),
                        row(5, Step.Action.INVALID, "userType 'Robot' is neither Member nor Guest"),
                        row(6, Step.Action.INVALID, "a new user needs a displayName"),
                        row(
                                7,
                                Step.Action.CREATE,
                                "new user: userPrincipalName, displayName, usageLocation, accountEnabled, userType"),
                        row(8, Step.Action.INVALID, "the same user as line 7"),
                        row(9, Step.Action.INVALID, "has 3 fields where the header has 5 columns"));
        assertThat(steps).filteredOn(s -> s.action() == Step.Action.INVALID).allMatch(s -> s.request() == null);
    }

    @Test
    void valuesAreWrittenAsGraphWantsThem() {
        Step step = plan("upn,displayName,accountEnabled,userType\nx@contoso.com,X,FALSE,guest\n", Map.of())
                .get(0);
        assertThat(step.request().body())
                .isEqualTo(Map.of(
                        "userPrincipalName", "x@contoso.com",
                        "displayName", "X",
                        "accountEnabled", false,
                        "userType", "Guest"));
    }

    private static org.assertj.core.groups.Tuple row(int line, Step.Action action, String detail) {
        return org.assertj.core.groups.Tuple.tuple(line, action, detail);
    }

    private static List<Step> plan(String csv) {
        return plan(csv, Map.of("ada@contoso.com", ADA));
    }

    private static List<Step> plan(String csv, Map<String, UserResource> existing) {
        return UserImport.plan(CsvFile.read("users.csv", csv, UserImport.COLUMNS), existing);
    }
}
