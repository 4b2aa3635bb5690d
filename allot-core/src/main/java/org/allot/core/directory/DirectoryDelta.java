package org.allot.core.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;

/**
 * Graph's delta queries for users and groups: a first round lists every object, each later round the objects that
 * changed since the round before (deleted ones as removed), a page at a time. Where a client stands is carried in a
 * {@link DeltaToken}; the change log it reads is kept for the tenant's soft-delete retention period, and at least
 * {@code minimumRetention}: an older or unknown token is refused with {@link ErrorCode#SYNC_STATE_NOT_FOUND}.
 */
public final class DirectoryDelta {
    /** The relationship whose changes a group's entries carry, when selected or when nothing is selected. */
    public static final String MEMBERS = "members";

    public static final int MAX_PAGE = 999;
    /** The page size when a request asks for none (Graph's default for directory objects). */
    public static final int DEFAULT_PAGE = 100;
    /** Objects a delta query may follow by id ({@code $filter=id eq …}), as in Graph. */
    public static final int MAX_IDS = 50;

    private final Transactions transactions;
    private final Tenants tenants;
    private final DirectoryChanges changes;
    private final Clock clock;
    private final Duration minimumRetention;

    public DirectoryDelta(
            Transactions transactions,
            Tenants tenants,
            DirectoryChanges changes,
            Clock clock,
            Duration minimumRetention) {
        this.transactions = Objects.requireNonNull(transactions);
        this.tenants = Objects.requireNonNull(tenants);
        this.changes = Objects.requireNonNull(changes);
        this.clock = Objects.requireNonNull(clock);
        this.minimumRetention = Objects.requireNonNull(minimumRetention);
    }

    /**
     * A request: at most one of the tokens ({@code deltaToken} may be {@code latest}: no objects, only a delta link
     * from now); {@code select} and {@code ids} (the objects to follow, null: all) are taken when no token is given (a
     * token carries those of its first round); {@code pageSize} 0 asks for none (the size of the page before, or
     * {@link #DEFAULT_PAGE}).
     */
    public record Request(
            DirectoryChanges.Kind kind,
            String skipToken,
            String deltaToken,
            int pageSize,
            List<String> select,
            List<UUID> ids) {
        public Request {
            ids = ids == null ? null : List.copyOf(new java.util.TreeSet<>(ids));
        }

        /** A request that follows every object. */
        public Request(
                DirectoryChanges.Kind kind, String skipToken, String deltaToken, int pageSize, List<String> select) {
            this(kind, skipToken, deltaToken, pageSize, select, null);
        }
    }

    /** Why an object is listed as removed: deleted and restorable ({@code changed} in Graph), or gone for good. */
    public enum Removal {
        CHANGED,
        DELETED
    }

    /** An object of a page: there ({@code object}) or removed; a group's member changes when they are followed. */
    public record Entry<T>(UUID id, T object, Removal removed, List<DirectoryChanges.MemberChange> members) {}

    /** A page: its entries, and the token of the next page ({@code more}) or of the next round. */
    public record DeltaPage<T>(List<Entry<T>> entries, DeltaToken next, boolean more) {
        public List<String> select() {
            return next.select();
        }
    }

    public Outcome<DeltaPage<User>> users(TenantId tenant, Request request) {
        return page(tenant, request, (token, ids) -> {
            Map<UUID, User> found = changes.users(tenant, ids);
            List<Entry<User>> entries = new ArrayList<>();
            for (UUID id : ids) {
                User user = found.get(id);
                if (user == null) {
                    entries.add(new Entry<>(id, null, Removal.DELETED, null));
                } else if (user.isDeleted()) {
                    entries.add(new Entry<>(id, null, Removal.CHANGED, null));
                } else {
                    entries.add(new Entry<>(id, user, null, null));
                }
            }
            return entries;
        });
    }

    public Outcome<DeltaPage<Group>> groups(TenantId tenant, Request request) {
        return page(tenant, request, (token, ids) -> {
            Map<UUID, Group> found = changes.groups(tenant, ids);
            Map<UUID, List<DirectoryChanges.MemberChange>> members = !followsMembers(token.select())
                    ? Map.of()
                    : token.phase() == DeltaToken.Phase.LISTING
                            ? changes.members(tenant, found.keySet())
                            : changes.memberChanges(tenant, found.keySet(), token.from(), token.to());
            List<Entry<Group>> entries = new ArrayList<>();
            for (UUID id : ids) {
                Group group = found.get(id);
                entries.add(
                        group == null
                                ? new Entry<>(id, null, Removal.DELETED, null)
                                : new Entry<>(
                                        id,
                                        group,
                                        null,
                                        followsMembers(token.select()) ? members.getOrDefault(id, List.of()) : null));
            }
            return entries;
        });
    }

    /** Whether a group's entries carry {@code members@delta}: when members are selected, or nothing is. */
    public static boolean followsMembers(List<String> select) {
        return select == null || select.contains(MEMBERS);
    }

