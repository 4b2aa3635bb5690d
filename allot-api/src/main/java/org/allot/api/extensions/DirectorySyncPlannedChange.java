package org.allot.api.extensions;

/**
 * An object a dry run (a preview of connector settings, or a run in staging mode) would add, update or restore.
 *
 * @param objectType {@code user} or {@code group}
 * @param action {@code add}, {@code update} or {@code restore} (a deleted user brought back)
 * @param id the user's or group's id in Allot; absent for an object the run would add
 * @param displayName the user principal name of a user, the display name of a group, as the run would write it
 */
public record DirectorySyncPlannedChange(
        String objectType,
        String action,
        String distinguishedName,
        String onPremisesImmutableId,
        String id,
        String displayName) {}
