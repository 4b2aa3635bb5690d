package org.allot.api.extensions;

/**
 * A direct → group migration of a product's holders, to preview or to start.
 *
 * @param groupId the group to move them to (users not yet in it join it first); null: the groups they inherit the
 *     product from already
 * @param acceptPlanChanges also move users whose enabled plans would change (default {@code false}: kept, reported)
 */
public record LicenseMigrationRequest(String groupId, Boolean acceptPlanChanges) {}
