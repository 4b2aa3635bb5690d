package org.allot.core.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Batches;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;

/**
 * The creation of cloud users ({@link UserDirectory#create}). Each is checked and audited as its own request; those of
 * one tenant that arrive while another's are being written are written together, in one unit of work: one lock, one
 * write of the users with their records, one commit (group commit, {@link Batches}). A creation whose name turns out to
 * be taken is decided again alone, where a deleted user's name is freed for it or it is refused; a batch that fails
 * (the database unreachable, say) fails for each of its requests.
 */
final class CloudUsers {
    /** At most this many creations are written together, ... */
    static final int BATCH = 64;

    /**
     * ... in at most this many batches per tenant at a time: one batch is written by one PostgreSQL process, so a
     * second uses a second processor, ...
     */
    static final int PARALLEL = 2;

    /** ... once this many creations wait for it, so that the batches stay large enough to share their costs. */
    static final int FILL = 4;

    private final Transactions transactions;
    private final Tenants tenants;
    private final TenantLocks locks;
    private final Users users;
    private final AuditLog audit;
    private final DirectoryListener listener;
    private final Clock clock;
    private final ScopeGuard guard;
    private final DeletedPrincipalNames deletedNames;
    private final Batches<TenantId, Creation, Outcome<User>> batches =
            new Batches<>(BATCH, PARALLEL, FILL, this::createTogether);

    /** One request: who asks, and the new user's values. */
    record Creation(Caller caller, Map<UserAttribute, Object> values) {
        Creation {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(values, "values");
        }
    }

    CloudUsers(
            Transactions transactions,
            Tenants tenants,
            TenantLocks locks,
            Users users,
            AuditLog audit,
            DirectoryListener listener,
            Clock clock,
            ScopeGuard guard) {
        this.transactions = Objects.requireNonNull(transactions);
        this.tenants = Objects.requireNonNull(tenants);
        this.locks = Objects.requireNonNull(locks);
        this.users = Objects.requireNonNull(users);
        this.audit = Objects.requireNonNull(audit);
        this.listener = Objects.requireNonNull(listener);
        this.clock = Objects.requireNonNull(clock);
        this.guard = Objects.requireNonNull(guard);
        this.deletedNames = new DeletedPrincipalNames(users, audit);
    }

    /** Creates a user, written together with concurrent creations of its tenant unless already in a unit of work. */
    Outcome<User> create(Caller caller, Map<UserAttribute, Object> values) {
        if (transactions.inUnitOfWork()) {
            return createAlone(caller, values);
        }
        return batches.run(caller.tenant(), new Creation(caller, values)).orElseGet(() -> createAlone(caller, values));
    }

    /** Creates a user in a unit of work of its own (or the caller's). */
    Outcome<User> createAlone(Caller caller, Map<UserAttribute, Object> values) {
        return transactions.run(() -> createNow(caller, values));
    }

    /**
     * The creations of one tenant in one unit of work, each answered in order: created, refused, or null for one to
     * be decided alone (its name was taken when written). One creation alone is simply {@link #createAlone}.
     */
    List<Outcome<User>> createTogether(List<Creation> batch) {
        if (batch.size() == 1) {
            return List.of(createAlone(batch.get(0).caller(), batch.get(0).values()));
        }
        return transactions.run(() -> createNowTogether(batch));
    }

    private List<Outcome<User>> createNowTogether(List<Creation> batch) {
        TenantId tenantId = batch.get(0).caller().tenant();
        locks.share(tenantId);
        Optional<Tenant> tenant = tenants.find(tenantId);
        Instant now = clock.instant();
        List<Outcome<User>> answers = new ArrayList<>(Collections.nCopies(batch.size(), null));
        List<User> checked = new ArrayList<>();
        List<AuditEvent> records = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Creation creation = batch.get(i);
            if (!creation.caller().tenant().equals(tenantId)) {
                throw new IllegalArgumentException("a batch of creations is one tenant's");
            }
            Outcome<User> user = check(creation.caller(), tenant, creation.values(), now);
            if (!user.isDone()) {
                answers.set(i, user);
                continue;
            }
            checked.add(user.value());
            records.add(created(creation.caller(), user.value(), creation.values(), now));
            at.add(i);
        }
        Set<UserId> added = users.addAllUnlessNameTaken(tenantId, checked, audit, records);
        for (int j = 0; j < checked.size(); j++) {
            User user = checked.get(j);
            if (added.contains(user.id())) {
                Creation creation = batch.get(at.get(j));
                listener.userCreated(creation.caller(), user);
                answers.set(at.get(j), Outcome.done(user));
            }
        }
        return answers;
    }

    private Outcome<User> createNow(Caller caller, Map<UserAttribute, Object> values) {
        locks.share(caller.tenant());
        Optional<Tenant> tenant = tenants.find(caller.tenant());
        Instant now = clock.instant();
        Outcome<User> checked = check(caller, tenant, values, now);
        if (!checked.isDone()) {
            return checked;
        }
        User user = checked.value();
        AuditEvent created = created(caller, user, values, now);
        if (!users.addUnlessNameTaken(caller.tenant(), user, audit, created)
                && (!deletedNames
                                .free(caller, List.of(user.userPrincipalName()), clock.instant())
                                .isEmpty()
                        || !users.addUnlessNameTaken(caller.tenant(), user, audit, created))) {
            return Outcome.refused(UserValues.principalNameTaken());
        }
        listener.userCreated(caller, user);
        return Outcome.done(user);
    }

    /** The new user from its values, once its caller's scope, tenant, domain and immutable id are checked. */
    private Outcome<User> check(
            Caller caller, Optional<Tenant> tenant, Map<UserAttribute, Object> values, Instant now) {
        Optional<Rejection> outside = guard.toChangeTenant(caller);
        if (outside.isPresent()) {
            return Outcome.refused(outside.get());
        }
        if (tenant.isEmpty()) {
            return Outcome.refused(Rejection.notFound(caller.tenant()));
        }
        Outcome<User> built = UserValues.build(values, UserId.random(), now);
        if (!built.isDone()) {
            return built;
        }
        User user = built.value();
        Optional<Rejection> domain = UserValues.checkDomain(tenant.get(), user.userPrincipalName());
        if (domain.isPresent()) {
            return Outcome.refused(domain.get());
        }
        Optional<Rejection> anchor = UserValues.checkImmutableId(users, caller.tenant(), null, user);
        return anchor.isPresent() ? Outcome.refused(anchor.get()) : built;
    }

    private static AuditEvent created(Caller caller, User user, Map<UserAttribute, Object> values, Instant now) {
        return AuditEvent.of(
                caller,
                now,
                Activity.ADD_USER,
                UserValues.target(user),
                UserValues.changes(null, user, values.keySet()));
    }
}
