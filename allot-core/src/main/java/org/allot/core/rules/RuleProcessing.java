package org.allot.core.rules;

import java.util.Objects;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;

/** Reads how applying a dynamic group's rule stands, in one unit of work. */
public final class RuleProcessing {
    private final Transactions transactions;
    private final Groups groups;
    private final RuleRuns runs;

    public RuleProcessing(Transactions transactions, Groups groups, RuleRuns runs) {
        this.transactions = Objects.requireNonNull(transactions);
        this.groups = Objects.requireNonNull(groups);
        this.runs = Objects.requireNonNull(runs);
    }

    /** A group and the latest background application of its rule (none for a group that is not dynamic). */
    public record State(Group group, Optional<RuleRun> latest) {}

    /** Empty when there is no such group. */
    public Optional<State> of(TenantId tenant, GroupId group) {
        return transactions.read(() -> groups.find(tenant, group)
                .map(g -> new State(g, g.isDynamic() ? runs.latest(tenant, group) : Optional.empty())));
    }
}
