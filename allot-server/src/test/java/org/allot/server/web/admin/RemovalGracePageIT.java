package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/**
 * Grace on removal in the admin center (docs/license-lifecycle.md): the product page sets the days and lists who is
 * pending removal; the user page shows the held license with its date and undoes the removal.
 */
class RemovalGracePageIT extends AdminCenterIT {
    @Test
    void theProductPageHoldsRemovalsAndTheUserPageUndoesOne() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        assertThat(site.api().post("/allot/v1/subscriptions", """
                                {"skuPartNumber":"ENTERPRISEPACK","seats":2}""").status()).isEqualTo(201);
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        UUID ada = user(site, "ada", "US");
        AdminSession admin = session(site);

        AdminSession.Page set = admin.post("/licenses/" + e3 + "/removal-grace", List.of(Map.entry("days", "30")));
        assertThat(set.location()).endsWith("/licenses/" + e3);
        assertThat(admin.post("/licenses/" + e3 + "/removal-grace", List.of(Map.entry("days", "many")))
                        .location())
                .endsWith("/licenses/" + e3);
        assertThat(site.api()
                        .post("/v1.0/users/" + ada + "/assignLicense", """
                                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(e3))
                        .status())
                .isEqualTo(200);
        assertThat(site.api()
                        .post("/v1.0/users/" + ada + "/assignLicense", """
                                {"addLicenses":[],"removeLicenses":["%s"]}""".formatted(e3))
                        .status())
                .isEqualTo(200);

        String product = admin.get("/licenses/" + e3).body();
        assertThat(product)
                .contains("Grace on removal", "Removals are held 30 days.", "data-test=\"pending-removals\"");
        String user = admin.get("/users/" + ada).body();
        assertThat(user).contains("Pending removal", "data-test=\"undo-removal\"");

        AdminSession.Page undone = admin.post("/users/" + ada + "/pendingRemovals/" + e3 + "/cancel", List.of());
        assertThat(undone.location()).endsWith("/users/" + ada);
        assertThat(admin.get("/users/" + ada).body()).doesNotContain("Pending removal");
        assertThat(site.api()
                        .get("/allot/v1/users/" + ada + "/pendingRemovals")
                        .body()
                        .path("value"))
                .isEmpty();

        admin.post("/users/" + ada + "/pendingRemovals/" + e3 + "/cancel", List.of());
        assertThat(admin.get("/users/" + ada).body())
                .as("undoing again says what happened, not that there is nothing to remove")
                .contains("is no longer pending removal for this user")
                .doesNotContain("nothing to remove");
    }
}
