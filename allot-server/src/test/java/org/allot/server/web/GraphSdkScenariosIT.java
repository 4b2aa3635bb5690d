package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.LicenseAssignmentState;
import com.microsoft.graph.models.LicenseDetails;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.ReferenceCreate;
import com.microsoft.graph.models.ServicePlanInfo;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlan;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/**
 * The seed documents' scenarios, driven through Microsoft's Graph SDK for Java pointed at Allot, as an existing
 * Graph client would: nothing here knows it is not talking to graph.microsoft.com.
 */
class GraphSdkScenariosIT extends ApiIT {

    @Test
    void syncedUsersWithoutUsageLocationAreRefusedWithGraphsMessageThenLicensedOnceItIsSet() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        Product e5 = product("SPE_E5");
        subscribe(admin, "SPE_E5", 10);
        String synced = syncedUser(admin, "belinda").toString();

        assertThatThrownBy(() -> graph.users()
                        .byUserId(synced)
                        .assignLicense()
                        .post(assign(e5.skuId().value())))
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(400);
                    assertThat(e.getError().getCode()).isEqualTo("Request_BadRequest");
                    assertThat(e.getError().getMessage())
                            .isEqualTo("License assignment cannot be done for user with invalid usage location.");
                });

        User location = new User();
        location.setUsageLocation("SE");
        graph.users().byUserId(synced).patch(location);
        User licensed = graph.users()
                .byUserId(synced)
                .assignLicense()
                .post(assign(e5.skuId().value()));

        assertThat(licensed.getAssignedLicenses())
                .extracting(AssignedLicense::getSkuId)
                .containsExactly(e5.skuId().value());
        List<SubscribedSku> skus = graph.subscribedSkus().get().getValue();
        assertThat(skus).singleElement().satisfies(s -> {
            assertThat(s.getSkuPartNumber()).isEqualTo("SPE_E5");
            assertThat(s.getConsumedUnits()).isEqualTo(1);
            assertThat(s.getPrepaidUnits().getEnabled()).isEqualTo(10);
        });
    }

    @Test
    void usersAndGroupsAreCountedWithTheCountSegmentAsGraphCountsThem() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        Product ems = product("EMS");
        subscribe(admin, "EMS", 5);
        syncedUser(admin, "ann");
        syncedUser(admin, "bob");
        String cy = syncedUser(admin, "cy").toString();
        User location = new User();
        location.setUsageLocation("US");
        graph.users().byUserId(cy).patch(location);
        graph.users().byUserId(cy).assignLicense().post(assign(ems.skuId().value()));

        Integer all = graph.users().count().get(rc -> rc.headers.add("ConsistencyLevel", "eventual"));
        Integer unlicensed = graph.users().count().get(rc -> {
            rc.headers.add("ConsistencyLevel", "eventual");
            rc.queryParameters.filter = "assignedLicenses/$count eq 0";
        });
        Integer groups = graph.groups().count().get(rc -> rc.headers.add("ConsistencyLevel", "eventual"));

        assertThat(all).isEqualTo(graph.users().get().getValue().size()).isGreaterThanOrEqualTo(3);
        assertThat(unlicensed).isEqualTo(all - 1);
        assertThat(groups).isZero();
        assertThatThrownBy(() -> graph.users().count().get())
                .as("like Graph, counting needs ConsistencyLevel: eventual")
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(400);
                    assertThat(e.getError().getMessage()).contains("ConsistencyLevel");
                });
        assertThat(admin.get("/v1.0/users/$count?$top=5", java.util.Map.of("ConsistencyLevel", "eventual"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void e3AndEmsAssignedToASecurityGroupAreInheritedByItsMembers() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        Product e3 = product("ENTERPRISEPACK");
        Product ems = product("EMS");
        subscribe(admin, "ENTERPRISEPACK", 50);
        subscribe(admin, "EMS", 50);
        Group sales = graph.groups().post(securityGroup("Sales-E3"));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            User u = graph.users().post(newUser(admin, "seller" + i));
            join(graph, sales.getId(), u.getId());
            members.add(u.getId());
        }

        var body = new com.microsoft.graph.groups.item.assignlicense.AssignLicensePostRequestBody();
        body.setAddLicenses(
                List.of(license(e3.skuId().value()), license(ems.skuId().value())));
        body.setRemoveLicenses(List.of());
        Group accepted = graph.groups().byGroupId(sales.getId()).assignLicense().post(body);
        assertThat(accepted.getId()).isEqualTo(sales.getId());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(graph.groups()
                        .byGroupId(sales.getId())
                        .get(r -> r.queryParameters.select = new String[] {"licenseProcessingState"})
                        .getLicenseProcessingState()
                        .getState())
                .isEqualTo("ProcessingComplete"));
        for (String id : members) {
            User user = graph.users()
                    .byUserId(id)
                    .get(r -> r.queryParameters.select = new String[] {"assignedLicenses", "licenseAssignmentStates"});
            assertThat(user.getAssignedLicenses())
                    .extracting(AssignedLicense::getSkuId)
                    .containsExactlyInAnyOrder(e3.skuId().value(), ems.skuId().value());
            assertThat(user.getLicenseAssignmentStates())
                    .allMatch(s -> sales.getId().equals(s.getAssignedByGroup()) && "Active".equals(s.getState()));
        }
        List<User> holders = graph.users()
                .get(r -> r.queryParameters.filter = "assignedLicenses/any(x:x/skuId eq " + ems.skuId() + ")")
                .getValue();
        assertThat(holders).hasSize(25);
    }

    @Test
    void seatsRunningOutPutMembersInCountViolationAndFreedSeatsFillAutomatically() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        Product bi = product("POWER_BI_PRO");
        subscribe(admin, "POWER_BI_PRO", 2);
        Group analysts = graph.groups().post(securityGroup("Analysts"));
        var body = new com.microsoft.graph.groups.item.assignlicense.AssignLicensePostRequestBody();
        body.setAddLicenses(List.of(license(bi.skuId().value())));
        body.setRemoveLicenses(List.of());
        graph.groups().byGroupId(analysts.getId()).assignLicense().post(body);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            User u = graph.users().post(newUser(admin, "analyst" + i));
            join(graph, analysts.getId(), u.getId());
            people.add(u.getId());
        }

        List<User> inError =
                graph.groups().byGroupId(analysts.getId()).membersWithLicenseErrors().get().getValue().stream()
                        .map(User.class::cast)
                        .toList();
        assertThat(inError).extracting(User::getId).containsExactlyInAnyOrder(people.get(2), people.get(3));
        LicenseAssignmentState waiting = state(graph, people.get(2));
        assertThat(waiting.getError()).isEqualTo("CountViolation");
        assertThat(waiting.getState()).isEqualTo("Error");

        graph.groups()
                .byGroupId(analysts.getId())
                .members()
                .byDirectoryObjectId(people.get(0))
                .ref()
                .delete();

        LicenseAssignmentState served = state(graph, people.get(2));
        assertThat(served.getState()).isEqualTo("Active");
        assertThat(served.getError()).isEqualTo("None");
        assertThat(state(graph, people.get(3)).getError()).isEqualTo("CountViolation");
        ApiClient.Response list = admin.get("/allot/v1/subscribedSkus/POWER_BI_PRO/waitingList");
        assertThat(list.body().get("value").get(0).get("userId").asString()).isEqualTo(people.get(3));
    }

    @Test
    void guestsInLicensedGroupsAreNotLicensedThroughThemButDirectlyTheyAre() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        Product ems = product("EMS");
        subscribe(admin, "EMS", 5);
        User guestUser = newUser(admin, "erin_fabrikam.com#EXT#");
        guestUser.setUserType("Guest");
        User guest = graph.users().post(guestUser);
        Group partners = graph.groups().post(securityGroup("Partners"));
        join(graph, partners.getId(), guest.getId());
        var body = new com.microsoft.graph.groups.item.assignlicense.AssignLicensePostRequestBody();
        body.setAddLicenses(List.of(license(ems.skuId().value())));
        body.setRemoveLicenses(List.of());
        graph.groups().byGroupId(partners.getId()).assignLicense().post(body);

        LicenseAssignmentState state = state(graph, guest.getId());
        assertThat(state.getError()).isEqualTo("Other");
        assertThat(state.getAdditionalData()).containsEntry("reason", "guest accounts are not licensed through groups");

        User guestLocation = new User();
        guestLocation.setUsageLocation("US");
        graph.users().byUserId(guest.getId()).patch(guestLocation);
        User direct = graph.users()
                .byUserId(guest.getId())
                .assignLicense()
                .post(assign(ems.skuId().value()));
        assertThat(direct.getAssignedLicenses())
                .extracting(AssignedLicense::getSkuId)
                .containsExactly(ems.skuId().value());
    }

    @Test
    void aUserWithTheSameLicenseDirectlyAndInheritedHoldsOneSeatAndCannotDropTheInheritedOne() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        Product e3 = product("ENTERPRISEPACK");
        subscribe(admin, "ENTERPRISEPACK", 5);
        User ada = graph.users().post(newUser(admin, "ada"));
        graph.users()
                .byUserId(ada.getId())
                .assignLicense()
                .post(assign(e3.skuId().value()));
        Group staff = graph.groups().post(securityGroup("Staff"));
        join(graph, staff.getId(), ada.getId());
        var body = new com.microsoft.graph.groups.item.assignlicense.AssignLicensePostRequestBody();
        body.setAddLicenses(List.of(license(e3.skuId().value())));
        body.setRemoveLicenses(List.of());
        graph.groups().byGroupId(staff.getId()).assignLicense().post(body);

        User user = graph.users()
                .byUserId(ada.getId())
                .get(r -> r.queryParameters.select = new String[] {"assignedLicenses", "licenseAssignmentStates"});
        assertThat(user.getAssignedLicenses()).hasSize(1);
        assertThat(user.getLicenseAssignmentStates()).hasSize(2);
        assertThat(graph.subscribedSkus().get().getValue().get(0).getConsumedUnits())
                .isEqualTo(1);

        graph.users()
                .byUserId(ada.getId())
                .assignLicense()
                .post(remove(e3.skuId().value()));
        assertThatThrownBy(() -> graph.users()
                        .byUserId(ada.getId())
                        .assignLicense()
                        .post(remove(e3.skuId().value())))
                .isInstanceOfSatisfying(
                        ODataError.class, e -> assertThat(e.getError().getMessage())
                                .isEqualTo("User license is inherited from a group membership and it cannot be removed"
                                        + " directly from the user."));
        assertThat(graph.subscribedSkus().get().getValue().get(0).getConsumedUnits())
                .isEqualTo(1);
    }

    @Test
    void plansSwitchedOffInAnAssignmentShowAsDisabledInLicenseDetails() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        Product e3 = product("ENTERPRISEPACK");
        subscribe(admin, "ENTERPRISEPACK", 5);
        List<UUID> off = e3.servicePlans().stream()
                .filter(p -> Set.of("SWAY", "FORMS_PLAN_E3").contains(p.name()))
                .map(p -> p.id().value())
                .toList();
        User ada = graph.users().post(newUser(admin, "ada"));
        var body = new com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody();
        AssignedLicense license = license(e3.skuId().value());
        license.setDisabledPlans(off);
        body.setAddLicenses(List.of(license));
        body.setRemoveLicenses(List.of());

        User user = graph.users().byUserId(ada.getId()).assignLicense().post(body);

        assertThat(user.getAssignedLicenses().get(0).getDisabledPlans()).containsExactlyInAnyOrderElementsOf(off);
        List<LicenseDetails> details =
                graph.users().byUserId(ada.getId()).licenseDetails().get().getValue();
        Set<String> disabled = details.get(0).getServicePlans().stream()
                .filter(p -> "Disabled".equals(p.getProvisioningStatus()))
                .map(ServicePlanInfo::getServicePlanName)
                .collect(Collectors.toSet());
        assertThat(disabled).containsExactlyInAnyOrder("SWAY", "FORMS_PLAN_E3");
        assertThat(details.get(0).getServicePlans()).hasSize(e3.servicePlans().size());
        assertThat(e3.servicePlans().stream().map(ServicePlan::name)).contains("SWAY");
    }

    @Test
    void pagesOfUsersFollowNextLinksToTheEnd() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        for (int i = 0; i < 7; i++) {
            graph.users().post(newUser(admin, "person" + i));
        }
        List<String> seen = new ArrayList<>();
        var page = graph.users().get(r -> {
            r.queryParameters.top = 3;
            r.queryParameters.orderby = new String[] {"displayName"};
        });
        while (true) {
            page.getValue().forEach(u -> seen.add(u.getDisplayName()));
            if (page.getOdataNextLink() == null) {
                break;
            }
            page = graph.users().withUrl(page.getOdataNextLink()).get();
        }
        assertThat(seen).containsExactly("person0", "person1", "person2", "person3", "person4", "person5", "person6");
    }

    private static LicenseAssignmentState state(GraphServiceClient graph, String user) {
        return graph.users()
                .byUserId(user)
                .get(r -> r.queryParameters.select = new String[] {"licenseAssignmentStates"})
                .getLicenseAssignmentStates()
                .get(0);
    }

    static User newUser(ApiClient tenant, String name) {
        User user = new User();
        user.setAccountEnabled(true);
        user.setDisplayName(name);
        user.setMailNickname(name.replaceAll("[^A-Za-z0-9]", ""));
        user.setUserPrincipalName(name + "@" + tenant.domain);
        user.setUsageLocation("US");
        PasswordProfile password = new PasswordProfile();
        password.setPassword("xWwvJ]6NMw+bWH-d");
        user.setPasswordProfile(password);
        return user;
    }

    static Group securityGroup(String name) {
        Group group = new Group();
        group.setDisplayName(name);
        group.setMailEnabled(false);
        group.setMailNickname(name.replaceAll("[^A-Za-z0-9]", ""));
        group.setSecurityEnabled(true);
        return group;
    }

    static void join(GraphServiceClient graph, String group, String member) {
        ReferenceCreate ref = new ReferenceCreate();
        ref.setOdataId("https://graph.microsoft.com/v1.0/directoryObjects/" + member);
        graph.groups().byGroupId(group).members().ref().post(ref);
    }

    static AssignedLicense license(UUID sku) {
        AssignedLicense license = new AssignedLicense();
        license.setSkuId(sku);
        license.setDisabledPlans(List.of());
        return license;
    }

    /** A fresh body each time: the SDK's backing store sends only what changed since the last request. */
    static com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody remove(UUID sku) {
        var body = new com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody();
        body.setAddLicenses(List.of());
        body.setRemoveLicenses(List.of(sku));
        return body;
    }

    static com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody assign(UUID sku) {
        var body = new com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody();
        body.setAddLicenses(List.of(license(sku)));
        body.setRemoveLicenses(List.of());
        return body;
    }
}
