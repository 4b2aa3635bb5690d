package org.allot.core.sync;

import java.util.Objects;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;

/**
 * A synced user refused because another user has its principal name: the run's error says which user has it (its
 * name, its id, and where it comes from), as Entra Connect's sync errors name the conflicting object, so that an
 * administrator can tell a duplicate in the directory from a cloud user in the way.
 */
final class NameHolders {
    private final SyncedObjects synced;

    NameHolders(SyncedObjects synced) {
        this.synced = Objects.requireNonNull(synced);
    }

    /** Whether the write was refused because another user has the principal name. */
    static boolean nameTaken(Outcome<?> refused) {
        return !refused.isDone()
                && refused.rejection().code() == ErrorCode.ALREADY_EXISTS
                && refused.rejection().message().contains("property userPrincipalName");
    }

    /** The error of {@code user}'s refused write, with the user that has its name when that is why. */
    SyncError named(TenantId tenant, SyncError error, Outcome<?> refused, SyncedUser user) {
        if (!nameTaken(refused) || !(user.values().get(UserAttribute.USER_PRINCIPAL_NAME) instanceof String name)) {
            return error;
        }
        return synced.userNamed(tenant, name)
                .map(holder -> new SyncError(
                        error.kind(), error.object(), error.immutableId(), error.message() + " " + holder(holder)))
                .orElse(error);
    }

    private static String holder(User holder) {
        String who = holder.userPrincipalName() + " (" + holder.id().value() + ")";
        if (holder.isDeleted()) {
            return "It is the name of the deleted user " + who + ".";
        }
        if (!holder.onPremisesSyncEnabled()) {
            return "It is the name of the cloud user " + who
                    + ": turn soft match on for the connector to take it over, or give one of them another name.";
        }
        String dn = holder.onPremises().distinguishedName();
        return "It is the name of the synced user " + who
                + (dn == null ? "" : ", from " + dn)
                + ": give one of them another name in the directory.";
    }
}
