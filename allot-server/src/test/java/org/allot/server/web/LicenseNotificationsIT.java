package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.allot.server.testing.NotificationReceiver.Endpoint;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Change notifications of Allot's license assignments ({@code /allot/v1/…/licenseAssignments}) against a subscriber's
 * HTTPS endpoint: a direct assignment and its removal, a group's fan-out to its members, a user served from the
 * waiting list; each with its user, product, source and state, from the change log the directory's notifications
 * come from; never another tenant's; bad subscriptions refused with Graph's 400.
 */
class LicenseNotificationsIT extends ChangeNotificationsApi {
    private static final String ALL = "created,updated,deleted";

    @Test
    void aDirectAssignmentAndItsRemovalAreNotifiedWithUserProductSourceAndState() {
        ApiClient admin = newTenant(Role.LICENSE_ADMINISTRATOR);
        String sku = product("ENTERPRISEPACK").skuId().value().toString();
        subscribe(admin, "ENTERPRISEPACK", 5);
        String ada = user(as(admin, Role.USER_ADMINISTRATOR), "ada");
        Endpoint hook = endpoint(admin, "direct");
        Response created =
                subscribe(admin, "/allot/v1/users/" + ada + "/licenseAssignments", ALL, url(admin, "direct"), soon());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("resource").asString())
                .isEqualTo("allot/v1/users/" + ada + "/licenseAssignments");
        assertThat(hook.validations()).as("the same handshake").isEqualTo(1);

        assertThat(assignLicense(admin, ada, sku).status()).isEqualTo(200);
        assertThat(admin.post("/v1.0/users/" + ada + "/assignLicense", """
                        {"addLicenses":[],"removeLicenses":["%s"]}""".formatted(sku))
                        .status())
                .isEqualTo(200);

