package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.assignment.DirectLicenseChange;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.server.security.store.Role;
import org.allot.server.testing.BulkDirectory;
import org.allot.server.testing.LicenseOracle;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Group-only licensing over HTTP on PostgreSQL (docs/delegation.md): a product whose direct assignment is forbidden is
 * refused with 400 and Graph's error body, overridden only by a Global Administrator who asks for it (audited); and a
 * few hundred direct holders moved to group licensing by the migration assistant with no seat and no enabled plan
 * changed, checked against the users' licenses and the seat count before and after and against the license oracle.
 */
class GroupOnlyApiIT extends ApiIT {
    private static final String E3 = "ENTERPRISEPACK";

    @Autowired
    private UserLicensing licensing;

    private String sku() {
        return product(E3).skuId().toString();
    }

    private int auditCount(ApiClient tenant, String activity) {
        return jdbc.sql("select count(*) from audit_event where tenant_id = ? and activity = ?")
                .params(tenant.tenant.value(), activity)
                .query(Integer.class)
                .single();
    }

    @Test
    void aForbiddenDirectAssignmentIsRefusedWith400AndOnlyAGlobalAdministratorOverridesIt() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient licenses = as(admin, Role.LICENSE_ADMINISTRATOR);
        subscribe(admin, E3, 5);
        String ada = createUser(admin, "ada");
        String bob = createUser(admin, "bob");
        assertThat(assignLicense(licenses, bob, sku()).status()).isEqualTo(200);

        assertThat(licenses.patch("/allot/v1/subscribedSkus/" + E3 + "/groupOnly", "{\"groupOnly\":true}")
                        .status())
                .as("setting the policy is a Global Administrator's")
                .isEqualTo(403);
        Response set = admin.patch("/allot/v1/subscribedSkus/" + E3 + "/groupOnly", "{\"groupOnly\":true}");
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        assertThat(set.body().path("groupOnly").asBoolean()).isTrue();
        assertThat(admin.get("/allot/v1/settings/groupOnly")
                        .body()
                        .path("products")
                        .get(0)
                        .path("skuPartNumber")
                        .asString())
                .isEqualTo(E3);

        Response refused = assignLicense(licenses, ada, sku());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(refused.errorMessage())
                .startsWith("Direct assignment of Office 365 E3 (ENTERPRISEPACK) is not allowed: the group-only"
                        + " policy of this product requires it to be assigned through a group.");
        Response validated = licenses.post("/allot/v1/licenseChanges/validate", """
                {"value":[{"userId":"%s","addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}]}""".formatted(ada, sku()));
        assertThat(validated.body().toString()).contains("group-only policy");
        assertThat(licenses.post("/v1.0/users/" + ada + "/assignLicense?overrideGroupOnly=true", """
                        {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku()))
                        .status())
                .as("a License Administrator has no break-glass permission")
                .isEqualTo(403);
        Response maybe =
                admin.post("/v1.0/users/" + ada + "/assignLicense?overrideGroupOnly=maybe", """
                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku()));
        assertThat(maybe.status()).isEqualTo(400);
        assertThat(maybe.errorMessage()).isEqualTo("'overrideGroupOnly' must be true or false.");
        assertThat(auditCount(admin, "OVERRIDE_GROUP_ONLY_POLICY")).isZero();

