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
    void badDomainsTwiceSubmittedOrForgedFormsAreExplainedAndChangeNothing() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        AdminSession admin = session(site);
        String before = verifiedDomains(site);

        for (String typed : List.of("", "   ", "127.0.0.1", "münchen.example", "a".repeat(10_000) + ".example")) {
            AdminSession.Page refused = admin.follow(admin.post("/domains", List.of(Map.entry("domain", typed))));
            assertThat(refused.status()).as(typed).isEqualTo(200);
            assertThat(refused.body()).as(typed).contains("is invalid: use a fully qualified domain name");
            assertThat(refused.body().length()).as("not echoed whole").isLessThan(60_000);
        }
        assertThat(verifiedDomains(site)).isEqualTo(before);

        assertThat(admin.follow(admin.post("/domains", List.of(Map.entry("domain", "corp.example.test"))))
                        .body())
                .contains("corp.example.test is verified");
        assertThat(admin.follow(admin.post("/domains", List.of(Map.entry("domain", "Corp.Example.Test "))))
                        .body())
                .as("a second submit of the same domain")
                .contains("the domain corp.example.test is already in this tenant");
        assertThat(admin.follow(admin.post("/domains/remove", List.of(Map.entry("domain", "gone.example"))))
                        .body())
                .as("a stale form removing a domain that is no more")
                .contains("It no longer exists");
        assertThat(admin.postWithoutToken("/domains", List.of(Map.entry("domain", "forged.example")))
                        .status())
                .isEqualTo(403);
        assertThat(admin.postWithoutToken("/domains/remove", List.of(Map.entry("domain", "corp.example.test")))
                        .status())
                .isEqualTo(403);
        assertThat(verifiedDomains(site)).contains("corp.example.test").doesNotContain("forged.example");
    }

    private String verifiedDomains(Site site) {
        return jdbc.sql("select verified_domains::text from tenant where id = ?")
                .param(site.tenant().value())
                .query(String.class)
                .single();
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