        List<JsonNode> received = hook.await(items -> items.size() >= 2);
        assertThat(received)
                .extracting(LicenseNotificationsIT::label)
                .containsExactly(
                        "created " + ada + " " + sku + " direct Active None",
                        "deleted " + ada + " " + sku + " direct Active None");
        JsonNode first = received.get(0);
        assertThat(first.path("subscriptionId").asString())
                .isEqualTo(created.body().path("id").asString());
        assertThat(first.path("clientState").asString()).isEqualTo("secretClientValue");
        assertThat(first.path("tenantId").asString())
                .isEqualTo(admin.tenant.value().toString());
        assertThat(first.path("resource").asString()).isEqualTo("Users/" + ada + "/licenseAssignmentStates");
        JsonNode data = first.path("resourceData");
        assertThat(data.path("@odata.type").asString()).isEqualTo("#Microsoft.Graph.LicenseAssignmentState");
        assertThat(data.path("@odata.id").asString()).isEqualTo("Users/" + ada);
        assertThat(data.path("organizationId").asString())
                .isEqualTo(admin.tenant.value().toString());
        assertThat(data.has("assignedByGroup") && data.path("assignedByGroup").isNull())
                .as("assignedByGroup is sent as null for a direct assignment, as in licenseAssignmentStates")
                .isTrue();
    }

    @Test
    void aGroupsLicenseFansOutToOneNotificationPerMember() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String sku = product("EMS").skuId().value().toString();
        subscribe(admin, "EMS", 10);
        String staff = group(admin, "Staff");
        List<String> members = List.of(user(admin, "ada"), user(admin, "bob"), user(admin, "cy"));
        members.forEach(member -> join(admin, staff, member));
        Endpoint hook = endpoint(admin, "group");
        ApiClient reader = as(admin, Role.GLOBAL_READER);
        assertThat(subscribe(
                                reader,
                                "/allot/v1/groups/" + staff + "/licenseAssignments",
                                ALL,
                                url(admin, "group"),
                                soon())
                        .status())
                .as("any role that reads licenses may subscribe")
                .isEqualTo(201);

        assertThat(admin.post("/v1.0/groups/" + staff + "/assignLicense", body(sku))
                        .status())
                .isEqualTo(202);

        List<JsonNode> received = hook.await(items -> items.size() >= 3);
        assertThat(received)
                .extracting(LicenseNotificationsIT::label)
                .containsExactlyInAnyOrder(members.stream()
                        .map(m -> "created " + m + " " + sku + " " + staff + " Active None")
                        .toArray(String[]::new));
        assertThat(received).allSatisfy(n -> assertThat(
                        n.path("resourceData").path("source").asString())
                .isEqualTo("group"));
    }

    @Test
    void aMemberServedFromTheWaitingListIsAnUpdateToActive() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String sku = product("POWER_BI_PRO").skuId().value().toString();
        UUID seats = subscribe(admin, "POWER_BI_PRO", 1);
        String analysts = group(admin, "Analysts");
        String ada = user(admin, "ada");
        String bob = user(admin, "bob");
        join(admin, analysts, ada);
        join(admin, analysts, bob);
        Endpoint hook = endpoint(admin, "waiting");
        assertThat(subscribe(
                                admin,
                                "/allot/v1/subscribedSkus/" + sku + "/licenseAssignments",
                                ALL,
                                url(admin, "waiting"),
                                soon())
                        .status())
                .isEqualTo(201);

        assertThat(admin.post("/v1.0/groups/" + analysts + "/assignLicense", body(sku))
                        .status())
                .isEqualTo(202);
        List<JsonNode> assigned = hook.await(items -> items.size() >= 2);
        String waiting = assigned.stream()
                .filter(n -> n.path("resourceData").path("error").asString().equals("CountViolation"))
                .map(n -> n.path("resourceData").path("userId").asString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("one member waits for the one seat: " + assigned));
        String holder = waiting.equals(ada) ? bob : ada;
        assertThat(admin.patch("/allot/v1/subscriptions/" + seats, "{\"seats\": 2}")
                        .status())
                .isEqualTo(200);

        List<JsonNode> received = hook.await(items -> items.size() >= 3);
        assertThat(received)
                .extracting(LicenseNotificationsIT::label)
                .containsExactlyInAnyOrder(
                        "created " + holder + " " + sku + " " + analysts + " Active None",
                        "created " + waiting + " " + sku + " " + analysts + " Error CountViolation",
                        "updated " + waiting + " " + sku + " " + analysts + " Active None");
    }

    @Test
    void anotherTenantsLicenseChangesAreNeverDelivered() {
        ApiClient contoso = newTenant(Role.LICENSE_ADMINISTRATOR);
        ApiClient fabrikam = newTenant(Role.LICENSE_ADMINISTRATOR);
        String sku = product("ENTERPRISEPACK").skuId().value().toString();
        subscribe(contoso, "ENTERPRISEPACK", 5);
        subscribe(fabrikam, "ENTERPRISEPACK", 5);
        Endpoint contosoHook = endpoint(contoso, "tenant");
        Endpoint fabrikamHook = endpoint(fabrikam, "tenant");
        assertThat(subscribe(contoso, "/allot/v1/licenseAssignments", ALL, url(contoso, "tenant"), soon())
                        .status())
                .isEqualTo(201);
        assertThat(subscribe(fabrikam, "/allot/v1/licenseAssignments", ALL, url(fabrikam, "tenant"), soon())
                        .status())
                .isEqualTo(201);
        String ada = user(as(contoso, Role.USER_ADMINISTRATOR), "ada");
        String bob = user(as(fabrikam, Role.USER_ADMINISTRATOR), "bob");
        Endpoint prying = endpoint(fabrikam, "prying");
        assertThat(subscribe(
                                fabrikam,
                                "/allot/v1/users/" + ada + "/licenseAssignments",
                                ALL,
                                url(fabrikam, "prying"),
                                soon())
                        .status())
                .as("an id is a filter on the tenant's own changes")
                .isEqualTo(201);

        assertThat(assignLicense(contoso, ada, sku).status()).isEqualTo(200);
        assertThat(assignLicense(fabrikam, bob, sku).status()).isEqualTo(200);

        assertThat(contosoHook.await(items -> !items.isEmpty()))
                .extracting(n -> n.path("resourceData").path("userId").asString())
                .containsExactly(ada);
        assertThat(fabrikamHook.await(items -> !items.isEmpty()))
                .extracting(n -> n.path("resourceData").path("userId").asString())
                .as("contoso's change, made first, was relayed too, and not to fabrikam")
                .containsExactly(bob);
        assertThat(prying.notifications())
                .as("contoso's ada, seen from fabrikam")
                .isEmpty();
    }

    @Test
    void badSubscriptionsToLicenseAssignmentsAreRefusedWithGraphs400() {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        endpoint(app, "bad");
        String url = url(app, "bad");
        String user = user(as(app, Role.USER_ADMINISTRATOR), "ada");

        for (String resource : List.of(
                "/allot/v1/users/not-an-id/licenseAssignments",
                "/allot/v1/licenseAssignments/" + user,
                "/allot/v1/users/" + user,
                "/allot/v1/licenseAssignment",
                "/allot/v2/licenseAssignments",
                "/allot/v1/devices/" + user + "/licenseAssignments")) {
            Response refused = subscribe(app, resource, "created", url, soon());
            BadInputIT.assertGraphError(refused, 400, resource);
            assertThat(refused.errorMessage()).startsWith("Resource '").endsWith("' is not supported.");
        }
        BadInputIT.assertGraphError(
                subscribe(app, "/allot/v1/licenseAssignments", "assigned", url, soon()), 400, "changeType");
        BadInputIT.assertGraphError(
                subscribe(app, "/allot/v1/licenseAssignments", "created", "http://localhost/hook", soon()),
                400,
                "http URL");
        BadInputIT.assertGraphError(
                subscribe(
                        app,
                        "/allot/v1/licenseAssignments",
                        "created",
                        url,
                        Instant.now().plus(Duration.ofDays(30)).toString()),
                400,
                "expiration");
        BadInputIT.assertGraphError(
                app.post("/v1.0/subscriptions", """
                        {"changeType":"created","notificationUrl":"%s","resource":"/allot/v1/licenseAssignments",
                         "expirationDateTime":"%s","includeResourceData":true}""".formatted(url, soon())), 400, "rich notifications");
        BadInputIT.assertGraphError(
                app.post("/v1.0/subscriptions", """
                        {"changeType":"created","notificationUrl":"%s","resource":42,"expirationDateTime":"%s"}""".formatted(url, soon())), 400, "resource of the wrong type");
        assertThat(app.get("/v1.0/subscriptions").body().path("value")).isEmpty();
    }

    /** "changeType userId skuId source state error", the source as the group's id or "direct". */
    private static String label(JsonNode notification) {
        JsonNode data = notification.path("resourceData");
        String source = data.path("assignedByGroup").isNull()
                ? "direct"
                : data.path("assignedByGroup").asString();
        return notification.path("changeType").asString() + " "
                + data.path("userId").asString() + " "
                + data.path("skuId").asString() + " " + source + " "
                + data.path("state").asString() + " "
                + data.path("error").asString();
    }

    private static String body(String sku) {
        return """
                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku);
    }

    private static void join(ApiClient admin, String group, String member) {
        assertThat(admin.post(
                                "/v1.0/groups/" + group + "/members/$ref",
                                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + member + "\"}")
                        .status())
                .isEqualTo(204);
    }

    private static Endpoint endpoint(ApiClient app, String name) {
        return RECEIVER.endpoint("licenses-" + name + "-" + app.tenant.value());
    }

    private static String url(ApiClient app, String name) {
        return RECEIVER.url("licenses-" + name + "-" + app.tenant.value());
    }

    private static String soon() {
        return Instant.now().plus(Duration.ofHours(1)).toString();
    }

    private static String group(ApiClient admin, String name) {
        Response created = admin.post(
                "/v1.0/groups",
                "{\"displayName\":\"" + name
                        + "\",\"mailEnabled\":false,\"mailNickname\":\"x\",\"securityEnabled\":true}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asString();
    }
}
