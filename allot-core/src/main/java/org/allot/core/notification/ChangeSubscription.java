package org.allot.core.notification;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.allot.core.TenantId;

/**
 * A subscription to changes of a resource ({@code users}, {@code users/{id}}, {@code groups}, {@code groups/{id}},
 * {@code groups/{id}/members}, or Allot's license assignments: see {@link WatchedResources}), delivered to {@code
 * notificationUrl} until {@code expiration}.
 *
 * @param applicationId the app (or person) that created it, as Graph's {@code applicationId} / {@code creatorId}
 * @param state {@code ACTIVE}; {@code FAILING} while its notification URL fails (since {@code failingSince}); {@code
 *     REMOVED} once it failed for too long, or its app was deleted (nothing more is delivered)
 * @param reauthorizeRequested when {@code reauthorizationRequired} was sent and not yet answered by a reauthorization
 *     or a renewal (null: authorized)
 * @param expiryChallengedFor the expiration for which the challenge before expiry was sent (null: none yet)
 */
public record ChangeSubscription(
        UUID id,
        TenantId tenant,
        String resource,
        Set<ChangeType> changeTypes,
        URI notificationUrl,
        URI lifecycleNotificationUrl,
        String clientState,
        Instant expiration,
        Instant created,
        String applicationId,
        State state,
        Instant failingSince,
        Instant reauthorizeRequested,
        Instant expiryChallengedFor) {

    public enum State {
        ACTIVE,
        FAILING,
        REMOVED
    }

    public ChangeSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(resource, "resource");
        changeTypes = Set.copyOf(changeTypes);
        Objects.requireNonNull(notificationUrl, "notificationUrl");
        Objects.requireNonNull(expiration, "expiration");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(state, "state");
    }

    /** Graph's {@code changeType}: the types in Graph's order, comma-separated. */
    public String changeTypeText() {
        return java.util.Arrays.stream(ChangeType.values())
                .filter(changeTypes::contains)
                .map(ChangeType::wireName)
                .collect(Collectors.joining(","));
    }

    public boolean expired(Instant now) {
        return !expiration.isAfter(now);
    }

    /** Whether notifications are still sent for it. */
    public boolean live(Instant now) {
        return state != State.REMOVED && !expired(now);
    }

    /**
     * Whether change notifications wait: a reauthorization was asked for and not yet given (by {@code reauthorize} or a
     * renewal), as Graph pauses delivery until the app reauthorizes. They stay in the outbox meanwhile; lifecycle
     * notifications still go.
     */
    public boolean paused(Instant now) {
        return reauthorizeRequested != null && live(now);
    }

    /** Whether the subscription watches one of Allot's license assignments rather than Graph's directory. */
    public boolean watchesLicenses() {
        return WatchedResources.licenses(resource);
    }

    /** Whether the change is one this subscription asked for. */
    public boolean matches(ChangeEvent event) {
        return changeTypes.contains(event.changeType()) && WatchedResources.matches(resource, event);
    }

    /** Renewed: a new expiration, which also reauthorizes it (as in Graph). */
    public ChangeSubscription withExpiration(Instant value) {
        return with(value, state, failingSince, null, expiryChallengedFor);
    }

    public ChangeSubscription withState(State value, Instant since) {
        return with(expiration, value, since, reauthorizeRequested, expiryChallengedFor);
    }

    /** Asked to reauthorize at {@code at} (null: reauthorized). */
    public ChangeSubscription withReauthorizeRequested(Instant at) {
        return with(expiration, state, failingSince, at, expiryChallengedFor);
    }

    /** Challenged at {@code at} because it expires soon: once per expiration. */
    public ChangeSubscription challengedBeforeExpiry(Instant at) {
        return with(expiration, state, failingSince, at, expiration);
    }

    /** This subscription with what changes over its life replaced; what it was created with stays. */
    private ChangeSubscription with(
            Instant expiration,
            State state,
            Instant failingSince,
            Instant reauthorizeRequested,
            Instant expiryChallengedFor) {
        return new ChangeSubscription(
                id,
                tenant,
                resource,
                changeTypes,
                notificationUrl,
                lifecycleNotificationUrl,
                clientState,
                expiration,
                created,
                applicationId,
                state,
                failingSince,
                reauthorizeRequested,
                expiryChallengedFor);
    }
}
