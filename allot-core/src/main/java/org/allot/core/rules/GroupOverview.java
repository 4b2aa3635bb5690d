package org.allot.core.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.MembersInError;
import org.allot.core.directory.GroupId;
import org.allot.core.query.Query;
import org.allot.core.subscription.SubscribedSku;
import org.allot.core.subscription.SubscriptionBook;

/**
 * Read use case: everything a page about one group shows, read in one unit of work so that it is one consistent
 * view: the group with its licenses and members ({@link LicensedDirectory#groupDetail}), the latest run of its
 * membership rule when it is dynamic, and the products the tenant subscribes to (to choose licenses from).
 */
public final class GroupOverview {
    /** The group ({@code detail}), its rule's latest run (null: not dynamic, or never run) and the subscriptions. */
    public record View(
            LicensedDirectory.GroupDetail detail,
            MembersInError.View errors,
            RuleRun latestRuleRun,
            List<SubscribedSku> subscribed) {}

    private final Transactions transactions;
    private final LicensedDirectory reads;
    private final MembersInError errors;
    private final RuleProcessing rules;
    private final SubscriptionBook subscriptions;

    public GroupOverview(
            Transactions transactions,
            LicensedDirectory reads,
            MembersInError errors,
            RuleProcessing rules,
            SubscriptionBook subscriptions) {
        this.transactions = Objects.requireNonNull(transactions);
        this.reads = Objects.requireNonNull(reads);
        this.errors = Objects.requireNonNull(errors);
        this.rules = Objects.requireNonNull(rules);
        this.subscriptions = Objects.requireNonNull(subscriptions);
    }

    /**
     * The group's view, with the page of members and the guests shown as {@link LicensedDirectory#groupDetail}, and
     * the page of members in error the query asks for, with their summary ({@link MembersInError}).
     */
    public Optional<View> of(
            Caller caller, GroupId group, boolean transitive, UUID after, int membersShown, Query inError, int guests) {
        TenantId tenant = caller.tenant();
        return transactions.read(() -> reads.groupDetail(tenant, group, transitive, after, membersShown, guests)
                .map(detail -> new View(
                        detail,
                        errors.of(caller, group, inError, true).orElseThrow(),
                        detail.state().group().isDynamic()
                                ? rules.of(tenant, group)
                                        .flatMap(RuleProcessing.State::latest)
                                        .orElse(null)
                                : null,
                        subscriptions.subscribedSkus(tenant))));
    }
}
