package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Validate-only bulk requests: each row is answered as the real request would be in its turn (after the rows before
 * it), by the same rules, and nothing is written: no user, no license, no seat.
 */
class ValidationApiIT extends ApiIT {

    @Test
    void licenseRowsAreAnsweredAsAssignLicenseWouldAnswerThemInTurnAndNothingIsKept() {
        ApiClient admin = newTenant(Role.LICENSE_ADMINISTRATOR);
        ApiClient users = as(admin, Role.USER_ADMINISTRATOR);
        String e1 = product("STANDARDPACK").skuId().toString();
        String f3 = product("DESKLESSPACK").skuId().toString();
        subscribe(admin, "STANDARDPACK", 1);
        subscribe(admin, "DESKLESSPACK", 1);
        String holder = createUser(users, "holder");
        String first = createUser(users, "first");
        String second = createUser(users, "second");
        assertThat(assignLicense(admin, holder, e1).status()).isEqualTo(200);
        String before = licensing(admin);

        ApiClient.Response answer = admin.post(
                "/allot/v1/licenseChanges/validate", """
                {"value":[
                 {"userId":"%s","addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]},
                 {"userId":"%s","addLicenses":[{"skuId":"%s","disabledPlans":[]}]},
                 {"userId":"%s","addLicenses":[{"skuId":"%s","disabledPlans":[]}]},
                 {"userId":"%s","addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":["%s"]}
                ]}""".formatted(holder, f3, first, f3, second, f3, holder, f3, e1));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(rows(answer.body()))
                .containsExactly(
                        "0 refused 400 Request_BadRequest",
                        "1 valid 200",
                        "2 refused 400 Request_BadRequest",
                        "3 refused 400 Request_BadRequest");
        JsonNode value = answer.body().path("value");
        assertThat(value.get(0).path("error").path("message").asString()).contains("cannot be combined with");
        assertThat(value.get(2).path("error").path("message").asString())
                .as("the first row took the only seat")
                .contains("does not have any available licenses");
        assertThat(value.get(3).path("error").path("message").asString())
                .as("and the swap finds none either")
                .contains("does not have any available licenses");
        assertThat(licensing(admin)).as("nothing is kept").isEqualTo(before);
        assertThat(assignLicense(admin, first, f3).status())
                .as("the seat the rehearsal took is free")
                .isEqualTo(200);
    }

    @Test
    void userRowsAreAnsweredAsCreatingOrChangingThemWouldBeAndNothingIsKept() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        String synced = syncedUser(admin, "synced").toString();
        String before = directory(admin);

