package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Roles as in the API: a Global Reader sees everything and can change nothing, and is not shown buttons they may not
 * use; what a role may not do is refused even when the request is made by hand.
 */
class AdminCenterRolesIT extends AdminCenterIT {

    @Test
    void aGlobalReaderSeesEverythingButNoButtonToChangeAnything() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 5);
        UUID ann = user(site, "ann", "US");
        assignDirect(site, ann, "ENTERPRISEPACK");
        UUID group = group(site, "Readers", List.of(ann));
        String reader = addAdmin(site, "reader@" + site.domain(), Role.GLOBAL_READER);
        Browser b = browser();
        b.signIn(reader, PASSWORD);

        assertThat(b.text(By.cssSelector("[data-test=signed-in]"))).contains("Global Reader");
        assertThat(b.source()).contains("your role cannot change anything");
        b.open("/users/" + ann);
        assertThat(b.find(By.cssSelector("[data-test=license][data-sku=ENTERPRISEPACK]"))
                        .getText())
                .contains("Office 365 E3", "Direct");
        assertThat(b.text(By.cssSelector("[data-test=usage-location]"))).isEqualTo("US");
        assertThat(b.all(By.cssSelector("main form"))).isEmpty();
        assertThat(b.all(By.cssSelector("main input[name=app]:not([disabled])")))
                .isEmpty();
        b.open("/users");
        assertThat(b.all(By.cssSelector("input[name=user]"))).isEmpty();
        b.open("/groups");
        assertThat(b.has(By.linkText("New group"))).isFalse();
        b.open("/groups/" + group);
        assertThat(b.all(By.cssSelector("main form"))).isEmpty();
        assertThat(b.has(By.cssSelector("[data-test=license-editor]"))).isFalse();
        b.open("/licenses");
        b.click(By.linkText("Office 365 E3"));
        assertThat(b.all(By.cssSelector("main form"))).isEmpty();
        assertThat(b.has(By.linkText("Administrators"))).isFalse();
        b.open("/administrators");
        assertThat(b.find(By.cssSelector("[data-test=denied]")).getText()).contains("Your role cannot do this");
    }

    @Test
    void whatARoleMayNotDoIsRefusedEvenByHandAndNothingChanges() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 5);
        UUID ann = user(site, "ann", "US");
        UUID group = group(site, "Team", List.of());
        String sku = product("ENTERPRISEPACK").skuId().toString();
        AdminSession reader =
                AdminSession.signIn(base(), addAdmin(site, "reader@" + site.domain(), Role.GLOBAL_READER), PASSWORD);
        AdminSession licenses = AdminSession.signIn(
                base(), addAdmin(site, "licenses@" + site.domain(), Role.LICENSE_ADMINISTRATOR), PASSWORD);

        for (var request : List.of(
                Map.entry("/users/" + ann + "/licenses", List.of(Map.entry("sku", sku))),
                Map.entry("/users/" + ann + "/usage-location", List.of(Map.entry("usageLocation", "FR"))),
                Map.entry("/users/bulk", List.of(Map.entry("user", ann.toString()), Map.entry("sku", sku))),
                Map.entry("/groups", List.of(Map.entry("displayName", "Sneaky"))),
                Map.entry("/groups/" + group + "/members", List.of(Map.entry("member", "ann@" + site.domain()))),
                Map.entry("/groups/" + group + "/licenses", List.of(Map.entry("sku", sku))),
                Map.entry("/groups/" + group + "/delete", List.<Map.Entry<String, String>>of()),
                Map.entry("/administrators", List.of(Map.entry("username", "x@" + site.domain()))))) {
            AdminSession.Page page = reader.post(request.getKey(), request.getValue());
            assertThat(page.status()).as("reader: POST " + request.getKey()).isEqualTo(403);
            assertThat(page.body()).contains("Your role cannot do this");
        }
        // A License Administrator sets usage locations and assigns licenses, but does not manage groups.
        assertThat(licenses.post("/groups/" + group + "/members", List.of(Map.entry("member", "ann@" + site.domain())))
                        .status())
                .isEqualTo(403);
        assertThat(licenses.get("/groups/" + group).body())
                .doesNotContain("Add member")
                .contains("Change licenses");
        assertThat(licenses.post("/users/" + ann + "/usage-location", List.of(Map.entry("usageLocation", "FR")))
                        .status())
                .isEqualTo(302);

        assertThat(jdbc.sql("select count(*) from license_assignment where user_id = ?")
                        .param(ann)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from group_member_user where group_id = ?")
                        .param(group)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from directory_group where tenant_id = ?")
                        .param(site.tenant().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select usage_location from directory_user where id = ?")
                        .param(ann)
                        .query(String.class)
                        .single())
                .isEqualTo("FR");
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefused() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        UUID ann = user(site, "ann", "US");
        AdminSession admin = session(site);

        AdminSession.Page forged =
                admin.postWithoutToken("/users/" + ann + "/usage-location", List.of(Map.entry("usageLocation", "FR")));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(jdbc.sql("select usage_location from directory_user where id = ?")
                        .param(ann)
                        .query(String.class)
                        .single())
                .isEqualTo("US");
    }

    @Test
    void pagesOfAnotherTenantDoNotExistForAnAdministrator() {
        Site mine = newSite(Role.GLOBAL_ADMINISTRATOR);
        Site theirs = newSite(Role.GLOBAL_ADMINISTRATOR);
        UUID stranger = user(theirs, "stranger", "US");
        UUID group = group(theirs, "Theirs", List.of(stranger));
        AdminSession admin = session(mine);

        assertThat(admin.get("/users/" + stranger).status()).isEqualTo(404);
        assertThat(admin.get("/groups/" + group).status()).isEqualTo(404);
        assertThat(admin.post("/users/" + stranger + "/usage-location", List.of(Map.entry("usageLocation", "FR")))
                        .status())
                .isEqualTo(404);
        assertThat(admin.post("/groups/" + group + "/delete", List.of()).status())
                .isEqualTo(404);
        assertThat(admin.get("/users?q=stranger").body()).contains("No users match");
        assertThat(jdbc.sql("select count(*) from directory_group where id = ?")
                        .param(group)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
