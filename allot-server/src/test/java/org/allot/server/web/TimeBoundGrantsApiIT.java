package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.allot.core.timebound.TimeBoundGrants;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Time-bound grants through {@code /allot/v1} on PostgreSQL (docs/delegation.md): a contractor's direct license that
 * ends on its own date and whose seat goes to the waiting user at once; a membership that starts later and is no
 * membership until then; times that make no sense, and callers without the role, refused with Graph's error body.
 */
class TimeBoundGrantsApiIT extends ApiIT {
    @Autowired
    private TimeBoundGrants grants;

    private static String group(ApiClient admin, String name) {
        return admin.post("/v1.0/groups", """
                        {"displayName":"%s","mailEnabled":false,"mailNickname":"%s","securityEnabled":true}""".formatted(name, name.toLowerCase(java.util.Locale.ROOT)))
                .body()
                .path("id")
                .asString();
    }

    private static JsonNode licenses(ApiClient admin, String user) {
        return admin.get("/v1.0/users/" + user + "?$select=assignedLicenses,licenseAssignmentStates")
                .body();
    }

    private static String in(long hours) {
        return Instant.now()
                .plus(hours, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    @Test
    void aContractorsLicenseEndsOnItsOwnDateAndTheWaitingUserGetsTheSeat() {
        ApiClient admin = newTenant(Role.LICENSE_ADMINISTRATOR);
        ApiClient global = as(admin, Role.GLOBAL_ADMINISTRATOR);
        subscribe(admin, "ENTERPRISEPACK", 1);
        String sku = product("ENTERPRISEPACK").skuId().toString();
        String contractor = createUser(global, "contractor");
        String bob = createUser(global, "bob");
        String staff = group(global, "Staff");
        global.post("/v1.0/groups/" + staff + "/assignLicense", """
                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku));

        Response granted = admin.post("/allot/v1/users/" + contractor + "/timedLicenses", """
                {"skuId":"ENTERPRISEPACK","endDateTime":"%s"}""".formatted(in(24)));
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
        assertThat(granted.body().path("status").asString()).isEqualTo("active");
        assertThat(granted.body().path("skuId").asString()).isEqualTo(sku);
        assertThat(granted.body().path("setBy").asString()).isNotBlank();
        assertThat(licenses(admin, contractor).path("assignedLicenses")).hasSize(1);
        global.post(
                "/v1.0/groups/" + staff + "/members/$ref",
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + bob + "\"}");
        assertThat(licenses(admin, bob)
                        .path("licenseAssignmentStates")
                        .get(0)
                        .path("error")
                        .asString())
                .isEqualTo("CountViolation");

        JsonNode listed = admin.get("/allot/v1/users/" + contractor + "/timedLicenses")
                .body()
                .path("value");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("skuPartNumber").asString()).isEqualTo("ENTERPRISEPACK");

        Response later =
                admin.patch("/allot/v1/users/" + contractor + "/timedLicenses/ENTERPRISEPACK", """
                {"endDateTime":"%s"}""".formatted(in(48)));
        assertThat(later.status()).as(later.body().toString()).isEqualTo(200);
        assertThat(Instant.parse(later.body().path("endDateTime").asString()))
                .isAfter(Instant.now().plus(47, ChronoUnit.HOURS));

        // the end has come (the times are moved back: the clock is the server's)
        jdbc.sql("""
                        update timed_grant set start_at = now() - interval '2 days', end_at = now() - interval '1 minute'
                        where user_id = ?::uuid""").param(contractor).update();
        grants.runDue();

        assertThat(licenses(admin, contractor).path("assignedLicenses")).isEmpty();
        assertThat(licenses(admin, bob)
                        .path("licenseAssignmentStates")
                        .get(0)
                        .path("state")
                        .asString())
                .as("the waiting user is served at once")
                .isEqualTo("Active");
        assertThat(admin.get("/allot/v1/users/" + contractor + "/timedLicenses")
                        .body()
                        .path("value"))
                .isEmpty();
        JsonNode audit = admin.get(
                        "/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20'End%20time-bound%20grant'")
                .body()
                .path("value");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("initiatedBy").toString()).contains("time-bound grants");
    }

    @Test
    void aMembershipThatStartsLaterIsNoMembershipUntilThenAndBadTimesAreRefused() {
        ApiClient admin = newTenant(Role.GROUPS_ADMINISTRATOR);
        ApiClient global = as(admin, Role.GLOBAL_ADMINISTRATOR);
        String ada = createUser(global, "ada");
        String staff = group(global, "Staff");

        Response scheduled =
                admin.post("/allot/v1/groups/" + staff + "/timedMembers", """
                {"id":"%s","startDateTime":"%s","endDateTime":"%s"}""".formatted(ada, in(24), in(72)));
        assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(201);
        assertThat(scheduled.body().path("status").asString()).isEqualTo("scheduled");
        assertThat(admin.get("/v1.0/groups/" + staff + "/members").body().path("value"))
                .isEmpty();

        Response backwards = admin.patch("/allot/v1/groups/" + staff + "/timedMembers/" + ada, """
                {"endDateTime":"%s"}""".formatted(in(12)));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errorMessage()).contains("endDateTime must be after startDateTime");
        Response past = global.post("/allot/v1/users/" + ada + "/timedLicenses", """
                {"skuId":"ENTERPRISEPACK","endDateTime":"%s"}""".formatted(in(-1)));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().path("error").path("code").asString()).isNotBlank();
        assertThat(past.errorMessage()).contains("endDateTime must be in the future");
        Response notADate = admin.patch("/allot/v1/groups/" + staff + "/timedMembers/" + ada, """
                {"endDateTime":"next tuesday"}""");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(as(admin, Role.GLOBAL_READER)
                        .post("/allot/v1/groups/" + staff + "/timedMembers", "{\"id\":\"" + ada + "\"}")
                        .status())
                .isEqualTo(403);

        jdbc.sql("update timed_grant set start_at = now() - interval '1 minute' where user_id = ?::uuid")
                .param(ada)
                .update();
        grants.runDue();
        assertThat(admin.get("/v1.0/groups/" + staff + "/members").body().path("value"))
                .hasSize(1);
        JsonNode active =
                admin.get("/allot/v1/groups/" + staff + "/timedMembers").body().path("value");
        assertThat(active.get(0).path("status").asString()).isEqualTo("active");
        assertThat(active.get(0).path("userPrincipalName").asString()).startsWith("ada@");

        assertThat(admin.delete("/allot/v1/groups/" + staff + "/timedMembers/" + ada)
                        .status())
                .isEqualTo(204);
        assertThat(admin.get("/v1.0/groups/" + staff + "/members").body().path("value"))
                .as("cancelling a started membership ends it now")
                .isEmpty();
    }

    @Test
    void aUnitAdministratorGivesTimeBoundGrantsOnlyInsideItsUnit() {
        ApiClient global = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(global, "ENTERPRISEPACK", 5);
        String ada = createUser(global, "ada");
        String bob = createUser(global, "bob");
        String south = group(global, "South staff");
        Response unit = global.post("/v1.0/directory/administrativeUnits", "{\"displayName\":\"North\"}");
        assertThat(unit.status()).isEqualTo(201);
        String north = unit.body().path("id").asString();
        assertThat(global.post(
                                "/v1.0/directory/administrativeUnits/" + north + "/members/$ref",
                                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + ada + "\"}")
                        .status())
                .isEqualTo(204);
        ApiClient unitAdmin = as(global, Role.GLOBAL_READER);
        Response role =
                global.post("/v1.0/directory/administrativeUnits/" + north + "/scopedRoleMembers", """
                {"roleId":"4d6ac14f-3453-41d0-bef9-a3e0c569773a","roleMemberInfo":{"id":"%s"}}""".formatted(
                                unitAdmin.clientId));
        assertThat(role.status()).as(role.raw().body()).isEqualTo(201);
        role = global.post("/v1.0/directory/administrativeUnits/" + north + "/scopedRoleMembers", """
                {"roleId":"fe930be7-5e62-47db-91af-98c3a49a38b1","roleMemberInfo":{"id":"%s"}}""".formatted(
                        unitAdmin.clientId));
        assertThat(role.status()).as(role.raw().body()).isEqualTo(201);
        String grant = "{\"skuId\":\"ENTERPRISEPACK\",\"endDateTime\":\"%s\"}".formatted(in(24));

        assertThat(unitAdmin
                        .post("/allot/v1/users/" + ada + "/timedLicenses", grant)
                        .status())
                .isEqualTo(201);
        assertThat(unitAdmin
                        .post("/allot/v1/users/" + bob + "/timedLicenses", grant)
                        .status())
                .as("a user outside the unit")
                .isEqualTo(403);
        assertThat(global.post("/allot/v1/users/" + bob + "/timedLicenses", grant)
                        .status())
                .isEqualTo(201);
        assertThat(unitAdmin.get("/allot/v1/users/" + bob + "/timedLicenses").status())
                .as("the grants of a user outside the unit: not found, as the user")
                .isEqualTo(404);
        assertThat(unitAdmin.get("/allot/v1/users/" + ada + "/timedLicenses").status())
                .as("the grants of the unit's user are listed")
                .isEqualTo(200);
        assertThat(unitAdmin
                        .patch("/allot/v1/users/" + bob + "/timedLicenses/ENTERPRISEPACK", "{\"endDateTime\":null}")
                        .status())
                .isEqualTo(403);
        assertThat(unitAdmin
                        .post("/allot/v1/groups/" + south + "/timedMembers", """
                                {"id":"%s","endDateTime":"%s"}""".formatted(ada, in(24)))
                        .status())
                .as("a group outside the unit")
                .isEqualTo(403);
        assertThat(global.get("/allot/v1/users/" + bob + "/timedLicenses")
                        .body()
                        .path("value"))
                .as("the grant outside the unit is untouched")
                .singleElement()
                .satisfies(g -> assertThat(g.path("endDateTime").isNull()).isFalse());
    }
}
