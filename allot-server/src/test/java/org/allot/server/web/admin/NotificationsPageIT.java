package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.allot.server.security.store.Role;
import org.allot.server.testing.NotificationReceiver;
import org.allot.server.testing.NotificationReceiver.Endpoint;
import org.allot.server.web.ApiClient;
import org.junit.jupiter.api.Test;

/** The admin center's "Change notifications" page: the tenant's subscriptions and what was sent to them. */
class NotificationsPageIT extends AdminCenterIT {

    @Test
    void aReaderSeesTheSubscriptionsAndTheirDeliveriesAndErrors() {
        Site site = newSite(Role.GLOBAL_READER);
        NotificationReceiver receiver = NotificationReceiver.shared();
        String path = "admin-page-" + site.tenant().value();
        Endpoint hook = receiver.endpoint(path).failNext(1);
        ApiClient.Response created = site.api().post("/v1.0/subscriptions", """
                        {"changeType":"created","notificationUrl":"%s","resource":"users","expirationDateTime":"%s"}""".formatted(
                        receiver.url(path), Instant.now().plus(Duration.ofHours(1))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        user(site, "ada", "US");
        hook.await(items -> !items.isEmpty());

        AdminSession.Page page = session(site).get("/notifications");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Change notifications", receiver.url(path), "data-state=\"active\"")
                .contains("data-state=\"delivered\"", "answered 503");
    }

    @Test
    void licenseAssignmentSubscriptionsAndPendingReauthorizationsAreShown() {
        Site site = newSite(Role.GLOBAL_READER);
        NotificationReceiver receiver = NotificationReceiver.shared();
        String path = "admin-page-licenses-" + site.tenant().value();
        receiver.endpoint(path);
        Endpoint lifecycle = receiver.endpoint(path + "-lifecycle");
        // expiring within reauthorize-before (10 minutes here): asked to reauthorize at once
        ApiClient.Response expiring = site.api().post("/v1.0/subscriptions", """
                        {"changeType":"created,updated,deleted","notificationUrl":"%s","lifecycleNotificationUrl":"%s",
                         "resource":"/allot/v1/licenseAssignments","expirationDateTime":"%s"}""".formatted(
                        receiver.url(path),
                        receiver.url(path + "-lifecycle"),
                        Instant.now().plus(Duration.ofMinutes(5))));
        assertThat(expiring.status()).as(expiring.body().toString()).isEqualTo(201);
        ApiClient.Response directory = site.api().post("/v1.0/subscriptions", """
                        {"changeType":"created","notificationUrl":"%s","resource":"users","expirationDateTime":"%s"}""".formatted(
                        receiver.url(path), Instant.now().plus(Duration.ofHours(1))));
        assertThat(directory.status()).as(directory.body().toString()).isEqualTo(201);
        lifecycle.await(items -> !items.isEmpty());

        AdminSession.Page page = session(site).get("/notifications");

        assertThat(page.status()).isEqualTo(200);
        String licenses = row(page.body(), expiring.body().path("id").asString());
        assertThat(licenses)
                .contains("allot/v1/licenseAssignments", "license assignments", "data-watches=\"licenses\"")
                .contains("data-paused=\"true\"", "delivery paused", "asked");
        assertThat(row(page.body(), directory.body().path("id").asString()))
                .contains("data-watches=\"directory\"", "data-paused=\"false\"", "authorized")
                .doesNotContain("delivery paused");
    }

    /** The table row of the subscription. */
    private static String row(String html, String id) {
        int start = html.indexOf("data-id=\"" + id + "\"");
        assertThat(start).as("a row for " + id).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
