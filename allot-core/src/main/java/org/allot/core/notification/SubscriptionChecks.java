package org.allot.core.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;

/**
 * The body of {@code POST /subscriptions} checked as Graph checks it, before any handshake: the change types, a
 * resource a subscription may watch ({@link WatchedResources}), https URLs, the client state's length and an
 * expiration within Graph's limit. Refusals carry Graph's messages.
 */
final class SubscriptionChecks {
    static final Duration MAX_LIFETIME = Duration.ofDays(29);
    static final int MAX_CLIENT_STATE = 128;
    static final int MAX_URL = 2048;

    private SubscriptionChecks() {}

    /** The subscription the request asks for, not stored yet; or why it is refused. */
    static Outcome<ChangeSubscription> check(Caller caller, SubscriptionRequest request, Instant now) {
        Set<ChangeType> types = EnumSet.noneOf(ChangeType.class);
        String typeText = request.changeType() == null ? "" : request.changeType();
        for (String name : typeText.split(",", -1)) {
            Optional<ChangeType> type = ChangeType.ofWireName(name.trim().toLowerCase(Locale.ROOT));
            if (type.isEmpty()) {
                return Outcome.refused(Rejection.invalid("Invalid 'changeType' attribute: '%s'.", typeText));
            }
            types.add(type.get());
        }
        Optional<String> watched = WatchedResources.of(request.resource());
        if (watched.isEmpty()) {
            return Outcome.refused(Rejection.invalid(
                    "Resource '%s' is not supported.",
                    request.resource() == null ? "" : request.resource().replaceFirst("^/", "")));
        }
        String resource = watched.get();
        Outcome<URI> url = url("notificationUrl", request.notificationUrl());
        if (!url.isDone()) {
            return Outcome.refused(url.rejection());
        }
        URI lifecycle = null;
        if (request.lifecycleNotificationUrl() != null) {
            Outcome<URI> checked = url("lifecycleNotificationUrl", request.lifecycleNotificationUrl());
            if (!checked.isDone()) {
                return Outcome.refused(checked.rejection());
            }
            lifecycle = checked.value();
        }
        if (request.clientState() != null && request.clientState().length() > MAX_CLIENT_STATE) {
            return Outcome.refused(
                    Rejection.invalid("The clientState cannot be longer than %d characters.", MAX_CLIENT_STATE));
        }
        Outcome<Instant> expiration = expiration(request.expirationDateTime(), now);
        if (!expiration.isDone()) {
            return Outcome.refused(expiration.rejection());
        }
        return Outcome.done(new ChangeSubscription(
                UUID.randomUUID(),
                caller.tenant(),
                resource,
                types,
                url.value(),
                lifecycle,
                request.clientState(),
                expiration.value(),
                now,
                caller.actor().id(),
                ChangeSubscription.State.ACTIVE,
                null,
                null,
                null));
    }

    private static Outcome<URI> url(String name, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_URL) {
            return Outcome.refused(Rejection.invalid("Invalid '%s' attribute.", name));
        }
        try {
            URI uri = new URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                return Outcome.refused(Rejection.invalid("The %s must be an absolute https URL.", name));
            }
            return Outcome.done(uri);
        } catch (URISyntaxException e) {
            return Outcome.refused(Rejection.invalid("Invalid '%s' attribute.", name));
        }
    }

    static Outcome<Instant> expiration(String value, Instant now) {
        Instant expiration;
        try {
            expiration = OffsetDateTime.parse(value == null ? "" : value).toInstant();
        } catch (DateTimeParseException e) {
            return Outcome.refused(Rejection.invalid("Invalid 'expirationDateTime' attribute: '%s'.", value));
        }
        if (!expiration.isAfter(now)) {
            return Outcome.refused(Rejection.invalid("Subscription expiration must be in the future."));
        }
        if (expiration.isAfter(now.plus(MAX_LIFETIME))) {
            return Outcome.refused(Rejection.invalid(
                    "Subscription expiration can only be %d minutes in the future.", MAX_LIFETIME.toMinutes()));
        }
        return Outcome.done(expiration);
    }
}
