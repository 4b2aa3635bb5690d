package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code assignedPlans/any(…)} filters on users: by plan, by service family and by capability status, and what they
 * find against what {@code assignedPlans} shows.
 */
class GraphAssignedPlansIT extends GraphQueryTenant {
    private static final String EXCHANGE = "efb87545-963c-4e0d-99df-69c6916d9eb0";
    private static final String MY_ANALYTICS = "33c4f319-9bdd-48d6-9c4d-410b750a4a5a";

    @Test
    void assignedPlansFindsUsersHoldingAnEnabledPlanAndNamesItsServiceFamily() {
        String e3 = product("ENTERPRISEPACK").skuId().value().toString();
        String sway = "a23b959c-7ce8-4e57-9140-b90eb88a9e97";
        String exchange = "efb87545-963c-4e0d-99df-69c6916d9eb0";
        subscribe(admin, "ENTERPRISEPACK", 5);
        String eve = create("eve", "US", null);
        assertThat(admin.post(
                                "/v1.0/users/" + eve + "/assignLicense",
                                "{\"addLicenses\":[{\"skuId\":\"" + e3 + "\"}],\"removeLicenses\":[]}")
                        .status())
                .isEqualTo(200);
        assertThat(admin.post(
                                "/v1.0/users/" + cy + "/assignLicense",
                                "{\"addLicenses\":[{\"skuId\":\"" + e3 + "\",\"disabledPlans\":[\"" + sway
                                        + "\"]}],\"removeLicenses\":[]}")
                        .status())
                .isEqualTo(200);

        assertThat(names(admin.get(users("assignedPlans/any(a:a/servicePlanId eq " + exchange + ")"), EVENTUAL)))
                .containsExactlyInAnyOrder("eve", "cy");
        assertThat(names(admin.get(users("assignedPlans/any(a:a/servicePlanId eq " + sway + ")"), EVENTUAL)))
                .as("a disabled plan is not assigned")
                .containsExactly("eve");
        JsonNode plans = admin.get("/v1.0/users/" + eve + "?$select=assignedPlans")
                .body()
                .get("assignedPlans");
        assertThat(plans.valueStream()
                        .filter(p -> p.get("servicePlanId").asString().equals(exchange))
                        .map(p -> p.get("service").asString()))
                .containsExactly("exchange");
        assertThat(plans.valueStream()
                        .filter(p -> p.get("servicePlanId").asString().equals("5dbe027f-2339-4123-9542-606e4d348a72"))
                        .map(p -> p.get("service").asString()))
                .containsExactly("SharePoint");
    }

