package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph's {@code signInActivity} on {@code /v1.0/users} and {@code /v1.0/users/{id}}: returned only when selected, in
 * Graph's shape, from the sign-ins set through {@code /allot/v1}; null for a user with none; filtered on
 * {@code signInActivity/lastSignInDateTime} as Graph lets inactive users be found; and read by the Microsoft Graph
 * Java SDK.
 */
class SignInActivitySelectIT extends ApiIT {
    private static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void signIn(ApiClient admin, String user, Instant when) {
        assertThat(admin.send(
                                "PUT",
                                "/allot/v1/users/" + user + "/signInActivity",
                                "{\"lastSignInDateTime\":\"" + when + "\"}",
                                Map.of())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void signInActivityIsReturnedOnlyWhenSelectedInGraphsShape() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String ada = createUser(admin, "ada");
        String cy = createUser(admin, "cy");
        Instant adaAt = daysAgo(100);
        signIn(admin, ada, adaAt);

        JsonNode plain = admin.get("/v1.0/users/" + ada).body();
        assertThat(plain.has("signInActivity")).as("not a default property").isFalse();
        assertThat(admin.get("/v1.0/users").body().path("value").get(0).has("signInActivity"))
                .isFalse();

        JsonNode one =
                admin.get("/v1.0/users/" + ada + "?$select=id,signInActivity").body();
        JsonNode activity = one.path("signInActivity");
        assertThat(Instant.parse(activity.path("lastSignInDateTime").asString()))
                .isEqualTo(adaAt);
        assertThat(Instant.parse(activity.path("lastSuccessfulSignInDateTime").asString()))
                .isEqualTo(adaAt);
        assertThat(activity.path("lastNonInteractiveSignInDateTime").isNull()).isTrue();
        assertThat(activity.path("lastSignInRequestId").isNull()).isTrue();
        assertThat(activity.path("lastNonInteractiveSignInRequestId").isNull()).isTrue();
        assertThat(activity.path("lastSuccessfulSignInRequestId").isNull()).isTrue();

        JsonNode list = admin.get("/v1.0/users?$select=userPrincipalName,signInActivity")
                .body()
                .path("value");
        assertThat(list).hasSize(2);
        for (JsonNode u : list) {
            if (u.path("userPrincipalName").asString().startsWith("ada@")) {
                assertThat(Instant.parse(u.path("signInActivity")
                                .path("lastSignInDateTime")
                                .asString()))
                        .isEqualTo(adaAt);
            } else {
                assertThat(u.has("signInActivity")).isTrue();
                assertThat(u.path("signInActivity").isNull())
                        .as("cy never signed in")
                        .isTrue();
            }
        }
        assertThat(admin.get("/v1.0/users/" + cy + "?$select=signInActivity")
                        .body()
                        .path("signInActivity")
                        .isNull())
                .isTrue();
    }

    @Test
    void inactiveUsersAreFoundByFilteringOnTheLastSignIn() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String ada = createUser(admin, "ada");
        String bob = createUser(admin, "bob");
        createUser(admin, "cy");
        signIn(admin, ada, daysAgo(100));
        signIn(admin, bob, daysAgo(2));

        assertThat(upns(admin, "signInActivity/lastSignInDateTime le " + daysAgo(30)))
                .containsExactly("ada");
        assertThat(upns(admin, "signInActivity/lastSignInDateTime ge " + daysAgo(30)))
                .containsExactly("bob");
        assertThat(upns(admin, "signInActivity/lastSuccessfulSignInDateTime lt " + daysAgo(30)))
                .containsExactly("ada");
        assertThat(upns(admin, "signInActivity/lastSignInDateTime eq null")).containsExactly("cy");

        Response bad = admin.get("/v1.0/users?$filter=signInActivity/lastSignInDateTime%20le%20'yesterday'");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("error").path("code").asString()).isNotEmpty();
        Response unknown = admin.get("/v1.0/users?$select=signInActivity/lastSignInRequestId");
        assertThat(unknown.status()).isEqualTo(400);
    }

    @Test
    void theGraphSdkReadsTheSignInActivityItSelects() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String ada = createUser(admin, "ada");
        Instant adaAt = daysAgo(40);
        signIn(admin, ada, adaAt);
        GraphServiceClient graph = admin.graph();

        User read =
                graph.users().byUserId(ada).get(r -> r.queryParameters.select = new String[] {"id", "signInActivity"});
        assertThat(read.getSignInActivity().getLastSignInDateTime().toInstant()).isEqualTo(adaAt);
        assertThat(read.getSignInActivity().getLastSuccessfulSignInDateTime().toInstant())
                .isEqualTo(adaAt);

        List<User> inactive = graph.users()
                .get(r -> {
                    r.queryParameters.filter = "signInActivity/lastSignInDateTime le " + daysAgo(30);
                    r.queryParameters.select = new String[] {"userPrincipalName", "signInActivity"};
                })
                .getValue();
        assertThat(inactive).hasSize(1);
        assertThat(inactive.get(0).getUserPrincipalName()).startsWith("ada@");
        assertThat(inactive.get(0).getSignInActivity().getLastSignInDateTime().toInstant())
                .isEqualTo(adaAt);
    }

    private static List<String> upns(ApiClient admin, String filter) {
        JsonNode value = admin.get("/v1.0/users?$select=userPrincipalName&$filter="
                        + filter.replace(" ", "%20").replace(":", "%3A").replace("+", "%2B"))
                .body()
                .path("value");
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode u : value) {
            String upn = u.path("userPrincipalName").asString();
            names.add(upn.substring(0, upn.indexOf('@')));
        }
        return names.stream().sorted().toList();
    }
}
