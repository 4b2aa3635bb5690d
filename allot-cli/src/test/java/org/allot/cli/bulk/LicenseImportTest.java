package org.allot.cli.bulk;

import static org.allot.cli.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.allot.api.graph.AssignLicenseRequest;
import org.allot.api.graph.AssignedLicenseResource;
import org.allot.api.graph.LicenseAssignmentState;
import org.allot.api.graph.ServicePlanInfo;
import org.allot.api.graph.SubscribedSkuResource;
import org.allot.api.graph.UserResource;
import org.allot.cli.lookup.Products;
import org.junit.jupiter.api.Test;

/** Planning a license file: assign what is missing or different, leave what is there, check products first. */
class LicenseImportTest {
    static final UUID E3 = UUID.fromString("6fd2c87f-b296-42f0-b197-1e91e994b900");
    static final UUID SWAY = UUID.fromString("a23b959c-7ce8-4e57-9140-b90eb88a9e97");
    static final UUID FORMS = UUID.fromString("2789c901-c14e-48ab-a76a-be334d9d793a");
    static final UUID EMS = UUID.fromString("efccb6f7-5641-4e0e-bd10-b4976e1bf68e");

    private final Products products = new Products(
            List.of(
                    new SubscribedSkuResource(
                            null, null, "User", "Enabled", 0, null, null, List.of(), EMS, "EMS", null, 0),
                    new SubscribedSkuResource(
                            null,
                            null,
                            "User",
                            "Enabled",
                            0,
                            null,
                            null,
                            List.of(
                                    new ServicePlanInfo("User", "Success", SWAY, "SWAY"),
                                    new ServicePlanInfo("User", "Success", FORMS, "FORMS_PLAN_E3")),
                            E3,
                            "ENTERPRISEPACK",
                            null,
                            0)),
            name -> Optional.empty());

    private final Map<String, UserResource> users = Map.of(
            "ada@contoso.com", aUser("ada@contoso.com").withId("1").build(),
            "alan@contoso.com",
                    aUser("alan@contoso.com")
                            .withId("2")
                            .holding(direct(E3, SWAY))
                            .build(),
            "grace@contoso.com",
                    aUser("grace@contoso.com").withId("3").holding(byGroup(E3)).build());

    @Test
    void aProductTheUserLacksIsAssignedWithItsPlansSwitchedOff() {
        Step step = plan("userPrincipalName,sku,disabledPlans\nada@contoso.com,enterprisepack,SWAY;FORMS_PLAN_E3\n")
                .get(0);
        assertThat(step.action()).isEqualTo(Step.Action.ASSIGN);
        assertThat(step.request().path()).isEqualTo("/v1.0/users/1/assignLicense");
        assertThat(step.request().body())
                .isEqualTo(new AssignLicenseRequest(
                        List.of(new AssignedLicenseResource(List.of(SWAY, FORMS), E3)), List.of()));
        assertThat(step.detail()).isEqualTo("assign ENTERPRISEPACK without FORMS_PLAN_E3,SWAY");
    }

    @Test
    void aDirectAssignmentAsInTheFileIsLeftAlone() {
        assertThat(plan("userPrincipalName,sku,disabledPlans\nalan@contoso.com,ENTERPRISEPACK,sway\n")
                        .get(0)
                        .action())
                .isEqualTo(Step.Action.UNCHANGED);
    }

    @Test
    void otherSwitchedOffPlansAreAssignedAgain() {
        Step step =
                plan("userPrincipalName,sku\nalan@contoso.com,ENTERPRISEPACK\n").get(0);
        assertThat(step.action()).isEqualTo(Step.Action.ASSIGN);
        assertThat(step.detail()).isEqualTo("switched-off plans: SWAY -> (none)");
    }

    @Test
    void aLicenseFromAGroupOnlyIsAssignedDirectlyToo() {
        assertThat(plan("userPrincipalName,sku\ngrace@contoso.com,ENTERPRISEPACK\n")
                        .get(0)
                        .action())
                .isEqualTo(Step.Action.ASSIGN);
    }

