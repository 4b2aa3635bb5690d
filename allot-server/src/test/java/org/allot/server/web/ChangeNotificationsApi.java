package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.server.testing.NotificationReceiver;
import org.allot.server.web.ApiClient.Response;

/**
 * What the tests of Graph's change notifications share: the subscribers' HTTPS endpoints (one receiver for all,
 * an endpoint of its own for each test), a subscription as Graph's clients ask for one, and users to change: {@link
 * ChangeNotificationsIT} (what is notified, and delivered), {@link ChangeSubscriptionsIT} (subscriptions refused,
 * renewed and deleted) and {@link LifecycleNotificationsIT} (Graph's lifecycle notifications). The outbox's
 * claims by servers sharing it: {@link NotificationOutboxIT}.
 */
abstract class ChangeNotificationsApi extends ApiIT {
    static final NotificationReceiver RECEIVER = NotificationReceiver.shared();

    /** A subscription to the resource's changes at the URL until the expiration, as Graph's clients ask for one. */
    static Response subscribe(ApiClient app, String resource, String changeType, String url, String expiration) {
        return app.post("/v1.0/subscriptions", """
                {"changeType":"%s","notificationUrl":"%s","resource":"%s","expirationDateTime":"%s",
                 "clientState":"secretClientValue","latestSupportedTlsVersion":"v1_2"}""".formatted(changeType, url, resource, expiration));
    }

    /** A new user of the app's tenant, created through the API; its id. */
    static String user(ApiClient admin, String name) {
        Response created = admin.post(
                "/v1.0/users",
                "{\"accountEnabled\":true,\"displayName\":\"" + name + "\",\"mailNickname\":\"" + name
                        + "\",\"userPrincipalName\":\"" + name + "@" + admin.domain + "\",\"usageLocation\":\"US\"}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asString();
    }
}
