package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * Removing or demoting an administrator ends their session at once: their next request, on any server, is signed out
 * and changes nothing. The Administrators page also lists the API apps, with when their secret expires.
 */
class AdminAccessIT extends AdminCenterIT {

    @Test
    void aRemovedAdministratorIsSignedOutAtTheirNextRequestAndChangesNothing() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        String ops = addAdmin(site, "ops@" + site.domain(), Role.GLOBAL_ADMINISTRATOR);
        AdminSession theirs = AdminSession.signIn(base(), ops, PASSWORD);
        assertThat(theirs.get("/groups").status()).isEqualTo(200);

        AdminSession.Page removed = session(site).post("/administrators/remove", List.of(Map.entry("username", ops)));

        assertThat(removed.status()).isEqualTo(302);
        AdminSession.Page attempt = theirs.post("/groups", List.of(Map.entry("displayName", "After removal")));
        assertThat(attempt.status()).isEqualTo(302);
        assertThat(attempt.location()).contains("/login");
        assertThat(groupsNamed(site.api(), "After removal")).isZero();
        assertThat(theirs.get("/groups").location()).as("still signed out").contains("/login");
    }

    @Test
    void anAdministratorRemovedByAnotherServerIsSignedOutToo() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        String ops = addAdmin(site, "ops@" + site.domain(), Role.GLOBAL_ADMINISTRATOR);
        AdminSession theirs = AdminSession.signIn(base(), ops, PASSWORD);

        jdbc.sql("delete from admin_account where lower(username) = lower(?)")
                .param(ops)
                .update();

        AdminSession.Page next = theirs.get("/users");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).contains("/login");
    }

    @Test
    void aDemotedAdministratorIsSignedOutAndComesBackWithTheNewRoleOnly() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        String ops = addAdmin(site, "ops@" + site.domain(), Role.GLOBAL_ADMINISTRATOR);
        AdminSession theirs = AdminSession.signIn(base(), ops, PASSWORD);

        AdminSession.Page demoted = session(site)
                .post("/administrators/role", List.of(Map.entry("username", ops), Map.entry("role", "Global Reader")));

        assertThat(demoted.status()).isEqualTo(302);
        assertThat(theirs.get("/").location()).contains("/login");
        AdminSession again = AdminSession.signIn(base(), ops, PASSWORD);
        assertThat(again.get("/administrators").status()).isEqualTo(403);
        assertThat(again.post("/groups", List.of(Map.entry("displayName", "Reader's group")))
                        .status())
                .isEqualTo(403);
        assertThat(session(site).get("/administrators").body()).contains(ops).contains("Global Reader");
    }

    @Test
    void nobodyChangesTheirOwnRole() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        AdminSession mine = session(site);

        AdminSession.Page page = mine.follow(mine.post(
                "/administrators/role",
                List.of(Map.entry("username", site.admin()), Map.entry("role", "Global Reader"))));

        assertThat(page.body()).contains("You cannot change your own role.");
        assertThat(mine.get("/administrators").status()).isEqualTo(200);
    }

    @Test
    void theAdministratorsPageListsApiAppsAndWarnsOfSecretsAboutToExpire() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        ApiClient soon = as(site.api(), Role.GLOBAL_READER);
        jdbc.sql("update app_registration set secret_expires_at = ? where id = ?::uuid")
                .params(Instant.now().plus(10, ChronoUnit.DAYS).atOffset(java.time.ZoneOffset.UTC), soon.clientId)
                .update();

        String page = session(site).get("/administrators").body();

        assertThat(page).contains(soon.clientId).contains(site.api().clientId);
        assertThat(page).containsPattern("data-test=\"secret-expiring\"[^>]*>[^<]*(9|10) days");
    }

    private static long groupsNamed(ApiClient api, String name) {
        return api.get("/v1.0/groups?$filter=displayName%20eq%20'" + name.replace(" ", "%20") + "'")
                .body()
                .path("value")
                .size();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
