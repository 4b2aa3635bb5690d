package org.allot.core.sync;

import org.allot.core.Transactions;

/**
 * The phases of a run after the census: objects, memberships, managers, deletions, what they would take away, and the progress
 * each one saves.
 */
record SyncPhases(
        ObjectPhase objects,
        MembershipPhase memberships,
        ManagerPhase managers,
        LicenseImpact impact,
        DeletionPhase deletions,
        UnlicensedRemovals unlicensed,
        RunProgress progress) {

    static SyncPhases of(SyncStores stores, CloudDirectory directory, SyncSettings settings) {
        Transactions transactions = stores.transactions();
        RunProgress progress = new RunProgress(stores.runs(), transactions, settings);
        return new SyncPhases(
                new ObjectPhase(
                        stores.tenants(),
                        stores.synced(),
                        directory.users(),
                        directory.groups(),
                        directory.memberships(),
                        directory.activity(),
                        transactions,
                        settings,
                        progress),
                new MembershipPhase(directory.groups(), directory.memberships(), transactions, progress),
                new ManagerPhase(directory.managers()),
                new LicenseImpact(directory.memberships(), directory.licenses(), transactions),
                new DeletionPhase(directory.users(), directory.groups(), transactions, settings),
                new UnlicensedRemovals(directory.memberships(), transactions),
                progress);
    }
}
