package org.allot.api.extensions;

/**
 * An object a run could not bring over, and why.
 *
 * @param objectType {@code user} or {@code group}
 * @param distinguishedName where it is in the directory
 * @param onPremisesImmutableId its immutable id, when it has one
 */
public record DirectorySyncError(
        String objectType, String distinguishedName, String onPremisesImmutableId, String message) {}
