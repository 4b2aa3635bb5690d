package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.core.directory.UserAttribute;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/**
 * The Domains page: the initial domain shown among the tenant's domains; a Global Administrator adds one, which users
 * may use at once, and cannot remove one in use; other roles read the list and are refused the changes.
 */
class DomainsPageIT extends AdminCenterIT {

    @Test
    void aGlobalAdministratorAddsADomainAndCannotRemoveOneInUse() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        AdminSession admin = session(site);

        AdminSession.Page list = admin.get("/domains");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(site.domain(), ".allot.local", "data-test=\"initial\"", "Add a domain");

        AdminSession.Page added =
                admin.follow(admin.post("/domains", List.of(Map.entry("domain", "corp.example.test"))));
        assertThat(added.body())
                .contains("corp.example.test is verified")
                .contains("data-domain=\"corp.example.test\"")
                .contains("aria-label=\"Remove corp.example.test\"");
        work.run(() -> users.create(
                        site.setup(),
                        Map.of(
                                UserAttribute.USER_PRINCIPAL_NAME, "ann@corp.example.test",
                                UserAttribute.DISPLAY_NAME, "Ann")))
                .value();

        assertThat(admin.get("/domains").body())
                .as("no confirmation is asked for a removal the server would refuse")
                .contains("1 user uses it (deleted users included)")
                .doesNotContain("aria-label=\"Remove corp.example.test\"")
                .as("the users who hold it back can be found")
                .contains("href=\"/users?q=@corp.example.test\"");
        assertThat(admin.get("/users?q=%40corp.example.test").body())
                .as("a search that starts with @ finds the users of that domain")
                .contains("data-upn=\"ann@corp.example.test\"")
                .doesNotContain("data-upn=\"" + site.admin() + "\"");

        AdminSession.Page inUse =
                admin.follow(admin.post("/domains/remove", List.of(Map.entry("domain", "corp.example.test"))));
        assertThat(inUse.body())
                .contains("Unable to delete the domain corp.example.test")
                .contains("data-domain=\"corp.example.test\"");
        AdminSession.Page initial = admin.follow(admin.post(
                "/domains/remove",
                List.of(Map.entry(
                        "domain",
                        jdbc.sql("select initial_domain from tenant where id = ?")
                                .param(site.tenant().value())
                                .query(String.class)
                                .single()))));
        assertThat(initial.body()).contains("cannot be deleted");
    }

    @Test
    void otherRolesReadTheDomainsAndAreRefusedChanges() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        AdminSession users = AdminSession.signIn(
                "http://localhost:" + port,
                addAdmin(site, "users@" + site.domain(), Role.USER_ADMINISTRATOR),
                PASSWORD);

        AdminSession.Page list = users.get("/domains");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(site.domain()).doesNotContain("Add a domain", "Make default");
        for (String path : List.of("/domains", "/domains/remove", "/domains/default")) {
            AdminSession.Page refused = users.post(path, List.of(Map.entry("domain", "corp.example.test")));
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("Your role cannot do this");
        }
        assertThat(jdbc.sql("select verified_domains::text from tenant where id = ?")
                        .param(site.tenant().value())
                        .query(String.class)
                        .single())
                .doesNotContain("corp.example.test");
    }
}