        Response overridden =
                admin.post("/v1.0/users/" + ada + "/assignLicense?overrideGroupOnly=true", """
                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku()));
        assertThat(overridden.status()).as(overridden.body().toString()).isEqualTo(200);
        assertThat(overridden.body().path("assignedLicenses")).hasSize(1);
        assertThat(auditCount(admin, "OVERRIDE_GROUP_ONLY_POLICY")).isEqualTo(1);
        assertThat(auditCount(admin, "SET_GROUP_ONLY_POLICY")).isEqualTo(1);

        Response removed = licenses.post("/v1.0/users/" + bob + "/assignLicense", """
                {"addLicenses":[],"removeLicenses":["%s"]}""".formatted(sku()));
        assertThat(removed.status())
                .as("removing a direct license stays allowed")
                .isEqualTo(200);
        assertThat(admin.patch("/allot/v1/settings/groupOnly", "{\"groupOnly\":\"yes\"}")
                        .status())
                .isEqualTo(400);
    }

    /** Each user's licenses as Graph shows them (one per product, with the plans switched off), by user id. */
    private static Map<String, String> licensesByUser(ApiClient admin) {
        Map<String, String> licenses = new TreeMap<>();
        String next = "/v1.0/users?$select=id,assignedLicenses&$top=999";
        while (next != null) {
            JsonNode page = admin.get(next).body();
            page.path("value")
                    .forEach(u -> licenses.put(
                            u.path("id").asString(), u.path("assignedLicenses").toString()));
            String link = page.path("@odata.nextLink").asString(null);
            next = link == null ? null : link.substring(link.indexOf("/v1.0/"));
        }
        return licenses;
    }

    private static int consumed(ApiClient admin) {
        return admin.get("/v1.0/subscribedSkus")
                .body()
                .path("value")
                .get(0)
                .path("consumedUnits")
                .asInt();
    }

    private JsonNode finished(ApiClient admin, Response started) {
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String run = started.body().path("id").asString();
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> admin.get("/allot/v1/licenseMigrations/" + run + "?$top=999")
                                .body(),
                        body -> body.path("state").asString().equals("Completed"));
    }

    private int directHolders(ApiClient admin) {
        return jdbc.sql("""
                        select count(*) from license_assignment
                        where tenant_id = ? and source_group_id = '00000000-0000-0000-0000-000000000000'""").param(admin.tenant.value()).query(Integer.class).single();
    }

    @Test
    void threeHundredDirectHoldersMoveToGroupLicensingWithNoSeatOrEnabledPlanChanged() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(admin, E3, 300);
        BulkDirectory.addUsers(jdbc, admin.tenant, "mover", 300, "US");
        List<UserId> users = jdbc.sql("select id from directory_user where tenant_id = ? order by id")
                .param(admin.tenant.value())
                .query((rs, i) -> new UserId(rs.getObject("id", java.util.UUID.class)))
                .list();
        Caller setup = Caller.of(admin.tenant, Actor.system("test setup"));
        assertThat(licensing
                        .assignEach(setup, users, product(E3).skuId(), DirectLicenseChange.ADD)
                        .value())
                .isEqualTo(300);
        String staff = admin.post("/v1.0/groups", """
                        {"displayName":"All staff","mailEnabled":false,"mailNickname":"staff","securityEnabled":true}""").body().path("id").asString();
        BulkDirectory.addMembers(jdbc, admin.tenant, new GroupId(java.util.UUID.fromString(staff)), "mover", 240);
        assertThat(admin.post("/v1.0/groups/" + staff + "/assignLicense", """
                        {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku()))
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.get("/allot/v1/groups/" + staff + "/licenseProcessing")
                .body()
                .path("licenseProcessingState")
                .asString()
                .equals("ProcessingComplete"));
        int seats = consumed(admin);
        assertThat(seats).isEqualTo(300);
        Map<String, String> before = licensesByUser(admin);
        assertThat(before).hasSize(300);

        JsonNode preview = admin.post("/allot/v1/subscribedSkus/" + E3 + "/migrateToGroups/preview", "{}")
                .body();
        assertThat(preview.path("directHolders").asInt()).isEqualTo(300);
        assertThat(preview.path("moving").asInt()).isEqualTo(240);
        assertThat(preview.path("noGroup").asInt()).isEqualTo(60);
        assertThat(preview.path("seatsUsedBefore").asInt()).isEqualTo(seats);
        assertThat(preview.path("seatsUsedAfter").asInt()).isEqualTo(seats);

        JsonNode done = finished(admin, admin.post("/allot/v1/subscribedSkus/" + E3 + "/migrateToGroups", "{}"));
        assertThat(done.path("moved").asInt()).isEqualTo(240);
        assertThat(done.path("kept").asInt()).isEqualTo(60);
        assertThat(consumed(admin)).isEqualTo(seats);
        assertThat(licensesByUser(admin)).isEqualTo(before);
        assertThat(directHolders(admin)).isEqualTo(60);

        // the others join the group first, then lose their direct license once the group's works for them
        JsonNode joining = admin.post(
                        "/allot/v1/subscribedSkus/" + E3 + "/migrateToGroups/preview",
                        "{\"groupId\":\"" + staff + "\"}")
                .body();
        assertThat(joining.path("moving").asInt()).isEqualTo(60);
        assertThat(joining.path("joining").asInt()).isEqualTo(60);
        JsonNode joined = finished(
                admin,
                admin.post("/allot/v1/subscribedSkus/" + E3 + "/migrateToGroups", "{\"groupId\":\"" + staff + "\"}"));
        assertThat(joined.path("joined").asInt()).isEqualTo(60);
        assertThat(consumed(admin)).isEqualTo(seats);
        assertThat(licensesByUser(admin)).isEqualTo(before);
        assertThat(directHolders(admin)).isZero();
        assertThat(new LicenseOracle(jdbc, admin.tenant, Map.of()).differences())
                .isEmpty();
        assertThat(auditCount(admin, "FINISH_DIRECT_TO_GROUP")).isEqualTo(2);
    }
}
