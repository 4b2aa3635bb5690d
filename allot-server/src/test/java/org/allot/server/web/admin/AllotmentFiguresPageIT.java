package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allot.core.catalog.Product;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * Allotments where the admin center shows seat figures (docs/delegation.md#allotments): a group license's seat-impact
 * review breaks the product down by pool, so the administrator sees a pool fill and queue while the product has seats
 * free; the Reports page shows each pooled product's seats by allotment.
 */
class AllotmentFiguresPageIT extends AdminCenterIT {
    @Test
    void theSeatImpactReviewAndTheReportsPageShowThePools() {
        Site site = newSite(Role.LICENSE_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 10);
        Product e3 = product("ENTERPRISEPACK");
        String north = unit(site.api(), "North");
        List<UUID> members = new ArrayList<>();
        for (String name : List.of("n1", "n2", "n3")) {
            UUID user = user(site, name, "US");
            assertThat(site.api()
                            .post(
                                    "/v1.0/directory/administrativeUnits/" + north + "/members/$ref",
                                    "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + user
                                            + "\"}")
                            .status())
                    .isEqualTo(204);
            members.add(user);
        }
        members.add(user(site, "other", "US"));
        assertThat(site.api()
                        .post("/allot/v1/subscribedSkus/" + e3.skuId() + "/allotments", """
                                {"displayName":"North seats","ownerType":"administrativeUnit","ownerId":"%s","cap":2}""".formatted(north))
                        .status())
                .isEqualTo(201);
        UUID staff = group(site, "Staff", members);
        AdminSession admin = session(site);
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("sku", e3.skuId().toString()));
        e3.servicePlans().forEach(p -> form.add(Map.entry("app-" + e3.skuId(), p.id().toString())));

        String review =
                admin.post("/groups/" + staff + "/licenses/preview", form).body();

        assertThat(review).contains("data-test=\"impact-pools\"");
        assertThat(pools(review))
                .as("allotment: seats, used now, used after, waiting now, waiting after")
                .containsExactly("North seats 2 0 2 0 1", "Unallotted 8 0 1 0 0");
        assertThat(review).contains("table-warning");

        assertThat(site.api()
                        .post("/v1.0/groups/" + staff + "/assignLicense", """
                                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(e3.skuId()))
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> site.api()
                                .get("/allot/v1/subscribedSkus/" + e3.skuId() + "/allotments")
                                .body()
                                .path("value")
                                .get(0)
                                .path("waitingUnits")
                                .asInt()
                        == 1);
        String reports = admin.get("/reports").body();
        assertThat(reports)
                .contains(
                        "Seats by allotment",
                        "data-sku=\"" + e3.skuId() + "\"",
                        "Office 365 E3 (ENTERPRISEPACK) · 10 enabled seats");
        assertThat(rows(reports, "allotment")).containsExactly("North seats 2 2 0 1");
        assertThat(rows(reports, "remainder")).containsExactly("Unallotted 8 1 7 0");
    }

    /** The rows of the review's pool tables, as their cells' text. */
    private static List<String> pools(String html) {
        return rows(html, "impact-pool");
    }

    private static List<String> rows(String html, String test) {
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*data-test=\"" + test + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        while (row.find()) {
            Matcher cell =
                    Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
            List<String> cells = new ArrayList<>();
            while (cell.find()) {
                cells.add(cell.group(1).strip());
            }
            rows.add(String.join(" ", cells));
        }
        return rows;
    }

    private static String unit(ApiClient api, String name) {
        ApiClient.Response created =
                api.post("/v1.0/directory/administrativeUnits", "{\"displayName\":\"" + name + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("id").asString();
    }
}
