package org.allot.server.web;

import static org.allot.server.web.GraphSdkScenariosIT.join;
import static org.allot.server.web.GraphSdkScenariosIT.newUser;
import static org.allot.server.web.GraphSdkScenariosIT.securityGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.directoryobjects.getbyids.GetByIdsPostRequestBody;
import com.microsoft.graph.groups.item.checkmemberobjects.CheckMemberObjectsPostRequestBody;
import com.microsoft.graph.groups.item.getmemberobjects.GetMemberObjectsPostRequestBody;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostRequestBody;
import com.microsoft.graph.users.item.getmembergroups.GetMemberGroupsPostRequestBody;
import java.util.List;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/**
 * Graph's directory objects through the Graph Java SDK: objects by id whatever they are, the groups an object belongs
 * to at any depth (security groups only when asked), and groups created and changed with their members bound.
 */
class DirectoryObjectsIT extends ApiIT {

    @Test
    void theGroupsOfAUserAreFoundThroughNestingAndSecurityGroupsOnlyWhenAsked() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        User ann = graph.users().post(newUser(admin, "ann"));
        Group outer = graph.groups().post(securityGroup("Outer"));
        Group inner = graph.groups().post(securityGroup("Inner"));
        Group list = graph.groups().post(unifiedGroup("Newsletter"));
        Group other = graph.groups().post(securityGroup("Other"));
        join(graph, outer.getId(), inner.getId());
        join(graph, inner.getId(), ann.getId());
        join(graph, list.getId(), ann.getId());

        List<String> all = graph.users()
                .byUserId(ann.getId())
                .getMemberGroups()
                .post(memberGroups(false))
                .getValue();
        List<String> security = graph.users()
                .byUserId(ann.getUserPrincipalName())
                .getMemberGroups()
                .post(memberGroups(true))
                .getValue();
        CheckMemberGroupsPostRequestBody check = new CheckMemberGroupsPostRequestBody();
        check.setGroupIds(
                List.of(outer.getId(), other.getId(), UUID.randomUUID().toString()));
        List<String> checked = graph.users()
                .byUserId(ann.getId())
                .checkMemberGroups()
                .post(check)
                .getValue();
        com.microsoft.graph.users.item.getmemberobjects.GetMemberObjectsPostRequestBody objects =
                new com.microsoft.graph.users.item.getmemberobjects.GetMemberObjectsPostRequestBody();
        objects.setSecurityEnabledOnly(true);
        List<String> memberObjects = graph.users()
                .byUserId(ann.getId())
                .getMemberObjects()
                .post(objects)
                .getValue();

