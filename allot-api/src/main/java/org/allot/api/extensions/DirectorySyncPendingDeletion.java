package org.allot.api.extensions;

/**
 * An object a blocked run would delete once confirmed.
 *
 * @param objectType {@code user} or {@code group}
 * @param id the user's or group's id in Allot
 * @param displayName the user principal name of a user, the display name of a group
 */
public record DirectorySyncPendingDeletion(
        String objectType, String id, String onPremisesImmutableId, String displayName) {}