    @Test
    void removingTakesOnlyWhatIsAssignedDirectly() {
        List<Step> steps =
                plan("userPrincipalName,sku,action\nalan@contoso.com,ENTERPRISEPACK,remove\ngrace@contoso.com,"
                        + "ENTERPRISEPACK,REMOVE\n");
        assertThat(steps).extracting(Step::action).containsExactly(Step.Action.REMOVE, Step.Action.UNCHANGED);
        assertThat(steps.get(0).request().body()).isEqualTo(new AssignLicenseRequest(List.of(), List.of(E3)));
    }

    @Test
    void aReplaceRowSwapsTheProductsInOneRequest() {
        Step step = plan("userPrincipalName,sku,action,replaces\nalan@contoso.com,EMS,replace,ENTERPRISEPACK\n")
                .get(0);
        assertThat(step.action()).isEqualTo(Step.Action.REPLACE);
        assertThat(step.request().body())
                .isEqualTo(new AssignLicenseRequest(List.of(new AssignedLicenseResource(List.of(), EMS)), List.of(E3)));
        assertThat(step.detail()).isEqualTo("ENTERPRISEPACK -> EMS");
    }

    @Test
    void aReplaceRowNamesWhatItReplacesAndOnlyItDoes() {
        assertThat(plan("""
                        userPrincipalName,sku,action,replaces
                        alan@contoso.com,EMS,replace,
                        ada@contoso.com,EMS,assign,ENTERPRISEPACK
                        alan@contoso.com,ENTERPRISEPACK,replace,ENTERPRISEPACK
                        """))
                .extracting(Step::detail)
                .containsExactly(
                        "a row that replaces a product names it in the column replaces",
                        "only a row with action replace names a product in the column replaces",
                        "a product cannot replace itself");
    }

    @Test
    void unknownProductsPlansUsersAndRepeatsAreInvalidWithTheirLine() {
        List<Step> steps = plan("""
                userPrincipalName,sku,disabledPlans,action
                ada@contoso.com,E7,,
                ada@contoso.com,ENTERPRISEPACK,TEAMS1,
                nobody@contoso.com,ENTERPRISEPACK,,
                ada@contoso.com,ENTERPRISEPACK,,
                ada@contoso.com,ENTERPRISEPACK,,
                ada@contoso.com,ENTERPRISEPACK,,borrow
                ,ENTERPRISEPACK,,
                """);
        assertThat(steps)
                .extracting(Step::line, Step::action)
                .containsExactly(
                        tuple(2, Step.Action.INVALID),
                        tuple(3, Step.Action.INVALID),
                        tuple(4, Step.Action.INVALID),
                        tuple(5, Step.Action.ASSIGN),
                        tuple(6, Step.Action.INVALID),
                        tuple(7, Step.Action.INVALID),
                        tuple(8, Step.Action.INVALID));
        assertThat(steps)
                .extracting(Step::detail)
                .containsExactly(
                        "No product 'E7': see 'allot product list' for the subscribed ones and 'allot product catalog"
                                + " --search E7' for the catalogue.",
                        "ENTERPRISEPACK has no service plan 'TEAMS1': see 'allot product plans ENTERPRISEPACK'.",
                        "no user nobody@contoso.com",
                        "assign ENTERPRISEPACK",
                        "the same user and product as line 5",
                        "action 'borrow' is neither assign, remove nor replace",
                        "a row needs a userPrincipalName and a sku");
    }

    private List<Step> plan(String csv) {
        return LicenseImport.plan(CsvFile.read("licenses.csv", csv, LicenseImport.COLUMNS), users, products);
    }

    private static LicenseAssignmentState direct(UUID sku, UUID... disabled) {
        return new LicenseAssignmentState(
                null,
                java.util.Arrays.stream(disabled).map(UUID::toString).toList(),
                "None",
                null,
                sku.toString(),
                "Active",
                null,
                null);
    }

    private static LicenseAssignmentState byGroup(UUID sku) {
        return new LicenseAssignmentState(
                "9f0c2d3e-0000-4000-8000-000000000001", List.of(), "None", null, sku.toString(), "Active", null, null);
    }
}
