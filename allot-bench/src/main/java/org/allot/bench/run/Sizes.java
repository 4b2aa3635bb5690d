package org.allot.bench.run;

/**
 * How big each scenario is. {@link #full()} is the size; {@link #quick()} is a smoke run of seconds that
 * checks the harness still works and measures nothing worth quoting.
 */
public record Sizes(
        String name,
        boolean fullSize,
        int fanOutMembers,
        int joins,
        int joinGroupMembers,
        int assignments,
        int clients,
        int waitingUsers,
        int freedSeats,
        int directoryUsers,
        int directoryGroups,
        int pages,
        int syncUsers,
        int syncGroups,
        int syncPageSize,
        int deltaChanges,
        int ruleUsers,
        int raceUsers,
        int raceOperations,
        int jmhIterations,
        int jmhForks,
        int checkUsers) {

    public static Sizes full() {
        return new Sizes(
                "full", true, 100_000, 2_000, 10_000, 2_000, 16, 10_000, 1_000, 1_000_000, 10_000, 20, 100_000, 1_000,
                5_000, 100, 100_000, 2_000, 20_000, 5, 1, 100_000);
    }

    public static Sizes quick() {
        return new Sizes(
                "quick", false, 1_000, 40, 100, 400, 16, 200, 20, 3_000, 30, 3, 300, 10, 100, 20, 1_000, 100, 300, 1, 0,
                2_000);
    }

    /** The full sizes with the optional million-member fan-out. */
    public Sizes withMillion() {
        return new Sizes(
                name + "+million",
                fullSize,
                1_000_000,
                joins,
                joinGroupMembers,
                assignments,
                clients,
                waitingUsers,
                freedSeats,
                directoryUsers,
                directoryGroups,
                pages,
                syncUsers,
                syncGroups,
                syncPageSize,
                deltaChanges,
                ruleUsers,
                raceUsers,
                raceOperations,
                jmhIterations,
                jmhForks,
                checkUsers);
    }

    /** These sizes with another number of users for the license check. */
    public Sizes withCheckUsers(int users) {
        return new Sizes(
                name + "+check-" + users,
                fullSize,
                fanOutMembers,
                joins,
                joinGroupMembers,
                assignments,
                clients,
                waitingUsers,
                freedSeats,
                directoryUsers,
                directoryGroups,
                pages,
                syncUsers,
                syncGroups,
                syncPageSize,
                deltaChanges,
                ruleUsers,
                raceUsers,
                raceOperations,
                jmhIterations,
                jmhForks,
                users);
    }
}
