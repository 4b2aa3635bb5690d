package org.allot.server.web;

import static org.allot.server.web.GraphSdkScenariosIT.join;
import static org.allot.server.web.GraphSdkScenariosIT.newUser;
import static org.allot.server.web.GraphSdkScenariosIT.securityGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One tenant for the tests of Graph's query language (its users ann, bob, cy and OneVideoLead; Sales containing ann,
 * bob and Sales EMEA, which contains cy), and the requests they share: {@link GraphQueriesIT} (relationships, casts,
 * filters, nulls), {@link GraphQueryOptionsIT} ($search, $expand, selected properties, audit) and
 * {@link GraphAssignedPlansIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GraphQueryTenant extends ApiIT {
    static final Map<String, String> EVENTUAL = Map.of("ConsistencyLevel", "eventual");

    ApiClient admin;
    GraphServiceClient graph;
    String sales;
    String nested;
    String ann;
    String bob;
    String cy;

    @BeforeAll
    void directory() {
        admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        graph = admin.graph();
        ann = create("ann", "US", "ann@contoso.example");
        bob = create("bob", null, "bob@fabrikam.example");
        cy = create("cy", "SE", null);
        create("OneVideoLead", "US", null);
        sales = graph.groups().post(securityGroup("Sales")).getId();
        nested = graph.groups().post(securityGroup("Sales EMEA")).getId();
        join(graph, sales, ann);
        join(graph, sales, bob);
        join(graph, sales, nested);
        join(graph, nested, cy);
    }

    static String search(String collection, String search) {
        return "/v1.0/" + collection + "?$count=true&$search=" + encode(search);
    }

    String create(String name, String location, String mail) {
        User user = newUser(admin, name);
        user.setUsageLocation(location);
        user.setMail(mail);
        return graph.users().post(user).getId();
    }

    static String users(String filter) {
        return "/v1.0/users?$count=true&$filter=" + encode(filter);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static List<String> names(ApiClient.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body()
                .get("value")
                .valueStream()
                .map(v -> v.get("displayName").asString())
                .toList();
    }
}
