package org.allot.server.web;

import static org.allot.server.web.GraphSdkScenariosIT.join;
import static org.allot.server.web.GraphSdkScenariosIT.newUser;
import static org.allot.server.web.GraphSdkScenariosIT.securityGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.BaseDeltaFunctionResponse;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.serialization.UntypedArray;
import com.microsoft.kiota.serialization.UntypedNode;
import com.microsoft.kiota.serialization.UntypedObject;
import com.microsoft.kiota.serialization.UntypedString;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.allot.core.directory.DirectoryDelta;
import org.allot.server.security.store.Role;
import org.allot.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Graph's delta queries for users and groups, driven through the Graph SDK for Java's delta request builders as a
 * sync tool drives them: a first round a page at a time, then rounds of changes from the delta link, removed objects
 * as {@code @removed}, group member changes as {@code members@delta}, and 410 for a token that cannot be served.
 */
class DeltaQueriesIT extends ApiIT {
    @Autowired
    DirectoryDelta delta;

    @Autowired
    DataSource dataSource;

    /** One round of a delta query: the objects by id, and the delta link it ended with. */
    record Round<T>(Map<String, T> objects, String deltaLink, int pages) {}

    @Test
    void usersComeAPageAtATimeThenOnlyWhatChangedWithDeletedOnesRemoved() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        List<String> ids = new ArrayList<>();
        for (String name : List.of("ann", "bob", "cy", "dee", "eve")) {
            ids.add(graph.users().post(newUser(admin, name)).getId());
        }

        Round<User> first = users(graph, graph.users().delta().get(rc -> {
            rc.queryParameters.select = new String[] {"displayName", "department"};
            rc.headers.add("Prefer", "odata.maxpagesize=2");
        }));

