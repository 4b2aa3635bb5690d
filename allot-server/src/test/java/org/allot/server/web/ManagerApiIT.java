package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph's {@code /users/{id}/manager} over HTTP on PostgreSQL: set with a {@code $ref}, read as a directory object,
 * removed; Graph's errors for a user without a manager, an unknown manager, the user itself, a malformed reference,
 * a synced user (read-only) and a role that may not edit users.
 */
class ManagerApiIT extends ApiIT {
    private static Response setManager(ApiClient app, String user, String body) {
        return app.send("PUT", "/v1.0/users/" + user + "/manager/$ref", body, Map.of());
    }

    private static String ref(String id) {
        return "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/users/" + id + "\"}";
    }

    @Test
    void aManagerIsSetReadAndRemovedAsGraphDoesIt() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        String ada = createUser(admin, "ada");
        String grace = createUser(admin, "grace");

        Response none = admin.get("/v1.0/users/" + ada + "/manager");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.errorCode()).isEqualTo("Request_ResourceNotFound");

        assertThat(setManager(admin, ada, ref(grace)).status()).isEqualTo(204);
        Response manager = admin.get("/v1.0/users/" + ada + "/manager");
        assertThat(manager.status()).as(manager.body().toString()).isEqualTo(200);
        assertThat(manager.body().path("id").asString()).isEqualTo(grace);
        assertThat(manager.body().path("userPrincipalName").asString()).isEqualTo("grace@" + admin.domain);
        assertThat(manager.body().path("@odata.context").asString()).endsWith("$metadata#directoryObjects/$entity");
        assertThat(admin.get("/v1.0/users/ada@" + admin.domain + "/manager?$select=displayName")
                        .body()
                        .path("displayName")
                        .asString())
                .isEqualTo("grace");

        JsonNode expanded = admin.get("/v1.0/users/" + ada + "?$expand=manager").body();
        assertThat(expanded.path("manager").path("id").asString()).isEqualTo(grace);
        assertThat(expanded.path("manager").path("@odata.type").asString()).isEqualTo("#microsoft.graph.user");
        JsonNode page =
                admin.get("/v1.0/users?$expand=manager&$select=id,displayName").body();
        assertThat(page.path("value"))
                .filteredOn(u -> u.path("id").asString().equals(ada))
                .singleElement()
                .satisfies(u -> assertThat(u.path("manager").path("displayName").asString())
                        .isEqualTo("grace"));
        assertThat(page.path("value"))
                .filteredOn(u -> u.path("id").asString().equals(grace))
                .singleElement()
                .satisfies(u -> assertThat(u.has("manager"))
                        .as("no manager: no property")
                        .isFalse());
        assertThat(admin.get("/v1.0/users/" + ada + "?$expand=manager($select=id)")
                        .status())
                .isEqualTo(400);

        assertThat(admin.delete("/v1.0/users/" + ada + "/manager/$ref").status())
                .isEqualTo(204);
        assertThat(admin.get("/v1.0/users/" + ada + "/manager").status()).isEqualTo(404);
        assertThat(admin.delete("/v1.0/users/" + ada + "/manager/$ref").status())
                .isEqualTo(404);
    }

    @Test
    void badManagersAreRefusedWithGraphErrorsAndSyncedUsersAreReadOnly() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        String ada = createUser(admin, "ada");

        assertThat(setManager(admin, ada, ref("6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0"))
                        .status())
                .isEqualTo(404);
        Response self = setManager(admin, ada, ref(ada));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.errorMessage()).contains("own manager");
        for (String body : new String[] {"{}", "{\"@odata.id\":\"nonsense\"}", "[1]", "{\"@odata.id\":5}"}) {
            Response refused = setManager(admin, ada, body);
            assertThat(refused.status()).as(body + " " + refused.body()).isEqualTo(400);
            assertThat(refused.errorMessage()).as(body).isNotBlank();
        }
        assertThat(admin.get("/v1.0/users/" + ada + "/manager").status()).isEqualTo(404);

        String synced = syncedUser(admin, "synced").toString();
        Response readOnly = setManager(admin, synced, ref(ada));
        assertThat(readOnly.status()).isEqualTo(400);
        assertThat(readOnly.errorMessage()).contains("on-premises mastered");

        ApiClient reader = as(admin, Role.LICENSE_ADMINISTRATOR);
        assertThat(setManager(reader, ada, ref(synced)).status()).isEqualTo(403);
        assertThat(reader.get("/v1.0/users/" + ada + "/manager").status()).isEqualTo(404);
    }
}
