package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/** A tenant sees only its own data: another tenant's ids are simply not found. */
class TenantIsolationIT extends ApiIT {

    @Test
    void anotherTenantsObjectsAreNotFoundAndNotListed() {
        ApiClient contoso = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient fabrikam = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(contoso, "EMS", 5);
        subscribe(fabrikam, "EMS", 5);
        String user = contoso.post("/v1.0/users", """
                        {"accountEnabled":true,"displayName":"Ada","mailNickname":"ada","userPrincipalName":"ada@%s",
                         "usageLocation":"US"}""".formatted(contoso.domain))
                .body()
                .get("id")
                .asString();
        String group = fabrikam.post("/v1.0/groups", """
                        {"displayName":"Staff","mailEnabled":false,"mailNickname":"staff","securityEnabled":true}""").body().get("id").asString();
        String ems = product("EMS").skuId().toString();

        assertThat(fabrikam.get("/v1.0/users/" + user).status()).isEqualTo(404);
        assertThat(fabrikam.get("/v1.0/users/ada@" + contoso.domain).status()).isEqualTo(404);
        assertThat(fabrikam.get("/v1.0/users").body().get("value")).isEmpty();
        assertThat(fabrikam.patch("/v1.0/users/" + user, "{\"department\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(fabrikam.post(
                                "/v1.0/users/" + user + "/assignLicense",
                                "{\"addLicenses\":[{\"skuId\":\"" + ems + "\"}],\"removeLicenses\":[]}")
                        .status())
                .isEqualTo(404);
        assertThat(fabrikam.post(
                                "/v1.0/groups/" + group + "/members/$ref",
                                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + user + "\"}")
                        .status())
                .isEqualTo(404);
        assertThat(contoso.get("/v1.0/groups/" + group).status()).isEqualTo(404);
        assertThat(fabrikam.get("/v1.0/auditLogs/directoryAudits?$filter=targetResources/any(t:t/id%20eq%20'" + user
                                + "')")
                        .body()
                        .get("value"))
                .isEmpty();
        assertThat(contoso.get("/v1.0/users/" + user + "?$select=department")
                        .body()
                        .get("department")
                        .isNull())
                .isTrue();
    }
}
