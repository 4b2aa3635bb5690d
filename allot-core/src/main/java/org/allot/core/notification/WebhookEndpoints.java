package org.allot.core.notification;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Port: the subscribers' HTTPS endpoints. */
public interface WebhookEndpoints {
    /**
     * Graph's validation handshake: POSTs to the URL with {@code ?validationToken=…} and expects 200 with the token as
     * plain text in time. Empty when it did; otherwise why not.
     */
    Optional<String> validate(URI url, String token);

    /** POSTs {@code {"value": […]}}; empty when answered 2xx, otherwise why the attempt failed. */
    Optional<String> deliver(URI url, List<Notification> notifications);
}
