package org.allot.core.assignment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;

/**
 * A run of the direct → group migration of one product ({@link DirectToGroup}): the group the holders are moved to
 * (null: the groups they inherit it from already), whether plan changes are accepted, where it stands, and how many
 * users it moved (joining the group first, for {@code joined} of them) and kept.
 */
public record LicenseMigration(
        TenantId tenant,
        UUID id,
        SkuId sku,
        GroupId group,
        boolean acceptPlanChanges,
        State state,
        Actor requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        int moved,
        int joined,
        int kept) {

    /** Where a run stands. */
    public enum State {
        Queued,
        Running,
        Completed;

        public boolean underWay() {
            return this != Completed;
        }
    }

    public LicenseMigration {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    static LicenseMigration queued(
            TenantId tenant, SkuId sku, GroupId group, boolean acceptPlanChanges, Actor by, Instant at) {
        return new LicenseMigration(
                tenant, UUID.randomUUID(), sku, group, acceptPlanChanges, State.Queued, by, at, null, null, 0, 0, 0);
    }

    LicenseMigration started(Instant at) {
        return new LicenseMigration(
                tenant, id, sku, group, acceptPlanChanges, State.Running, requestedBy, requestedAt, at, null, 0, 0, 0);
    }

    LicenseMigration counted(int movedMore, int joinedMore, int keptMore) {
        return new LicenseMigration(
                tenant,
                id,
                sku,
                group,
                acceptPlanChanges,
                state,
                requestedBy,
                requestedAt,
                startedAt,
                finishedAt,
                moved + movedMore,
                joined + joinedMore,
                kept + keptMore);
    }

    LicenseMigration completed(Instant at) {
        return new LicenseMigration(
                tenant,
                id,
                sku,
                group,
                acceptPlanChanges,
                State.Completed,
                requestedBy,
                requestedAt,
                startedAt,
                at,
                moved,
                joined,
                kept);
    }

    /**
     * What a run did with one user: moved (after joining the group, when {@code joined}), or kept with the reason.
     */
    public record Entry(
            org.allot.core.directory.UserId user,
            String userPrincipalName,
            boolean moved,
            boolean joined,
            String reason) {}
}