    /** Forgets what no valid token can ask for any more: changes older than each tenant's retention period. */
    public int forgetExpired() {
        Instant now = clock.instant();
        int forgotten = 0;
        for (Tenant tenant : transactions.read(tenants::all)) {
            Instant before = now.minus(retention(tenant));
            forgotten += transactions.run(() -> changes.trim(tenant.id(), before));
        }
        return forgotten;
    }

    private interface Reader<T> {
        List<Entry<T>> read(DeltaToken token, List<UUID> ids);
    }

    private <T> Outcome<DeltaPage<T>> page(TenantId tenant, Request request, Reader<T> reader) {
        if (request.skipToken() != null && request.deltaToken() != null) {
            return Outcome.refused(Rejection.invalid("Specify either $skiptoken or $deltatoken, not both."));
        }
        if (request.pageSize() < 0 || request.pageSize() > MAX_PAGE) {
            return Outcome.refused(Rejection.invalid("The page size must be between 1 and %d.", MAX_PAGE));
        }
        if (request.ids() != null && (request.ids().isEmpty() || request.ids().size() > MAX_IDS)) {
            return Outcome.refused(Rejection.invalid(
                    "A delta query follows 1 to %d objects by id, not %d.",
                    MAX_IDS, request.ids().size()));
        }
        Instant now = clock.instant();
        return transactions.read(() -> {
            String horizon = changes.horizon();
            if ("latest".equalsIgnoreCase(request.deltaToken())) {
                return Outcome.done(new DeltaPage<T>(
                        List.of(),
                        DeltaToken.nextRound(request.kind(), tenant, horizon, request.select(), request.ids(), now),
                        false));
            }
            String text = request.skipToken() != null ? request.skipToken() : request.deltaToken();
            DeltaToken token;
            if (text == null) {
                token = new DeltaToken(
                        request.kind(),
                        tenant,
                        DeltaToken.Phase.LISTING,
                        null,
                        horizon,
                        null,
                        request.select(),
                        0,
                        now,
                        request.ids());
            } else {
                DeltaToken given = DeltaToken.decode(text)
                        .filter(t -> usable(t, tenant, request, now))
                        .orElse(null);
                if (given == null) {
                    return Outcome.<DeltaPage<T>>refused(syncStateNotFound());
                }
                token = given.phase() == DeltaToken.Phase.NEXT_ROUND
                        ? new DeltaToken(
                                given.kind(),
                                tenant,
                                DeltaToken.Phase.CHANGES,
                                given.from(),
                                horizon,
                                null,
                                given.select(),
                                0,
                                now,
                                given.ids())
                        : given;
            }
            int limit = request.pageSize() > 0
                    ? request.pageSize()
                    : token.pageSize() > 0 ? token.pageSize() : DEFAULT_PAGE;
            List<UUID> ids = token.phase() == DeltaToken.Phase.LISTING
                    ? changes.present(tenant, token.kind(), token.ids(), token.after(), limit + 1)
                    : changes.changed(
                            tenant,
                            token.kind(),
                            followsMembers(token.select()),
                            token.ids(),
                            token.from(),
                            token.to(),
                            token.after(),
                            limit + 1);
            boolean more = ids.size() > limit;
            List<UUID> shown = more ? ids.subList(0, limit) : ids;
            DeltaToken next = more
                    ? token.after(shown.get(shown.size() - 1), limit, now)
                    : DeltaToken.nextRound(token.kind(), tenant, token.to(), token.select(), token.ids(), now);
            return Outcome.done(new DeltaPage<>(reader.read(token, List.copyOf(shown)), next, more));
        });
    }

    /**
     * Whether a token can be served: of this tenant and collection, of the kind of link it came in, not older than
     * the retention period, and of a round whose changes are all still in the log and not ahead of it.
     */
    private boolean usable(DeltaToken token, TenantId tenant, Request request, Instant now) {
        boolean skip = request.skipToken() != null;
        if (!token.tenant().equals(tenant)
                || token.kind() != request.kind()
                || skip == (token.phase() == DeltaToken.Phase.NEXT_ROUND)) {
            return false;
        }
        Duration retention = tenants.find(tenant).map(this::retention).orElse(minimumRetention);
        if (token.issuedAt().isBefore(now.minus(retention)) || token.issuedAt().isAfter(now.plus(Duration.ofDays(1)))) {
            return false;
        }
        return changes.servable(tenant, token.phase() == DeltaToken.Phase.LISTING ? token.to() : token.from())
                && changes.servable(tenant, token.to());
    }

    private Duration retention(Tenant tenant) {
        Duration days = Duration.ofDays(tenant.policy().softDeleteRetentionDays());
        return days.compareTo(minimumRetention) > 0 ? days : minimumRetention;
    }

    private static Rejection syncStateNotFound() {
        return Rejection.of(
                ErrorCode.SYNC_STATE_NOT_FOUND,
                "The delta token is unknown or has expired. Start over with a delta query without a token.");
    }
}
