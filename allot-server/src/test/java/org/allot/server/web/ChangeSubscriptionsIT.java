package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.allot.server.security.store.Role;
import org.allot.server.testing.NotificationReceiver.Endpoint;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Graph's change notification subscriptions: refused with Graph's error body when the validation handshake fails or
 * the request is invalid, renewed, deleted, and then notifying no more.
 */
class ChangeSubscriptionsIT extends ChangeNotificationsApi {
    @Test
    void aSubscriptionIsRefusedWithGraphsErrorWhenTheHandshakeFailsOrTheRequestIsInvalid() {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        Endpoint refusing = RECEIVER.endpoint("refusing-" + app.tenant.value()).refuseHandshake();
        String url = RECEIVER.url("refusing-" + app.tenant.value());
        String soon = Instant.now().plus(Duration.ofHours(1)).toString();

        Response refused = subscribe(app, "users", "created", url, soon);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("error").path("message").asString())
                .isEqualTo("Subscription validation request failed. Notification endpoint must respond with 200 OK to"
                        + " validation request.");
        assertThat(refusing.validations()).isEqualTo(1);
        assertThat(app.get("/v1.0/subscriptions").body().path("value")).isEmpty();

        RECEIVER.endpoint("fine-" + app.tenant.value());
        String fine = RECEIVER.url("fine-" + app.tenant.value());
        Response tooLong = subscribe(
                app,
                "users",
                "created",
                fine,
                Instant.now().plus(Duration.ofDays(30)).toString());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("error").path("message").asString())
                .isEqualTo("Subscription expiration can only be 41760 minutes in the future.");
        assertThat(subscribe(app, "users", "created", "http://localhost/hook", soon)
                        .status())
                .isEqualTo(400);
        assertThat(subscribe(app, "users", "renamed", fine, soon).status()).isEqualTo(400);
        assertThat(subscribe(app, "subscribedSkus", "created", fine, soon).status())
                .isEqualTo(400);
        assertThat(app.get("/v1.0/subscriptions").body().path("value")).isEmpty();
    }

    @Test
    void aSubscriptionIsRenewedAndDeletedAndThenNotifiesNoMore() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        RECEIVER.endpoint("renewed-" + admin.tenant.value());
        String id = subscribe(
                        admin,
                        "users",
                        "created",
                        RECEIVER.url("renewed-" + admin.tenant.value()),
                        Instant.now().plus(Duration.ofHours(1)).toString())
                .body()
                .path("id")
                .asString();
        String later = Instant.now()
                .plus(Duration.ofDays(20))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();

        Response renewed = admin.patch("/v1.0/subscriptions/" + id, "{\"expirationDateTime\":\"" + later + "\"}");

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(Instant.parse(renewed.body().path("expirationDateTime").asString()))
                .isEqualTo(Instant.parse(later));
        assertThat(admin.patch("/v1.0/subscriptions/" + id, "{\"resource\":\"groups\"}")
                        .status())
                .isEqualTo(400);
        assertThat(admin.delete("/v1.0/subscriptions/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/v1.0/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/v1.0/subscriptions/" + id).status()).isEqualTo(404);
        user(admin, "bob");
        assertThat(admin.get("/allot/v1/changeNotifications/deliveries?subscriptionId=" + id)
                        .body()
                        .path("value"))
                .as("nothing is queued for a deleted subscription")
                .isEmpty();
    }
}