    @Test
    void assignedPlansTakesTheCapabilityStatusOfThePlanAsGraphSamplesWriteIt() {
        String e3 = product("ENTERPRISEPACK").skuId().value().toString();
        String exchange = "efb87545-963c-4e0d-99df-69c6916d9eb0";
        UUID subscription = subscribe(admin, "ENTERPRISEPACK", 5);
        assertThat(admin.post(
                                "/v1.0/users/" + cy + "/assignLicense",
                                "{\"addLicenses\":[{\"skuId\":\"" + e3 + "\"}],\"removeLicenses\":[]}")
                        .status())
                .isEqualTo(200);
        String enabled = "assignedPlans/any(a:a/servicePlanId eq " + exchange + " and a/capabilityStatus eq 'Enabled')";
        String warning = "assignedPlans/any(a:a/capabilityStatus eq 'Warning' and a/servicePlanId eq " + exchange + ")";

        assertThat(names(admin.get(users(enabled), EVENTUAL))).containsExactly("cy");
        assertThat(names(admin.get(users(warning), EVENTUAL))).isEmpty();
        assertThat(admin.patch("/allot/v1/subscriptions/" + subscription, "{\"status\":\"Warning\"}")
                        .status())
                .isEqualTo(200);
        assertThat(names(admin.get(users(enabled), EVENTUAL))).isEmpty();
        assertThat(names(admin.get(users(warning), EVENTUAL))).containsExactly("cy");
        assertThat(admin.get(users("assignedPlans/any(a:a/capabilityStatus eq 'Sleepy')"), EVENTUAL)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void serviceFindsExactlyTheUsersWhoseAssignedPlansShowThatService() {
        ApiClient tenant = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String e3 = product("ENTERPRISEPACK").skuId().value().toString();
        UUID subscription = subscribe(tenant, "ENTERPRISEPACK", 5);
        List<String> everyone = List.of(
                licensed(tenant, "dan", e3, List.of()),
                // E3 without Exchange Online and MyAnalytics: no plan of the exchange family works
                licensed(tenant, "fay", e3, List.of(EXCHANGE, MY_ANALYTICS)),
                tenant.graph()
                        .users()
                        .post(GraphSdkScenariosIT.newUser(tenant, "gus"))
                        .getId());

        for (String service : List.of("exchange", "SharePoint", "MicrosoftOffice", "TeamspaceAPI", "Nucleus")) {
            assertThat(names(tenant.get(users("assignedPlans/any(a:a/service eq '" + service + "')"), EVENTUAL)))
                    .as(service)
                    .containsExactlyInAnyOrderElementsOf(shownWith(tenant, everyone, service));
        }
        assertThat(names(tenant.get(users("assignedPlans/any(a:a/service eq 'exchange')"), EVENTUAL)))
                .containsExactly("dan");
        assertThat(names(tenant.get(users("assignedPlans/any(a:a/service eq 'sharepoint')"), EVENTUAL)))
                .as("case is ignored, as in Graph's string comparisons")
                .containsExactlyInAnyOrder("dan", "fay");
        assertThat(names(tenant.get(users("assignedPlans/any(a:a/service eq 'Exchange Online')"), EVENTUAL)))
                .as("a service no plan reports finds nobody")
                .isEmpty();
        assertThat(names(tenant.get(
                        users("assignedPlans/any(a:a/servicePlanId eq " + EXCHANGE + " and a/service eq 'SharePoint')"),
                        EVENTUAL)))
                .as("the plan is not of that service")
                .isEmpty();

        String enabled = "assignedPlans/any(a:a/service eq 'exchange' and a/capabilityStatus eq 'Enabled')";
        String warning = "assignedPlans/any(a:a/capabilityStatus eq 'Warning' and a/service eq 'exchange')";
        assertThat(names(tenant.get(users(enabled), EVENTUAL))).containsExactly("dan");
        assertThat(names(tenant.get(users(warning), EVENTUAL))).isEmpty();
        assertThat(tenant.patch("/allot/v1/subscriptions/" + subscription, "{\"status\":\"Warning\"}")
                        .status())
                .isEqualTo(200);
        assertThat(names(tenant.get(users(enabled), EVENTUAL))).isEmpty();
        assertThat(names(tenant.get(users(warning), EVENTUAL))).containsExactly("dan");
    }

    private static String licensed(ApiClient tenant, String name, String sku, List<String> disabled) {
        String id = tenant.graph()
                .users()
                .post(GraphSdkScenariosIT.newUser(tenant, name))
                .getId();
        String plans = disabled.isEmpty() ? "" : "\"" + String.join("\",\"", disabled) + "\"";
        ApiClient.Response assigned = tenant.post(
                "/v1.0/users/" + id + "/assignLicense",
                "{\"addLicenses\":[{\"skuId\":\"" + sku + "\",\"disabledPlans\":[" + plans
                        + "]}],\"removeLicenses\":[]}");
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        return id;
    }

    /** The names of the users whose {@code assignedPlans}, as GET shows them, hold a plan of the service. */
    private static Set<String> shownWith(ApiClient tenant, List<String> users, String service) {
        Set<String> names = new HashSet<>();
        for (String id : users) {
            JsonNode user = tenant.get("/v1.0/users/" + id + "?$select=displayName,assignedPlans")
                    .body();
            if (user.get("assignedPlans")
                    .valueStream()
                    .anyMatch(p -> p.get("service").asString().equals(service))) {
                names.add(user.get("displayName").asString());
            }
        }
        return names;
    }
}
