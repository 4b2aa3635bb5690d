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
}