        assertThat(all).containsExactlyInAnyOrder(outer.getId(), inner.getId(), list.getId());
        assertThat(security).containsExactlyInAnyOrder(outer.getId(), inner.getId());
        assertThat(checked).containsExactly(outer.getId());
        assertThat(memberObjects)
                .as("a user's member objects are its groups (Allot has no directory roles)")
                .containsExactlyInAnyOrder(outer.getId(), inner.getId());
    }

    @Test
    void theGroupsOfAGroupAreItsMemberObjects() {
        ApiClient admin = newTenant(Role.GLOBAL_READER);
        ApiClient writer = as(admin, Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = writer.graph();
        Group outer = graph.groups().post(securityGroup("Outer"));
        Group inner = graph.groups().post(securityGroup("Inner"));
        Group other = graph.groups().post(securityGroup("Other"));
        join(graph, outer.getId(), inner.getId());

        GetMemberObjectsPostRequestBody objects = new GetMemberObjectsPostRequestBody();
        objects.setSecurityEnabledOnly(false);
        CheckMemberObjectsPostRequestBody check = new CheckMemberObjectsPostRequestBody();
        check.setIds(List.of(outer.getId(), other.getId()));
        GraphServiceClient reader = admin.graph();

        assertThat(reader.groups()
                        .byGroupId(inner.getId())
                        .getMemberObjects()
                        .post(objects)
                        .getValue())
                .as("reading memberships is open to readers")
                .containsExactly(outer.getId());
        assertThat(reader.groups()
                        .byGroupId(inner.getId())
                        .checkMemberObjects()
                        .post(check)
                        .getValue())
                .containsExactly(outer.getId());
        assertThatThrownBy(() -> reader.groups()
                        .byGroupId(UUID.randomUUID().toString())
                        .getMemberObjects()
                        .post(objects))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode())
                        .isEqualTo(404));
    }

    @Test
    void directoryObjectsAreReadByIdWhateverTheyAre() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        User bea = graph.users().post(newUser(admin, "bea"));
        Group group = graph.groups().post(securityGroup("Readers"));
        ApiClient stranger = newTenant(Role.GLOBAL_ADMINISTRATOR);
        User elsewhere = stranger.graph().users().post(newUser(stranger, "elsewhere"));

        GetByIdsPostRequestBody ids = new GetByIdsPostRequestBody();
        ids.setIds(List.of(bea.getId(), group.getId(), UUID.randomUUID().toString(), elsewhere.getId()));
        List<DirectoryObject> found =
                graph.directoryObjects().getByIds().post(ids).getValue();
        GetByIdsPostRequestBody groupsOnly = new GetByIdsPostRequestBody();
        groupsOnly.setIds(List.of(bea.getId(), group.getId()));
        groupsOnly.setTypes(List.of("group"));
        DirectoryObject byId =
                graph.directoryObjects().byDirectoryObjectId(bea.getId()).get();

        assertThat(found).hasSize(2);
        assertThat(found.get(0)).isInstanceOfSatisfying(User.class, u -> assertThat(u.getDisplayName())
                .isEqualTo("bea"));
        assertThat(found.get(1)).isInstanceOfSatisfying(Group.class, g -> assertThat(g.getDisplayName())
                .isEqualTo("Readers"));
        assertThat(graph.directoryObjects().getByIds().post(groupsOnly).getValue())
                .singleElement()
                .isInstanceOf(Group.class);
        assertThat(byId).isInstanceOf(User.class);
        assertThatThrownBy(() -> graph.directoryObjects()
                        .byDirectoryObjectId(elsewhere.getId())
                        .get())
                .as("another tenant's user is not found")
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode())
                        .isEqualTo(404));
        assertThat(admin.post("/v1.0/directoryObjects/getByIds", "{\"ids\":[\"not-a-guid\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(admin.post(
                                "/v1.0/directoryObjects/getByIds",
                                "{\"ids\":[\"" + bea.getId() + "\"],\"types\":[\"printer\"]}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aDirectoryObjectCastToItsTypeIsReadAndToAnotherIsNotFound() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        User cai = graph.users().post(newUser(admin, "cai"));
        Group group = graph.groups().post(securityGroup("Casters"));

        ApiClient.Response user = admin.get("/v1.0/directoryObjects/" + cai.getId() + "/microsoft.graph.user");
        ApiClient.Response alias = admin.get("/v1.0/directoryObjects/" + group.getId() + "/graph.group");

        assertThat(user.status()).isEqualTo(200);
        assertThat(user.body().path("displayName").asString()).isEqualTo("cai");
        assertThat(user.body().path("@odata.context").asString())
                .endsWith("$metadata#directoryObjects/microsoft.graph.user/$entity");
        assertThat(alias.status()).isEqualTo(200);
        assertThat(alias.body().path("displayName").asString()).isEqualTo("Casters");
        assertThat(admin.get("/v1.0/directoryObjects/" + group.getId() + "/microsoft.graph.user")
                        .status())
                .as("a group cast to a user")
                .isEqualTo(404);
        assertThat(admin.get("/v1.0/directoryObjects/" + UUID.randomUUID() + "/microsoft.graph.group")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void groupsAreCreatedAndChangedWithTheirMembersBoundAllOrNothing() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        User cy = graph.users().post(newUser(admin, "cy"));
        User dee = graph.users().post(newUser(admin, "dee"));
        User eve = graph.users().post(newUser(admin, "eve"));
        Group team = securityGroup("Team");
        team.getAdditionalData().put("members@odata.bind", List.of(reference(cy), reference(dee)));

        Group created = graph.groups().post(team);
        Group more = new Group();
        more.getAdditionalData().put("members@odata.bind", List.of(reference(eve)));
        graph.groups().byGroupId(created.getId()).patch(more);

        assertThat(memberIds(graph, created.getId())).containsExactlyInAnyOrder(cy.getId(), dee.getId(), eve.getId());

        String missing = "https://graph.microsoft.com/v1.0/directoryObjects/" + UUID.randomUUID();
        var refusedCreate = admin.post("/v1.0/groups", """
                {"displayName":"Half","mailEnabled":false,"mailNickname":"half","securityEnabled":true,
                 "members@odata.bind":["https://graph.microsoft.com/v1.0/users/%s","%s"]}""".formatted(cy.getId(), missing));
        var refusedUpdate = admin.patch("/v1.0/groups/" + created.getId(), """
                {"description":"changed","members@odata.bind":["%s"]}""".formatted(missing));

        assertThat(refusedCreate.status()).isEqualTo(404);
        assertThat(graph.groups()
                        .get(r -> r.queryParameters.filter = "displayName eq 'Half'")
                        .getValue())
                .as("no group is left half made")
                .isEmpty();
        assertThat(refusedUpdate.status()).isEqualTo(404);
        assertThat(graph.groups().byGroupId(created.getId()).get().getDescription())
                .as("nor half changed")
                .isNull();
        assertThat(admin.patch("/v1.0/groups/" + created.getId(), "{\"members@odata.bind\":\"" + missing + "\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void membersBoundAtOnceToALicensedGroupTakeTheFreeSeatAndTheOthersWait() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        subscribe(admin, "EMS", 1);
        UUID ems = product("EMS").skuId().value();
        List<User> joiners = List.of(
                graph.users().post(newUser(admin, "jo")),
                graph.users().post(newUser(admin, "jay")),
                graph.users().post(newUser(admin, "jen")));
        Group group = graph.groups().post(securityGroup("One seat"));
        var license = new com.microsoft.graph.models.AssignedLicense();
        license.setSkuId(ems);
        license.setDisabledPlans(List.of());
        var assign = new com.microsoft.graph.groups.item.assignlicense.AssignLicensePostRequestBody();
        assign.setAddLicenses(List.of(license));
        assign.setRemoveLicenses(List.of());
        graph.groups().byGroupId(group.getId()).assignLicense().post(assign);

        ApiClient.Response bound = admin.patch(
                "/v1.0/groups/" + group.getId(),
                "{\"members@odata.bind\":[\""
                        + String.join(
                                "\",\"",
                                joiners.stream()
                                        .map(DirectoryObjectsIT::reference)
                                        .toList())
                        + "\"]}");

        assertThat(bound.status()).as("three joiners, one free seat").isEqualTo(204);
        assertThat(jdbc.sql("select consumed || '/' || waiting from seat_count where tenant_id = ? and sku_id = ?")
                        .params(admin.tenant.value(), ems)
                        .query(String.class)
                        .single())
                .as("one seat taken, two waiting")
                .isEqualTo("1/2");
    }

    private static List<String> memberIds(GraphServiceClient graph, String group) {
        return graph.groups().byGroupId(group).members().get().getValue().stream()
                .map(DirectoryObject::getId)
                .toList();
    }

    private static String reference(User user) {
        return "https://graph.microsoft.com/v1.0/directoryObjects/" + user.getId();
    }

    private static GetMemberGroupsPostRequestBody memberGroups(boolean securityEnabledOnly) {
        GetMemberGroupsPostRequestBody body = new GetMemberGroupsPostRequestBody();
        body.setSecurityEnabledOnly(securityEnabledOnly);
        return body;
    }

    private static Group unifiedGroup(String name) {
        Group group = new Group();
        group.setDisplayName(name);
        group.setMailEnabled(false);
        group.setMailNickname(name.toLowerCase(java.util.Locale.ROOT));
        group.setSecurityEnabled(false);
        group.setGroupTypes(List.of("Unified"));
        return group;
    }
}