        assertThat(first.objects()).containsOnlyKeys(ids);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.objects().get(ids.get(0)).getDisplayName()).isEqualTo("ann");
        assertThat(first.objects().get(ids.get(0)).getUserPrincipalName())
                .as("not selected")
                .isNull();

        User moved = new User();
        moved.setDepartment("Sales");
        graph.users().byUserId(ids.get(0)).patch(moved);
        graph.users().byUserId(ids.get(1)).delete();
        graph.users().byUserId(ids.get(2)).delete();
        assertThat(admin.delete("/v1.0/directory/deletedItems/" + ids.get(2)).status())
                .isEqualTo(204);
        String added = graph.users().post(newUser(admin, "fay")).getId();

        Round<User> second =
                users(graph, graph.users().delta().withUrl(first.deltaLink()).get());

        assertThat(second.objects()).containsOnlyKeys(ids.get(0), ids.get(1), ids.get(2), added);
        assertThat(second.objects().get(ids.get(0)).getDepartment()).isEqualTo("Sales");
        assertThat(second.objects().get(ids.get(0)).getDisplayName())
                .as("a changed object comes with every selected property")
                .isEqualTo("ann");
        assertThat(removal(second.objects().get(ids.get(1)))).isEqualTo("changed");
        assertThat(removal(second.objects().get(ids.get(2)))).isEqualTo("deleted");
        assertThat(removal(second.objects().get(added))).isNull();
        assertThat(second.objects().get(added).getDisplayName()).isEqualTo("fay");

        Round<User> quiet =
                users(graph, graph.users().delta().withUrl(second.deltaLink()).get());
        assertThat(quiet.objects()).isEmpty();
        assertThat(quiet.deltaLink()).isNotBlank();
    }

    @Test
    void latestStartsFromNowAndATokenWorksOnAnotherServerProcessSharingTheDatabase(@TempDir Path data)
            throws Exception {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        graph.users().post(newUser(admin, "old"));
        ApiClient.Response latest = admin.get("/v1.0/users/delta()?$deltatoken=latest");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.body().path("value")).isEmpty();
        String link = latest.body().path("@odata.deltaLink").asString();
        String fresh = graph.users().post(newUser(admin, "fresh")).getId();

        try (ServerProcess other = ServerProcess.start(
                data,
                "--allot.database.url=" + database(),
                "--allot.database.username=postgres",
                "--allot.sync.encryption-key=" + SYNC_KEY)) {
            String token = other.tokenRequest(admin.clientId, admin.secret, Duration.ofSeconds(30))
                    .json()
                    .path("access_token")
                    .asString();
            ServerProcess.Answer there =
                    other.api("GET", link.substring(link.indexOf("/v1.0/")), null, token, Duration.ofSeconds(30));

            assertThat(there.status()).isEqualTo(200);
            List<String> seen = new ArrayList<>();
            there.json().path("value").forEach(v -> seen.add(v.path("id").asString()));
            assertThat(seen).as("only what changed after the token, once").containsExactly(fresh);
            assertThat(there.json().path("@odata.deltaLink").asString()).contains("$deltatoken=");
        }
    }

    @Test
    void aChangeCommittedAfterARoundByATransactionThatBeganBeforeItComesInTheNextRound() throws Exception {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        String early = graph.users().post(newUser(admin, "early")).getId();
        UUID slow = UUID.randomUUID();
        String link;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into directory_user (tenant_id, id, user_principal_name, display_name, user_type,
                        account_enabled, on_premises_sync_enabled, created_at)
                    values (?, ?, ?, 'slow', 'Member', true, false, now())""")) {
                insert.setObject(1, admin.tenant.value());
                insert.setObject(2, slow);
                insert.setString(3, "slow@" + admin.domain);
                insert.executeUpdate();
            }
            // a later transaction commits while the slow one is still open
            String late = graph.users().post(newUser(admin, "late")).getId();
            Round<User> first = users(graph, graph.users().delta().get());
            assertThat(first.objects()).containsOnlyKeys(early, late);
            link = first.deltaLink();
            c.commit();
        }

        Round<User> next = users(graph, graph.users().delta().withUrl(link).get());

        assertThat(next.objects()).containsOnlyKeys(slow.toString());
    }

    @Test
    void groupsCarryTheirMembersFirstAndThenOnlyTheMembersWhoJoinedOrLeft() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        String ann = graph.users().post(newUser(admin, "ann")).getId();
        String bob = graph.users().post(newUser(admin, "bob")).getId();
        String cy = graph.users().post(newUser(admin, "cy")).getId();
        Group sales = graph.groups().post(securityGroup("Sales"));
        Group temp = graph.groups().post(securityGroup("Temp"));
        join(graph, sales.getId(), ann);
        join(graph, sales.getId(), bob);
        join(graph, sales.getId(), temp.getId());

        Round<Group> first = groups(
                graph,
                graph.groups().delta().get(rc -> rc.queryParameters.select = new String[] {"displayName", "members"}));

        assertThat(first.objects()).containsOnlyKeys(sales.getId(), temp.getId());
        assertThat(members(first.objects().get(sales.getId())))
                .containsOnlyKeys(ann, bob, temp.getId())
                .containsEntry(temp.getId(), "#microsoft.graph.group")
                .containsEntry(ann, "#microsoft.graph.user");

        graph.groups()
                .byGroupId(sales.getId())
                .members()
                .byDirectoryObjectId(ann)
                .ref()
                .delete();
        join(graph, sales.getId(), cy);
        Group renamed = new Group();
        renamed.setDisplayName("Sales EMEA");
        graph.groups().byGroupId(sales.getId()).patch(renamed);
        graph.groups()
                .byGroupId(sales.getId())
                .members()
                .byDirectoryObjectId(temp.getId())
                .ref()
                .delete();
        graph.groups().byGroupId(temp.getId()).delete();

        Round<Group> second =
                groups(graph, graph.groups().delta().withUrl(first.deltaLink()).get());

        assertThat(second.objects()).containsOnlyKeys(sales.getId(), temp.getId());
        assertThat(second.objects().get(sales.getId()).getDisplayName()).isEqualTo("Sales EMEA");
        assertThat(members(second.objects().get(sales.getId())))
                .containsOnlyKeys(ann, cy, temp.getId())
                .containsEntry(ann, "removed")
                .containsEntry(temp.getId(), "removed")
                .containsEntry(cy, "#microsoft.graph.user");
        assertThat(removal(second.objects().get(temp.getId()))).isEqualTo("deleted");
    }

    @Test
    void tokensThatCannotBeServedAnswer410SoTheClientStartsOver() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient other = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        graph.users().post(newUser(admin, "ann"));
        String usersLink = users(graph, graph.users().delta().get()).deltaLink();
        String token = usersLink.substring(usersLink.indexOf("$deltatoken=") + "$deltatoken=".length());

        for (String path : List.of(
                "/v1.0/users/delta?$deltatoken=bm90LWEtdG9rZW4",
                "/v1.0/users/delta?$deltatoken=latest2",
                "/v1.0/groups/delta?$deltatoken=" + token,
                "/v1.0/users/delta?$skiptoken=" + token)) {
            ApiClient.Response answer = admin.get(path);
            assertThat(answer.status()).as(path).isEqualTo(410);
            assertThat(answer.errorCode()).as(path).isEqualTo("syncStateNotFound");
        }
        assertThat(other.get("/v1.0/users/delta?$deltatoken=" + token).status())
                .as("another tenant's token")
                .isEqualTo(410);
        assertThatThrownBy(() -> graph.users()
                        .delta()
                        .withUrl(usersLink.replace("$deltatoken=", "$deltatoken=x"))
                        .get())
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(410);
                    assertThat(e.getError().getCode()).isEqualTo("syncStateNotFound");
                });

        graph.users().post(newUser(admin, "bob"));
        jdbc.sql("update directory_change set changed_at = now() - interval '400 days' where tenant_id = ?")
                .params(admin.tenant.value())
                .update();
        assertThat(delta.forgetExpired()).isPositive();
        assertThat(admin.get("/v1.0/users/delta?$deltatoken=" + token).status())
                .as("a change after the token was forgotten")
                .isEqualTo(410);
        assertThat(admin.get("/v1.0/users/delta?$select=assignedLicenses").status())
                .isEqualTo(400);
    }

    @Test
    void aFilterOnIdsFollowsOnlyThoseObjectsRoundAfterRoundAndOtherFiltersAreRefusedAsInGraph() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        GraphServiceClient graph = admin.graph();
        String ann = graph.users().post(newUser(admin, "ann")).getId();
        String bob = graph.users().post(newUser(admin, "bob")).getId();
        String cy = graph.users().post(newUser(admin, "cy")).getId();

        Round<User> first = users(graph, graph.users().delta().get(rc -> {
            rc.queryParameters.filter = "id eq '" + ann + "' or id eq '" + cy + "'";
            rc.queryParameters.select = new String[] {"displayName"};
        }));
        assertThat(first.objects()).containsOnlyKeys(ann, cy);
        for (String id : List.of(bob, cy)) {
            User changed = new User();
            changed.setJobTitle("Engineer");
            graph.users().byUserId(id).patch(changed);
        }
        graph.users().byUserId(ann).delete();

        Round<User> next =
                users(graph, graph.users().delta().withUrl(first.deltaLink()).get());

        assertThat(next.objects()).containsOnlyKeys(ann, cy);
        assertThat(removal(next.objects().get(ann))).isEqualTo("changed");
        assertThat(next.deltaLink()).doesNotContain("filter");
        ApiClient.Response other = admin.get("/v1.0/users/delta?$filter=" + encode("displayName eq 'ann'"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body().path("error").path("code").asString()).isEqualTo("Request_UnsupportedQuery");
        assertThat(other.body().path("error").path("message").asString()).isEqualTo("Unsupported Query.");
        StringBuilder many = new StringBuilder("id eq '" + UUID.randomUUID() + "'");
        for (int i = 0; i < DirectoryDelta.MAX_IDS; i++) {
            many.append(" or id eq '").append(UUID.randomUUID()).append("'");
        }
        assertThat(admin.get("/v1.0/users/delta?$filter=" + encode(many.toString()))
                        .status())
                .as("at most 50 ids, as in Graph")
                .isEqualTo(400);
        assertThat(admin.get("/v1.0/groups/delta?$filter=" + encode("id eq '" + UUID.randomUUID() + "'"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void expandingTheManagerOnDeltaIsRefusedWithA400ThatSaysWhy() {
        ApiClient admin = newTenant(Role.GLOBAL_READER);

        ApiClient.Response refused = admin.get("/v1.0/users/delta?$expand=manager");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("error").path("message").asString())
                .contains("$expand")
                .contains("manager");
        assertThat(admin.get("/v1.0/groups/delta?$expand=members").status()).isEqualTo(400);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static Round<User> users(GraphServiceClient graph, com.microsoft.graph.users.delta.DeltaGetResponse page) {
        return round(
                page,
                p -> ((com.microsoft.graph.users.delta.DeltaGetResponse) p).getValue(),
                User::getId,
                link -> graph.users().delta().withUrl(link).get());
    }

    private static Round<Group> groups(
            GraphServiceClient graph, com.microsoft.graph.groups.delta.DeltaGetResponse page) {
        return round(
                page,
                p -> ((com.microsoft.graph.groups.delta.DeltaGetResponse) p).getValue(),
                Group::getId,
                link -> graph.groups().delta().withUrl(link).get());
    }

    private static <T> Round<T> round(
            BaseDeltaFunctionResponse page,
            Function<BaseDeltaFunctionResponse, List<T>> values,
            Function<T, String> id,
            Function<String, BaseDeltaFunctionResponse> next) {
        Map<String, T> objects = new LinkedHashMap<>();
        int pages = 1;
        while (true) {
            values.apply(page).forEach(o -> objects.put(id.apply(o), o));
            if (page.getOdataNextLink() == null) {
                assertThat(page.getOdataDeltaLink()).isNotBlank();
                return new Round<>(objects, page.getOdataDeltaLink(), pages);
            }
            assertThat(values.apply(page)).hasSizeLessThanOrEqualTo(2);
            page = next.apply(page.getOdataNextLink());
            pages++;
        }
    }

    /** The reason an object was listed as removed, or null. */
    private static String removal(com.microsoft.graph.models.DirectoryObject object) {
        Object removed = object.getAdditionalData().get("@removed");
        return removed == null
                ? null
                : text(((UntypedObject) removed).getValue().get("reason"));
    }

    /** A group's members@delta: each member's type, or "removed". */
    private static Map<String, String> members(Group group) {
        Map<String, String> members = new LinkedHashMap<>();
        for (UntypedNode node : ((UntypedArray) group.getAdditionalData().get("members@delta")).getValue()) {
            Map<String, UntypedNode> member = ((UntypedObject) node).getValue();
            members.put(
                    text(member.get("id")),
                    member.containsKey("@removed") ? "removed" : text(member.get("@odata.type")));
        }
        return members;
    }

    private static String text(UntypedNode node) {
        return ((UntypedString) node).getValue();
    }
}