        ApiClient.Response answer = admin.post("/allot/v1/users/validate", """
                {"value":[
                 {"user":{"userPrincipalName":"new@%1$s","displayName":"New","usageLocation":"US"}},
                 {"user":{"userPrincipalName":"NEW@%1$s","displayName":"New again"}},
                 {"user":{"userPrincipalName":"other@fabrikam.example","displayName":"Other domain"}},
                 {"user":{"userPrincipalName":"nowhere@%1$s","displayName":"Nowhere","usageLocation":"XX"}},
                 {"user":{"userPrincipalName":"lines@%1$s","displayName":"Two\\nlines"}},
                 {"id":"%2$s","user":{"department":"Renamed"}},
                 {"id":"%2$s","user":{"usageLocation":"SE"}}
                ]}""".formatted(admin.domain, synced));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(rows(answer.body()))
                .containsExactly(
                        "0 valid 201",
                        "1 refused 400 Request_BadRequest",
                        "2 refused 400 Request_BadRequest",
                        "3 refused 400 Request_BadRequest",
                        "4 refused 400 Request_BadRequest",
                        "5 refused 400 Request_BadRequest",
                        "6 valid 204");
        assertThat(answer.body()
                        .path("value")
                        .get(1)
                        .path("error")
                        .path("message")
                        .asString())
                .as("the row before it created the name")
                .contains("already exists");
        assertThat(directory(admin)).as("nothing is kept").isEqualTo(before);
    }

    @Test
    void rowsNameTheirUserByIdOrPrincipalNameAsGraphPathsDo() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String sku = product("STANDARDPACK").skuId().toString();
        subscribe(admin, "STANDARDPACK", 5);
        createUser(admin, "named");
        String before = licensing(admin);

        ApiClient.Response licenses = admin.post("/allot/v1/licenseChanges/validate", """
                {"value":[
                 {"userId":"named@%1$s","addLicenses":[{"skuId":"%2$s","disabledPlans":[]}]},
                 {"userId":"NAMED@%1$s","addLicenses":[{"skuId":"%2$s","disabledPlans":[]}]},
                 {"userId":"nobody@%1$s","addLicenses":[{"skuId":"%2$s","disabledPlans":[]}]}
                ]}""".formatted(admin.domain, sku));
        ApiClient.Response users = admin.post("/allot/v1/users/validate", """
                {"value":[{"id":"named@%s","user":{"department":"Sales"}}]}""".formatted(admin.domain));

        assertThat(licenses.status()).as(licenses.body().toString()).isEqualTo(200);
        assertThat(rows(licenses.body()))
                .containsExactly("0 valid 200", "1 valid 200", "2 refused 404 Request_ResourceNotFound");
        assertThat(rows(users.body())).containsExactly("0 valid 204");
        assertThat(licensing(admin)).as("nothing is kept").isEqualTo(before);
        assertThat(admin.post("/allot/v1/licenseChanges/validate", """
                        {"value":[{"userId":"%s","addLicenses":[]}]}""".formatted("x".repeat(114)))
                        .status())
                .as("longer than any user principal name")
                .isEqualTo(400);
    }

    @Test
    void aMalformedRowIsABadRequestNamedByItsIndex() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);

        ApiClient.Response answer = admin.post("/allot/v1/users/validate", """
                {"value":[{"user":{"displayName":"Fine"}},{"user":{"shoeSize":44}}]}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(answer.errorMessage()).startsWith("value[1]: ");
        assertThat(admin.post("/allot/v1/users/validate", "{\"value\":[]}").status())
                .isEqualTo(400);
    }

    @Test
    void aLicenseAdministratorMayNotValidateCreatingUsers() {
        ApiClient licenses = newTenant(Role.LICENSE_ADMINISTRATOR);

        ApiClient.Response answer = licenses.post("/allot/v1/users/validate", """
                {"value":[{"user":{"userPrincipalName":"x@%s","displayName":"X"}}]}""".formatted(licenses.domain));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.errorCode()).isEqualTo("Authorization_RequestDenied");
    }

    private static List<String> rows(JsonNode body) {
        List<String> rows = new ArrayList<>();
        body.path("value")
                .forEach(r -> rows.add(r.path("index").asInt() + " "
                        + (r.path("valid").asBoolean() ? "valid" : "refused")
                        + " " + r.path("status").asInt()
                        + (r.has("error") ? " " + r.path("error").path("code").asString() : "")));
        return rows;
    }

    private String licensing(ApiClient tenant) {
        return jdbc.sql("""
                        select coalesce(string_agg(t, ';' order by t), '') from (
                          select 'a ' || user_id || ' ' || sku_id || ' ' || state as t from license_assignment
                            where tenant_id = ?
                          union all
                          select 's ' || sku_id || ' ' || consumed || ' ' || waiting from seat_count where tenant_id = ?
                        ) x""")
                .params(tenant.tenant.value(), tenant.tenant.value())
                .query(String.class)
                .single();
    }

    private String directory(ApiClient tenant) {
        return jdbc.sql("""
                        select coalesce(string_agg(user_principal_name || ' ' || coalesce(department, '') || ' '
                          || coalesce(usage_location, ''), ';' order by user_principal_name), '')
                        from directory_user where tenant_id = ?""").param(tenant.tenant.value()).query(String.class).single();
    }
}
